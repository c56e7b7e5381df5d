/**
 * The runs folder as the dashboard sees it: the list of runs (manifest, a few key settings, live or
 * not), and each run's events read incrementally — only the bytes appended since the last read, so a
 * run written by a trainer (the extension's or a CLI's) can be followed live at little cost.
 *
 * Every read goes through the one run-folder reader in `core/runs` (the CLI and the report use the
 * same), asynchronously, so a slow disk, a FIFO or a runaway file never stalls the extension host.
 * Operations are serialized: a watcher event and a poll never read the same bytes twice. A folder
 * that cannot be read is left out and reported once through `onProblem`; the other runs are shown.
 * Free of `vscode`: the panel, the tests and the screenshot script share it.
 */
import path from 'node:path';
import { RUN_FILES, type RunEvent } from '../../core/runs/events';
import { effectiveStatus, scanRunsFolder } from '../../core/runs/folder';
import { loadManifest } from '../../core/runs/manifest';
import { readMetricsAsync } from '../../core/runs/metrics';
import { readKeySettings, readPaperSetting, type KeySettingsOf } from '../../core/runs/settings';
import { readParams } from '../../core/experiments/readParams';
import {
  packEvents,
  type DashboardSnapshot,
  type PackedEvents,
  type PaperView,
  type RunInfo,
} from '../../core/protocol/dashboard';

interface Entry {
  dir: string;
  info: RunInfo;
  /** The manifest as shown, serialized, to tell a real change from a touch. */
  manifestKey: string;
  /** Undefined until someone asks for this run's events. */
  events?: RunEvent[];
  offset: number;
}

/** What changed since the previous scan. Every caller must pass all of it on: a scan consumes it. */
export interface ScanResult {
  added: RunInfo[];
  updated: RunInfo[];
  removed: string[];
}

export interface RunSourceOptions {
  /** What the dashboard needs of a paper (from the registry; passed in so this stays testable). */
  paperView?: (paperId: string) => PaperView | undefined;
  /** The settings each paper shows in the run list (from the registry, too). */
  keySettingsOf?: KeySettingsOf;
  /** The keys each paper states its own value for (`paperSetting`, by dotted path), read from each run's config. */
  paperSettingOf?: KeySettingsOf;
  /** A run folder (or its metrics log) that cannot be read, in words naming it; each message once. */
  onProblem?: (message: string) => void;
}

export class RunSource {
  private entries = new Map<string, Entry>();
  private queue: Promise<unknown> = Promise.resolve();
  private reported = new Set<string>();

  constructor(
    readonly runsDir: string,
    private readonly options: RunSourceOptions = {},
  ) {}

  /** Runs `fn` after every operation queued before it (reads never interleave). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private problem(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.options.onProblem?.(message);
  }

  /** Re-lists the runs folder and says what changed since the last scan. */
  scan(): Promise<ScanResult> {
    return this.exclusive(() => this.scanNow());
  }

  private async scanNow(): Promise<ScanResult> {
    const result: ScanResult = { added: [], updated: [], removed: [] };
    const { runs, skipped } = await scanRunsFolder(this.runsDir);
    for (const s of skipped) this.problem(`${s.dir}: ${s.problem}: this run is not shown.`);
    const seen = new Set<string>();
    for (const r of runs) {
      seen.add(r.id);
      const manifest = { ...r.manifest, id: r.id, status: r.status, reason: r.reason ?? r.manifest.reason };
      const key = JSON.stringify(manifest);
      const old = this.entries.get(r.id);
      if (old && old.manifestKey === key) continue;
      const info: RunInfo = {
        manifest,
        settings: old?.info.settings ?? (await readKeySettings(r.dir, this.options.keySettingsOf?.(r.manifest.paper))),
        setting: old?.info.setting ?? (await readPaperSetting(r.dir, this.options.paperSettingOf?.(r.manifest.paper))),
        params: old?.info.params ?? (await readParams(r.dir)),
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

  /**
   * Re-reads one run's manifest (after a watcher event on it). A run not known yet means the folder
   * changed: the whole folder is scanned, and everything that scan found is returned — other runs'
   * changes included, so none is lost between a watcher event and the next poll.
   */
  refresh(id: string): Promise<ScanResult> {
    return this.exclusive(async () => {
      const e = this.entries.get(id);
      if (!e) return this.scanNow();
      const none: ScanResult = { added: [], updated: [], removed: [] };
      const read = await loadManifest(e.dir);
      if (!read.ok) {
        if (read.problem.kind === 'missing') return this.scanNow(); // the folder went away
        this.problem(`${e.dir}: ${RUN_FILES.manifest} ${read.problem.message}: this run is not shown.`);
        this.entries.delete(id);
        return { ...none, removed: [id] };
      }
      const status = effectiveStatus(read.manifest);
      const manifest = { ...read.manifest, id, status };
      const key = JSON.stringify(manifest);
      if (key === e.manifestKey) return none;
      e.manifestKey = key;
      e.info = { ...e.info, manifest, live: status === 'running' };
      return { ...none, updated: [e.info] };
    });
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
  events(id: string): Promise<RunEvent[]> {
    return this.exclusive(async () => {
      const e = this.entries.get(id);
      if (!e) return [];
      if (!e.events) {
        e.events = [];
        e.offset = 0;
      }
      await this.tailNow(id);
      return e.events;
    });
  }

  /** Events appended since the last read; empty for runs nobody has asked for. */
  tail(id: string): Promise<RunEvent[]> {
    return this.exclusive(() => this.tailNow(id));
  }

  private async tailNow(id: string): Promise<RunEvent[]> {
    const e = this.entries.get(id);
    if (!e?.events) return [];
    const r = await readMetricsAsync(path.join(e.dir, RUN_FILES.metrics), e.offset);
    if (r.problem) {
      if (r.problem.kind !== 'missing')
        this.problem(`${e.dir}: ${RUN_FILES.metrics} ${r.problem.message}: its curves are not drawn.`);
      return [];
    }
    if (r.restarted) e.events.length = 0; // the file was rewritten
    e.offset = r.nextOffset;
    // One at a time: spreading a large read into push() overflows the stack (~125k events).
    for (const ev of r.events) e.events.push(ev);
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
  async snapshot(selected: string[], select?: string[]): Promise<DashboardSnapshot> {
    const packed: Record<string, PackedEvents> = {};
    const wanted = (select ?? selected).filter((id) => this.has(id));
    for (const id of wanted) packed[id] = packEvents(await this.events(id));
    this.unload(new Set(wanted));
    const papers = new Map<string, PaperView>();
    for (const r of this.runs()) {
      if (papers.has(r.manifest.paper)) continue;
      const p = this.options.paperView?.(r.manifest.paper);
      if (p) papers.set(p.id, p);
    }
    return { runs: this.runs(), events: {}, packed, papers: [...papers.values()], select };
  }
}
