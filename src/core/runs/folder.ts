/**
 * The run folder on disk: naming, the manifest (written atomically, checked on read by manifest.ts),
 * listing a runs folder, and telling a live run from an interrupted one by the manifest's pid. The
 * metrics log (metrics.ts: one JSON event per line, written with a synchronous fd write so every
 * emitted event survives a `kill -9` of the trainer) is re-exported: one module for run folders.
 *
 * Node-only (fs, crypto) but free of vscode and tfjs: the trainer, the host and the CLI share it.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { RUN_FILES, type RunManifest, type RunStatus } from './events';
import { childDirs, childDirsSync } from '../files/walk';
import { loadManifest, loadManifestSync, type ManifestRead } from './manifest';
import { seedGroupKey } from './seedGroup';
import { readTextFileSync } from '../files/read';

export { MetricsWriter, readMetricsSync, readMetricsAsync, isRunEvent, type MetricsRead } from './metrics';

/** `my experiment!` → `my-experiment`: safe in every file system, short enough to read. */
export function slugify(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'run';
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `yyyymmdd-hhmmss-<slug>` in local time, the order a researcher reads them in. */
export function runFolderName(name: string, when: Date = new Date()): string {
  const d = `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}`;
  const t = `${pad(when.getHours())}${pad(when.getMinutes())}${pad(when.getSeconds())}`;
  return `${d}-${t}-${slugify(name)}`;
}

/** Creates a new, unique run folder under `runsDir` and returns its path. */
export function createRunDir(runsDir: string, name: string, when: Date = new Date()): string {
  mkdirSync(runsDir, { recursive: true });
  const base = runFolderName(name, when);
  for (let i = 1; ; i++) {
    const dir = path.join(runsDir, i === 1 ? base : `${base}-${i}`);
    try {
      mkdirSync(dir); // not recursive: fails if it exists, so two runs never share a folder
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** JSON with object keys sorted at every level: the canonical form hashed into `configHash`. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

export function configHash(config: unknown): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

/**
 * Writes via a temporary file and a rename, so a reader never sees half a manifest. When the disk is
 * full (or the quota reached) the temporary file cannot be written: it is removed, and the manifest is
 * rewritten in place instead, into the blocks it already occupies, so a run that fails because the
 * disk filled up still ends `failed` with its reason rather than `running` forever. Throws only when
 * neither way works.
 */
export function writeManifest(dir: string, m: RunManifest): void {
  const file = path.join(dir, RUN_FILES.manifest);
  const tmp = `${file}.${process.pid}.tmp`;
  const text = JSON.stringify(m, null, 2) + '\n';
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOSPC' && code !== 'EDQUOT') throw e;
  }
  writeInPlace(file, text);
}

function writeInPlace(file: string, text: string): void {
  const fd = openSync(file, 'r+'); // no O_TRUNC: the old blocks stay allocated and are overwritten
  try {
    const bytes = Buffer.from(text);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at, at);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

/** The manifest of a run folder, or undefined when it is missing or not a valid manifest (see `loadManifestSync`). */
export function readManifest(dir: string): RunManifest | undefined {
  const r = loadManifestSync(dir);
  return r.ok ? r.manifest : undefined;
}

/** True if a process with this pid exists (EPERM means it exists but is not ours). */
export function isProcessAlive(pid: number | undefined): boolean {
  if (!pid || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The status to show: a `running` manifest whose trainer is gone is `interrupted`. A run written by
 * another machine (shared storage, a cluster job) cannot be checked by pid here, so its own status
 * stands.
 */
export function effectiveStatus(m: RunManifest): RunStatus {
  // A Slurm task's pid is meaningless here even on the same host: Slurm's state decides (core/sweep/slurm.ts).
  if (m.status === 'running' && m.slurm) return m.status;
  if (m.status === 'running' && m.host && m.host !== os.hostname()) return m.status;
  if (m.status === 'running' && !isProcessAlive(m.pid)) return 'interrupted';
  return m.status;
}

export interface RunListing {
  dir: string;
  id: string;
  manifest: RunManifest;
  status: RunStatus;
  /** Why it is interrupted/failed/stopped, in words. */
  reason?: string;
}

/** A folder in the runs folder that could not be listed, and why. */
export interface SkippedRun {
  dir: string;
  id: string;
  /** What is wrong, naming the file: "manifest.json has startedAt must be string (found 42)". */
  problem: string;
}

export interface RunsFolderScan {
  runs: RunListing[];
  skipped: SkippedRun[];
}

const INTERRUPTED_REASON =
  'The trainer process ended without finishing (killed, crashed, or the machine stopped). Metrics written before that are kept.';

function listing(dir: string, id: string, read: ManifestRead): RunListing | SkippedRun {
  if (!read.ok) {
    // A folder without a manifest is not a run folder (or one being created): not worth a message.
    if (read.problem.kind === 'missing') return { dir, id, problem: '' };
    return { dir, id, problem: `${RUN_FILES.manifest} ${read.problem.message}` };
  }
  const manifest = read.manifest;
  manifest.groupKey ??= groupKeyOfFolder(dir);
  const status = effectiveStatus(manifest);
  const reason = status === 'interrupted' && manifest.status === 'running' ? INTERRUPTED_REASON : manifest.reason;
  return { dir, id, manifest, status, reason };
}

function collect(entries: (RunListing | SkippedRun)[]): RunsFolderScan {
  const runs: RunListing[] = [];
  const skipped: SkippedRun[] = [];
  for (const e of entries) {
    if ('manifest' in e) runs.push(e);
    else if (e.problem) skipped.push(e);
  }
  runs.sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt) || b.id.localeCompare(a.id));
  return { runs, skipped };
}

/**
 * Every run folder under `runsDir` with a valid manifest, newest first, and the folders skipped with
 * why. A folder reached twice through a link is listed once; a FIFO or a huge file in place of a
 * manifest is refused without being read.
 */
export function scanRunsFolderSync(runsDir: string): RunsFolderScan {
  return collect(childDirsSync(runsDir).map((c) => listing(c.path, c.name, loadManifestSync(c.path))));
}

/** The async twin of `scanRunsFolderSync`, for the extension host. */
export async function scanRunsFolder(runsDir: string): Promise<RunsFolderScan> {
  const dirs = await childDirs(runsDir);
  return collect(await Promise.all(dirs.map(async (c) => listing(c.path, c.name, await loadManifest(c.path)))));
}

/** Every run folder under `runsDir` with a readable manifest, newest first. */
export function listRuns(runsDir: string): RunListing[] {
  return scanRunsFolderSync(runsDir).runs;
}

/** The seed-group key of a folder written before manifests carried one, from its `config.json`. */
function groupKeyOfFolder(dir: string): string | undefined {
  const r = readTextFileSync(path.join(dir, RUN_FILES.config), { maxBytes: 4 * 1024 * 1024 });
  if (!r.ok) return undefined;
  try {
    return seedGroupKey(JSON.parse(r.text));
  } catch {
    return undefined;
  }
}

/** Rewrites an interrupted run's manifest so the status sticks even if the pid is later reused. */
export function markInterrupted(dir: string): RunManifest | undefined {
  const m = readManifest(dir);
  if (!m || effectiveStatus(m) !== 'interrupted' || m.status !== 'running') return m;
  const next: RunManifest = {
    ...m,
    status: 'interrupted',
    reason: 'The trainer process ended without finishing (killed, crashed, or the machine stopped).',
    pid: undefined,
  };
  writeManifest(dir, next);
  return next;
}

/** Records a run whose trainer was killed after a stop request as `stopped` (if it still says running). */
export function markStopped(dir: string, reason: string): RunManifest | undefined {
  const m = readManifest(dir);
  if (!m || m.status !== 'running') return m;
  const next: RunManifest = { ...m, status: 'stopped', reason, endedAt: new Date().toISOString(), pid: undefined };
  writeManifest(dir, next);
  return next;
}
