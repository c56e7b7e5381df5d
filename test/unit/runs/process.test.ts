// The trainer as a process, through the same launcher the extension and the CLI use: a run completes
// with a full folder; the same seed gives the same numbers; stop, kill -9, a bad config and a crash in
// the trainer each end the way a user is promised; a trainer whose parent dies does not linger.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { buildTrainer } from './buildTrainer';
import { startTrainer, type TrainerHandle } from '../../../src/core/runs/trainerProcess';
import { createRunDir, isProcessAlive, listRuns, readManifest, readMetricsSync } from '../../../src/core/runs/folder';
import type { TrainerToHost } from '../../../src/core/protocol/trainer';
import type { RunEvent } from '../../../src/core/runs/events';
import * as tf from '@tensorflow/tfjs';
import { loadNamedTensors } from '../../../src/trainer/save';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

const tiny = (over: Record<string, unknown> = {}) => ({
  paper: 'lottery-ticket',
  name: 'tiny',
  seed: 3,
  data: { dataset: 'mnist', train: 300, test: 100 },
  model: { hidden: [16] },
  train: { iterations: 30, eval_every: 10, batch_size: 20, patience: 0 },
  prune: { rounds: 1 },
  controls: ['random_reinit'],
  ...over,
});

function launch(
  config: unknown,
  opts: { env?: NodeJS.ProcessEnv; onMessage?: (m: TrainerToHost, h: TrainerHandle) => void } = {},
) {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'runs-'));
  const runDir = createRunDir(runsDir, 'tiny');
  const messages: TrainerToHost[] = [];
  const h: TrainerHandle = startTrainer({
    trainerPath: trainer,
    runDir,
    config,
    backend: 'wasm',
    env: { ...process.env, ...opts.env },
    onMessage: (m) => {
      messages.push(m);
      opts.onMessage?.(m, h);
    },
  });
  return { h, runDir, runsDir, messages };
}

const values = (events: RunEvent[]) => events.map(({ time: _t, ...rest }) => rest);

test('start → events → done, and the folder holds everything', async () => {
  const { h, runDir, messages } = launch(tiny());
  const exit = await h.exited;
  assert.equal(exit.status, 'completed', exit.message);
  const m = readManifest(runDir)!;
  assert.equal(m.status, 'completed');
  assert.equal(m.backend, 'wasm');
  assert.equal(m.pid, undefined);
  assert.ok(m.endedAt && m.configHash.length === 64);
  const { events, badLines } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  assert.equal(badLines, 0);
  // A round's control may train in another process beside the next ticket: the order across arms is free.
  const summaries = events.filter((e) => e.type === 'summary').map((e) => `${e.series.arm}:${e.series.round}`);
  assert.deepEqual(summaries.sort(), ['random_reinit:1', 'ticket:0', 'ticket:1']);
  assert.equal(events.filter((e) => e.type === 'metric').length, 3 * 4);
  // What the host heard is what the file holds.
  assert.deepEqual(
    messages.filter((x) => x.type === 'event').map((x) => (x as { event: RunEvent }).event),
    events,
  );
  assert.ok(messages.some((x) => x.type === 'started') && messages.some((x) => x.type === 'progress'));
  for (const w of ['final', 'masks', 'rewind'])
    assert.ok(existsSync(path.join(runDir, 'weights', w, 'weights.bin')), w);
  // The saved masks are the last round's, and the saved final weights are zero exactly where they are.
  const masks = loadNamedTensors(tf, path.join(runDir, 'weights', 'masks'));
  const final = loadNamedTensors(tf, path.join(runDir, 'weights', 'final'));
  let kept = 0,
    total = 0;
  for (const [name, m] of Object.entries(masks)) {
    const md = m.dataSync(),
      wd = final[name.replace('/mask', '/weight')].dataSync();
    for (let i = 0; i < md.length; i++) ((kept += md[i]), total++, md[i] === 0 && assert.equal(Math.abs(wd[i]), 0));
  }
  const lastTicket = events.filter((e) => e.type === 'summary' && e.series.arm === 'ticket').pop()!;
  assert.equal(kept / total, lastTicket.series.density);
  assert.equal(
    JSON.parse(readFileSync(path.join(runDir, 'config.json'), 'utf8')).train.lr,
    1.2e-3,
    'resolved config has defaults filled',
  );
  assert.match(readFileSync(path.join(runDir, 'trainer.log'), 'utf8'), /completed in/);
});

