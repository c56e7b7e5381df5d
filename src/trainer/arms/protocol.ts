/**
 * Messages between a run's trainer and its arm workers (pool.ts ↔ worker.ts), over Node's IPC channel
 * with structured-clone serialization, so weights and masks travel as Float32Arrays.
 */
import type { BackendChoice } from '../../core/protocol/trainer';
import type { MetricEvent, PhaseEvent, SummaryEvent } from '../../core/runs/events';

export type ArmEmitted = Omit<MetricEvent, 'time'> | Omit<SummaryEvent, 'time'> | Omit<PhaseEvent, 'time'>;

/** The environment variable that makes dist/trainer.js an arm worker instead of a run's trainer. */
export const ARM_WORKER_ENV = 'PAPERLAB_ARM_WORKER';

export type ToWorker =
  /** Once, first: what every job of this run shares. */
  | {
      type: 'arm-init';
      paper: string;
      config: unknown;
      seed: number;
      backend: BackendChoice;
      nativeModulesDir?: string;
    }
  /** Run the recipe's arm `name` (its exported `arms[name]`) on `payload`. */
  | { type: 'arm-job'; id: number; name: string; payload: unknown }
  /** Finish the current step of the running job and report it stopped. */
  | { type: 'arm-stop' };

export type FromWorker =
  | { type: 'arm-ready'; backend: string }
  | { type: 'arm-event'; id: number; event: ArmEmitted }
  | { type: 'arm-progress'; id: number; done: number }
  | { type: 'arm-log'; id: number; level: 'info' | 'warn' | 'error'; message: string }
  /** `cpuSeconds`: the worker's CPU time for this job, so the run can report what it cost in all. */
  | { type: 'arm-done'; id: number; cpuSeconds: number }
  | { type: 'arm-failed'; id: number; message: string; stack?: string; stopped?: boolean };

const typeOf = (m: unknown) => (typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined);

export function isToWorker(m: unknown): m is ToWorker {
  const t = typeOf(m);
  return t === 'arm-init' || t === 'arm-job' || t === 'arm-stop';
}

export function isFromWorker(m: unknown): m is FromWorker {
  const t = typeOf(m);
  return (
    t === 'arm-ready' ||
    t === 'arm-event' ||
    t === 'arm-progress' ||
    t === 'arm-log' ||
    t === 'arm-done' ||
    t === 'arm-failed'
  );
}
