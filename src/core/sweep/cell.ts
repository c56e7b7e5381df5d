/**
 * Starting one cell of a sweep: rebuild its config from `sweep.json`, check it is the cell that was
 * planned (same config hash: a different Paperlab version could resolve defaults differently), make
 * its run folder in the runs folder, write the cell's pointer, and start the trainer through the
 * launcher every run uses. Shared by the local pool and by `paperlab run --sweep-cell` (a Slurm task).
 */
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice, TrainerToHost } from '../protocol/trainer';
import { configHash, createRunDir } from '../runs/folder';
import { startTrainer, type TrainerHandle } from '../runs/trainerProcess';
import { slurmTaskFromEnv } from './slurmEnv';
import type { PaperRegistry } from '../paper/types';
import { resolveCell } from './plan';
import { cellOf, runsDirOfSweep, writeCellPointer, type SweepFile } from './folder';

export interface PreparedCell {
  index: number;
  runDir: string;
  config: Record<string, unknown>;
  name: string;
}

/** Builds, checks and creates the cell's run folder; throws with a message a researcher can act on. */
export function prepareCell(
  sweepDir: string,
  sweep: SweepFile,
  index: number,
  papers: PaperRegistry,
  env: NodeJS.ProcessEnv = process.env,
  resolved?: Record<string, unknown>,
): PreparedCell {
  const record = sweep.cells[index];
  if (!record)
    throw new Error(
      `The sweep in ${sweepDir} has ${sweep.cells.length} cells (0–${sweep.cells.length - 1}); there is no cell ${index}.`,
    );
  let config = resolved;
  if (!config) {
    const r = resolveCell(cellOf(sweep, index), papers);
    if (!r.config) throw new Error(`Cell ${index} no longer lints clean:\n  ${r.errors.join('\n  ')}`);
    config = r.config;
  }
  if (configHash(config) !== record.configHash)
    throw new Error(
      `Cell ${index} resolves to a different config than when the sweep was planned (another Paperlab version?). Plan the sweep again with \`paperlab sweep ${sweep.sourceConfig ?? '<config>'}\`.`,
    );
  const runsDir = runsDirOfSweep(sweepDir, sweep);
  const name = String(config.name ?? config.paper);
  const runDir = createRunDir(runsDir, name);
  const slurm = slurmTaskFromEnv(env);
  writeCellPointer(sweepDir, index, {
    run: path.basename(runDir),
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    slurm: slurm ? { jobId: slurm.arrayJobId ?? slurm.jobId, taskId: slurm.arrayTaskId ?? -1 } : undefined,
  });
  return { index, runDir, config, name };
}

export interface CellLaunch {
  trainerPath: string;
  backend: BackendChoice;
  nativeModulesDir?: string;
  env?: NodeJS.ProcessEnv;
  onMessage?: (m: TrainerToHost) => void;
}

export function startCell(sweepDir: string, sweep: SweepFile, cell: PreparedCell, o: CellLaunch): TrainerHandle {
  return startTrainer({
    trainerPath: o.trainerPath,
    runDir: cell.runDir,
    config: cell.config,
    backend: o.backend,
    sourceConfig: sweep.sourceConfig,
    nativeModulesDir: o.nativeModulesDir,
    sweep: { dir: sweepDir, cell: cell.index },
    env: o.env,
    onMessage: o.onMessage,
  });
}
