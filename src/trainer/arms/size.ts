/**
 * How many arm workers a run gets (pool.ts), in a module of its own so the work estimates
 * (src/papers/<id>/work.ts, loaded by the extension) can ask without loading the trainer.
 */
import os from 'node:os';

/** The cores the run's trainer does not use (none on one core); PAPERLAB_ARM_WORKERS overrides. */
export function defaultArmWorkers(): number {
  const env = process.env.PAPERLAB_ARM_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(0, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}
