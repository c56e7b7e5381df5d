/**
 * The run manager: a queue of runs and a pool of trainer child processes (size from
 * `paperlab.maxConcurrentRuns`, 0 = one per CPU core — the wasm backend uses one thread). Each trainer
 * is forked through the same launcher as `paperlab run`; the manager is a Disposable that kills every
 * child it started (a trainer also exits by itself if the extension host dies).
 * The dashboard and the status bar subscribe to `onDidUpdate`.
 */
import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice, TrainerToHost } from '../../core/protocol/trainer';
import type { RunStatus } from '../../core/runs/events';
import { createRunDir } from '../../core/runs/folder';
import { startTrainer, type TrainerExit, type TrainerHandle } from '../../core/runs/trainerProcess';
import { prepareCell } from '../../core/sweep/cell';
import type { SweepFile } from '../../core/sweep/folder';
import { Disposable } from '../util/dispose';

export interface RunRequest {
  /** The resolved config (defaults filled), already linted clean. */
  config: Record<string, unknown>;
  /** Folder that holds run folders. */
  runsDir: string;
  backend: BackendChoice;
  sourceConfig?: string;
  /** For tests: extra environment for the trainer. */
  env?: NodeJS.ProcessEnv;
  /** A cell of a sweep (src/host/sweeps): its run folder and pointer are made by the sweep's cell starter. */
  sweepCell?: { sweepDir: string; sweep: SweepFile; index: number };
}

export interface RunState {
  /** Stable key while queued; the run folder's path once started. */
  key: string;
  name: string;
  paper: string;
  status: RunStatus;
  runDir?: string;
  /** The trainer's process id while it runs. */
  pid?: number;
  progress?: { done: number; total: number; label: string; etaSeconds?: number };
  backend?: string;
  /** Why it failed / was interrupted, in words. */
  message?: string;
  sourceConfig?: string;
  /** Set for a cell of a sweep. */
  sweep?: { dir: string; cell: number };
}

export type RunUpdate =
  | { kind: 'queued' | 'started' | 'progress' | 'finished'; run: RunState }
  | { kind: 'message'; run: RunState; message: TrainerToHost };

interface Entry {
  state: RunState;
  request: RunRequest;
  handle?: TrainerHandle;
  done: Promise<TrainerExit>;
  resolveDone: (e: TrainerExit) => void;
}

export class RunManager extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<RunUpdate>());
  /** Fires for every change of a run: queue, start, progress, each trainer message, end. */
  readonly onDidUpdate = this.emitter.event;
  private readonly queue: Entry[] = [];
  private readonly active = new Map<string, Entry>();
  private readonly finished: RunState[] = [];
  private seq = 0;

  constructor(
    private readonly trainerPath: string,
    private readonly nativeModulesDir: string | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly poolSize: () => number = () => {
      const n = vscode.workspace.getConfiguration('paperlab').get<number>('maxConcurrentRuns', 0);
      return n > 0 ? n : Math.max(1, os.cpus().length);
    },
  ) {
    super();
    this.register({ dispose: () => this.killAll() });
  }

  /** Queues a run; it starts as soon as a slot is free. Resolves when the run ends. */
  enqueue(request: RunRequest): { state: RunState; done: Promise<TrainerExit> } {
    let resolveDone!: (e: TrainerExit) => void;
    const done = new Promise<TrainerExit>((r) => (resolveDone = r));
    const state: RunState = {
      key: `queued-${++this.seq}`,
      name: String(request.config.name ?? request.config.paper),
      paper: String(request.config.paper),
      status: 'queued',
      sourceConfig: request.sourceConfig,
      sweep: request.sweepCell && { dir: request.sweepCell.sweepDir, cell: request.sweepCell.index },
    };
    const entry: Entry = { state, request, done, resolveDone };
    this.queue.push(entry);
    this.emitter.fire({ kind: 'queued', run: { ...state } });
    this.pump();
    return { state, done };
  }

  /** Runs that are training, then queued ones. */
  runs(): RunState[] {
    return [...[...this.active.values()].map((e) => e.state), ...this.queue.map((e) => e.state)];
  }

  /** Recently finished runs of this window, newest first. */
  recent(): RunState[] {
    return [...this.finished];
  }

  /** Stops a training run (clean stop, kill after a grace period) or drops a queued one. */
  stop(key: string): boolean {
    const qi = this.queue.findIndex((e) => e.state.key === key);
    if (qi >= 0) {
      const [e] = this.queue.splice(qi, 1);
      e.state.status = 'stopped';
      e.state.message = 'Removed from the queue before it started.';
      this.finish(e, { status: 'stopped', code: null, signal: null });
      return true;
    }
    const e = this.active.get(key);
    if (!e?.handle) return false;
    this.log.info(`stopping ${e.state.name} (${e.state.runDir})`);
    e.handle.stop();
    return true;
  }

  private pump(): void {
    while (this.active.size < this.poolSize() && this.queue.length) this.launch(this.queue.shift()!);
  }

  private launch(e: Entry): void {
    const { request, state } = e;
    try {
      const cell = request.sweepCell;
      const runDir = cell
        ? prepareCell(cell.sweepDir, cell.sweep, cell.index, process.env, request.config).runDir
        : createRunDir(request.runsDir, state.name);
      state.key = runDir;
      state.runDir = runDir;
      state.status = 'running';
      this.active.set(runDir, e);
      this.log.info(`run ${path.basename(runDir)}: starting trainer (${request.backend})`);
      e.handle = startTrainer({
        trainerPath: this.trainerPath,
        runDir,
        config: request.config,
        backend: request.backend,
        sourceConfig: request.sourceConfig,
        nativeModulesDir: this.nativeModulesDir,
        sweep: state.sweep,
        env: request.env ? { ...process.env, ...request.env } : undefined,
        onMessage: (m) => this.onMessage(e, m),
      });
      state.pid = e.handle.pid;
      this.emitter.fire({ kind: 'started', run: { ...state } });
      e.handle.exited.then((exit) => this.finish(e, exit));
    } catch (err) {
      state.status = 'failed';
      state.message = `Could not start the run: ${(err as Error).message}`;
      this.finish(e, { status: 'failed', message: state.message, code: null, signal: null });
    }
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
        this.log[m.level === 'error' ? 'error' : m.level === 'warn' ? 'warn' : 'info'](
          `[${path.basename(s.runDir ?? '')}] ${m.message}`,
        );
        break;
    }
    this.emitter.fire({ kind: 'message', run: { ...s }, message: m });
  }

  private finish(e: Entry, exit: TrainerExit): void {
    if (e.state.runDir) this.active.delete(e.state.runDir);
    e.state.status = exit.status;
    e.state.message = exit.message ?? e.state.message;
    if (exit.status === 'failed' || exit.status === 'interrupted')
      this.log.error(`run ${e.state.name}: ${exit.status}: ${exit.message ?? ''}`);
    else this.log.info(`run ${e.state.name}: ${exit.status}`);
    this.finished.unshift({ ...e.state });
    this.finished.length = Math.min(this.finished.length, 20);
    this.emitter.fire({ kind: 'finished', run: { ...e.state } });
    e.resolveDone(exit);
    this.pump();
  }

  private killAll(): void {
    this.queue.length = 0;
    for (const e of this.active.values()) e.handle?.kill();
  }
}
