/**
 * The runs folder as the dashboard sees it: the list of runs (manifest, a few key settings, live or
 * not), and each run's events read incrementally — only the bytes appended since the last read, so
 * a run written by a trainer (the extension's or a CLI's) can be followed live at little cost.
 * Free of `vscode`: the panel, the report command and the tests share it.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { RUN_FILES, type RunEvent } from '../../core/runs/events';
import { listRuns, readManifest, effectiveStatus } from '../../core/runs/folder';
import {
  packEvents,
  type DashboardSnapshot,
  type PackedEvents,
  type PaperView,
  type RunInfo,
} from '../../core/protocol/dashboard';
import { getPaper, isImplemented } from '../../papers/index';
import { flattenConfig } from '../../core/experiments/params';

export interface TailResult {
  events: RunEvent[];
  nextOffset: number;
  badLines: number;
}

function isEvent(e: unknown): e is RunEvent {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  if (typeof o.series !== 'object' || o.series === null || typeof o.time !== 'number') return false;
  if (o.type === 'metric') return typeof o.step === 'number' && typeof o.values === 'object' && o.values !== null;
  if (o.type === 'summary') return typeof o.values === 'object' && o.values !== null;
  return o.type === 'phase';
}

/**
 * Reads the complete lines appended to `file` since `offset`. A last line without its newline is a
 * write in progress and is left for the next call; lines that are not events are counted, skipped.
 */
export function readMetricsFrom(file: string, offset: number): TailResult {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { events: [], nextOffset: offset, badLines: 0 };
  }
  try {
    const size = fstatSync(fd).size;
    // A file shorter than what we read is a rewritten file: start again from the top.
    const from = size < offset ? 0 : offset;
    if (size === from) return { events: [], nextOffset: from, badLines: 0 };
    const buf = Buffer.alloc(size - from);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    const end = buf.lastIndexOf(0x0a, got - 1);
    if (end < 0) return { events: [], nextOffset: from, badLines: 0 };
    const events: RunEvent[] = [];
    let badLines = 0;
    for (const line of buf.subarray(0, end).toString('utf8').split('\n')) {
      const t = line.trim();
      if (!t) continue;
      try {
        const e = JSON.parse(t);
        if (isEvent(e)) events.push(e);
        else badLines++;
      } catch {
        badLines++;
      }
    }
    return { events, nextOffset: from + end + 1, badLines };
  } finally {
    closeSync(fd);
  }
}

/** The settings a researcher tells runs apart by, read from the resolved config. */
export function keySettings(config: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof config !== 'object' || config === null) return out;
  const c = config as Record<string, Record<string, unknown> | undefined>;
  const put = (label: string, v: unknown) => {
    if (typeof v === 'number') out[label] = Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(1) : String(v);
    else if (typeof v === 'string') out[label] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) out[label] = v.join('-');
  };
  put('data', c.data?.dataset);
  put('model', c.model?.hidden ?? c.model?.arch);
  put('opt', c.train?.optimizer);
  put('lr', c.train?.lr);
  put('batch', c.train?.batch_size);
  put('iters', c.train?.iterations ?? c.train?.epochs);
  put('rounds', c.prune?.rounds);
  return out;
}

export function paperView(id: string): PaperView | undefined {
  const p = getPaper(id);
  if (!p || !isImplemented(p)) return undefined;
  return {
    id: p.id,
    title: p.title,
    citation: p.citation,
    figures: p.figures,
    references: p.references,
    scaleNote: p.scaleNote,
  };
}

interface Entry {
  dir: string;
  info: RunInfo;
  /** Raw manifest text, to tell a real change from a touch. */
  manifestKey: string;
  /** Undefined until someone asks for this run's events. */
  events?: RunEvent[];
  offset: number;
}

export interface ScanResult {
  added: RunInfo[];
  updated: RunInfo[];
  removed: string[];
}

export class RunSource {
  private entries = new Map<string, Entry>();

  constructor(readonly runsDir: string) {}

