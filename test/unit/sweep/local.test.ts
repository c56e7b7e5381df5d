// `paperlab sweep` on this machine's cores: every cell an ordinary run folder, a sweep folder that
// lists them, resume by config hash + seed, a clean stop that leaves queued cells for the next run,
// and a grid combination that cannot run refused before anything starts.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from '../runs/buildTrainer';
import { sweepCommand } from '../../../src/cli/commands/sweep';
import { listRuns, readManifest } from '../../../src/core/runs/folder';
import { listSweeps, readSweepFile } from '../../../src/core/sweep/folder';
import { paperRegistry } from '../../../src/papers';
import { planSweep } from '../../../src/core/sweep/plan';
import { LocalPool } from '../../../src/core/sweep/localPool';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
  process.env.PAPERLAB_TRAINER = trainer;
});

async function quiet<T>(fn: () => Promise<T>): Promise<{ result: T; err: string }> {
  const orig = console.error;
  let err = '';
  console.error = (...a: unknown[]) => void (err += a.join(' ') + '\n');
  try {
    return { result: await fn(), err };
  } finally {
    console.error = orig;
  }
}

const tiny = (extra = '') => `paper: thresholdout
name: tiny holdout
seed: 5
data: { n: 100, d: 50 }
analysis: { k: [0, 5], reps: 1 }
sweep:
  seeds: 2
  grid:
    data.signal_vars: [0, 5]
${extra}`;

function setup(text: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sweep-local-'));
  const file = path.join(dir, 'tiny.exp.yaml');
  writeFileSync(file, text);
  return { dir, file, runs: path.join(dir, 'runs') };
}

test('a 2 × 2-seed sweep: four run folders, a sweep folder listing them, seeds grouped per setting', async () => {
  const { file, runs } = setup(tiny());
  const { result, err } = await quiet(() =>
    sweepCommand(file, { out: runs, backend: 'wasm', progress: false, jobs: '2' }),
  );
  assert.equal(result, 0, err);
  assert.match(err, /4 cells \(2 × data\.signal_vars, 2 seeds\): 0 already completed, 4 to run/);
  assert.match(err, /4\/4 done, 0 running, 0 queued/);
  const listed = listRuns(runs);
  assert.equal(listed.length, 4);
  assert.ok(listed.every((r) => r.status === 'completed'));
  const [{ dir: sweepDir, sweep }] = listSweeps(runs);
  assert.equal(sweep.cells.length, 4);
  for (const cell of sweep.cells) {
    assert.equal(cell.status, 'completed');
    const m = readManifest(path.join(runs, cell.run!))!;
    assert.deepEqual(m.sweep, { dir: sweepDir, cell: cell.index });
    assert.equal(m.seed, cell.seed);
    assert.equal(m.configHash, cell.configHash, "the run's hash is the one planned");
    const config = JSON.parse(readFileSync(path.join(runs, cell.run!, 'config.json'), 'utf8'));
    assert.equal(config.data.signal_vars, cell.settings['data.signal_vars']);
    assert.equal(config.sweep, undefined, "a cell's config.json is the resolved cell, without the block");
  }
  assert.deepEqual(
    sweep.cells.map((c) => c.seed),
    [5, 6, 5, 6],
  );
  const key = (i: number) => readManifest(path.join(runs, sweep.cells[i].run!))!.groupKey;
  assert.equal(key(0), key(1), 'the two seeds of a setting are one group');
  assert.notEqual(key(0), key(2));

  // Running it again resumes the same sweep folder and starts nothing.
  const again = await quiet(() => sweepCommand(file, { out: runs, backend: 'wasm', progress: false }));
  assert.equal(again.result, 0);
  assert.match(again.err, /\(resumed\)/);
  assert.match(again.err, /4 already completed, 0 to run/);
  assert.equal(listRuns(runs).length, 4);

  // A cell whose run is gone runs again, and only it.
  rmSync(path.join(runs, sweep.cells[3].run!), { recursive: true });
  const third = await quiet(() => sweepCommand(file, { out: runs, backend: 'wasm', progress: false }));
  assert.equal(third.result, 0, third.err);
  assert.match(third.err, /3 already completed, 1 to run/);
  assert.equal(listRuns(runs).length, 4);
  assert.equal(readSweepFile(sweepDir)!.cells[3].status, 'completed');

  // A third seed: a new sweep whose first two seeds are the runs already done (config hash + seed).
  writeFileSync(file, tiny().replace('seeds: 2', 'seeds: 3'));
  const more = await quiet(() => sweepCommand(file, { out: runs, backend: 'wasm', progress: false }));
  assert.equal(more.result, 0, more.err);
  assert.match(more.err, /6 cells .*: 4 already completed, 2 to run/);
  assert.equal(listRuns(runs).length, 6);
  const newest = listSweeps(runs)[0].sweep;
  assert.equal(newest.cells.filter((c) => c.reused).length, 4);
});

