// The run folder: names, manifest, metrics log (torn last line), listing live vs interrupted runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  MetricsWriter,
  configHash,
  createRunDir,
  listRuns,
  readManifest,
  readMetricsSync,
  runFolderName,
  slugify,
  writeManifest,
  markInterrupted,
} from '../../../src/core/runs/folder';
import type { RunEvent, RunManifest } from '../../../src/core/runs/events';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'runs-'));

function manifest(over: Partial<RunManifest>): RunManifest {
  return {
    id: 'x',
    paper: 'lottery-ticket',
    name: 'n',
    configHash: 'h',
    seed: 1,
    backend: 'wasm',
    versions: { paperlab: '0', tfjs: '0', node: process.version },
    status: 'running',
    startedAt: new Date().toISOString(),
    ...over,
  };
}

test('folder names are dated, slugged and unique', () => {
  assert.equal(slugify('LeNet 300/100: IMP, rewind→0!'), 'lenet-300-100-imp-rewind-0');
  assert.equal(slugify('***'), 'run');
  assert.equal(runFolderName('a b', new Date(2026, 0, 2, 3, 4, 5)), '20260102-030405-a-b');
  const dir = tmp();
  const when = new Date(2026, 0, 2, 3, 4, 5);
  const a = createRunDir(dir, 'same', when),
    b = createRunDir(dir, 'same', when);
  assert.notEqual(a, b);
  assert.ok(b.endsWith('-2'));
});

test('the config hash ignores key order', () => {
  assert.equal(configHash({ a: 1, b: { c: 2, d: [1, 2] } }), configHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
  assert.notEqual(configHash({ a: 1 }), configHash({ a: 2 }));
});

test('metrics: every appended event reads back; a torn last line is left for later, junk lines are counted', () => {
  const dir = tmp();
  const file = path.join(dir, 'metrics.jsonl');
  const w = new MetricsWriter(file);
  const events: RunEvent[] = [
    { type: 'metric', time: 1, step: 0, series: { arm: 'ticket', round: 0, density: 1 }, values: { test_acc: 0.1 } },
    { type: 'summary', time: 2, series: { arm: 'ticket', round: 0, density: 1 }, values: { early_stop_iter: 100 } },
  ];
  for (const e of events) w.append(e);
  w.close();
  appendFileSync(file, 'not json\n{"type":"metric","time":3,"step":1,"series":{"arm":"tic');
  const r = readMetricsSync(file);
  assert.deepEqual(r.events, events);
  assert.equal(r.badLines, 1);
  // Completing the torn line makes it readable from the returned offset.
  appendFileSync(file, 'ket"},"values":{"test_acc":0.2}}\n');
  const more = readMetricsSync(file, r.nextOffset);
  assert.equal(more.events.length, 1);
  assert.equal((more.events[0] as { step: number }).step, 1);
  assert.deepEqual(readMetricsSync(path.join(dir, 'missing.jsonl')).events, []);
});

test('listing tells a live run from an interrupted one by its pid, newest first', () => {
  const dir = tmp();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const deadPid = Number(dead.stdout.toString());
  const a = createRunDir(dir, 'live');
  writeManifest(a, manifest({ id: path.basename(a), pid: process.pid, startedAt: '2026-01-01T00:00:00Z' }));
  const b = createRunDir(dir, 'crashed');
  writeManifest(b, manifest({ id: path.basename(b), pid: deadPid, startedAt: '2026-01-02T00:00:00Z' }));
  const c = createRunDir(dir, 'done');
  writeManifest(c, manifest({ id: path.basename(c), status: 'completed', startedAt: '2026-01-03T00:00:00Z' }));
  writeFileSync(path.join(createRunDir(dir, 'broken'), 'manifest.json'), '{ torn');
  const runs = listRuns(dir);
  assert.deepEqual(
    runs.map((r) => [path.basename(r.dir).replace(/^\d+-\d+-/, ''), r.status]),
    [
      ['done', 'completed'],
      ['crashed', 'interrupted'],
      ['live', 'running'],
    ],
  );
  assert.match(runs[1].reason!, /ended without finishing/);
  markInterrupted(b);
  assert.equal(readManifest(b)!.status, 'interrupted');
  assert.deepEqual(listRuns(path.join(dir, 'nope')), []);
  // A run written on another machine keeps its own status: its pid means nothing here.
  const remote = createRunDir(dir, 'remote');
  writeManifest(
    remote,
    manifest({ id: path.basename(remote), pid: deadPid, host: 'some-cluster-node', startedAt: '2026-01-04T00:00:00Z' }),
  );
  assert.equal(listRuns(dir)[0].status, 'running');
});
