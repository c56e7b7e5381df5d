/**
 * The work of a train-longer run (recipe.ts): every arm's epochs of batches as arms.ts plans them
 * (the regime-adaptation arm trains B/b times the epochs), plus a test evaluation at the start and
 * every `eval_every_epochs`. Batch norm (~30 elementwise ops per hidden activation, forward and
 * backward) and gradient clipping (~4 per parameter per step) are counted too: on the example they add
 * about a quarter to the products.
 */
import { ELEMENTWISE_COST, forwardWork, mlpMacs, stepsWork } from '../../core/estimate/work';
import { armPlans, epochBatches } from './arms';
import type { TrainLongerConfig } from './schema';

export function trainLongerWork(c: TrainLongerConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const n = c.data.train;
  const every = Math.max(1, c.train.eval_every_epochs);
  const bnOps = c.model.batch_norm ? 30 * c.model.hidden.reduce((a, h) => a + h, 0) : 0;
  const clipOps = c.train.grad_clip > 0 ? 4 * mlpMacs(sizes) : 0;
  let work = 0;
  for (const plan of armPlans(c)) {
    const batches = epochBatches(n, plan.batch, plan.ghost);
    const examples = batches.reduce((s, b) => s + b, 0);
    const evals = 1 + Math.floor(plan.epochs / every) + (plan.epochs % every ? 1 : 0);
    const extra = ELEMENTWISE_COST * (bnOps * examples + clipOps * batches.length);
    work +=
      plan.epochs * (stepsWork(sizes, batches.length, examples, c.train.optimizer) + extra) +
      forwardWork(sizes, evals * c.data.test);
  }
  return work;
}
