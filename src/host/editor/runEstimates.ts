/**
 * This machine's speed for the CodeLens estimate, per runs folder, kept in memory. The CodeLens asks
 * synchronously and never waits: the first ask starts an async read of the runs folder and says
 * "nothing yet"; when the read lands, `onDidChange` fires and the lens is asked again. A manifest
 * written in the runs folder (a run started or finished, here or from the CLI) or a changed setting
 * drops the cached speed. Any failure leaves the speed unknown, which shows no estimate.
 */
import * as vscode from 'vscode';
import { calibrate, type Speed } from '../../core/estimate/calibrate';
import { readPastRuns } from '../../core/estimate/pastRuns';
import { runsDirFor } from '../util/runsDir';

interface Entry {
  speed?: Speed;
  watcher: vscode.FileSystemWatcher;
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
    if (known) return known.speed;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*/manifest.json'));
    const entry: Entry = { watcher };
    this.entries.set(dir, entry);
    const reload = () => void this.load(dir, uri, entry);
    watcher.onDidCreate(reload);
    watcher.onDidChange(reload);
    watcher.onDidDelete(reload);
    reload();
    return undefined;
  }

  private async load(dir: string, uri: vscode.Uri, entry: Entry): Promise<void> {
    try {
      const backend = vscode.workspace.getConfiguration('paperlab', uri).get<string>('backend', 'auto');
      entry.speed = calibrate(await readPastRuns(dir), backend);
    } catch {
      entry.speed = undefined;
    }
    if (this.entries.get(dir) === entry) this.changed.fire();
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
