/**
 * The local executor: a pool of trainer processes, one per core by default (the wasm backend uses
 * one thread), working through a sweep's cells in order. It is the only writer of `sweep.json` while
 * it runs (throttled: a 10,000-cell file is megabytes), reports done / running /
 * queued with an ETA, and stops cleanly: running trainers finish their step and record `stopped`,
 * queued cells stay queued for the next resume.
 */
import { countCells, writeSweep, type SweepCounts, type SweepFile } from './folder';
import { prepareCell, startCell, type CellLaunch } from './cell';
import type { TrainerExit, TrainerHandle } from '../runs/trainerProcess';
import { finishTime } from './estimate';
import type { PaperRegistry } from '../paper/types';

export interface PoolProgress {
  counts: SweepCounts;
  /** Seconds until every cell is done, once a cell has finished (or from `estimate` before that). */
  etaSeconds?: number;
}

/** When each cell's slot was taken, its trainer said `started`, and it exited: the bench's raw data. */
export interface CellTiming {
  index: number;
  launchedAt: number;
  startedAt?: number;
  exitedAt?: number;
  status?: TrainerExit['status'];
}

export interface LocalPoolOptions extends CellLaunch {
  sweepDir: string;
  sweep: SweepFile;
  papers: PaperRegistry;
  todo: number[];
  /** Resolved configs of the cells to run, when the planner has them (saves linting them again). */
  configs?: Map<number, Record<string, unknown>>;
  jobs: number;
  /** Seconds a cell is expected to take (the run-time estimate), for the ETA before any cell finished. */
  estimate?: (index: number) => number | undefined;
  onProgress?: (p: PoolProgress) => void;
  onCellEnd?: (index: number, exit: TrainerExit) => void;
}

/**
 * How often `sweep.json` may be rewritten: each second up to 1,000 cells; above, every 10 s — the
 * file grows by ~320 bytes a cell (3.2 MB at 10,000), and on shared storage every rewrite is traffic.
 */
export function writeInterval(cells: number): number {
  return cells > 1000 ? 10_000 : 1000;
}

export class LocalPool {
  readonly timings: CellTiming[] = [];
  private readonly queue: number[];
  private readonly active = new Map<number, { handle: TrainerHandle; since: number }>();
  private readonly durations: number[] = [];
  private stopping = false;
  private writeTimer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(private readonly o: LocalPoolOptions) {
    this.queue = [...o.todo];
    o.sweep.executor = { kind: 'local', jobs: o.jobs };
  }

  /** Runs every queued cell; resolves with the final counts once no trainer is left. */
  run(): Promise<SweepCounts> {
    return new Promise((resolve) => {
      const pump = () => {
        while (!this.stopping && this.active.size < this.o.jobs && this.queue.length)
          this.launch(this.queue.shift()!, pump);
        this.report();
        if (this.active.size === 0 && (this.stopping || this.queue.length === 0)) {
          this.flush();
          resolve(countCells(this.o.sweep.cells));
        }
      };
      pump();
    });
  }

  /** Clean stop: queued cells stay queued, running trainers stop after their step (killed after `graceMs`). */
  stop(graceMs?: number): void {
    this.stopping = true;
    for (const a of this.active.values()) a.handle.stop(graceMs);
  }

  kill(): void {
    this.stopping = true;
    for (const a of this.active.values()) a.handle.kill();
  }

  private launch(index: number, pump: () => void): void {
    const cell = this.o.sweep.cells[index];
    const timing: CellTiming = { index, launchedAt: Date.now() };
    this.timings.push(timing);
    let handle: TrainerHandle;
    try {
      const prepared = prepareCell(
        this.o.sweepDir,
        this.o.sweep,
        index,
        this.o.papers,
        process.env,
        this.o.configs?.get(index),
      );
      cell.run = prepared.runDir.split(/[\\/]/).pop();
      cell.status = 'running';
      cell.reason = undefined;
      cell.reused = undefined;
      handle = startCell(this.o.sweepDir, this.o.sweep, prepared, {
        ...this.o,
        onMessage: (m) => {
          if (m.type === 'started') timing.startedAt = Date.now();
          this.o.onMessage?.(m);
        },
      });
    } catch (e) {
      cell.status = 'failed';
      cell.reason = (e as Error).message;
      timing.exitedAt = Date.now();
      timing.status = 'failed';
      this.markDirty();
      this.o.onCellEnd?.(index, { status: 'failed', message: cell.reason, code: null, signal: null });
      return;
    }
    this.active.set(index, { handle, since: Date.now() });
    this.markDirty();
    void handle.exited.then((exit) => {
      this.active.delete(index);
      timing.exitedAt = Date.now();
      timing.status = exit.status;
      cell.status = exit.status;
      cell.reason = exit.message ?? exit.manifest?.reason;
      if (exit.status === 'completed') this.durations.push((timing.exitedAt - timing.launchedAt) / 1000);
      this.markDirty();
      this.o.onCellEnd?.(index, exit);
      pump();
    });
  }

  private report(): void {
    this.o.onProgress?.({ counts: countCells(this.o.sweep.cells), etaSeconds: this.eta() });
  }

  /**
   * When the last cell ends if the pool goes on as it does: each slot first finishes its running
   * cell (at the mean duration of the cells finished so far, or the estimate before any finished),
   * then queued cells go to whichever slot frees first.
   */
  eta(): number | undefined {
    const now = Date.now();
    const mean = this.durations.length ? this.durations.reduce((a, b) => a + b, 0) / this.durations.length : undefined;
    const per = (i: number) => mean ?? this.o.estimate?.(i);
    const running: number[] = [];
    for (const [i, a] of this.active) {
      const s = per(i);
      if (s === undefined) return undefined;
      running.push(Math.max(0, s - (now - a.since) / 1000));
    }
    const queued: number[] = [];
    for (const i of this.queue) {
      const s = per(i);
      if (s === undefined) return undefined;
      queued.push(s);
    }
    return finishTime(running, queued, this.o.jobs);
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.writeTimer) return;
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      this.flush();
    }, writeInterval(this.o.sweep.cells.length));
    this.writeTimer.unref?.();
  }

  private flush(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    writeSweep(this.o.sweepDir, this.o.sweep);
  }
}
