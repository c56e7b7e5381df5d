/**
 * `paperlab sweep <config> [--executor local|slurm] [--jobs N] [--seeds N|a,b,c] …`
 * Runs the config's `sweep:` block — every grid setting × every seed — as ordinary run folders plus a
 * sweep folder (`.sweeps/<id>/sweep.json` in the runs folder). Running it again resumes: cells whose
 * config and seed already completed are skipped. `--status` and `--cancel` take the config or a sweep
 * folder. Exit codes: 0 all cells completed (or submitted), 1 some failed or config errors, 2 usage,
 * 130 stopped with Ctrl-C (queued cells stay queued for the next run).
 */
import type { Command } from 'commander';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { BackendChoice } from '../../core/protocol/trainer';
import { DEFAULT_RUNS_DIR } from '../../core/runs/events';
import { planSweep } from '../../core/sweep/plan';
import { countCells, listSweeps, readSweepFile, specOf, type SweepFile } from '../../core/sweep/folder';
import { LocalPool } from '../../core/sweep/localPool';
import { cancelSlurm, refreshSlurm, settled, submitSlurm } from '../../core/sweep/slurm';
import { estimateSweep } from '../../core/sweep/estimate';
import { describeSettings } from '../../core/sweep/spec';
import { calibrate } from '../../core/estimate/calibrate';
import { readPastRuns } from '../../core/estimate/pastRuns';
import { estimateRun } from '../../core/estimate/estimate';
import { formatDuration, describeBasisShort } from '../../core/estimate/format';
import { getPaper, paperRegistry } from '../../papers/index';
import { trainerPath } from './run';

const BACKENDS: BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

export interface SweepCliOptions {
  executor?: string;
  jobs?: string;
  seeds?: string;
  backend?: string;
  out?: string;
  progress?: boolean;
  slurmArg?: string[];
  jobHeader?: string;
  wait?: boolean;
  status?: boolean;
  cancel?: boolean;
  dryRun?: boolean;
}

const say = (s: string) => console.error(s);

function fmtEta(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return '--';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(t % 60).padStart(2, '0')}s` : `${t}s`;
}

export function describeCounts(cells: SweepFile['cells']): string {
  const c = countCells(cells);
  const extra = [c.failed ? `${c.failed} failed` : '', c.ended ? `${c.ended} stopped/cancelled/interrupted` : '']
    .filter(Boolean)
    .join(', ');
  return `${c.done}/${c.total} done, ${c.running} running, ${c.queued} queued${extra ? `, ${extra}` : ''}`;
}

/** `3` → a count (the config's seed and the two after it); `1,5,9` → those seeds. */
function parseSeeds(s: string | undefined): number[] | { count: number } | undefined | 'bad' {
  if (s === undefined) return undefined;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 1000 ? { count: n } : 'bad';
  }
  const list = s.split(',').map((x) => Number(x.trim()));
  return list.length && list.every((x) => Number.isInteger(x) && x >= 0) ? [...new Set(list)] : 'bad';
}

/** A sweep folder from `--status`/`--cancel`'s argument: the folder itself, or the config's latest sweep. */
function findSweep(target: string, runsDir: string): { dir: string; sweep: SweepFile } | undefined {
  const abs = path.resolve(target);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    const sweep = readSweepFile(abs);
    return sweep ? { dir: abs, sweep } : undefined;
  }
  return listSweeps(runsDir).find((s) => s.sweep.sourceConfig === abs);
}

function printStatus(dir: string, sweep: SweepFile): void {
  say(`sweep ${sweep.name} (${sweep.paper}): ${describeCounts(sweep.cells)}`);
  say(`folder: ${dir}`);
  for (const c of sweep.cells) {
    const where = [
      c.host,
      c.slurm ? `slurm ${c.slurm.jobId}_${c.slurm.taskId}${c.slurm.state ? ` ${c.slurm.state}` : ''}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    say(
      `  ${String(c.index).padStart(4)}  ${c.status.padEnd(11)} seed ${c.seed}  ${describeSettings(c.settings) || '(base)'}${c.run ? `  → ${c.run}` : ''}${where ? `  [${where}]` : ''}${c.reused ? '  (completed earlier)' : ''}${c.reason && c.status !== 'completed' ? `\n        ${c.reason}` : ''}`,
    );
  }
}