test('same config, seed and backend ⇒ identical metrics', async () => {
  const a = launch(tiny({ controls: [] }));
  await a.h.exited;
  const b = launch(tiny({ controls: [] }));
  await b.h.exited;
  const ea = readMetricsSync(path.join(a.runDir, 'metrics.jsonl')).events;
  const eb = readMetricsSync(path.join(b.runDir, 'metrics.jsonl')).events;
  assert.ok(ea.length > 4);
  assert.deepEqual(values(ea), values(eb));
  const c = launch(tiny({ controls: [], seed: 4 }));
  await c.h.exited;
  assert.notDeepEqual(values(readMetricsSync(path.join(c.runDir, 'metrics.jsonl')).events), values(ea));
});

test('stop mid-run → stopped, with every metric intact', async () => {
  let asked = false;
  const { h, runDir } = launch(
    tiny({ train: { iterations: 5000, eval_every: 10, batch_size: 20 }, prune: { rounds: 3 } }),
    {
      onMessage: (m, handle) => {
        if (!asked && m.type === 'event' && m.event.type === 'metric' && m.event.step >= 20) {
          asked = true;
          handle.stop(10_000);
        }
      },
    },
  );
  const exit = await h.exited;
  assert.equal(exit.status, 'stopped');
  assert.equal(exit.signal, null, 'it stopped by itself, not by the kill timer');
  assert.equal(readManifest(runDir)!.status, 'stopped');
  const r = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  assert.equal(r.badLines, 0);
  assert.ok(r.events.length >= 3);
  assert.ok(r.events.every((e) => e.type !== 'metric' || e.step < 5000));
});

test('kill -9 → readable folder, listed as interrupted, process gone', async () => {
  let killed = false;
  const { h, runDir, runsDir } = launch(tiny({ train: { iterations: 5000, eval_every: 10, batch_size: 20 } }), {
    onMessage: (m, handle) => {
      if (!killed && m.type === 'event' && m.event.type === 'metric' && m.event.step >= 30) {
        killed = true;
        process.kill(handle.pid!, 'SIGKILL');
      }
    },
  });
  const exit = await h.exited;
  assert.equal(exit.status, 'interrupted');
  assert.match(exit.message!, /SIGKILL/);
  assert.ok(!isProcessAlive(h.pid));
  const r = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  assert.ok(r.events.filter((e) => e.type === 'metric').length >= 4, 'metrics written before the kill are there');
  const listed = listRuns(runsDir);
  assert.equal(listed[0].status, 'interrupted');
});

test('a bad config is refused with its findings, before any folder content is written', async () => {
  const { h, runDir } = launch(tiny({ train: { lr: 'fast', iterations: 30 } }));
  const exit = await h.exited;
  assert.equal(exit.status, 'failed');
  assert.match(exit.message!, /did not start/);
  assert.match(exit.message!, /lr/);
  assert.equal(readManifest(runDir), undefined);
});

test('an exception in the trainer → failed, with its message, in the manifest and the log', async () => {
  const { h, runDir } = launch(tiny({ train: { iterations: 100, eval_every: 10, batch_size: 20 } }), {
    env: { PAPERLAB_TEST_FAIL_AT_STEP: '20' },
  });
  const exit = await h.exited;
  assert.equal(exit.status, 'failed');
  assert.match(exit.message!, /injected failure at step 20/);
  const m = readManifest(runDir)!;
  assert.equal(m.status, 'failed');
  assert.match(m.reason!, /injected failure/);
  assert.match(readFileSync(path.join(runDir, 'trainer.log'), 'utf8'), /ERROR failed: Error: injected failure/);
  assert.equal(readMetricsSync(path.join(runDir, 'metrics.jsonl')).events.length, 3);
});

test('a trainer whose parent dies exits by itself (no orphan)', async () => {
  const runDir = createRunDir(mkdtempSync(path.join(os.tmpdir(), 'runs-')), 'orphan');
  // An intermediate parent that forks the trainer, reports its pid, then waits to be killed.
  const script = `
    const { fork } = require('node:child_process');
    const c = fork(${JSON.stringify(trainer)}, [], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    c.on('message', (m) => { if (m.type === 'event') process.stdout.write('PID ' + c.pid + '\\n'); });
    c.send({ type: 'start', runDir: ${JSON.stringify(runDir)}, backend: 'wasm', config: ${JSON.stringify(tiny({ train: { iterations: 100000, eval_every: 10, batch_size: 20 } }))} });`;
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.on('data', (d: Buffer) => resolve(Number(/PID (\d+)/.exec(d.toString())![1]))),
  );
  assert.ok(isProcessAlive(pid));
  parent.kill('SIGKILL');
  const t0 = Date.now();
  while (isProcessAlive(pid) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
  assert.ok(!isProcessAlive(pid), 'the trainer outlived its parent');
  const m = readManifest(runDir)!;
  assert.equal(m.status, 'interrupted');
  assert.match(m.reason!, /closed/);
});
