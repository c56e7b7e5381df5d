/**
 * Following the runs folder for an open dashboard: a watcher event on a run's file, a trainer's
 * message naming its run, and a periodic poll (watchers miss changes on network file systems) each
 * read what changed and pass ALL of it on. A scan consumes the changes it reports — the next one
 * sees nothing new — so a caller that kept only the run it asked about would lose the others: a run
 * that finished in the same instant a queued one started stayed "running" on screen (issue 13).
 * Free of `vscode`, so the tests drive it with a real runs folder.
 */
import path from 'node:path';
import { RUN_FILES, type RunEvent } from '../../core/runs/events';
import type { RunInfo } from '../../core/protocol/dashboard';
import type { RunSource, ScanResult } from './runSource';

/** What the follower feeds: the open dashboard panel. */
export interface FollowSink {
  runsChanged(updated: RunInfo[], removed: string[]): void;
  events(runId: string, events: RunEvent[]): void;
  /** Runs whose events the dashboard shows (their new events are read on every poll). */
  readonly shownRuns: readonly string[];
}

export class RunFollower {
  constructor(
    private readonly source: RunSource,
    /** The panel to feed, or undefined when none is open (nothing is read then). */
    private readonly sink: () => FollowSink | undefined,
  ) {}

  /** A file of a run changed (watcher), or a trainer reported on the run that owns `file`. */
  async onRunFile(file: string): Promise<void> {
    const sink = this.sink();
    if (!sink) return;
    const id = this.source.idForPath(file);
    if (!id) return;
    if (!this.source.has(id) || path.basename(file) === RUN_FILES.manifest)
      this.apply(sink, await this.source.refresh(id));
    if (this.source.isLoaded(id)) {
      const events = await this.source.tail(id);
      if (events.length) sink.events(id, events);
    }
  }

  /** Re-reads the whole folder and the shown runs' new events. */
  async poll(): Promise<void> {
    const sink = this.sink();
    if (!sink) return;
    this.apply(sink, await this.source.scan());
    for (const id of sink.shownRuns) {
      if (!this.source.isLoaded(id)) continue;
      const events = await this.source.tail(id);
      if (events.length) sink.events(id, events);
    }
  }

  private apply(sink: FollowSink, r: ScanResult): void {
    if (r.added.length || r.updated.length || r.removed.length) sink.runsChanged([...r.added, ...r.updated], r.removed);
  }
}