export async function sweepCommand(target: string, opts: SweepCliOptions): Promise<number> {
  const backend = (opts.backend ?? 'auto') as BackendChoice;
  const executor = opts.executor ?? 'local';
  if (!BACKENDS.includes(backend)) return (say(`--backend must be one of ${BACKENDS.join(', ')}.`), 2);
  if (executor !== 'local' && executor !== 'slurm') return (say('--executor must be local or slurm.'), 2);
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    return (say('--jobs must be a whole number ≥ 1.'), 2);
  const runsDir = path.resolve(opts.out ?? DEFAULT_RUNS_DIR);

  if (opts.status || opts.cancel) {
    const found = findSweep(target, runsDir);
    if (!found)
      return (
        say(`No sweep found for ${target} (looked for a sweep folder, or sweeps of that config in ${runsDir}).`),
        2
      );
    if (opts.cancel) {
      if (found.sweep.executor?.kind !== 'slurm') {
        say('This sweep runs on local cores: stop it with Ctrl-C in its terminal (or Cancel Sweep in VS Code).');
        return 2;
      }
      const ids = await cancelSlurm(found.dir, found.sweep);
      say(`scancel ${ids.join(' ')}: cells that had not completed are being cancelled.`);
    }
    await refreshSlurm(found.dir, found.sweep);
    printStatus(found.dir, found.sweep);
    return 0;
  }

  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    return (
      say(
        `Cannot read ${target}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
      ),
      2
    );
  }
  const seeds = parseSeeds(opts.seeds);
  if (seeds === 'bad') return (say('--seeds takes a count from 1 to 1000 (e.g. 3) or a list (e.g. 1,2,3).'), 2);
  const plan = planSweep({ text, file: path.resolve(target), runsDir, backend, seeds, papers: paperRegistry });
  if (!plan.ok) {
    for (const f of plan.findings)
      say(`${target}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
    say(plan.message);
    return 1;
  }
  const { dir, sweep, todo } = plan;
  const slots = executor === 'local' ? (jobs ?? Math.max(1, os.cpus().length)) : (jobs ?? Math.max(1, todo.length));
  const paper = getPaper(sweep.paper);
  const speed = calibrate(await readPastRuns(runsDir, paperRegistry), backend);
  const est = speed ? estimateSweep(paper, sweep.base, specOf(sweep), speed, slots) : undefined;
  say(`sweep folder: ${path.relative(process.cwd(), dir) || dir}${plan.resumed ? ' (resumed)' : ''}`);
  say(
    `${sweep.cells.length} cells (${sweep.grid.length ? sweep.grid.map((g) => `${g.values.length} × ${g.key}`).join(', ') + ', ' : ''}${sweep.seeds.length} seed${sweep.seeds.length === 1 ? '' : 's'}): ${plan.skipped} already completed${plan.running.length ? `, ${plan.running.length} running elsewhere` : ''}, ${todo.length} to run`,
  );
  if (est && speed && executor === 'local')
    say(
      `estimate: ${formatDuration(est.seconds)} on ${Math.min(slots, est.runs)} core${slots === 1 ? '' : 's'} (${describeBasisShort(speed)})`,
    );
  if (opts.dryRun) {
    printStatus(dir, sweep);
    return 0;
  }
  if (!todo.length) {
    say(
      plan.running.length ? 'Nothing to start: the remaining cells are running.' : 'Every cell is already completed.',
    );
    return 0;
  }
  return executor === 'local'
    ? runLocal(dir, sweep, todo, plan.configs, slots, backend, opts, (i) =>
        speed ? estimateRun(paper, plan.configs.get(i), speed)?.seconds : undefined,
      )
    : runSlurm(dir, sweep, todo, slots, opts);
}

async function runLocal(
  dir: string,
  sweep: SweepFile,
  todo: number[],
  configs: Map<number, Record<string, unknown>>,
  jobs: number,
  backend: BackendChoice,
  opts: SweepCliOptions,
  estimate: (i: number) => number | undefined,
): Promise<number> {
  const tty = process.stderr.isTTY && opts.progress !== false;
  const bar = new SingleBar(
    { format: '{bar} {line} | ETA {eta}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
    Presets.shades_classic,
  );
  let barStarted = false;
  let lastLine = '';
  let lastAt = 0;
  const pool = new LocalPool({
    papers: paperRegistry,
    sweepDir: dir,
    sweep,
    todo,
    configs,
    jobs,
    trainerPath: trainerPath(),
    backend,
    estimate,
    onProgress: ({ counts, etaSeconds }) => {
      const line = describeCounts(sweep.cells);
      if (tty) {
        if (!barStarted) bar.start(counts.total, counts.done, { line, eta: fmtEta(etaSeconds) });
        barStarted = true;
        bar.update(counts.done, { line, eta: fmtEta(etaSeconds) });
      } else if (line !== lastLine && (Date.now() - lastAt > 10_000 || counts.running === 0 || counts.queued === 0)) {
        lastLine = line;
        lastAt = Date.now();
        say(`${line} · ETA ${fmtEta(etaSeconds)}`);
      }
    },
    onCellEnd: (i, exit) => {
      if (exit.status === 'completed') return;
      const msg = `cell ${i} (${describeSettings(sweep.cells[i].settings) || 'base'}, seed ${sweep.cells[i].seed}) ${exit.status}: ${(exit.message ?? '').split('\n')[0]}`;
      if (barStarted) bar.stop();
      barStarted = false;
      say(msg);
    },
  });
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts === 1) {
      if (barStarted) bar.stop();
      barStarted = false;
      say('\nstopping the running cells after their current step… (Ctrl-C again to kill); queued cells stay queued');
      pool.stop();
    } else pool.kill();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const counts = await pool.run();
    if (barStarted) bar.stop();
    say(`${describeCounts(sweep.cells)} — ${dir}`);
    if (interrupts) return 130;
    return counts.failed || counts.ended ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** The CLI bundle the job script runs: this one (on shared storage, as the runs folder must be). */
function cliPath(): string {
  const p = process.env.PAPERLAB_CLI ?? process.argv[1];
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

async function runSlurm(dir: string, sweep: SweepFile, todo: number[], concurrent: number, opts: SweepCliOptions) {
  let header: string | undefined;
  if (opts.jobHeader) {
    try {
      header = readFileSync(opts.jobHeader, 'utf8');
    } catch (e) {
      return (say(`Cannot read the job header ${opts.jobHeader}: ${(e as Error).message}`), 2);
    }
  }
  header ??= process.env.PAPERLAB_SLURM_HEADER;
  const rec = await submitSlurm({
    sweepDir: dir,
    sweep,
    todo,
    concurrent,
    nodePath: process.execPath,
    cliPath: cliPath(),
    header,
    sbatchArgs: opts.slurmArg ?? [],
  });
  say(
    `submitted ${todo.length} cells as Slurm job${rec.jobs.length > 1 ? 's' : ''} ${rec.jobs.map((j) => `${j.jobId} (--array=${j.array})`).join(', ')} in ${rec.submitSeconds.toFixed(2)} s; job script ${rec.script}`,
  );
  if (!opts.wait) {
    say(`follow it with: paperlab sweep ${dir} --status   (cancel: --cancel)`);
    return 0;
  }
  let last = '';
  for (;;) {
    await refreshSlurm(dir, sweep);
    const line = describeCounts(sweep.cells);
    if (line !== last) say((last = line));
    if (settled(sweep.cells)) break;
    await new Promise((r) => setTimeout(r, 5000));
  }
  const c = countCells(sweep.cells);
  return c.failed || c.ended ? 1 : 0;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description("run a config's sweep: block (grid × seeds) as run folders plus a sweep folder; re-running resumes")
    .argument('<config>', 'an *.exp.yaml / *.exp.json file (or, with --status / --cancel, a sweep folder)')
    .option('--executor <name>', 'local (a pool of trainers on this machine) | slurm (one sbatch job array)', 'local')
    .option('--jobs <n>', 'local: trainers at once (default: one per core); slurm: tasks at once (%K)')
    .option('--seeds <n|list>', "overrides the block's seeds: a count (the config's seed and the ones after) or 1,2,3")
    .option('--backend <name>', `TensorFlow.js backend: ${BACKENDS.join(' | ')}`, 'auto')
    .option('--out <dir>', `runs folder (default ${DEFAULT_RUNS_DIR}); on a cluster, on storage every node sees`)
    .option(
      '--slurm-arg <arg>',
      'an sbatch option, e.g. --partition=gpu, --time=1:00:00 (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--job-header <file>', 'lines for the job script after #SBATCH (module load …, export PAPERLAB_NODE=…)')
    .option('--wait', 'slurm: follow the job until every cell has ended')
    .option('--status', 'print the status of the sweep (refreshed from the run folders and Slurm)')
    .option('--cancel', 'cancel a Slurm sweep (scancel), then print its status')
    .option('--dry-run', 'plan the cells and print them; run nothing')
    .option('--no-progress', 'no progress bar (log lines instead)')
    .action(async (config: string, opts: SweepCliOptions) => {
      process.exitCode = await sweepCommand(config, opts);
    });
}
