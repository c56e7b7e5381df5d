/**
 * The run manager: a queue of runs and a pool of trainer processes (size from
 * `paperlab.maxConcurrentRuns`, 0 = one per CPU core — the wasm backend uses one thread).
 *
 * Trainers started here are detached from the extension host (trainerLink.ts): a window reload or a
 * VS Code update does not stop them. When the extension activates again, `adoptFrom` finds the
 * trainers still alive in the runs folder and follows them through their files; the queue is kept in
 * a file and restored. Disposing the manager (deactivation) lets go of the trainers, never kills them.
 * What happens to them when VS Code closes for good is the user's choice, carried by the lease.
 *
 * Everything that shows runs (status bar, CodeLens, dashboard) subscribes to `onDidUpdate`; a sweep
 * queues its cells with `enqueue` like any run.
 */
import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { DETACHED_FILES, LEASE_EXPIRE_MS, type TrainerToHost } from '../../core/protocol/trainer';
import type { RunStatus } from '../../core/runs/events';
import { configHash, createRunDir, listRuns } from '../../core/runs/folder';
import type { TrainerExit } from '../../core/runs/trainerProcess';
import { Disposable } from '../util/dispose';
import { prepareCell } from '../../core/sweep/cell';
import { readSweepFile } from '../../core/sweep/folder';
import { adoptTrainer, launchDetached, recordInterrupted, type TrainerLink } from './trainerLink';
import { LeaseKeeper, type WhenVSCodeCloses } from './lease';
import { QueueStore, type StoredRequest } from './queueStore';
import { trainerAlive } from './liveness';
import { paperRegistry } from '../../papers';

export interface RunRequest extends StoredRequest {
  /** For tests: extra environment for the trainer (never stored with the queue). */
  env?: NodeJS.ProcessEnv;
}

export interface RunProgress {
  done: number;
  total: number;
  label: string;
  etaSeconds?: number;
}

export interface RunState {
  /** Stable key while queued; the run folder's path once started. */
  key: string;
  name: string;
  paper: string;
  status: RunStatus;
  /** sha256 of the resolved config (seed included): equal hashes train the same numbers. */
  configHash: string;
  seed: number;
  runDir?: string;
  /** The trainer's process id while it runs. */
  pid?: number;
  progress?: RunProgress;
  backend?: string;
  /** Why it failed / was interrupted, in words. */
  message?: string;
  sourceConfig?: string;
  /** Found alive in its run folder after a reload, rather than started by this window. */
  adopted?: boolean;
  /** Set for a cell of a sweep (src/host/sweeps). */
  sweep?: { dir: string; cell: number };
}

export type RunUpdate =
  | { kind: 'queued' | 'started' | 'progress' | 'finished'; run: RunState }
  /** The run's files changed: new metrics to read. */
  | { kind: 'activity'; run: RunState }
  /** A message on the IPC channel of a trainer started by this window. */
  | { kind: 'message'; run: RunState; message: TrainerToHost };

interface Entry {
  state: RunState;
  request?: RunRequest;
  link?: TrainerLink;
  done: Promise<TrainerExit>;
  resolveDone: (e: TrainerExit) => void;
}

export interface RunManagerOptions {
  trainerPath: string;
  nativeModulesDir?: string;
  log: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
  poolSize?: () => number;
  whenVSCodeCloses?: () => WhenVSCodeCloses;
  /** Where the queue is kept between reloads; without it the queue lives in memory only. */
  queueFile?: string;
}

const defaultPoolSize = () => {
  const n = vscode.workspace.getConfiguration('paperlab').get<number>('maxConcurrentRuns', 0);
  return n > 0 ? n : Math.max(1, os.cpus().length);
};

