// The machine's speed from past runs: the median of recent completed runs of one backend; failed,
// stopped, running, too-short and unreadable runs are ignored; no usable run → the default speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_SPEED,
  RECENT_RUNS,
  STARTUP_SECONDS,
  calibrate,
  median,
  runSpeed,
  type PastRun,
} from '../../../src/core/estimate/calibrate';
import { estimateRun } from '../../../src/core/estimate/estimate';
import { readPastRuns } from '../../../src/core/estimate/pastRuns';
import { getPaper } from '../../../src/papers';
import { lintText } from '../../../src/core/config';
import { paperRegistry } from '../../../src/papers';

const T0 = Date.parse('2026-01-01T00:00:00Z');
/** A completed run that did `work` in `seconds` of training (plus startup), started `ago` minutes before T0. */
function run(work: number, seconds: number, o: Partial<PastRun> & { ago?: number } = {}): PastRun {
  const start = T0 - (o.ago ?? 0) * 60_000;
  return {
    status: 'completed',
    backend: 'wasm',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + (seconds + STARTUP_SECONDS) * 1000).toISOString(),
    work,
    ...o,
  };
}

test('median of odd and even lists', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('speed is work per training second; only completed runs with times, work and > 5 s count', () => {
  assert.equal(runSpeed(run(1e11, 10)), 1e10);
  assert.equal(runSpeed(run(1e11, 10, { status: 'failed' })), undefined);
  assert.equal(runSpeed(run(1e11, 10, { status: 'running' })), undefined);
  assert.equal(runSpeed(run(1e11, 10, { status: 'stopped' })), undefined);
  assert.equal(runSpeed(run(1e11, 2)), undefined, 'mostly startup');
  assert.equal(runSpeed(run(1e11, 10, { endedAt: undefined })), undefined);
  assert.equal(runSpeed(run(1e11, 10, { work: undefined })), undefined, 'paper without a work function');
});

test('the median over recent runs of the same backend; the default when there are none', () => {
  const runs = [
    run(1e11, 10),
    run(2e11, 10, { ago: 1 }),
    run(4e11, 10, { ago: 2 }),
    run(1e12, 10, { status: 'failed', ago: 3 }),
    run(9e11, 10, { backend: 'node', ago: 4 }),
  ];
  assert.deepEqual(calibrate(runs, 'wasm'), {
    perSecond: 2e10,
    basis: 'past runs on this machine',
    n: 3,
    backend: 'wasm',
  });
  assert.deepEqual(calibrate(runs, 'node'), {
    perSecond: 9e10,
    basis: 'past runs on this machine',
    n: 1,
    backend: 'node',
  });
  // auto: what the most recent usable run used.
  assert.equal(calibrate(runs, 'auto')?.backend, 'wasm');
  assert.equal(calibrate(runs, 'cpu'), undefined, 'the default was measured on wasm: no estimate for cpu');
  assert.deepEqual(calibrate([], 'wasm'), { perSecond: DEFAULT_SPEED, basis: 'default', n: 0 });
  assert.deepEqual(calibrate([], 'auto'), { perSecond: DEFAULT_SPEED, basis: 'default', n: 0 });
  const many = Array.from({ length: RECENT_RUNS + 5 }, (_, i) => run(i < RECENT_RUNS ? 1e11 : 1e13, 10, { ago: i }));
  assert.equal(calibrate(many, 'wasm')?.perSecond, 1e10, 'only the most recent runs');
});

test('the estimate: startup plus work at the speed; none without a work function', () => {
  const r = lintText('paper: lottery-ticket\n', 'x.exp.yaml', { papers: paperRegistry });
  const speed = { perSecond: 1e10, basis: 'default' as const, n: 0 };
  const e = estimateRun(r.paper, r.config, speed)!;
  assert.equal(e.basis, 'default');
  assert.ok(e.seconds > STARTUP_SECONDS && Number.isFinite(e.seconds));
  assert.equal(estimateRun({ ...r.paper!, work: undefined }, r.config, speed), undefined);
  assert.equal(estimateRun(getPaper('lottery-ticket'), r.config, { ...speed, perSecond: 0 }), undefined);
});

test('reading a runs folder: corrupt, missing and unfinished manifests are skipped, not errors', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperlab-estimate-'));
  const config = lintText('paper: lottery-ticket\nprune: { rounds: 0 }\n', 'x.exp.yaml', {
    papers: paperRegistry,
  }).config;
  const put = (name: string, manifest: string | object, cfg: unknown = config) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(
      path.join(dir, name, 'manifest.json'),
      typeof manifest === 'string' ? manifest : JSON.stringify(manifest),
    );
    if (cfg !== null) writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(cfg));
  };
  const m = (status: string, startedAt: string, endedAt?: string) => ({
    id: 'x',
    paper: 'lottery-ticket',
    backend: 'wasm',
    status,
    startedAt,
    endedAt,
  });
  put('20260101-000000-a', m('completed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:31.5Z'));
  put('20260101-000100-b', m('failed', '2026-01-01T00:01:00Z', '2026-01-01T00:01:10Z'));
  put('20260101-000200-c', m('running', '2026-01-01T00:02:00Z'));
  put('20260101-000300-d', '{ "status": "compl');
  put('20260101-000400-e', m('completed', '2026-01-01T00:04:00Z', '2026-01-01T00:05:00Z'), null); // no config.json
  mkdirSync(path.join(dir, '20260101-000500-f')); // no manifest at all
  writeFileSync(path.join(dir, 'stray-file'), '');
  const runs = await readPastRuns(dir, paperRegistry);
  assert.deepEqual(
    runs.map((r) => r.status),
    ['completed', 'running', 'failed', 'completed'],
  );
  assert.equal(runs[0].work, undefined, 'no config, no work');
  const speed = calibrate(runs, 'wasm')!;
  assert.equal(speed.n, 1);
  const work = runs[3].work!;
  assert.ok(Math.abs(speed.perSecond - work / 30) < 1e-6 * speed.perSecond);
  assert.deepEqual(await readPastRuns(path.join(dir, 'does-not-exist'), paperRegistry), []);
});
