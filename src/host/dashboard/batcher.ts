/**
 * Collects live events per run and hands them on in batches: the first event after a quiet spell goes
 * out at once (lowest latency), later ones wait until `intervalMs` has passed since the last flush,
 * so the webview gets at most 1000/intervalMs updates per second however fast a trainer reports.
 * Free of `vscode`: the benchmark drives it too.
 */
import type { RunEvent } from '../../core/runs/events';

export type Flush = (batches: Map<string, RunEvent[]>) => void;

export class EventBatcher {
  private pending = new Map<string, RunEvent[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = -Infinity;
  /** While paused (webview hidden), events are dropped: the webview is rebuilt from the files when shown. */
  paused = false;

  constructor(
    private readonly flush: Flush,
    readonly intervalMs = 80,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(runId: string, events: RunEvent[]): void {
    if (this.paused || events.length === 0) return;
    const list = this.pending.get(runId);
    // One at a time: push(...events) overflows the stack for a large read (~125k events).
    if (list) for (const e of events) list.push(e);
    else this.pending.set(runId, events.slice());
    if (this.timer) return;
    const wait = this.lastFlush + this.intervalMs - this.now();
    if (wait <= 0) this.flushNow();
    else this.timer = setTimeout(() => this.flushNow(), wait);
  }

  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batches = this.pending;
    this.pending = new Map();
    this.lastFlush = this.now();
    this.flush(batches);
  }

  /** Forget what is pending (the webview will get a full `init` instead). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  dispose(): void {
    this.clear();
  }
}
