/**
 * Starting and stopping one trainer child process: the one code path shared by the extension host's
 * run manager and `paperlab run`. Forks `dist/trainer.js` with `execArgv: []` (no inherited
 * debugger or loader flags), an IPC channel, and stderr captured so a crash that happens before the
 * trainer can report it still reaches the user in words.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { isTrainerToHost, type BackendChoice, type TrainerToHost } from '../protocol/trainer';
import { markInterrupted, markStopped, readManifest } from './folder';
import type { RunManifest } from './events';

export interface TrainerStart {
  /** Path of the trainer bundle (dist/trainer.js). */
  trainerPath: string;
  runDir: string;
  config: unknown;
  backend: BackendChoice;
  sourceConfig?: string;
  nativeModulesDir?: string;
  /** When the run is a cell of a sweep. */
  sweep?: { dir: string; cell: number };
  env?: NodeJS.ProcessEnv;
  /** Every checked message from the trainer. */
  onMessage?: (m: TrainerToHost) => void;
}

export interface TrainerExit {
  /** completed | stopped | failed | interrupted (the process died without saying why). */
  status: 'completed' | 'stopped' | 'failed' | 'interrupted';
  /** For failed / interrupted: what happened, in words. */
  message?: string;
  manifest?: RunManifest;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface TrainerHandle {
  readonly pid: number | undefined;
  readonly runDir: string;
  /** Asks for a clean stop; kills the process if it has not exited after `graceMs`. */
  stop(graceMs?: number): void;
  /**
   * Kills the process now (SIGKILL). After `stop()` (a second Ctrl-C, a stop that timed out) the run
   * is recorded as stopped, since the user asked for it; otherwise as interrupted.
   */
  kill(): void;
  readonly exited: Promise<TrainerExit>;
}

const STDERR_KEEP = 8 * 1024;
const STOPPED_BY_KILL =
  'Stopped on request: the trainer was ended before it finished its current step; everything written up to then is kept.';

/** A run folder that cannot be written (a full disk) must not turn a trainer's exit into an exception. */
function orUndefined<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export function startTrainer(o: TrainerStart): TrainerHandle {
  const child: ChildProcess = fork(o.trainerPath, [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: o.env ?? process.env,
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderr = (stderr + d).slice(-STDERR_KEEP);
  });
  let last: TrainerToHost | undefined;
  child.on('message', (m: unknown) => {
    if (!isTrainerToHost(m)) return;
    if (m.type === 'done' || m.type === 'failed') last = m;
    o.onMessage?.(m);
  });
  let killTimer: NodeJS.Timeout | undefined;
  let stopAsked = false;
  const exited = new Promise<TrainerExit>((resolve) => {
    let spawnError: Error | undefined;
    child.on('error', (e) => {
      spawnError = e;
    });
    child.on('exit', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      if (last?.type === 'done') return resolve({ status: last.status, manifest: last.manifest, code, signal });
      if (last?.type === 'failed')
        return resolve({
          status: 'failed',
          message: last.message,
          manifest: last.manifest ?? orUndefined(() => readManifest(o.runDir)),
          code,
          signal,
        });
      // Killed after the user asked it to stop (a second Ctrl-C, a step that outlasted the grace period):
      // a stop, not a crash.
      if (stopAsked && !spawnError) {
        const manifest = orUndefined(() => markStopped(o.runDir, STOPPED_BY_KILL));
        return resolve({ status: 'stopped', message: STOPPED_BY_KILL, manifest, code, signal });
      }
      // No final word from the trainer: it was killed or crashed natively. Say so, with its stderr.
      const manifest = orUndefined(() => markInterrupted(o.runDir));
      const tail = stderr.trim().split('\n').slice(-6).join('\n');
      const why = spawnError
        ? `The trainer could not start: ${spawnError.message}`
        : `The trainer process ended unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}).${tail ? `\n${tail}` : ''}`;
      resolve({ status: 'interrupted', message: why, manifest, code, signal });
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
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return {
    pid: child.pid,
    runDir: o.runDir,
    exited,
    kill,
    stop(graceMs = 15_000) {
      stopAsked = true;
      if (child.connected) child.send({ type: 'stop' });
      if (!killTimer) killTimer = setTimeout(kill, graceMs);
      killTimer.unref?.();
    },
  };
}
