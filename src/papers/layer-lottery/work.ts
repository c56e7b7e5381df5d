/** The work of a layer-lottery run: the full net, each (criterion, p) and each unit control, all at their own size. */
import {
  STEP_COST_PER_LAYER,
  TRAIN_STEP_FACTOR,
  ADAM_COST_PER_PARAM,
  evalsBetween,
  isAdam,
  residualMacs,
} from '../../core/estimate/work';
import type { LayerLotteryConfig } from './schema';

function trainingOf(c: LayerLotteryConfig, blocks: number, inner: number): number {
  const w = c.model.width;
  const macs = residualMacs(
    784,
    w,
    10,
    Array.from({ length: blocks }, () => inner),
  );
  const T = c.train.iterations;
  const b = Math.min(c.train.batch_size, c.data.train);
  const layers = 2 + 2 * blocks;
  const perStep = layers * STEP_COST_PER_LAYER + (isAdam(c.train.optimizer) ? ADAM_COST_PER_PARAM * macs : 0);
  return TRAIN_STEP_FACTOR * T * b * macs + T * perStep + evalsBetween(0, T, c.train.eval_every) * c.data.test * macs;
}

export function layerLotteryWork(c: LayerLotteryConfig): number {
  const B = c.model.blocks;
  const w = c.model.width;
  let total = trainingOf(c, B, w);
  for (const p of c.prune.blocks_removed) total += c.prune.criteria.length * trainingOf(c, Math.max(1, B - p), w);
  for (const p of c.prune.unit_control) total += trainingOf(c, B, Math.max(1, Math.round(w * (1 - p / B))));
  return total;
}
