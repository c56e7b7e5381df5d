/**
 * Run Sweep / Cancel Sweep in the editor. A sweep is planned by the same core as `paperlab sweep`
 * (src/core/sweep/plan.ts: lint every cell, resume by config hash + seed), then either
 *  - local: every cell is queued with the run manager, so cells share its pool
 *    (`paperlab.maxConcurrentRuns`, one per core by default) with single runs; or
 *  - Slurm: one job array (src/core/sweep/slurm.ts), followed by polling `squeue`/`scontrol` and the
 *    run folders (watchers miss changes on network file systems).
 * This controller is the only writer of the sweep's `sweep.json` while it follows it; the status bar
 * and the CodeLens read its counts and ETA.
 */
import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice } from '../../core/protocol/trainer';
import { planSweep } from '../../core/sweep/plan';
import { countCells, writeSweep, type SweepCounts, type SweepFile } from '../../core/sweep/folder';
import { cancelSlurm, refreshSlurm, settled, submitSlurm } from '../../core/sweep/slurm';
import { finishTime } from '../../core/sweep/estimate';
import { writeInterval } from '../../core/sweep/localPool';
import { describeSettings } from '../../core/sweep/spec';
import type { RunManager, RunState } from '../runs/runManager';
import { runsDirFor } from '../util/runsDir';
import { Disposable } from '../util/dispose';
import { paperRegistry } from '../../papers';

export interface ActiveSweep {
  dir: string;
  sweep: SweepFile;
  executor: 'local' | 'slurm';
  sourceConfig: string;
  startedAt: number;
  /** Local cells' run-manager states (their keys stop them). */
  states: Map<number, RunState>;
  /** Seconds each completed cell took, for the ETA. */
  durations: number[];
  began: Map<number, number>;
  cancelled: boolean;
  done: Promise<SweepCounts>;
  resolve: (c: SweepCounts) => void;
  timer?: NodeJS.Timeout;
}

export interface SweepView {
  dir: string;
  name: string;
  executor: 'local' | 'slurm';
  sourceConfig: string;
  counts: SweepCounts;
  etaSeconds?: number;
  finished: boolean;
}

const SLURM_POLL_MS = 10_000;

