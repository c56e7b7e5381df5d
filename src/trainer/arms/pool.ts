/**
 * Independent arms of a recipe in other processes: the building block for using more than one core
 * within one run. A recipe whose arms do not feed each other (the lottery ticket's controls of round r
 * never feed round r + 1) hands such an arm to the pool and goes on with its own chain:
 *
 *   const done = ctx.arms?.run('control', { round, masks, … }, { onProgress });   // another process
 *   …train the next ticket here…
 *   await done;
 *
 * Each worker is the trainer bundle itself started in worker mode (worker.ts): it loads the paper's
 * recipe module and runs its exported `arms[name](ctx, payload)` with a context whose events, logs and
 * progress come back here. The run's trainer stays the only writer of the run folder: a worker's
 * events go through `emit` like the trainer's own (one writer per file, no lines interleaved across
 * processes, and the host's live view needs nothing new).
 *
 * An arm must be a pure function of the config, the seed and its payload (same data, same streams of
 * random numbers as in the trainer): then a run gives the same numbers with or without workers.
 * Workers start on the first job and are stopped by `close()`, by a stop request, or when this process
 * dies (they watch their parent).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { BackendChoice } from '../../core/protocol/trainer';
import { StopRequested } from '../recipe';
import { defaultArmWorkers } from './size';
import { ARM_WORKER_ENV, isFromWorker, type ArmEmitted, type FromWorker, type ToWorker } from './protocol';

export interface ArmPool {
  /** How many arms can train at once beside the trainer. */
  readonly size: number;
  /**
   * Runs `arms[name](ctx, payload)` of the run's recipe in a worker, when one is free (jobs queue in
   * order). Resolves when the arm finished; rejects with StopRequested when the run was stopped, or
   * with the worker's error.
   */
  run(name: string, payload: unknown, hooks?: { onProgress?: (done: number) => void }): Promise<void>;
  /** Stops the workers (after their current step) and waits for them to exit. */
  close(): Promise<void>;
  /** CPU seconds the workers spent on finished arms. */
  readonly cpuSeconds: number;
}

export interface ArmPoolOptions {
  /** The trainer bundle (dist/trainer.js), started again in worker mode. */
  script: string;
  paper: string;
  config: unknown;
  seed: number;
  backend: BackendChoice;
  nativeModulesDir?: string;
  /** Workers at most; default: one per core beyond this process's. */
  size?: number;
  emit(event: ArmEmitted): void;
  log(message: string, level?: 'info' | 'warn' | 'error'): void;
  shouldStop(): boolean;
}

interface Job {
  id: number;
  name: string;
  payload: unknown;
  onProgress?: (done: number) => void;
  resolve(): void;
  reject(e: Error): void;
}

interface Worker {
  child: ChildProcess;
  job?: Job;
  exited: Promise<void>;
}

/** Workers by default: the cores this process does not use (none on one core); PAPERLAB_ARM_WORKERS overrides. */
export const defaultPoolSize = defaultArmWorkers;

export function createArmPool(o: ArmPoolOptions): ArmPool {
  const size = o.size ?? defaultPoolSize();
  const workers: Worker[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let stopSent = false;
  let stopWatch: NodeJS.Timeout | undefined;
  let cpuSeconds = 0;
  let jobsDone = 0;

  const send = (w: Worker, m: ToWorker) => {
    if (w.child.connected) w.child.send(m, undefined, undefined, () => undefined);
  };

  const startWorker = (): Worker => {
    const child = fork(o.script, [], {
      execArgv: [],
      env: { ...process.env, [ARM_WORKER_ENV]: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let onExit!: () => void;
    const w: Worker = { child, exited: new Promise<void>((r) => (onExit = r)) };
    child.on('message', (m: unknown) => isFromWorker(m) && onMessage(w, m));
    child.on('error', (e) => o.log(`arm worker ${child.pid}: ${e.message}`, 'warn'));
    child.on('exit', (code, signal) => {
      onExit();
      workers.splice(workers.indexOf(w), 1);
      const job = w.job;
      w.job = undefined;
      if (job) {
        if (stopSent) job.reject(new StopRequested());
        else
          job.reject(
            new Error(`The arm worker for "${job.name}" exited (${signal ?? `code ${code}`}) before finishing.`),
          );
      }
      dispatch();
    });
    send(w, {
      type: 'arm-init',
      paper: o.paper,
      config: o.config,
      seed: o.seed,
      backend: o.backend,
      nativeModulesDir: o.nativeModulesDir,
    });
    workers.push(w);
    return w;
  };

  const onMessage = (w: Worker, m: FromWorker) => {
    const job = w.job;
    if (m.type === 'arm-ready') return;
    if (!job || m.id !== job.id) return;
    if (m.type === 'arm-event') o.emit(m.event);
    else if (m.type === 'arm-progress') job.onProgress?.(m.done);
    else if (m.type === 'arm-log') o.log(`[${job.name}] ${m.message}`, m.level);
    else {
      w.job = undefined;
      if (m.type === 'arm-done') {
        cpuSeconds += m.cpuSeconds;
        jobsDone++;
        job.resolve();
      } else if (m.stopped) job.reject(new StopRequested());
      else {
        const e = new Error(m.message);
        if (m.stack) e.stack = m.stack;
        job.reject(e);
      }
      dispatch();
    }
  };

  const dispatch = () => {
    while (queue.length && !closed) {
      let w = workers.find((x) => !x.job && x.child.connected);
      if (!w && workers.length < size) w = startWorker();
      if (!w) return;
      const job = queue.shift()!;
      w.job = job;
      send(w, { type: 'arm-job', id: job.id, name: job.name, payload: job.payload });
    }
    watchStop();
  };

  // A stop request reaches the workers within 100 ms; the timer lives only while jobs are pending.
  const watchStop = () => {
    const busy = workers.some((w) => w.job) || queue.length > 0;
    if (busy && !stopWatch) {
      stopWatch = setInterval(() => {
        if (!stopSent && o.shouldStop()) {
          stopSent = true;
          for (const w of workers) send(w, { type: 'arm-stop' });
          for (const j of queue.splice(0)) j.reject(new StopRequested());
        }
      }, 100);
      stopWatch.unref();
    } else if (!busy && stopWatch) {
      clearInterval(stopWatch);
      stopWatch = undefined;
    }
  };

  return {
    size,
    get cpuSeconds() {
      return cpuSeconds;
    },
    run(name, payload, hooks = {}) {
      if (closed) return Promise.reject(new Error('The arm pool is closed.'));
      if (stopSent) return Promise.reject(new StopRequested());
      return new Promise<void>((resolve, reject) => {
        queue.push({ id: nextId++, name, payload, onProgress: hooks.onProgress, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const j of queue.splice(0)) j.reject(new StopRequested());
      const exits = workers.map((w) => w.exited);
      for (const w of [...workers]) {
        if (w.job) send(w, { type: 'arm-stop' });
        if (w.child.connected) w.child.disconnect();
      }
      // A worker finishes its step and exits when its channel closes; one that hangs is killed.
      const timer = setTimeout(() => workers.forEach((w) => w.child.kill('SIGKILL')), 10_000);
      await Promise.all(exits);
      clearTimeout(timer);
      if (stopWatch) clearInterval(stopWatch);
      if (jobsDone)
        o.log(
          `arm workers: ${jobsDone} arm${jobsDone > 1 ? 's' : ''} trained in other processes, ${cpuSeconds.toFixed(1)} s of CPU`,
        );
    },
  };
}