export class RunManager extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<RunUpdate>());
  /** Fires for every change of a run: queue, start, progress, new metrics, each trainer message, end. */
  readonly onDidUpdate = this.emitter.event;
  private readonly queue: Entry[] = [];
  private readonly active = new Map<string, Entry>();
  private readonly finished: RunState[] = [];
  private readonly leases: LeaseKeeper;
  private readonly queueStore?: QueueStore;
  private readonly poolSize: () => number;
  private seq = 0;
  private released = false;

  constructor(private readonly o: RunManagerOptions) {
    super();
    this.poolSize = o.poolSize ?? defaultPoolSize;
    this.leases = new LeaseKeeper(() => o.whenVSCodeCloses?.() ?? 'keepTraining');
    this.queueStore = o.queueFile ? new QueueStore(o.queueFile) : undefined;
    // While runs wait, the stored queue is renewed with the leases (see queueStore.ts).
    const renew = setInterval(() => this.queue.length && this.saveQueue(), LEASE_EXPIRE_MS / 3);
    renew.unref?.();
    this.register({ dispose: () => clearInterval(renew) });
    this.register({ dispose: () => this.releaseAll() });
  }

  /** Queues a run; it starts as soon as a slot is free. Resolves when the run ends. */
  enqueue(request: RunRequest): { state: RunState; done: Promise<TrainerExit> } {
    const entry = this.newEntry(request);
    this.queue.push(entry);
    this.saveQueue();
    this.emitter.fire({ kind: 'queued', run: { ...entry.state } });
    this.pump();
    return { state: entry.state, done: entry.done };
  }

  /** Runs that are training, then queued ones, in queue order. */
  runs(): RunState[] {
    return [...[...this.active.values()].map((e) => e.state), ...this.queue.map((e) => e.state)];
  }

  /** Recently finished runs of this window, newest first. */
  recent(): RunState[] {
    return [...this.finished];
  }

  /** Training or queued runs that would train exactly these numbers (same resolved config and seed). */
  sameAs(hash: string): RunState[] {
    return this.runs().filter((r) => r.configHash === hash);
  }

  /** Stops a training run (clean stop, kill after a grace period) or drops a queued one. */
  stop(key: string): boolean {
    const qi = this.queue.findIndex((e) => e.state.key === key);
    if (qi >= 0) {
      const [e] = this.queue.splice(qi, 1);
      this.saveQueue();
      e.state.message = 'Removed from the queue before it started.';
      this.finish(e, { status: 'stopped', message: e.state.message, code: null, signal: null });
      return true;
    }
    const e = this.active.get(key);
    if (!e?.link) return false;
    this.o.log.info(`stopping ${e.state.name} (${e.state.runDir})`);
    e.link.stop();
    return true;
  }

  /**
   * Follows the trainers of `runsDir` that an earlier window started and that still run on this
   * machine; marks those whose process is gone as interrupted. Returns the adopted runs.
   */
  adoptFrom(runsDir: string): RunState[] {
    const adopted: RunState[] = [];
    const host = os.hostname();
    for (const r of listRuns(runsDir)) {
      const m = r.manifest;
      // Only runs started from the editor carry a lease; a CLI run belongs to its terminal.
      if (m.status !== 'running' || (m.host && m.host !== host) || this.active.has(r.dir)) continue;
      if (!existsSync(path.join(r.dir, DETACHED_FILES.lease))) continue;
      if (!m.pid || !trainerAlive(m.pid, m.startedAt)) {
        recordInterrupted(r.dir);
        continue;
      }
      const entry = this.newEntry(undefined, {
        key: r.dir,
        name: m.name || m.id,
        paper: m.paper,
        status: 'running',
        configHash: m.configHash,
        seed: m.seed,
        runDir: r.dir,
        pid: m.pid,
        backend: m.backend,
        sourceConfig: m.sourceConfig,
        adopted: true,
      });
      this.active.set(r.dir, entry);
      this.leases.hold(r.dir);
      entry.link = adoptTrainer(r.dir, m.pid, m.startedAt, this.listenerFor(entry));
      void entry.link.exited.then((exit) => this.finish(entry, exit));
      this.o.log.info(`run ${m.id}: still training (pid ${m.pid}); following it again`);
      this.emitter.fire({ kind: 'started', run: { ...entry.state } });
      adopted.push(entry.state);
    }
    return adopted;
  }

  /**
   * Re-queues what waited when the last window went away. After a close (not a reload) that is older
   * than the lease, only if runs are to keep training when VS Code closes. Returns how many.
   */
  restoreQueue(): { restored: number; dropped: number } {
    if (!this.queueStore) return { restored: 0, dropped: 0 };
    const { requests, renewedAt } = this.queueStore.take();
    const stale = Date.now() - renewedAt > LEASE_EXPIRE_MS;
    if (stale && (this.o.whenVSCodeCloses?.() ?? 'keepTraining') === 'stop') {
      if (requests.length) this.o.log.info(`dropped ${requests.length} queued run(s): VS Code was closed`);
      return { restored: 0, dropped: requests.length };
    }
    for (const r of requests) this.enqueue(r);
    return { restored: requests.length, dropped: 0 };
  }

  /** The user changed what happens when VS Code closes: tell the trainers now. */
  policyChanged(): void {
    this.leases.renewAll();
  }

  private newEntry(request: RunRequest | undefined, state?: RunState): Entry {
    let resolveDone!: (e: TrainerExit) => void;
    const done = new Promise<TrainerExit>((r) => (resolveDone = r));
    const c = request?.config ?? {};
    return {
      state: state ?? {
        key: `queued-${++this.seq}`,
        name: String(c.name ?? c.paper),
        paper: String(c.paper),
        status: 'queued',
        configHash: configHash(c),
        seed: Number(c.seed ?? 0),
        sourceConfig: request?.sourceConfig,
        sweep: request?.sweepCell && { dir: request.sweepCell.sweepDir, cell: request.sweepCell.index },
      },
      request,
      done,
      resolveDone,
    };
  }

  private pump(): void {
    while (!this.released && this.active.size < this.poolSize() && this.queue.length) {
      const next = this.queue.shift()!;
      this.saveQueue();
      this.launch(next);
    }
  }

  private launch(e: Entry): void {
    const { state } = e;
    const request = e.request!;
    try {
      const cell = request.sweepCell;
      const runDir = cell ? sweepCellDir(cell, request.config) : createRunDir(request.runsDir, state.name);
      state.key = runDir;
      state.runDir = runDir;
      state.status = 'running';
      this.active.set(runDir, e);
      this.leases.hold(runDir);
      this.o.log.info(`run ${path.basename(runDir)}: starting trainer (${request.backend})`);
      e.link = launchDetached(
        {
          trainerPath: this.o.trainerPath,
          runDir,
          config: request.config,
          backend: request.backend,
          sourceConfig: request.sourceConfig,
          nativeModulesDir: this.o.nativeModulesDir,
          sweep: state.sweep,
          env: request.env ? { ...process.env, ...request.env } : undefined,
        },
        this.listenerFor(e),
      );
      state.pid = e.link.pid;
      this.emitter.fire({ kind: 'started', run: { ...state } });
      void e.link.exited.then((exit) => this.finish(e, exit));
    } catch (err) {
      state.message = `Could not start the run: ${(err as Error).message}`;
      this.finish(e, { status: 'failed', message: state.message, code: null, signal: null });
    }
  }

  private listenerFor(e: Entry) {
    return {
      onMessage: (m: TrainerToHost) => this.onMessage(e, m),
      onActivity: () => this.emitter.fire({ kind: 'activity', run: { ...e.state } }),
    };
  }

  private onMessage(e: Entry, m: TrainerToHost): void {
    const s = e.state;
    switch (m.type) {
      case 'started':
        s.backend = m.manifest.backend;
        break;
      case 'progress':
        s.progress = { done: m.done, total: m.total, label: m.label, etaSeconds: m.etaSeconds };
        this.emitter.fire({ kind: 'progress', run: { ...s } });
        break;
      case 'log':
        this.o.log[m.level === 'error' ? 'error' : m.level === 'warn' ? 'warn' : 'info'](
          `[${path.basename(s.runDir ?? '')}] ${m.message}`,
        );
        break;
    }
    if (e.link?.adopted) return; // progress read from its folder, not a channel message
    this.emitter.fire({ kind: 'message', run: { ...s }, message: m });
    if (m.type === 'event') this.emitter.fire({ kind: 'activity', run: { ...s } });
  }

  private finish(e: Entry, exit: TrainerExit): void {
    if (this.released) return;
    if (e.state.runDir) {
      this.active.delete(e.state.runDir);
      this.leases.drop(e.state.runDir);
    }
    e.state.status = exit.status;
    e.state.message = exit.message ?? e.state.message;
    e.state.pid = undefined;
    if (exit.status === 'failed' || exit.status === 'interrupted')
      this.o.log.error(`run ${e.state.name}: ${exit.status}: ${exit.message ?? ''}`);
    else this.o.log.info(`run ${e.state.name}: ${exit.status}`);
    this.finished.unshift({ ...e.state });
    this.finished.length = Math.min(this.finished.length, 20);
    this.emitter.fire({ kind: 'finished', run: { ...e.state } });
    e.resolveDone(exit);
    this.pump();
  }

  private saveQueue(): void {
    this.queueStore?.save(
      this.queue.map((e) => {
        const { config, runsDir, backend, sourceConfig, sweepCell } = e.request!;
        return { config, runsDir, backend, sourceConfig, sweepCell };
      }),
    );
  }

  /** Deactivation (a reload, an update, VS Code closing): let go of every trainer; none is killed. */
  private releaseAll(): void {
    this.saveQueue();
    this.released = true;
    for (const e of this.active.values()) e.link?.release();
    this.leases.dispose();
  }
}

/** A sweep cell's run folder, made (with its pointer) by the sweep's cell starter from `sweep.json` on disk. */
function sweepCellDir(cell: { sweepDir: string; index: number }, config: Record<string, unknown>): string {
  const sweep = readSweepFile(cell.sweepDir);
  if (!sweep) throw new Error(`its sweep folder ${cell.sweepDir} has no readable sweep.json`);
  return prepareCell(cell.sweepDir, sweep, cell.index, paperRegistry, process.env, config).runDir;
}
