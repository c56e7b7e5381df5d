/**
 * The work of a run: per (k, model, n), `steps` full-batch steps of a two-layer net on n·k·d inputs (3×
 * the forward products, plus the per-layer step overhead of the shared loop) and the test evaluation.
 */
import { num, STEP_COST_PER_LAYER, TRAIN_STEP_FACTOR } from '../../core/estimate/work';
import type { LocalityConfig } from './schema';

export function localityWork(c: LocalityConfig): number {
  const d = num(c.task.patch_dim);
  const ch = num(c.model.channels);
  let w = 0;
  for (const k of c.task.patches)
    for (const arm of c.models)
      for (const n of c.task.samples) {
        const perExample = (arm === 'fcn' ? num(k) * d * ch : num(k) * d * ch) + ch * 2;
        w +=
          num(c.train.steps) * (TRAIN_STEP_FACTOR * num(n) * perExample + 2 * STEP_COST_PER_LAYER) +
          (num(c.task.test) + num(n)) * perExample;
      }
  return w;
}
