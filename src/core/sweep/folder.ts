/**
 * The sweep folder: `<runs folder>/.sweeps/<time>-<name>/` with `sweep.json` (the base config, the
 * grid and seeds, and per cell its settings, config hash, run folder and status), one small pointer
 * file per started cell (`cells/<i>.json`, written by whoever starts the cell — a local trainer slot
 * or a Slurm task on another node — so no two writers ever share a file), and for Slurm the job
 * script and the tasks' output.
 *
 * Every cell is an ordinary run folder in the runs folder; the sweep folder only says which run
 * folders belong together. Its status is refreshed from the cells' pointers and run folders (and,
 * for Slurm, the scheduler's state), so the sweep can be listed, resumed and reported as one.
 * Node-only (fs) but free of vscode and tfjs.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { readTextFileSync } from '../files/read';
import path from 'node:path';
import type { BackendChoice } from '../protocol/trainer';
import type { RunStatus } from '../runs/events';
import { configHash, effectiveStatus, readManifest, runFolderName } from '../runs/folder';
import { seedGroupKey } from '../runs/seedGroup';
import { cellAt, parseGridKey, type SweepCell, type SweepSpec } from './spec';

export const SWEEPS_DIR = '.sweeps';
export const SWEEP_FILE = 'sweep.json';

/** A run's status, plus `cancelled` (Slurm was told to cancel it) and `queued` (not started). */
export type CellStatus = RunStatus | 'cancelled';

export interface CellRecord {
  index: number;
  settings: Record<string, unknown>;
  seed: number;
  /** Of the cell's resolved config: a completed run with this hash anywhere in the runs folder is this cell done. */
  configHash: string;
  groupKey: string;
  /** The run folder's name in the runs folder, once the cell started (or was found completed). */
  run?: string;
  status: CellStatus;
  reason?: string;
  /** Completed by a run that existed before this sweep asked for it (found by config hash). */
  reused?: boolean;
  /** Where it ran, for cells started by Slurm. */
  host?: string;
  slurm?: { jobId: string; taskId: number; state?: string };
}

export interface LocalExecutorRecord {
  kind: 'local';
  jobs: number;
}
export interface SlurmJobRecord {
  jobId: string;
  /** The `--array` value, e.g. `0-11%4`. */
  array: string;
  /** Cell index = array task id + offset (chunks beyond MaxArraySize). */
  offset: number;
}
export interface SlurmExecutorRecord {
  kind: 'slurm';
  jobs: SlurmJobRecord[];
  script: string;
  submittedAt: string;
  /** Wall time of the sbatch calls. */
  submitSeconds: number;
  cancelledAt?: string;
}

export interface SweepFile {
  version: 1;
  id: string;
  paper: string;
  name: string;
  sourceConfig?: string;
  createdAt: string;
  updatedAt: string;
  /** The runs folder, relative to the sweep folder (so a shared file system mounted elsewhere still works). */
  runsDir: string;
  backend: BackendChoice;
  /** The resolved base config (without `sweep`): cells are rebuilt from it and checked against their hash. */
  base: Record<string, unknown>;
  seeds: number[];
  grid: { key: string; values: unknown[] }[];
  executor?: LocalExecutorRecord | SlurmExecutorRecord;
  cells: CellRecord[];
}

/** What a started cell writes into `cells/<i>.json`. */
export interface CellPointer {
  run: string;
  host?: string;
  startedAt: string;
  slurm?: { jobId: string; taskId: number };
}

export function sweepsDirOf(runsDir: string): string {
  return path.join(runsDir, SWEEPS_DIR);
}

export function runsDirOfSweep(sweepDir: string, s: Pick<SweepFile, 'runsDir'>): string {
  return path.resolve(sweepDir, s.runsDir);
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, file);
}

export function writeSweep(dir: string, s: SweepFile): void {
  s.updatedAt = new Date().toISOString();
  writeJsonAtomic(path.join(dir, SWEEP_FILE), s);
}

/** `sweep.json` grows ~320 bytes a cell: 100,000 cells fit well under this. */
const MAX_SWEEP_JSON_BYTES = 64 * 1024 * 1024;

export function readSweepFile(dir: string): SweepFile | undefined {
  // The shared reader refuses a FIFO or a huge file in place of sweep.json instead of hanging on it.
  const r = readTextFileSync(path.join(dir, SWEEP_FILE), { maxBytes: MAX_SWEEP_JSON_BYTES });
  if (!r.ok) return undefined;
  try {
    const s = JSON.parse(r.text);
    return s && s.version === 1 && Array.isArray(s.cells) && s.base ? (s as SweepFile) : undefined;
  } catch {
    return undefined;
  }
}

export function specOf(s: SweepFile): SweepSpec {
  return { seeds: s.seeds, grid: s.grid.map((g) => ({ key: g.key, path: parseGridKey(g.key), values: g.values })) };
}

/** A cell's config, rebuilt from the base and the grid (deterministic: the same as at planning). */
export function cellOf(s: SweepFile, index: number): SweepCell {
  return cellAt(s.base, specOf(s), index);
}

