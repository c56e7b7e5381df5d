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
