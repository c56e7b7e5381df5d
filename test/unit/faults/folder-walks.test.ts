// Issue 11 §3, folder walks: a symbolic link back to a parent (`ln -s . loop`) inside a linted folder
// made `lint` read each config 33 times, and two such links made the walk exponential (a hang). In a
// runs folder, a link to a run listed that run twice. Folders are now visited once by device and inode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { cli, root, runTs, tmp, writeRun } from './helpers';

const probe = path.join(root, 'test/unit/faults/probe-dashboard.ts');

test('lint: a link back to the folder lints each config once', async () => {
  const dir = tmp();
  mkdirSync(path.join(dir, 'exp'));
  copyFileSync(path.join(root, 'examples/lottery-ticket.exp.yaml'), path.join(dir, 'exp', 'a.exp.yaml'));
  symlinkSync('.', path.join(dir, 'exp', 'loop'));
  const r = await cli(['lint', '--format', 'json', path.join(dir, 'exp')], { timeoutMs: 30_000 });
  assert.equal(r.timedOut, false);
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file));
  assert.deepEqual(files, ['a.exp.yaml']);
});

test('lint: two links back to the folder end (today the walk doubles per level and never ends)', async () => {
  const dir = tmp();
  copyFileSync(path.join(root, 'examples/lottery-ticket.exp.yaml'), path.join(dir, 'a.exp.yaml'));
  symlinkSync('.', path.join(dir, 'loop1'));
  symlinkSync('.', path.join(dir, 'loop2'));
  const r = await cli(['lint', '--format', 'json', dir], { timeoutMs: 30_000 });
  assert.equal(r.timedOut, false, 'the walk did not end');
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
});

function runsWithLinks(): string {
  const runs = tmp('paperlab-runs-');
  writeRun(runs, 'run-a', 3);
  symlinkSync('.', path.join(runs, 'loop'));
  symlinkSync('run-a', path.join(runs, 'alias'));
  return runs;
}

test('report: a runs folder with a loop and a link to a run reports the run once', async () => {
  const out = path.join(tmp(), 'r.html');
  const r = await cli(['report', runsWithLinks(), '-o', out], { timeoutMs: 30_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\(1 run,/);
});

test('dashboard: a runs folder with a loop and a link to a run lists the run once', async () => {
  const r = await runTs(probe, [runsWithLinks()], { timeoutMs: 30_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).runs, ['run-a']);
});
