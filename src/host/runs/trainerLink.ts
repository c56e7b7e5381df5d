/**
 * The extension's hold on one trainer process, two ways:
 *  - `launchDetached`: forked by this window in its own session (so a window reload, which ends the
 *    extension host, does not end it), output to `stderr.log` in the run folder, an IPC channel for
 *    low-latency messages while this window lives;
 *  - `adoptTrainer`: a trainer this window did not start (a reload happened, or VS Code restarted):
 *    followed through its run folder only — `progress.json`, the growth of `metrics.jsonl`, the
 *    manifest — and stopped with SIGTERM, which the trainer turns into a clean stop.
 * Either way a run is `interrupted` only when its process is really gone without a final status.
 * Free of `vscode`: the unit tests drive it directly.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, fstatSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  DETACHED_FILES,
  isTrainerToHost,
  type BackendChoice,
  type TrainerProgress,
  type TrainerToHost,
} from '../../core/protocol/trainer';
import { RUN_FILES, type RunManifest } from '../../core/runs/events';
import { readManifest, writeManifest } from '../../core/runs/folder';
import type { TrainerExit } from '../../core/runs/trainerProcess';
import { trainerAlive } from './liveness';

export interface TrainerLink {
  readonly pid: number | undefined;
  readonly runDir: string;
  /** True for a trainer found in its run folder rather than started by this window. */
  readonly adopted: boolean;
  /** Asks for a clean stop (finish the step, status `stopped`); kills after `graceMs`. */
  stop(graceMs?: number): void;
  /** SIGKILL now. */
  kill(): void;
  readonly exited: Promise<TrainerExit>;
  /** Stops following the process (this window goes away); the process goes on. */
  release(): void;
}

export interface LinkListener {
  /** A checked trainer message (launched trainers), or a progress read from the folder (adopted ones). */
  onMessage(m: TrainerToHost): void;
  /** The run's files changed (adopted trainers: metrics.jsonl grew). */
  onActivity?(): void;
}

export interface DetachedStart {
  trainerPath: string;
  runDir: string;
  config: unknown;
  backend: BackendChoice;
  sourceConfig?: string;
  nativeModulesDir?: string;
  /** When the run is a cell of a sweep: recorded in its manifest. */
  sweep?: { dir: string; cell: number };
  env?: NodeJS.ProcessEnv;
}

const GRACE_MS = 15_000;
/** How often an adopted trainer's folder and process are looked at. */
const ADOPTED_POLL_MS = 500;

/** The last lines the trainer printed, for a crash that happened before it could say why. */
export function stderrTail(runDir: string, maxBytes = 8 * 1024): string {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(runDir, DETACHED_FILES.stderr), 'r');
    const size = fstatSync(fd).size;
    const n = Math.min(size, maxBytes);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    return buf.toString('utf8').trim().split('\n').slice(-6).join('\n');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Records in the manifest that the trainer is gone without finishing (it is, when this is called:
 * its exit was seen, or its pid is dead or belongs to another process now), so the status sticks.
 */
export function recordInterrupted(runDir: string): RunManifest | undefined {
  const m = readManifest(runDir);
  if (!m || m.status !== 'running') return m;
  const next: RunManifest = {
    ...m,
    status: 'interrupted',
    reason:
      'The trainer process ended without finishing (killed, crashed, or the machine stopped). Metrics written before that are kept.',
    pid: undefined,
  };
  writeManifest(runDir, next);
  return next;
}

/** How a trainer that left no final word ended, from its run folder. */
function endedWithoutWord(runDir: string, how: string): TrainerExit {
  const manifest = readManifest(runDir);
  if (manifest && manifest.status !== 'running' && manifest.status !== 'queued') {
    // It finished (its manifest says how) while nobody listened on the channel.
    return { status: manifest.status, message: manifest.reason, manifest, code: null, signal: null };
  }
  const marked = recordInterrupted(runDir);
  const tail = stderrTail(runDir);
  return {
    status: 'interrupted',
    message: `The trainer process ended unexpectedly (${how}).${tail ? `\n${tail}` : ''}`,
    manifest: marked,
    code: null,
    signal: null,
  };
}

