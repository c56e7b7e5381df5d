// Sweeps at scale, measured (docs/scaling.md quotes these):
//  - local: a 200-cell sweep of a tiny config through the local pool — cells per minute, the overhead
//    per cell (a slot's time minus the trainer's own run time: process start, module load, IPC, run
//    folder), idle core time, and whether the process hosting the pool stays responsive (lint p95 and
//    timer lag while it runs, beside the same loop before it starts);
//  - slurm: the same 200 cells as one job array on the one-node cluster (scripts/slurm-local.mjs):
//    submission time, time to the first task, and the overhead per cell beside local's;
//  - reading at scale: planning a 10,000-cell sweep and listing 10,000 run folders.
// Never asserts: the machine is shared. Medians and side-by-side ratios from one run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText } from '../src/core/config';
import { getPaper, isImplemented } from '../src/papers/index';
import { planSweep } from '../src/core/sweep/plan';
import { LocalPool } from '../src/core/sweep/localPool';
import { readSweepFile, SWEEP_FILE } from '../src/core/sweep/folder';
import { refreshSlurm, settled, submitSlurm } from '../src/core/sweep/slurm';
import { listRuns, readManifest, writeManifest } from '../src/core/runs/folder';
import { median, p95, round } from './stats';

const root = path.resolve(__dirname, '..');
const CORES = Math.max(1, os.cpus().length);

/** 10 settings × 20 seeds of a config that trains in a fraction of a second: the cost is all overhead. */
const TINY = `paper: thresholdout
name: bench tiny
seed: 1
data: { n: 50, d: 10, signal_vars: 2 }
analysis: { k: [0, 2], reps: 1 }
sweep:
  seeds: 20
  grid:
    analysis.selection_filter: [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4]
`;

/** Lint of the lottery-ticket example every 20 ms, and how late the 20 ms timer fires. */
function responsiveness(): {
  stop: () => { lint_p95_ms: number; lint_median_ms: number; timer_lag_p95_ms: number; samples: number };
} {
  const lt = getPaper('lottery-ticket');
  const text = lt && isImplemented(lt) ? lt.exampleYaml : '';
  const lint: number[] = [];
  const lag: number[] = [];
  let expected = performance.now() + 20;
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    lag.push(Math.max(0, now - expected));
    const t = performance.now();
    lintText(text, 'lt.exp.yaml');
    lint.push(performance.now() - t);
    expected = performance.now() + 20;
    timer = setTimeout(tick, 20);
  };
  timer = setTimeout(tick, 20);
  return {
    stop: () => {
      clearTimeout(timer);
      return {
        lint_median_ms: round(median(lint)),
        lint_p95_ms: round(p95(lint)),
        timer_lag_p95_ms: round(p95(lag)),
        samples: lint.length,
      };
    },
  };
}

function runTimes(runsDir: string, runs: (string | undefined)[]): number[] {
  return runs
    .map((r) => (r ? readManifest(path.join(runsDir, r)) : undefined))
    .filter((m) => m?.endedAt)
    .map((m) => (Date.parse(m!.endedAt!) - Date.parse(m!.startedAt)) / 1000);
}

