// Issue 11 §3, small ones: `paperlab lint … | head` ends quietly; a `!!binary` tag is a finding, not an
// internal error; a UTF-8 byte-order mark in an .exp.json is accepted; `paperlab report` leaves host
// names, pids and absolute paths out unless asked (`--include-host`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../../src/core/config';
import { cli, cliMain, collect, root, tmp, tsxLoader, writeRun } from './helpers';
import { paperRegistry } from '../../../src/papers';

test('paperlab lint … | head: the closed pipe ends the command quietly (no EPIPE stack)', async () => {
  // 200 copies of an example in one file: ~1,600 duplicate-key findings, far more than a pipe holds.
  const file = path.join(tmp(), 'many.exp.yaml');
  writeFileSync(file, readFileSync(path.join(root, 'examples/lottery-ticket.exp.yaml'), 'utf8').repeat(200));
  const child = spawn(
    'sh',
    ['-c', `"${process.execPath}" --import "${tsxLoader}" "${cliMain}" lint "${file}" | head -2`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const r = await collect(child, 60_000);
  assert.equal(r.timedOut, false);
  assert.equal(r.stdout.split('\n').filter(Boolean).length, 2);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled 'error' event|\n\s+at /, r.stderr);
});

test('a !!binary value is a finding about the tag, not an internal error', () => {
  const r = lintText('paper: lottery-ticket\nname: !!binary aGVsbG8=\n', 'b.exp.yaml', { papers: paperRegistry });
  assert.deepEqual(
    r.findings.filter((f) => f.code.startsWith('internal')),
    [],
  );
  const tag = r.findings.find((f) => f.code === 'parse/tag');
  assert.ok(tag);
  assert.match(tag.message, /!!binary/);
});

test('a UTF-8 byte-order mark in an .exp.json is accepted, by the core and by the CLI', async () => {
  const text = '\ufeff' + JSON.stringify({ paper: 'lottery-ticket', name: 'bom' });
  assert.deepEqual(
    lintText(text, 'bom.exp.json', { papers: paperRegistry }).findings.filter((f) => f.severity === 'error'),
    [],
  );
  const file = path.join(tmp(), 'bom.exp.json');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.slice(1))]));
  const r = await cli(['lint', file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('paperlab report leaves out host names, pids and absolute paths unless --include-host', async () => {
  const runs = tmp('paperlab-runs-');
  writeRun(runs, 'r1', 3, {
    status: 'failed',
    host: 'lab-node-17.example.org',
    pid: 424242,
    sourceConfig: '/home/ana/secret-project/exp.exp.yaml',
    reason: 'data.path /home/ana/secret-project/data does not exist.',
  });
  const out = path.join(tmp(), 'r.html');
  assert.equal((await cli(['report', runs, '-o', out])).code, 0);
  const html = readFileSync(out, 'utf8');
  for (const secret of ['lab-node-17', '424242', '/home/ana', 'secret-project/exp'])
    assert.ok(!html.includes(secret), secret);
  assert.ok(html.includes('exp.exp.yaml'), 'the config file name stays');
  const full = path.join(tmp(), 'full.html');
  assert.equal((await cli(['report', runs, '-o', full, '--include-host'])).code, 0);
  const fullHtml = readFileSync(full, 'utf8');
  for (const kept of ['lab-node-17', '424242', '/home/ana/secret-project/exp.exp.yaml'])
    assert.ok(fullHtml.includes(kept), kept);
});
