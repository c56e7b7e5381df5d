// The host's run manager outside VS Code (vscode stubbed): runs beyond the pool wait in a queue, a
// queued run can be dropped; trainers outlive the manager (as they outlive a window reload), a new
// manager adopts them from their run folders and sees them finish; the queue survives a reload; the
// lease stops a trainer that no window follows when the user asked for that.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { isProcessAlive, listRuns, readManifest, writeManifest } from '../../../src/core/runs/folder';
import { DETACHED_FILES } from '../../../src/core/protocol/trainer';
import type { RunEvent } from '../../../src/core/runs/events';

type RM = typeof import('../../../src/host/runs/runManager');
let RunManager: RM['RunManager'];
let trainer = '';
const logged: string[] = [];
const log = {
  info: (m: string) => logged.push(m),
  warn: (m: string) => logged.push(m),
  error: (m: string) => logged.push(m),
};

before(async () => {
  const mod = Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string };
  const orig = mod._resolveFilename;
  mod._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? path.join(__dirname, 'vscodeStub.cjs') : orig.call(this, request, ...rest);
  };
  RunManager = (await import('../../../src/host/runs/runManager')).RunManager;
  trainer = await buildTrainer();
});

const config = (name: string, iterations = 20) => ({
  paper: 'lottery-ticket',
  name,
  seed: 1,
  data: { dataset: 'mnist', train: 200, test: 100 },
  model: { hidden: [8] },
  train: { iterations, eval_every: 5, batch_size: 20, patience: 0 },
  prune: { rounds: 0 },
});

const manager = (over: Partial<ConstructorParameters<RM['RunManager']>[0]> = {}) =>
  new RunManager({ trainerPath: trainer, log, poolSize: () => 1, ...over });

/** Resolves with the run's pid once its trainer has written `n` metric lines. */
function metricsWritten(m: InstanceType<RM['RunManager']>, n = 1): Promise<{ pid: number; runDir: string }> {
  return new Promise((resolve) => {
    const sub = m.onDidUpdate((u) => {
      if (u.kind !== 'activity' || !u.run.runDir || !u.run.pid) return;
      const lines = readFileSync(path.join(u.run.runDir, 'metrics.jsonl'), 'utf8').split('\n').filter(Boolean);
      if (lines.length >= n) (sub.dispose(), resolve({ pid: u.run.pid, runDir: u.run.runDir }));
    });
  });
}

const metricSteps = (runDir: string) =>
  readFileSync(path.join(runDir, 'metrics.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RunEvent)
    .filter((e) => e.type === 'metric')
    .map((e) => (e as { step: number }).step);

test('a pool of one: the second run waits for the first, both complete', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const m = manager();
  const order: string[] = [];
  m.onDidUpdate((u) =>
    u.kind === 'started' || u.kind === 'finished' ? order.push(`${u.kind}:${u.run.name}`) : undefined,
  );
  const a = m.enqueue({ config: config('a'), runsDir, backend: 'wasm' });
  const b = m.enqueue({ config: config('b'), runsDir, backend: 'wasm' });
  assert.deepEqual(
    m.runs().map((r) => [r.name, r.status]),
    [
      ['a', 'running'],
      ['b', 'queued'],
    ],
  );
  assert.equal((await a.done).status, 'completed');
  assert.equal((await b.done).status, 'completed');
  assert.deepEqual(order, ['started:a', 'finished:a', 'started:b', 'finished:b']);
  assert.equal(listRuns(runsDir).length, 2);
  m.dispose();
});

test('the same config and seed queued twice are recognised as the same numbers', () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const m = manager({ poolSize: () => 0 }); // nothing starts: both stay queued
  const a = m.enqueue({ config: config('twin'), runsDir, backend: 'wasm' });
  assert.deepEqual(
    m.sameAs(a.state.configHash).map((r) => r.key),
    [a.state.key],
  );
  const other = m.enqueue({ config: { ...config('twin'), seed: 2 }, runsDir, backend: 'wasm' });
  assert.notEqual(other.state.configHash, a.state.configHash, 'another seed is another draw');
  m.dispose();
});