export function launchDetached(o: DetachedStart, listener: LinkListener): TrainerLink {
  const out = openSync(path.join(o.runDir, DETACHED_FILES.stderr), 'a');
  let child: ChildProcess;
  try {
    child = fork(o.trainerPath, [], {
      execArgv: [],
      // Its own session: a signal to the extension host's process group does not reach it.
      detached: true,
      stdio: ['ignore', out, out, 'ipc'],
      env: o.env ?? process.env,
      serialization: 'json',
    });
  } finally {
    closeSync(out); // the child has its own copy
  }
  let last: TrainerToHost | undefined;
  let released = false;
  child.on('message', (m: unknown) => {
    if (!isTrainerToHost(m)) return;
    if (m.type === 'done' || m.type === 'failed') last = m;
    if (!released) listener.onMessage(m);
  });
  let killTimer: NodeJS.Timeout | undefined;
  const exited = new Promise<TrainerExit>((resolve) => {
    let spawnError: Error | undefined;
    child.on('error', (e) => (spawnError = e));
    child.on('exit', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      if (last?.type === 'done') return resolve({ status: last.status, manifest: last.manifest, code, signal });
      if (last?.type === 'failed')
        return resolve({
          status: 'failed',
          message: last.message,
          manifest: last.manifest ?? readManifest(o.runDir),
          code,
          signal,
        });
      if (spawnError)
        return resolve({
          status: 'interrupted',
          message: `The trainer could not start: ${spawnError.message}`,
          manifest: recordInterrupted(o.runDir),
          code,
          signal,
        });
      resolve({ ...endedWithoutWord(o.runDir, signal ? `signal ${signal}` : `exit code ${code}`), code, signal });
    });
  });
  child.send({
    type: 'start',
    runDir: o.runDir,
    config: o.config,
    backend: o.backend,
    sourceConfig: o.sourceConfig,
    nativeModulesDir: o.nativeModulesDir,
    sweep: o.sweep,
    detached: true,
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (alive()) child.kill('SIGKILL');
  };
  return {
    pid: child.pid,
    runDir: o.runDir,
    adopted: false,
    exited,
    kill,
    stop(graceMs = GRACE_MS) {
      if (child.connected) child.send({ type: 'stop' });
      else if (alive()) child.kill('SIGTERM');
      if (!killTimer) killTimer = setTimeout(kill, graceMs);
      killTimer.unref?.();
    },
    release() {
      released = true;
      if (killTimer) clearTimeout(killTimer);
      // Close our end of the channel: the trainer sees a disconnect and, being detached, trains on.
      if (child.connected) child.disconnect();
      child.unref();
    },
  };
}

/** Follows a live trainer this window did not start, through its run folder. */
export function adoptTrainer(
  runDir: string,
  pid: number,
  startedAt: string,
  listener: LinkListener,
  pollMs = ADOPTED_POLL_MS,
): TrainerLink {
  const progressFile = path.join(runDir, DETACHED_FILES.progress);
  const metricsFile = path.join(runDir, RUN_FILES.metrics);
  let progressAt = 0;
  let metricsSize = -1;
  let killTimer: NodeJS.Timeout | undefined;
  // eslint-disable-next-line prefer-const -- read by the callbacks above before it is set below
  let timer: NodeJS.Timeout | undefined;
  let resolveExit!: (e: TrainerExit) => void;
  const exited = new Promise<TrainerExit>((r) => (resolveExit = r));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  };
  const poll = () => {
    try {
      const size = statSync(metricsFile).size;
      if (size !== metricsSize) {
        const first = metricsSize < 0;
        metricsSize = size;
        if (!first) listener.onActivity?.();
      }
    } catch {
      /* not written yet */
    }
    try {
      const p = JSON.parse(readFileSync(progressFile, 'utf8')) as TrainerProgress;
      if (typeof p.at === 'number' && p.at !== progressAt && typeof p.done === 'number') {
        progressAt = p.at;
        listener.onMessage({
          type: 'progress',
          done: p.done,
          total: p.total,
          label: String(p.label ?? ''),
          etaSeconds: p.etaSeconds,
        });
      }
    } catch {
      /* no progress yet, or a file being replaced */
    }
    if (trainerAlive(pid, startedAt)) return;
    clearInterval(timer);
    if (killTimer) clearTimeout(killTimer);
    listener.onActivity?.(); // the last lines it wrote
    resolveExit(endedWithoutWord(runDir, 'found gone'));
  };
  timer = setInterval(poll, pollMs);
  poll();
  return {
    pid,
    runDir,
    adopted: true,
    exited,
    stop(graceMs = GRACE_MS) {
      signal('SIGTERM');
      if (!killTimer) killTimer = setTimeout(() => signal('SIGKILL'), graceMs);
      killTimer.unref?.();
    },
    kill: () => signal('SIGKILL'),
    release() {
      clearInterval(timer);
      if (killTimer) clearTimeout(killTimer);
    },
  };
}
