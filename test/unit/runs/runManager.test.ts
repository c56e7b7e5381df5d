// The host's run manager outside VS Code (vscode stubbed): runs beyond the pool wait in a queue,
// a queued run can be dropped, and disposing the manager kills its trainers.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { isProcessAlive, listRuns } from '../../../src/core/runs/folder';

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
  train: { iterations, eval_every: 5, batch_size: 20 },
  prune: { rounds: 0 },
});

test('a pool of one: the second run waits for the first, both complete', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const m = new RunManager(trainer, undefined, log as never, () => 1);
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

test('a queued run can be dropped; disposing the manager kills the running trainer', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'rm-'));
  const m = new RunManager(trainer, undefined, log as never, () => 1);
  let pid: number | undefined;
  const started = new Promise<void>((resolve) =>
    m.onDidUpdate((u) => {
      if (u.kind === 'message' && u.message.type === 'event' && !pid) {
        pid = u.run.pid;
        resolve();
      }
    }),
  );
  const long = m.enqueue({ config: config('long', 100000), runsDir, backend: 'wasm' });
  const queued = m.enqueue({ config: config('queued'), runsDir, backend: 'wasm' });
  assert.equal(m.stop(queued.state.key), true);
  assert.equal((await queued.done).status, 'stopped');
  await started;
  assert.ok(pid && isProcessAlive(pid));
  m.dispose();
  const exit = await long.done;
  assert.equal(exit.status, 'interrupted');
  assert.ok(!isProcessAlive(pid));
  assert.deepEqual(
    listRuns(runsDir).map((r) => r.status),
    ['interrupted'],
  );
});