test('a trainer outlives its manager (a window reload); the next manager adopts it and sees it complete', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const first = manager();
  const run = first.enqueue({ config: config('survivor', 600), runsDir, backend: 'wasm' });
  const { pid, runDir } = await metricsWritten(first, 2);
  first.dispose(); // the extension host goes away
  assert.ok(isProcessAlive(pid), 'the trainer is still training after its window went away');
  assert.equal(readManifest(runDir)?.status, 'running');

  const second = manager();
  const progress = new Promise<void>((resolve) =>
    second.onDidUpdate((u) => u.kind === 'progress' && u.run.runDir === runDir && resolve()),
  );
  const adopted = second.adoptFrom(runsDir);
  assert.deepEqual(
    adopted.map((r) => [r.runDir, r.pid, r.adopted]),
    [[runDir, pid, true]],
  );
  assert.equal(second.runs()[0].status, 'running');
  await progress; // read from progress.json: no IPC channel to an adopted trainer
  const finished = new Promise<string>((resolve) =>
    second.onDidUpdate((u) => u.kind === 'finished' && resolve(u.run.status)),
  );
  assert.equal(await finished, 'completed');
  assert.equal(readManifest(runDir)?.status, 'completed');
  // Every evaluation made it to the file, once: step 0, then every 5 up to 600.
  assert.deepEqual(
    metricSteps(runDir),
    Array.from({ length: 121 }, (_, i) => i * 5),
  );
  void run; // the first manager's promise never settles: its window is gone
  second.dispose();
});

test('an adopted trainer stops cleanly on Stop (SIGTERM): status stopped, not interrupted', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const first = manager();
  first.enqueue({ config: config('adopt-stop', 100_000), runsDir, backend: 'wasm' });
  const { pid, runDir } = await metricsWritten(first);
  first.dispose();
  const second = manager();
  second.adoptFrom(runsDir);
  const finished = new Promise<string>((resolve) =>
    second.onDidUpdate((u) => u.kind === 'finished' && resolve(u.run.status)),
  );
  assert.equal(second.stop(runDir), true);
  assert.equal(await finished, 'stopped');
  assert.equal(readManifest(runDir)?.status, 'stopped');
  assert.ok(!isProcessAlive(pid));
  second.dispose();
});

test('a run whose trainer is really gone is interrupted; a reused pid is not mistaken for it', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const first = manager();
  const run = first.enqueue({ config: config('killed', 100_000), runsDir, backend: 'wasm' });
  const { pid, runDir } = await metricsWritten(first);
  process.kill(pid, 'SIGKILL');
  const exit = await run.done;
  assert.equal(exit.status, 'interrupted');
  assert.equal(readManifest(runDir)?.status, 'interrupted');
  first.dispose();

  // A manifest that says running, with the pid of a live process that is not its trainer (this test).
  const fake = path.join(runsDir, 'pid-reused');
  mkdirSync(fake);
  writeManifest(fake, {
    ...readManifest(runDir)!,
    id: 'pid-reused',
    status: 'running',
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date(Date.now() + 3600_000).toISOString(), // this process started long before
  } as never);
  writeFileSync(path.join(fake, DETACHED_FILES.lease), '{}');
  const second = manager();
  assert.deepEqual(second.adoptFrom(runsDir), [], 'nothing to adopt');
  assert.equal(readManifest(fake)?.status, 'interrupted');
  second.dispose();
});

test('with "stop when VS Code closes", a trainer that no window follows stops after the lease expires', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const m = manager({ whenVSCodeCloses: () => 'stop' });
  m.enqueue({
    config: config('lease', 100_000),
    runsDir,
    backend: 'wasm',
    env: { PAPERLAB_TEST_LEASE_EXPIRE_MS: '1500' },
  });
  const { pid, runDir } = await metricsWritten(m);
  assert.equal(JSON.parse(readFileSync(path.join(runDir, DETACHED_FILES.lease), 'utf8')).whenVSCodeCloses, 'stop');
  m.dispose(); // VS Code closes: nobody renews the lease
  for (const deadline = Date.now() + 20_000; isProcessAlive(pid) && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 100));
  assert.ok(!isProcessAlive(pid), 'the trainer stopped');
  const manifest = readManifest(runDir)!;
  assert.equal(manifest.status, 'stopped');
  assert.match(manifest.reason ?? '', /VS Code was closed/);
});

test('the queue survives a reload: what waited is queued again by the next manager', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const queueFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rm-store-')), 'queue.json');
  const first = manager({ poolSize: () => 0, queueFile });
  first.enqueue({ config: config('waiting-1'), runsDir, backend: 'wasm' });
  first.enqueue({ config: config('waiting-2'), runsDir, backend: 'wasm' });
  first.dispose();
  const second = manager({ poolSize: () => 0, queueFile });
  assert.deepEqual(second.restoreQueue(), { restored: 2, dropped: 0 });
  assert.deepEqual(
    second.runs().map((r) => [r.name, r.status]),
    [
      ['waiting-1', 'queued'],
      ['waiting-2', 'queued'],
    ],
  );
  second.dispose();
});
