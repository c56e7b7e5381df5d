/**
 * `paperlab run --sweep-cell <sweep folder> <i>`: what one Slurm array task runs. Builds cell i from
 * `sweep.json`, makes its run folder in the sweep's runs folder, records the host and the Slurm job
 * and task (in the cell's pointer and, through the trainer's environment, its manifest), and trains.
 * Plain log lines (the task's output file is not a terminal). SIGTERM — what `scancel` and a time
 * limit send — stops after the current step, so the run folder says what happened.
 * Exit codes as `paperlab run`: 0 completed, 1 failed, 2 bad arguments, 130 stopped.
 */
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice } from '../../core/protocol/trainer';
import { readSweepFile } from '../../core/sweep/folder';
import { prepareCell, startCell } from '../../core/sweep/cell';
import { describeSettings } from '../../core/sweep/spec';
import { trainerPath, type RunCliOptions } from './run';
import { paperRegistry } from '../../papers';

const say = (s: string) => console.error(`${new Date().toISOString()} ${s}`);

export async function runSweepCell(sweepDir: string, indexText: string, opts: RunCliOptions): Promise<number> {
  const dir = path.resolve(sweepDir);
  const sweep = readSweepFile(dir);
  if (!sweep) {
    console.error(`${dir} is not a sweep folder (no readable sweep.json).`);
    return 2;
  }
  const index = Number(indexText);
  if (!Number.isInteger(index) || index < 0) {
    console.error(`--sweep-cell takes the cell's index (0–${sweep.cells.length - 1}), got "${indexText}".`);
    return 2;
  }
  const backend = (opts.backend ?? sweep.backend ?? 'auto') as BackendChoice;
  let cell;
  try {
    cell = prepareCell(dir, sweep, index, paperRegistry);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const c = sweep.cells[index];
  say(
    `cell ${index} of ${sweep.name}: ${describeSettings(c.settings) || 'base config'}, seed ${c.seed}, on ${os.hostname()}${process.env.SLURM_JOB_ID ? ` (Slurm job ${process.env.SLURM_ARRAY_JOB_ID ?? process.env.SLURM_JOB_ID}_${process.env.SLURM_ARRAY_TASK_ID ?? ''})` : ''} → ${cell.runDir}`,
  );
  let lastProgress = 0;
  const handle = startCell(dir, sweep, cell, {
    trainerPath: trainerPath(),
    backend,
    onMessage: (m) => {
      if (m.type === 'started') say(`training: backend ${m.manifest.backend}, pid ${process.pid}`);
      else if (m.type === 'log' && m.level !== 'info') say(`${m.level}: ${m.message.split('\n')[0]}`);
      else if (m.type === 'progress' && Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        say(`${Math.round((100 * m.done) / Math.max(1, m.total))}% ${m.label}`);
      }
    },
  });
  const stop = (signal: string) => {
    say(`${signal}: stopping after the current step`);
    handle.stop();
  };
  const onTerm = () => stop('SIGTERM');
  const onInt = () => stop('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    const exit = await handle.exited;
    say(`${exit.status}${exit.message ? `: ${exit.message.split('\n')[0]}` : ''} — ${cell.runDir}`);
    return exit.status === 'completed' ? 0 : exit.status === 'stopped' ? 130 : 1;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}