export class SweepController extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<SweepView>());
  /** Fires on every change of a followed sweep's counts. */
  readonly onDidChange = this.emitter.event;
  private readonly active = new Map<string, ActiveSweep>();
  private writeTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly manager: RunManager,
    private readonly cliPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(manager.onDidUpdate((u) => this.onRun(u.kind, u.run)));
    this.register({
      dispose: () => {
        for (const a of this.active.values()) if (a.timer) clearInterval(a.timer);
        for (const t of this.writeTimers.values()) clearTimeout(t);
      },
    });
  }

  /** Sweeps being followed, newest first. */
  sweeps(): SweepView[] {
    return [...this.active.values()].reverse().map((a) => this.view(a));
  }

  forConfig(file: string): SweepView | undefined {
    return this.sweeps().find((s) => s.sourceConfig === file && !s.finished);
  }

  /** Plans and starts the sweep of a linted config; returns it, or a message saying why not. */
  async start(
    uri: vscode.Uri,
    text: string,
    executor: 'local' | 'slurm',
  ): Promise<{ sweep?: ActiveSweep; message?: string }> {
    const backend = vscode.workspace.getConfiguration('paperlab', uri).get<BackendChoice>('backend', 'auto');
    const runsDir = runsDirFor(uri);
    const plan = planSweep({ text, file: uri.fsPath, runsDir, backend, papers: paperRegistry });
    if (!plan.ok) return { message: plan.message };
    if (this.active.get(plan.dir) && !this.view(this.active.get(plan.dir)!).finished)
      return { message: 'This sweep is already running: Cancel Sweep stops it.' };
    if (!plan.todo.length)
      return {
        message: plan.running.length
          ? `${plan.running.length} cells of this sweep are still running elsewhere; nothing else to start.`
          : `Every cell of this sweep (${plan.sweep.cells.length}) already completed.`,
      };
    let resolve!: (c: SweepCounts) => void;
    const done = new Promise<SweepCounts>((r) => (resolve = r));
    const a: ActiveSweep = {
      dir: plan.dir,
      sweep: plan.sweep,
      executor,
      sourceConfig: uri.fsPath,
      startedAt: Date.now(),
      states: new Map(),
      durations: [],
      began: new Map(),
      cancelled: false,
      done,
      resolve,
    };
    this.active.set(plan.dir, a);
    this.log.info(
      `sweep ${plan.sweep.name}: ${plan.todo.length} of ${plan.sweep.cells.length} cells to run (${executor}), ${plan.skipped} already completed — ${plan.dir}`,
    );
    if (executor === 'local') {
      plan.sweep.executor = { kind: 'local', jobs: this.poolSize() };
      for (const index of plan.todo) {
        const { state, done: cellDone } = this.manager.enqueue({
          config: plan.configs.get(index)!,
          runsDir,
          backend,
          sourceConfig: uri.fsPath,
          sweepCell: { sweepDir: plan.dir, index },
        });
        a.states.set(index, state);
        void cellDone.then((exit) => {
          const cell = a.sweep.cells[index];
          cell.status = a.cancelled && exit.status !== 'completed' ? 'cancelled' : exit.status;
          cell.reason = a.cancelled && exit.status !== 'completed' ? 'Cancelled (Cancel Sweep).' : exit.message;
          const began = a.began.get(index);
          if (exit.status === 'completed' && began) a.durations.push((Date.now() - began) / 1000);
          this.changed(a);
        });
      }
      writeSweep(a.dir, a.sweep);
    } else {
      const cfg = vscode.workspace.getConfiguration('paperlab.slurm', uri);
      await submitSlurm({
        sweepDir: plan.dir,
        sweep: plan.sweep,
        todo: plan.todo,
        concurrent: cfg.get<number>('maxConcurrentTasks', 0) || undefined,
        nodePath: cfg.get<string>('node', '') || 'node',
        cliPath: this.cliPath,
        header: cfg.get<string>('jobHeader', ''),
        sbatchArgs: cfg.get<string[]>('sbatchArgs', []),
      });
      a.timer = setInterval(() => void this.poll(a), SLURM_POLL_MS);
      a.timer.unref?.();
    }
    this.changed(a);
    return { sweep: a };
  }

  /** Cancel Sweep: local cells leave the queue or stop after their step; a Slurm sweep is scancel'ed. */
  async cancel(dir: string): Promise<boolean> {
    const a = this.active.get(dir);
    if (!a || this.view(a).finished) return false;
    a.cancelled = true;
    if (a.executor === 'slurm') {
      await cancelSlurm(a.dir, a.sweep);
      await this.poll(a);
    } else {
      for (const [index, state] of a.states) {
        const status = a.sweep.cells[index].status;
        if (status === 'queued' || status === 'running') this.manager.stop(state.key);
      }
    }
    this.log.info(`sweep ${a.sweep.name}: cancel requested`);
    return true;
  }

  /** Re-reads a Slurm sweep's state (also used by tests instead of waiting for the timer). */
  async poll(a: ActiveSweep): Promise<void> {
    try {
      await refreshSlurm(a.dir, a.sweep);
    } catch (e) {
      this.log.warn(`sweep ${a.sweep.name}: could not read Slurm's state: ${(e as Error).message}`);
      return;
    }
    this.changed(a);
  }

  private poolSize(): number {
    const n = vscode.workspace.getConfiguration('paperlab').get<number>('maxConcurrentRuns', 0);
    return n > 0 ? n : Math.max(1, os.cpus().length);
  }

  private onRun(kind: string, run: RunState): void {
    if (!run.sweep || (kind !== 'started' && kind !== 'queued')) return;
    const a = this.active.get(run.sweep.dir);
    if (!a || kind !== 'started') return;
    const cell = a.sweep.cells[run.sweep.cell];
    cell.status = 'running';
    cell.run = run.runDir ? path.basename(run.runDir) : cell.run;
    cell.host = os.hostname();
    a.began.set(run.sweep.cell, Date.now());
    this.changed(a);
  }

  private changed(a: ActiveSweep): void {
    const v = this.view(a);
    this.scheduleWrite(a, v.finished);
    this.emitter.fire(v);
    if (v.finished) {
      if (a.timer) clearInterval(a.timer);
      a.timer = undefined;
      a.resolve(v.counts);
    }
  }

  private scheduleWrite(a: ActiveSweep, now: boolean): void {
    if (a.executor === 'slurm') return; // refreshSlurm wrote it
    const pending = this.writeTimers.get(a.dir);
    if (pending && !now) return;
    if (pending) clearTimeout(pending);
    const write = () => {
      this.writeTimers.delete(a.dir);
      try {
        writeSweep(a.dir, a.sweep);
      } catch (e) {
        this.log.warn(`sweep ${a.sweep.name}: could not write sweep.json: ${(e as Error).message}`);
      }
    };
    if (now) write();
    else this.writeTimers.set(a.dir, setTimeout(write, writeInterval(a.sweep.cells.length)));
  }

  private view(a: ActiveSweep): SweepView {
    const counts = countCells(a.sweep.cells);
    return {
      dir: a.dir,
      name: a.sweep.name,
      executor: a.executor,
      sourceConfig: a.sourceConfig,
      counts,
      etaSeconds: this.eta(a),
      finished: settled(a.sweep.cells),
    };
  }

  /** Remaining cells packed onto the slots at the mean duration of the cells completed so far. */
  private eta(a: ActiveSweep): number | undefined {
    if (!a.durations.length) return undefined;
    const mean = a.durations.reduce((x, y) => x + y, 0) / a.durations.length;
    const now = Date.now();
    const running: number[] = [];
    const queued: number[] = [];
    for (const c of a.sweep.cells) {
      if (c.status === 'running') running.push(Math.max(0, mean - (now - (a.began.get(c.index) ?? now)) / 1000));
      else if (c.status === 'queued') queued.push(mean);
    }
    const slots = a.executor === 'local' ? this.poolSize() : Math.max(1, running.length);
    return finishTime(running, queued, slots);
  }
}

export function describeCell(sweep: SweepFile, index: number): string {
  const c = sweep.cells[index];
  return `${describeSettings(c.settings) || 'base'}, seed ${c.seed}`;
}
