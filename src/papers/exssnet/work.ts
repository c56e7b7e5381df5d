/** The work of an ExSSNeT run: per arm and task, the mask phase (with a JS top-k per step) and the weight phase, then the evaluations of the accuracy matrix. */
import {
  ADAM_COST_PER_PARAM,
  ELEMENTWISE_COST,
  STEP_COST_PER_LAYER,
  TRAIN_STEP_FACTOR,
  evalsBetween,
  mlpMacs,
} from '../../core/estimate/work';
import type { ExssnetConfig } from './schema';

export function exssnetWork(c: ExssnetConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const macs = mlpMacs(sizes);
  const b = Math.min(c.train.batch_size, c.data.train);
  const L = sizes.length - 1;
  const step =
    TRAIN_STEP_FACTOR * b * macs + L * STEP_COST_PER_LAYER + ADAM_COST_PER_PARAM * macs + 10 * ELEMENTWISE_COST * macs;
  // The top-k threshold reads and selects every score each mask step: ~20 elementwise costs per weight.
  const topk = 20 * ELEMENTWISE_COST * macs;
  const M = c.mask.iterations;
  const W = c.weights.iterations;
  const E = c.train.eval_every;
  const evals = (steps: number) => evalsBetween(0, steps, E) * c.data.test * macs;
  const K = c.tasks.count;
  let total = 0;
  for (const arm of c.arms) {
    const perTask = M * (step + topk) + evals(M) + (arm === 'supsup' ? 0 : W * step + evals(W));
    total += K * perTask + ((K * (K + 1)) / 2) * c.data.test * macs;
  }
  return total;
}
