// The Slurm executor against a REAL one-node Slurm (Debian's slurm-wlm + munge, started by .ci/run or,
// when it is installed but not running, by this file through scripts/slurm-local.mjs — and then
// stopped by it at the end). A 6-cell sweep is one job array whose tasks all complete; another is
// cancelled mid-way and every cell that had not completed is marked cancelled; a task killed under
// Slurm's feet is `interrupted` because Slurm says the task ended, not because a pid is gone.
// Where `sbatch` is not on the PATH these tests skip, saying so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../runs/buildTrainer';
import { sweepCommand } from '../../../src/cli/commands/sweep';
import { readManifest } from '../../../src/core/runs/folder';
import { listSweeps, readSweepFile, type SweepFile } from '../../../src/core/sweep/folder';
import { refreshSlurm, settled } from '../../../src/core/sweep/slurm';

const root = path.resolve(__dirname, '../../..');
const hasSbatch = spawnSync('sh', ['-c', 'command -v sbatch']).status === 0;
const skip = hasSbatch
  ? false
  : 'sbatch is not on the PATH: the Slurm executor tests need Slurm (apt-get install slurm-wlm munge; .ci/run installs and starts it)';
let startedHere = false;

before(async () => {
  if (!hasSbatch) return;
  const script = path.join(root, 'scripts/slurm-local.mjs');
  if (spawnSync(process.execPath, [script, 'status']).status !== 0) {
    const r = spawnSync(process.execPath, [script, 'start'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `could not start the one-node Slurm cluster:\n${r.stderr}`);
    startedHere = true;
  }
  process.env.PAPERLAB_CLI = await buildCli();
});

after(() => {
  if (startedHere)
    spawnSync(process.execPath, [path.join(root, 'scripts/slurm-local.mjs'), 'stop'], { stdio: 'inherit' });
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

const config = (reps: number, d: number) => `paper: thresholdout
name: slurm sweep
seed: 1
data: { n: 200, d: ${d} }
analysis: { k: [0, 10], reps: ${reps} }
sweep:
  seeds: 3
  grid:
    data.signal_vars: [0, 10]
`;

function setup(text: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sweep-slurm-'));
  const file = path.join(dir, 'slurm.exp.yaml');
  writeFileSync(file, text);
  return { file, runs: path.join(dir, 'runs') };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function submit(text: string, jobs: number): Promise<{ dir: string; sweep: SweepFile; runs: string }> {
  const { file, runs } = setup(text);
  const { result, err } = await quiet(() =>
    sweepCommand(file, { executor: 'slurm', jobs: String(jobs), out: runs, backend: 'wasm', progress: false }),
  );
  assert.equal(result, 0, err);
  assert.match(err, /submitted 6 cells as Slurm job \d+ \(--array=0-5%\d\)/);
  const [{ dir, sweep }] = listSweeps(runs);
  return { dir, sweep, runs };
}

test(
  'a 6-cell sweep is one job array; all six tasks complete, each manifest naming its host and Slurm task',
  { skip },
  async () => {
    const { dir, sweep, runs } = await submit(config(2, 100), 2);
    assert.equal(sweep.executor?.kind, 'slurm');
    const jobId = sweep.executor!.kind === 'slurm' ? sweep.executor!.jobs[0].jobId : '';
    const script = readFileSync(path.join(dir, 'slurm', 'job.sh'), 'utf8');
    assert.match(script, /run --sweep-cell '.*' "\$cell"/);
    await until('all six cells to end', async () => {
      await refreshSlurm(dir, sweep);
      return settled(sweep.cells);
    });
    const final = readSweepFile(dir)!;
    assert.deepEqual(
      final.cells.map((c) => c.status),
      ['completed', 'completed', 'completed', 'completed', 'completed', 'completed'],
      JSON.stringify(final.cells.map((c) => c.reason)),
    );
    for (const cell of final.cells) {
      const m = readManifest(path.join(runs, cell.run!))!;
      assert.equal(m.host, os.hostname());
      assert.equal(m.slurm?.arrayJobId, jobId);
      assert.equal(m.slurm?.arrayTaskId, cell.index, 'the array index is the cell index');
      assert.ok(m.slurm?.jobId, 'the task’s own job id');
      assert.deepEqual(m.sweep, { dir, cell: cell.index });
      assert.ok(existsSync(path.join(dir, 'slurm', `${jobId}_${cell.index}.out`)), 'each task has its output file');
    }
    const status = await quiet(() => sweepCommand(dir, { status: true, out: runs }));
    assert.match(status.err, /6\/6 done, 0 running, 0 queued/);
  },
);

test('cancelled mid-way: scancel, and every cell that had not completed is marked cancelled', { skip }, async () => {
  // Long cells, one task at a time: cancel while the first one trains.
  const { dir, sweep, runs } = await submit(config(400, 1500), 1);
  await until('the first task to be training', async () => {
    await refreshSlurm(dir, sweep);
    const run = sweep.cells[0].run;
    return sweep.cells[0].status === 'running' && !!run && readManifest(path.join(runs, run))?.backend === 'wasm';
  });
  const { result, err } = await quiet(() => sweepCommand(dir, { cancel: true, out: runs }));
  assert.equal(result, 0, err);
  assert.match(err, /scancel \d+/);
  await until('every cell to end', async () => {
    await refreshSlurm(dir, sweep);
    return settled(sweep.cells);
  });
  const cells = readSweepFile(dir)!.cells;
  assert.deepEqual(
    cells.map((c) => c.status),
    ['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled'],
  );
  assert.match(cells[0].reason!, /Cancelled in Slurm .*keeps what it wrote/);
  assert.match(cells[3].reason!, /before it started/);
  assert.equal(cells[3].run, undefined);
  // The trainer got scancel's SIGTERM and stopped after its step: its folder says so, and holds its events.
  const m = readManifest(path.join(runs, cells[0].run!))!;
  assert.ok(m.status === 'stopped' || m.status === 'interrupted', m.status);
});

test('a task killed under Slurm: `interrupted`, decided from Slurm’s state for the task', { skip }, async () => {
  const { dir, sweep, runs } = await submit(config(400, 1500), 1);
  let pid = 0;
  await until('the first task to be training', async () => {
    await refreshSlurm(dir, sweep);
    const run = sweep.cells[0].run;
    const m = run ? readManifest(path.join(runs, run)) : undefined;
    pid = m?.backend === 'wasm' ? (m.pid ?? 0) : 0;
    return pid > 0;
  });
  // A crash the trainer cannot report (as an OOM kill would be): its manifest keeps saying `running`.
  process.kill(pid, 'SIGKILL');
  await until('Slurm to see the task end', async () => {
    await refreshSlurm(dir, sweep);
    return sweep.cells[0].status !== 'running';
  });
  const cell = readSweepFile(dir)!.cells[0];
  assert.equal(cell.status, 'interrupted');
  assert.match(cell.reason!, /Slurm ended the task: FAILED.*did not finish/);
  const m = readManifest(path.join(runs, cell.run!))!;
  assert.equal(m.status, 'interrupted', 'the run folder says so too');
  assert.match(m.reason!, /Slurm ended the task/);
  await quiet(() => sweepCommand(dir, { cancel: true, out: runs }));
});