  /** Re-lists the runs folder and says what changed since the last scan. */
  scan(): ScanResult {
    const result: ScanResult = { added: [], updated: [], removed: [] };
    const seen = new Set<string>();
    for (const r of listRuns(this.runsDir)) {
      seen.add(r.id);
      const manifest = { ...r.manifest, id: r.id, status: r.status, reason: r.reason ?? r.manifest.reason };
      const key = JSON.stringify(manifest);
      const old = this.entries.get(r.id);
      if (old && old.manifestKey === key) continue;
      const config = old ? undefined : readConfig(r.dir);
      const info: RunInfo = {
        manifest,
        settings: old?.info.settings ?? keySettings(config),
        params: old?.info.params ?? flattenConfig(config),
        live: r.status === 'running',
      };
      if (old) {
        old.info = info;
        old.manifestKey = key;
        result.updated.push(info);
      } else {
        this.entries.set(r.id, { dir: r.dir, info, manifestKey: key, offset: 0 });
        result.added.push(info);
      }
    }
    for (const id of [...this.entries.keys()]) {
      if (seen.has(id)) continue;
      this.entries.delete(id);
      result.removed.push(id);
    }
    return result;
  }

  /** Re-reads one run's manifest (after a watcher event on it). */
  refresh(id: string): RunInfo | undefined {
    const e = this.entries.get(id);
    if (!e) return this.scan().added.find((r) => r.manifest.id === id);
    const m = readManifest(e.dir);
    if (!m) return undefined;
    const status = effectiveStatus(m);
    const manifest = { ...m, id, status };
    const key = JSON.stringify(manifest);
    if (key === e.manifestKey) return undefined;
    e.manifestKey = key;
    e.info = { ...e.info, manifest, live: status === 'running' };
    return e.info;
  }

  runs(): RunInfo[] {
    return [...this.entries.values()].map((e) => e.info);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  idForPath(file: string): string | undefined {
    const rel = path.relative(this.runsDir, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep)[0];
  }

  /** All events of a run, reading what is new since the last read. */
  events(id: string): RunEvent[] {
    const e = this.entries.get(id);
    if (!e) return [];
    if (!e.events) {
      e.events = [];
      e.offset = 0;
    }
    this.tail(id);
    return e.events;
  }

  /** Events appended since the last read; empty for runs nobody has asked for. */
  tail(id: string): RunEvent[] {
    const e = this.entries.get(id);
    if (!e?.events) return [];
    const r = readMetricsFrom(path.join(e.dir, RUN_FILES.metrics), e.offset);
    if (r.nextOffset < e.offset) e.events.length = 0; // the file was rewritten
    e.offset = r.nextOffset;
    e.events.push(...r.events);
    return r.events;
  }

  isLoaded(id: string): boolean {
    return !!this.entries.get(id)?.events;
  }

  /** Frees the events of runs no longer shown. */
  unload(keep: Set<string>): void {
    for (const [id, e] of this.entries) {
      if (!keep.has(id)) {
        e.events = undefined;
        e.offset = 0;
      }
    }
  }

  dirOf(id: string): string | undefined {
    return this.entries.get(id)?.dir;
  }

  /** The whole picture for the webview: all runs, the selected runs' events, their papers. */
  snapshot(selected: string[], select?: string[]): DashboardSnapshot {
    const packed: Record<string, PackedEvents> = {};
    const wanted = (select ?? selected).filter((id) => this.has(id));
    for (const id of wanted) packed[id] = packEvents(this.events(id));
    this.unload(new Set(wanted));
    const papers = new Map<string, PaperView>();
    for (const r of this.runs()) {
      if (papers.has(r.manifest.paper)) continue;
      const p = paperView(r.manifest.paper);
      if (p) papers.set(p.id, p);
    }
    return { runs: this.runs(), events: {}, packed, papers: [...papers.values()], select };
  }
}

function readConfig(dir: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(dir, RUN_FILES.config), 'utf8'));
  } catch {
    return undefined;
  }
}
