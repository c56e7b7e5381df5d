/**
 * The typed protocol between the host (extension host or CLI) and a trainer child process, over
 * Node's IPC channel. One union per direction, keyed on `type`. Both sides import this file; the
 * receiving side checks each message with the guards below before trusting it.
 */
import type { RunEvent, RunManifest } from '../runs/events';

export type BackendChoice = 'auto' | 'node' | 'wasm' | 'cpu';

/** Sent by the host. */
export type HostToTrainer =
  /** Begin a run: the trainer validates `config` again, creates `runDir` and trains. */
  | {
      type: 'start';
      runDir: string;
      config: unknown;
      backend: BackendChoice;
      sourceConfig?: string;
      nativeModulesDir?: string;
      /** When the run is a cell of a sweep: recorded in the manifest so the sweep finds its cells. */
      sweep?: { dir: string; cell: number };
      /**
       * Started by the editor, detached from it: losing the host (a window reload, VS Code closing)
       * does not stop the run. The trainer writes its progress to `progress.json`, and stops after its
       * current step only if `lease.json` asks for that and no window has renewed it for a while.
       */
      detached?: boolean;
    }
  /** Finish the current step, write status `stopped`, exit. */
  | { type: 'stop' };

/** Sent by the trainer. */
export type TrainerToHost =
  | { type: 'started'; manifest: RunManifest }
  | { type: 'progress'; done: number; total: number; label: string; etaSeconds?: number }
  | { type: 'event'; event: RunEvent }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'checkpoint'; path: string }
  | { type: 'done'; status: 'completed' | 'stopped'; manifest: RunManifest }
  | { type: 'failed'; message: string; stack?: string; manifest?: RunManifest };

/** Files a detached trainer and the windows that follow it share, beside the run folder's own files. */
export const DETACHED_FILES = {
  /** The trainer's last progress message, rewritten at most once a second: `TrainerProgress`. */
  progress: 'progress.json',
  /** What should happen when no window follows the run any more: `RunLease`, renewed by each window. */
  lease: 'lease.json',
  /** The trainer's stdout and stderr (a detached process has no parent to pipe them to). */
  stderr: 'stderr.log',
} as const;

export interface TrainerProgress {
  done: number;
  total: number;
  label: string;
  etaSeconds?: number;
  /** Milliseconds since the epoch, when written. */
  at: number;
}

/**
 * Written by every window that follows a detached run, every `LEASE_RENEW_MS`. When the trainer has
 * lost its IPC channel and the lease says `stop` and has not been renewed for `LEASE_EXPIRE_MS`
 * (no window re-adopted the run: VS Code was closed, not reloaded), the trainer stops cleanly.
 */
export interface RunLease {
  whenVSCodeCloses: 'keepTraining' | 'stop';
  /** Milliseconds since the epoch. */
  renewedAt: number;
}

export const LEASE_RENEW_MS = 10_000;
export const LEASE_EXPIRE_MS = 45_000;

export function isTrainerToHost(m: unknown): m is TrainerToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return (
    t === 'started' ||
    t === 'progress' ||
    t === 'event' ||
    t === 'log' ||
    t === 'checkpoint' ||
    t === 'done' ||
    t === 'failed'
  );
}

export function isHostToTrainer(m: unknown): m is HostToTrainer {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return t === 'start' || t === 'stop';
}
