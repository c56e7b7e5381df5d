/**
 * `paperlab run <config> [--backend auto|node|wasm|cpu] [--out <runs folder>]`
 * Lints the config with the same core as the editor (errors stop here, printed file:line:col), then
 * forks the same trainer bundle the extension uses and talks the same protocol, so a terminal run
 * and an editor run are the same run. A progress bar shows round, iteration, ETA and the last test
 * accuracy; Ctrl-C stops cleanly after the current step (a second Ctrl-C kills), recording `stopped`.
 * Exit codes: 0 completed, 1 failed or config errors, 2 usage/unreadable file, 130 stopped.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { lintText } from '../../core/config/index';
import { readExperimentFileSync } from '../../core/files/experimentFile';
import { isImplemented } from '../../core/paper/types';
import { cannotTrainYet } from '../../core/paper/blocks';
import type { BackendChoice } from '../../core/protocol/trainer';
import { createRunDir } from '../../core/runs/folder';
import { DEFAULT_RUNS_DIR } from '../../core/runs/events';
import { startTrainer, type TrainerExit } from '../../core/runs/trainerProcess';
import { calibrate } from '../../core/estimate/calibrate';
import { estimateRun } from '../../core/estimate/estimate';
import { describeBasisShort, formatDuration } from '../../core/estimate/format';
import { readPastRuns } from '../../core/estimate/pastRuns';
import { runSweepCell } from './sweepCell';
import { paperRegistry } from '../../papers';

const BACKENDS: BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

export interface RunCliOptions {
  backend?: string;
  out?: string;
  progress?: boolean;
}

/** Where dist/trainer.js is: beside this bundle (dist/cli.js), or PAPERLAB_TRAINER. */
export function trainerPath(): string {
  if (process.env.PAPERLAB_TRAINER) return process.env.PAPERLAB_TRAINER;
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const p of [path.join(here, 'trainer.js'), path.join(here, '../../../dist/trainer.js')])
    if (existsSync(p)) return p;
  return path.join(here, 'trainer.js');
}

