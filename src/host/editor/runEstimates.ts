/**
 * This machine's speed for the CodeLens estimate, per runs folder, kept in memory. The CodeLens asks
 * synchronously and never waits: the first ask starts an async read of the runs folder and says
 * "nothing yet"; when the read lands, `onDidChange` fires and the lens is asked again. A manifest
 * written in the runs folder (a run started or finished, here or from the CLI) or a changed setting
 * re-reads it; so does asking after REFRESH_MS (a watcher on a runs folder that does not exist yet,
 * or on shared storage, may never fire). Any failure leaves the speed unknown: no estimate is shown.
 */
import * as vscode from 'vscode';
import { calibrate, type Speed } from '../../core/estimate/calibrate';
import { readPastRuns } from '../../core/estimate/pastRuns';
import { runsDirFor } from '../util/runsDir';
import { paperRegistry } from '../../papers';

/** A cached speed older than this is re-read in the background the next time it is asked for. */
const REFRESH_MS = 60_000;

interface Entry {
  speed?: Speed;
  watcher: vscode.FileSystemWatcher;
  loadedAt: number;
  loading: boolean;
}

export class RunEstimates implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly settings: vscode.Disposable;

  constructor() {
    this.settings = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('paperlab.runsDirectory') || e.affectsConfiguration('paperlab.backend')) this.clear();
    });
  }

  /** The speed for a config's runs folder, or undefined while it is being read (or unreadable). */
  speedFor(uri: vscode.Uri): Speed | undefined {
    let dir: string;
    try {
      dir = runsDirFor(uri);
    } catch {
      return undefined;
    }
    const known = this.entries.get(dir);
    if (known) {
      if (!known.loading && Date.now() - known.loadedAt > REFRESH_MS) void this.load(dir, uri, known);
      return known.speed;
    }
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(dir), '*/manifest.json'),
    );
    const entry: Entry = { watcher, loadedAt: 0, loading: false };
    this.entries.set(dir, entry);
    const reload = () => void this.load(dir, uri, entry);
    watcher.onDidCreate(reload);
    watcher.onDidChange(reload);
    watcher.onDidDelete(reload);
    reload();
    return undefined;
  }

  private async load(dir: string, uri: vscode.Uri, entry: Entry): Promise<void> {
    const before = entry.speed;
    entry.loading = true;
    try {
      const backend = vscode.workspace.getConfiguration('paperlab', uri).get<string>('backend', 'auto');
      entry.speed = calibrate(await readPastRuns(dir, paperRegistry), backend);
    } catch {
      entry.speed = undefined;
    } finally {
      entry.loading = false;
      entry.loadedAt = Date.now();
    }
    // Ask the lens again only when something it shows changed (a periodic re-read usually changes nothing).
    const same = before?.perSecond === entry.speed?.perSecond && before?.n === entry.speed?.n;
    if (this.entries.get(dir) === entry && !same) this.changed.fire();
  }

  private clear(): void {
    for (const e of this.entries.values()) e.watcher.dispose();
    this.entries.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const e of this.entries.values()) e.watcher.dispose();
    this.entries.clear();
    this.settings.dispose();
    this.changed.dispose();
  }
}
