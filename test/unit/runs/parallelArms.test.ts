// Independent arms in worker processes (src/trainer/arms): a lottery-ticket run whose controls train in a
// worker beside the ticket chain gives, series by series, the very numbers of the same run trained in
// order; a stop reaches the workers; and no worker outlives its trainer.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { startTrainer } from '../../../src/core/runs/trainerProcess';
import { createRunDir, isProcessAlive, readManifest, readMetricsSync } from '../../../src/core/runs/folder';
import type { RunEvent } from '../../../src/core/runs/events';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

const tiny = (over: Record<string, unknown> = {}) => ({
  paper: 'lottery-ticket',
  name: 'tiny-parallel',
  seed: 5,
  data: { dataset: 'mnist', train: 300, val: 100, test: 100 },
  model: { hidden: [16] },
  train: { iterations: 30, eval_every: 10, batch_size: 20, patience: 0 },
  prune: { rounds: 3 },
  controls: ['random_reinit', 'random_mask'],
  ...over,
});

function launch(config: unknown, workers: string, onEvent?: (e: RunEvent, stop: () => void) => void) {
  const runDir = createRunDir(mkdtempSync(path.join(os.tmpdir(), 'runs-')), 'tiny');
  const h = startTrainer({
    trainerPath: trainer,
    runDir,
    config,
    backend: 'wasm',
    env: { ...process.env, PAPERLAB_ARM_WORKERS: workers },
    onMessage: (m) => m.type === 'event' && onEvent?.(m.event, () => h.stop(10_000)),
  });
  return { h, runDir };
}

/** Events without their time, sorted by series then step: the order across arms is free when arms run in parallel. */
function bySeries(runDir: string) {
  const { events, badLines } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  assert.equal(badLines, 0);
  const key = (e: RunEvent) => `${JSON.stringify(e.series)} ${e.type} ${'step' in e ? String(e.step).padStart(6) : ''}`;
  return events
    .map(({ time: _t, ...rest }) => ({ key: key(rest as RunEvent), rest }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

test('controls in a worker beside the ticket chain give the numbers of the same run in order', async () => {
  const seq = launch(tiny(), '0');
  assert.equal((await seq.h.exited).status, 'completed');
  const par = launch(tiny(), '1');
  assert.equal((await par.h.exited).status, 'completed');
  const log = readFileSync(path.join(par.runDir, 'trainer.log'), 'utf8');
  assert.match(log, /controls train in 1 other process/);
  assert.doesNotMatch(readFileSync(path.join(seq.runDir, 'trainer.log'), 'utf8'), /other process/);
  const a = bySeries(seq.runDir);
  const b = bySeries(par.runDir);
  assert.equal(a.filter((e) => e.rest.type === 'summary').length, 1 + 3 * 3);
  assert.deepEqual(b, a);
});

/** Pids of the processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

test('a stop reaches the workers: the run ends stopped and its workers exit', async () => {
  let workers: number[] = [];
  let asked = false;
  const { h, runDir } = launch(
    tiny({ train: { iterations: 4000, eval_every: 10, batch_size: 20, patience: 0 }, prune: { rounds: 4 } }),
    '1',
    (e, stop) => {
      // Once round 1's ticket is training, round 1's controls are in the worker.
      if (!asked && e.type === 'metric' && e.series.round === 1 && e.step >= 20) {
        asked = true;
        workers = childrenOf(h.pid!);
        stop();
      }
    },
  );
  const exit = await h.exited;
  assert.equal(exit.status, 'stopped');
  assert.equal(exit.signal, null, 'it stopped by itself, not by the kill timer');
  assert.equal(readManifest(runDir)!.status, 'stopped');
  assert.equal(workers.length, 1, 'one worker was running');
  assert.ok(!isProcessAlive(workers[0]), 'the worker exited with the run');
});

test('a worker does not outlive its trainer killed with -9', async () => {
  let workers: number[] = [];
  let killed = false;
  const { h } = launch(tiny({ train: { iterations: 4000, eval_every: 10, batch_size: 20, patience: 0 } }), '1', (e) => {
    if (!killed && e.type === 'metric' && e.series.round === 1) {
      killed = true;
      workers = childrenOf(h.pid!);
      execFileSync('kill', ['-9', String(h.pid)]);
    }
  });
  await h.exited;
  assert.equal(workers.length, 1);
  const until = Date.now() + 5000;
  while (isProcessAlive(workers[0]) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  assert.ok(!isProcessAlive(workers[0]), 'the orphaned worker exited');
});