export async function runCommand(file: string, opts: RunCliOptions): Promise<number> {
  const backend = (opts.backend ?? 'auto') as BackendChoice;
  if (!BACKENDS.includes(backend)) {
    console.error(`--backend must be one of ${BACKENDS.join(', ')}, got "${opts.backend}".`);
    return 2;
  }
  const read = readExperimentFileSync(file);
  if (!read.ok) {
    console.error(`Cannot read ${file}: it ${read.problem.message}.`);
    return 2;
  }
  const lint = lintText(read.text, file, { papers: paperRegistry });
  for (const f of lint.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')) {
    console.error(
      `${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`,
    );
  }
  // Before "fix the errors": fixing them would not make a schema-only paper run.
  const missing = cannotTrainYet(lint.paper);
  if (missing) {
    console.error(`${missing} Nothing was run (the config was checked: any findings are above).`);
    return 1;
  }
  if (lint.ok && lint.paper && !isImplemented(lint.paper)) {
    console.error(
      `Paperlab has no schema or training recipe for "${lint.paper.id}" yet, so it cannot run; docs/adding-a-paper.md says how to add one.`,
    );
    return 1;
  }
  if (!lint.ok || !lint.config) {
    console.error('The config has errors, so nothing was run.');
    return 1;
  }
  if (lint.sweep)
    console.error(
      `This config has a sweep: block; \`paperlab run\` trains its base config once. \`paperlab sweep ${file}\` runs its cells.`,
    );
  const runsDir = path.resolve(opts.out ?? DEFAULT_RUNS_DIR);
  // Calibrated before this run's folder exists, so the estimate is what the editor showed.
  const speed = calibrate(await readPastRuns(runsDir, paperRegistry), backend);
  const estimate = speed ? estimateRun(lint.paper, lint.config, speed) : undefined;
  let runDir: string;
  try {
    runDir = createRunDir(runsDir, String(lint.config.name ?? lint.config.paper));
  } catch (e) {
    console.error(cannotWrite(runsDir, e));
    return 2;
  }
  const tty = process.stderr.isTTY && opts.progress !== false;
  const bar = new SingleBar(
    {
      format: '{bar} {percentage}% | {label} | ETA {etaText} | test acc {acc}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let barStarted = false;
  let acc = '--';
  let lastLine = 0;
  console.error(`run folder: ${path.relative(process.cwd(), runDir) || runDir}`);
  if (estimate)
    console.error(`estimate: ${formatDuration(estimate.seconds)} on this machine (${describeBasisShort(estimate)})`);

  const handle = startTrainer({
    trainerPath: trainerPath(),
    runDir,
    config: lint.config,
    backend,
    sourceConfig: path.resolve(file),
    onMessage: (m) => {
      if (m.type === 'started')
        console.error(`training: paper ${m.manifest.paper}, backend ${m.manifest.backend}, seed ${m.manifest.seed}`);
      // One line per warning or error: a stack trace is for the trainer log (its path is printed at the end), not the terminal.
      // The trainer's own "failed: …" line is repeated by the `failed` message below.
      else if (m.type === 'log' && m.level !== 'info' && !m.message.startsWith('failed:'))
        console.error(`${m.level}: ${m.message.split('\n')[0]}`);
      else if (m.type === 'event' && m.event.type === 'metric' && m.event.values.test_acc !== undefined)
        acc = (100 * m.event.values.test_acc).toFixed(2) + '%';
      else if (m.type === 'progress') {
        const payload = { label: m.label, etaText: formatDuration(m.etaSeconds ?? NaN, 'clock') || '--', acc };
        if (tty) {
          if (!barStarted) bar.start(m.total, m.done, payload);
          barStarted = true;
          bar.setTotal(m.total);
          bar.update(m.done, payload);
        } else if (Date.now() - lastLine > 10_000 || m.done === m.total) {
          lastLine = Date.now();
          console.error(`${Math.round((100 * m.done) / m.total)}% ${m.label} ETA ${payload.etaText} test acc ${acc}`);
        }
      }
    },
  });
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      if (barStarted) bar.stop();
      barStarted = false;
      console.error('\nstopping after the current step… (Ctrl-C again to kill)');
      handle.stop();
    } else handle.kill();
  };
  // A scheduler's or a shell's SIGTERM (SIGHUP: the terminal closed): stop cleanly, and kill the
  // trainer if it does not stop in time — it may be blocked in a long step — before this process
  // ends, so no trainer is left running as an orphan.
  let terminated = false;
  const onSigterm = () => {
    terminated = true;
    if (barStarted) bar.stop();
    barStarted = false;
    handle.stop(stopGraceMs());
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSigterm);
  let exit: TrainerExit;
  try {
    exit = await handle.exited;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSigterm);
    if (barStarted) bar.stop();
  }
  switch (exit.status) {
    case 'completed':
      console.error(`completed: ${runDir}`);
      return 0;
    case 'stopped':
      console.error(`stopped${exit.message ? ` (${exit.message})` : ''}; everything up to the stop is in ${runDir}`);
      return terminated ? 143 : 130;
    default:
      console.error(`${exit.status}: ${exit.message ?? 'no reason given'}\nlog: ${path.join(runDir, 'trainer.log')}`);
      return 1;
  }
}

/** How long a SIGTERM'd run may take to finish its step before the trainer is killed (PAPERLAB_STOP_GRACE_MS). */
function stopGraceMs(): number {
  const v = Number(process.env.PAPERLAB_STOP_GRACE_MS);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

/** Why the run folder could not be created, said so the user knows what to change. */
function cannotWrite(runsDir: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const where = path.relative(process.cwd(), runsDir) || runsDir;
  if (code === 'EROFS')
    return `Cannot create the run folder in ${where}: it is on a read-only file system. Give a writable folder with --out.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `Cannot create the run folder in ${where}: the folder is read-only for this user (permission denied). Give a writable folder with --out.`;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `Cannot create the run folder in ${where}: the disk is full. Free some space or give another folder with --out.`;
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return `Cannot create the run folder in ${where}: a file is in the way (it is not a folder). Give a folder with --out.`;
  return `Cannot create the run folder in ${where}: ${(e as Error).message}`;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('train an experiment config; writes a run folder (config, manifest, metrics, log, weights)')
    .argument('<config>', 'an *.exp.yaml / *.exp.json file (with --sweep-cell: the cell index)')
    .option('--backend <name>', `TensorFlow.js backend: ${BACKENDS.join(' | ')}`, 'auto')
    .option('--out <dir>', `runs folder (default ${DEFAULT_RUNS_DIR})`)
    .option('--no-progress', 'no progress bar (log lines instead)')
    .option('--sweep-cell <sweep folder>', 'train cell <config> of that sweep (what a Slurm array task runs)')
    .action(async (config: string, opts: RunCliOptions & { sweepCell?: string }) => {
      process.exitCode = opts.sweepCell
        ? await runSweepCell(opts.sweepCell, config, opts)
        : await runCommand(config, opts);
    });
}