test('a clean stop: running cells record `stopped`, queued ones stay queued, and the next run picks them up', async () => {
  // Longer cells (more repetitions), one trainer at a time, stopped as soon as the first one trains.
  const { file, runs } = setup(tiny().replace('reps: 1', 'reps: 200').replace('d: 50', 'd: 400'));
  const plan = planSweep({
    text: readFileSync(file, 'utf8'),
    file,
    runsDir: runs,
    backend: 'wasm',
    papers: paperRegistry,
  });
  assert.ok(plan.ok);
  const pool: LocalPool = new LocalPool({
    papers: paperRegistry,
    sweepDir: plan.dir,
    sweep: plan.sweep,
    todo: plan.todo,
    configs: plan.configs,
    jobs: 1,
    trainerPath: trainer,
    backend: 'wasm',
    onMessage: (m) => {
      if (m.type === 'progress') pool.stop();
    },
  });
  const counts = await pool.run();
  assert.deepEqual([counts.done, counts.queued, counts.ended], [0, 3, 1]);
  const cells = readSweepFile(plan.dir)!.cells;
  assert.equal(cells[0].status, 'stopped');
  assert.equal(readManifest(path.join(runs, cells[0].run!))!.status, 'stopped');
  assert.deepEqual(
    cells.slice(1).map((c) => c.status),
    ['queued', 'queued', 'queued'],
  );
  // The next `paperlab sweep` picks the same folder up again and runs all four (the stopped one too).
  const rest = await quiet(() => sweepCommand(file, { out: runs, backend: 'wasm', progress: false, dryRun: true }));
  assert.equal(rest.result, 0, rest.err);
  assert.match(rest.err, /\(resumed\)\n4 cells .*: 0 already completed, 4 to run/);
  const one = await quiet(() => sweepCommand(file, { out: runs, progress: false, seeds: '1', dryRun: true }));
  assert.match(one.err, /2 cells \(2 × data\.signal_vars, 1 seed\)/, '--seeds overrides the block');
});

test('values that pass alone but fail together are refused before anything runs, naming the cell', async () => {
  const text = `paper: lottery-ticket
name: joint
train: { iterations: 1000, eval_every: 100 }
prune: { rewind_to: 0 }
sweep:
  grid:
    train.iterations: [1000, 200]
    prune.rewind_to: [0, 500]
`;
  const { file, runs } = setup(text);
  const { result, err } = await quiet(() => sweepCommand(file, { out: runs, progress: false }));
  assert.equal(result, 1);
  assert.match(err, /Cell 3 \(train\.iterations=200, prune\.rewind_to=500, seed 1\) cannot run/);
  assert.deepEqual(listRuns(runs), []);
  const none = setup('paper: thresholdout\n');
  const noBlock = await quiet(() => sweepCommand(none.file, { out: none.runs, progress: false }));
  assert.equal(noBlock.result, 1);
  assert.match(noBlock.err, /no `sweep:` block.*--seeds N/s);
});