/** Every sweep folder under a runs folder, newest first. */
export function listSweeps(runsDir: string): { dir: string; sweep: SweepFile }[] {
  const root = sweepsDirOf(runsDir);
  if (!existsSync(root)) return [];
  const out: { dir: string; sweep: SweepFile }[] = [];
  for (const id of readdirSync(root).sort().reverse()) {
    const dir = path.join(root, id);
    const sweep = readSweepFile(dir);
    if (sweep) out.push({ dir, sweep });
  }
  return out;
}

/** A new sweep folder with its `sweep.json`; every cell queued. */
export function createSweep(
  runsDir: string,
  o: {
    base: Record<string, unknown>;
    spec: SweepSpec;
    cells: { config: Record<string, unknown>; settings: Record<string, unknown>; seed: number }[];
    backend: BackendChoice;
    sourceConfig?: string;
  },
): { dir: string; sweep: SweepFile } {
  const root = sweepsDirOf(runsDir);
  mkdirSync(root, { recursive: true });
  const name = String(o.base.name ?? o.base.paper);
  let dir: string;
  const baseName = runFolderName(name);
  for (let i = 1; ; i++) {
    dir = path.join(root, i === 1 ? baseName : `${baseName}-${i}`);
    try {
      mkdirSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  mkdirSync(path.join(dir, 'cells'));
  const now = new Date().toISOString();
  const sweep: SweepFile = {
    version: 1,
    id: path.basename(dir),
    paper: String(o.base.paper),
    name,
    sourceConfig: o.sourceConfig,
    createdAt: now,
    updatedAt: now,
    runsDir: path.relative(dir, runsDir) || '.',
    backend: o.backend,
    base: o.base,
    seeds: o.spec.seeds,
    grid: o.spec.grid.map((g) => ({ key: g.key, values: g.values })),
    cells: o.cells.map((c, index) => ({
      index,
      settings: c.settings,
      seed: c.seed,
      configHash: configHash(c.config),
      groupKey: seedGroupKey(c.config),
      status: 'queued',
    })),
  };
  writeSweep(dir, sweep);
  return { dir, sweep };
}

export function writeCellPointer(sweepDir: string, index: number, p: CellPointer): void {
  mkdirSync(path.join(sweepDir, 'cells'), { recursive: true });
  writeJsonAtomic(path.join(sweepDir, 'cells', `${index}.json`), p);
}

export function readCellPointer(sweepDir: string, index: number): CellPointer | undefined {
  const r = readTextFileSync(path.join(sweepDir, 'cells', `${index}.json`), { maxBytes: 64 * 1024 });
  if (!r.ok) return undefined;
  try {
    const p = JSON.parse(r.text);
    return p && typeof p.run === 'string' ? (p as CellPointer) : undefined;
  } catch {
    return undefined;
  }
}

export interface SweepCounts {
  total: number;
  done: number;
  running: number;
  queued: number;
  failed: number;
  /** stopped, interrupted or cancelled */
  ended: number;
}

export function countCells(cells: readonly CellRecord[]): SweepCounts {
  const c: SweepCounts = { total: cells.length, done: 0, running: 0, queued: 0, failed: 0, ended: 0 };
  for (const cell of cells) {
    if (cell.status === 'completed') c.done++;
    else if (cell.status === 'running') c.running++;
    else if (cell.status === 'queued') c.queued++;
    else if (cell.status === 'failed') c.failed++;
    else c.ended++;
  }
  return c;
}

/**
 * Brings each cell's status up to date from its pointer and its run folder's manifest. A cell whose
 * run is Slurm's keeps `running` here until the Slurm refresh (./slurm.ts) decides from the
 * scheduler's state; a local one whose trainer is gone reads `interrupted` (effectiveStatus).
 */
export function refreshFromRuns(sweepDir: string, s: SweepFile): void {
  const runsDir = runsDirOfSweep(sweepDir, s);
  for (const cell of s.cells) {
    if (cell.reused && cell.status === 'completed') continue;
    const p = readCellPointer(sweepDir, cell.index);
    if (!p) continue;
    cell.run = p.run;
    cell.host = p.host ?? cell.host;
    if (p.slurm) cell.slurm = { ...cell.slurm, jobId: p.slurm.jobId, taskId: p.slurm.taskId };
    const m = readManifest(path.join(runsDir, p.run));
    if (!m) {
      // The pointer is written just before the trainer writes its manifest: starting.
      if (cell.status === 'queued') cell.status = 'running';
      continue;
    }
    if (cell.status === 'cancelled' && m.status !== 'completed') continue;
    cell.status = effectiveStatus(m);
    cell.reason = m.reason;
  }
}

/** Completed runs in the runs folder by config hash: the cells a resume skips. */
export function completedByHash(runs: { id: string; manifest: { configHash: string }; status: string }[]) {
  const out = new Map<string, string>();
  for (const r of runs)
    if (r.status === 'completed' && !out.has(r.manifest.configHash)) out.set(r.manifest.configHash, r.id);
  return out;
}