function setup(name: string): { file: string; runs: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-sweep-${name}-`));
  const file = path.join(dir, 'tiny.exp.yaml');
  writeFileSync(file, TINY);
  return { file, runs: path.join(dir, 'runs') };
}

function build(): { trainer: string; cli: string } {
  // The production bundles scripts/bench.mjs just built.
  return { trainer: path.join(root, 'dist/trainer.js'), cli: path.join(root, 'dist/cli.js') };
}

async function local(trainer: string) {
  const { file, runs } = setup('local');
  const t0 = performance.now();
  const plan = planSweep({ text: TINY, file, runsDir: runs, backend: 'wasm', papers: paperRegistry });
  if (!plan.ok) throw new Error(plan.message);
  const planMs = performance.now() - t0;
  // Warm the linter first, so the baseline is not the JIT's first minutes.
  const lt = getPaper('lottery-ticket');
  for (let i = 0; i < 500; i++) lintText(lt && isImplemented(lt) ? lt.exampleYaml : '', 'lt.exp.yaml');
  const before = responsiveness();
  await new Promise((r) => setTimeout(r, 10_000));
  const idle = before.stop();
  const during = responsiveness();
  const pool = new LocalPool({
    papers: paperRegistry,
    sweepDir: plan.dir,
    sweep: plan.sweep,
    todo: plan.todo,
    configs: plan.configs,
    jobs: CORES,
    trainerPath: trainer,
    backend: 'wasm',
  });
  const start = Date.now();
  const counts = await pool.run();
  const wall = (Date.now() - start) / 1000;
  const busy = during.stop();
  const sweep = readSweepFile(plan.dir)!;
  const run = runTimes(
    runs,
    sweep.cells.map((c) => c.run),
  );
  const slot = pool.timings.filter((t) => t.exitedAt).map((t) => (t.exitedAt! - t.launchedAt) / 1000);
  const toStarted = pool.timings.filter((t) => t.startedAt).map((t) => (t.startedAt! - t.launchedAt) / 1000);
  const sumSlot = slot.reduce((a, b) => a + b, 0);
  const sumRun = run.reduce((a, b) => a + b, 0);
  const result = {
    cells: sweep.cells.length,
    completed: counts.done,
    slots: CORES,
    wall_s: round(wall, 1),
    cells_per_minute: round((60 * counts.done) / wall, 1),
    plan_ms: round(planMs, 0),
    trainer_run_median_s: round(median(run), 3),
    slot_median_s: round(median(slot), 3),
    launch_to_started_median_s: round(median(toStarted), 3),
    overhead_per_cell_median_s: round(median(slot) - median(run), 3),
    // Core time not spent inside a slot: the scheduler's own gaps between one cell and the next.
    idle_core_s_per_cell: round((CORES * wall - sumSlot) / counts.done, 3),
    idle_core_fraction: round((CORES * wall - sumSlot) / (CORES * wall), 3),
    // Everything that is not the trainer's run, per cell in core-seconds: the number compared with Slurm's.
    core_s_per_cell_outside_run: round((CORES * wall - sumRun) / counts.done, 3),
    sweep_json_bytes: statSync(path.join(plan.dir, SWEEP_FILE)).size,
    responsiveness_idle: idle,
    responsiveness_during: busy,
    lint_p95_ratio_during_vs_idle: round(busy.lint_p95_ms / idle.lint_p95_ms, 2),
  };
  rmSync(path.dirname(runs), { recursive: true, force: true });
  return result;
}

async function slurm(cli: string) {
  if (spawnSync('sh', ['-c', 'command -v sbatch']).status !== 0) return { skipped: 'sbatch is not on the PATH' };
  const script = path.join(root, 'scripts/slurm-local.mjs');
  let startedHere = false;
  if (spawnSync(process.execPath, [script, 'status']).status !== 0) {
    if (spawnSync(process.execPath, [script, 'start'], { stdio: 'inherit' }).status !== 0)
      return { skipped: 'the one-node Slurm cluster could not be started' };
    startedHere = true;
  }
  try {
    const { file, runs } = setup('slurm');
    const plan = planSweep({ text: TINY, file, runsDir: runs, backend: 'wasm', papers: paperRegistry });
    if (!plan.ok) throw new Error(plan.message);
    const t0 = Date.now();
    const rec = await submitSlurm({
      sweepDir: plan.dir,
      sweep: plan.sweep,
      todo: plan.todo,
      concurrent: CORES,
      nodePath: process.execPath,
      cliPath: cli,
      sbatchArgs: [],
    });
    const sweep = plan.sweep;
    let polls = 0;
    let pollMs = 0;
    while (!settled(sweep.cells)) {
      await new Promise((r) => setTimeout(r, 2000));
      const p = performance.now();
      await refreshSlurm(plan.dir, sweep);
      pollMs += performance.now() - p;
      polls++;
    }
    const wall = (Date.now() - t0) / 1000;
    const manifests = sweep.cells.map((c) => (c.run ? readManifest(path.join(runs, c.run)) : undefined));
    const firstStart = Math.min(...manifests.filter(Boolean).map((m) => Date.parse(m!.startedAt)));
    const run = runTimes(
      runs,
      sweep.cells.map((c) => c.run),
    );
    const done = sweep.cells.filter((c) => c.status === 'completed').length;
    const sumRun = run.reduce((a, b) => a + b, 0);
    const result = {
      cells: sweep.cells.length,
      completed: done,
      concurrent_tasks: CORES,
      array: rec.jobs.map((j) => j.array).join(' '),
      submit_s: round(rec.submitSeconds, 3),
      submit_to_first_trainer_s: round((firstStart - t0) / 1000, 2),
      wall_s: round(wall, 1),
      cells_per_minute: round((60 * done) / wall, 1),
      trainer_run_median_s: round(median(run), 3),
      core_s_per_cell_outside_run: round((CORES * wall - sumRun) / Math.max(1, done), 3),
      status_refresh_median_ms: round(pollMs / Math.max(1, polls), 1),
    };
    rmSync(path.dirname(runs), { recursive: true, force: true });
    return result;
  } finally {
    if (startedHere) spawnSync(process.execPath, [script, 'stop'], { stdio: 'inherit' });
  }
}

/** Planning 10,000 cells (lint each as the trainer will) and listing 10,000 run folders: what the scaling note needs. */
function atScale() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sweep-scale-'));
  const file = path.join(dir, 'big.exp.yaml');
  const text = TINY.replace('seeds: 20', 'seeds: 1000');
  writeFileSync(file, text);
  const runs = path.join(dir, 'runs');
  const t0 = performance.now();
  const plan = planSweep({ text, file, runsDir: runs, backend: 'wasm', papers: paperRegistry });
  const planMs = performance.now() - t0;
  if (!plan.ok) throw new Error(plan.message);
  const sweepBytes = statSync(path.join(plan.dir, SWEEP_FILE)).size;
  // 10,000 run folders as a finished sweep leaves them (manifest + config), read as the dashboard and a resume do.
  mkdirSync(runs, { recursive: true });
  for (let i = 0; i < 10_000; i++) {
    const d = path.join(runs, `run-${String(i).padStart(5, '0')}`);
    mkdirSync(d);
    writeFileSync(path.join(d, 'config.json'), JSON.stringify(plan.sweep.base));
    writeManifest(d, {
      id: `run-${i}`,
      paper: 'thresholdout',
      name: 'bench',
      configHash: plan.sweep.cells[i].configHash,
      groupKey: plan.sweep.cells[i].groupKey,
      seed: plan.sweep.cells[i].seed,
      backend: 'wasm',
      versions: { paperlab: '0', tfjs: '0', node: process.version },
      status: 'completed',
      startedAt: new Date().toISOString(),
    });
  }
  const l0 = performance.now();
  const listed = listRuns(runs).length;
  const listMs = performance.now() - l0;
  const r0 = performance.now();
  const resumed = planSweep({ text, file, runsDir: runs, backend: 'wasm', papers: paperRegistry });
  const resumeMs = performance.now() - r0;
  rmSync(dir, { recursive: true, force: true });
  return {
    plan_10000_cells_ms: round(planMs, 0),
    plan_ms_per_cell: round(planMs / 10_000, 3),
    sweep_json_bytes_10000_cells: sweepBytes,
    list_10000_run_folders_ms: round(listMs, 0),
    listed,
    resume_plan_10000_cells_ms: round(resumeMs, 0),
    resume_skipped: resumed.ok ? resumed.skipped : 0,
  };
}

export async function run(): Promise<object> {
  const { trainer, cli } = build();
  const loadBefore = os.loadavg()[0];
  const localResult = await local(trainer);
  const slurmResult = await slurm(cli);
  const scale = atScale();
  const ratio =
    'core_s_per_cell_outside_run' in slurmResult
      ? round(slurmResult.core_s_per_cell_outside_run / localResult.core_s_per_cell_outside_run, 2)
      : undefined;
  return {
    local: localResult,
    slurm: slurmResult,
    slurm_vs_local_overhead_ratio: ratio,
    at_scale: scale,
    load_average_before: round(loadBefore, 2),
    load_average_after: round(os.loadavg()[0], 2),
  };
}
