/**
 * The work of a run: per (k, model, n), `steps` full-batch steps of a two-layer net on n·k·d inputs (3×
 * the forward products, plus the per-layer step overhead of the shared loop) and the test evaluation.
 */
import { STEP_COST_PER_LAYER, TRAIN_STEP_FACTOR } from '../../core/estimate/work';
import type { LocalityConfig } from './schema';

export function localityWork(c: LocalityConfig): number {
  const d = c.task.patch_dim;
  const ch = c.model.channels;
  let w = 0;
  for (const k of c.task.patches)
    for (const arm of c.models)
      for (const n of c.task.samples) {
        const perExample = (arm === 'fcn' ? k * d * ch : k * d * ch) + ch * 2;
        w +=
          c.train.steps * (TRAIN_STEP_FACTOR * n * perExample + 2 * STEP_COST_PER_LAYER) +
          (c.task.test + n) * perExample;
      }
  return w;
}
