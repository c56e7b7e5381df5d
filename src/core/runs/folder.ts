/**
 * The run folder on disk: naming, the manifest (written atomically), the append-only metrics log
 * (one JSON event per line, written with a synchronous fd write so every event that was emitted
 * survives a `kill -9` of the trainer), and reading it all back — tolerating a torn last line and
 * telling a live run from an interrupted one by the manifest's pid.
 *
 * Node-only (fs, crypto) but free of vscode and tfjs: the trainer, the host and the CLI share it.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { RUN_FILES, type RunEvent, type RunManifest, type RunStatus } from './events';
import { seedGroupKey } from './seedGroup';

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

/** Writes via a temporary file and a rename, so a reader never sees half a manifest. */
export function writeManifest(dir: string, m: RunManifest): void {
  const file = path.join(dir, RUN_FILES.manifest);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(m, null, 2) + '\n');
  renameSync(tmp, file);
}

export function readManifest(dir: string): RunManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, RUN_FILES.manifest), 'utf8'));
    return m && typeof m === 'object' && typeof m.status === 'string' ? (m as RunManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Appends events to metrics.jsonl, one line each, written through to the OS before returning. */
export class MetricsWriter {
  private fd: number | undefined;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }
  append(event: RunEvent): void {
    if (this.fd === undefined) throw new Error('metrics log already closed');
    writeSync(this.fd, JSON.stringify(event) + '\n');
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export interface MetricsRead {
  events: RunEvent[];
  /** Byte offset just past the last complete line: pass it back to read only what was appended. */
  nextOffset: number;
  /** Complete lines that were not valid events (skipped). */
  badLines: number;
}

function isEvent(e: unknown): e is RunEvent {
  if (!e || typeof e !== 'object') return false;
  const t = (e as { type?: unknown }).type;
  return (t === 'metric' || t === 'summary' || t === 'phase') && typeof (e as { series?: unknown }).series === 'object';
}

/**
 * Reads events from `offset` on. A last line without its newline is a write in progress (or torn by a
 * kill) and is left for the next read; a complete line that is not an event is counted and skipped.
 */
export function readMetrics(file: string, offset = 0): MetricsRead {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return { events: [], nextOffset: offset, badLines: 0 };
  }
  const events: RunEvent[] = [];
  let badLines = 0;
  let start = offset;
  for (;;) {
    const nl = buf.indexOf(0x0a, start);
    if (nl < 0) break;
    const line = buf.subarray(start, nl).toString('utf8').trim();
    start = nl + 1;
    if (!line) continue;
    try {
      const e = JSON.parse(line);
      if (isEvent(e)) events.push(e);
      else badLines++;
    } catch {
      badLines++;
    }
  }
  return { events, nextOffset: start, badLines };
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

/** Every run folder under `runsDir` with a readable manifest, newest first. */
export function listRuns(runsDir: string): RunListing[] {
  if (!existsSync(runsDir)) return [];
  const out: RunListing[] = [];
  for (const id of readdirSync(runsDir)) {
    const dir = path.join(runsDir, id);
    try {
      if (!statSync(dir).isDirectory()) continue;
    } catch {
      continue;
    }
    const manifest = readManifest(dir);
    if (!manifest) continue;
    manifest.groupKey ??= groupKeyOfFolder(dir);
    const status = effectiveStatus(manifest);
    const reason =
      status === 'interrupted' && manifest.status === 'running'
        ? 'The trainer process ended without finishing (killed, crashed, or the machine stopped). Metrics written before that are kept.'
        : manifest.reason;
    out.push({ dir, id, manifest, status, reason });
  }
  return out.sort(
    (a, b) => (b.manifest.startedAt ?? '').localeCompare(a.manifest.startedAt ?? '') || b.id.localeCompare(a.id),
  );
}

/** The seed-group key of a folder written before manifests carried one, from its `config.json`. */
function groupKeyOfFolder(dir: string): string | undefined {
  try {
    return seedGroupKey(JSON.parse(readFileSync(path.join(dir, RUN_FILES.config), 'utf8')));
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
