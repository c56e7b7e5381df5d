/** The work of a weight-compander run: the baseline and each compander arm train the same MLP (the compander's elementwise ops included). */
import { ELEMENTWISE_COST, evalsBetween, mlpMacs, num, trainingWork } from '../../core/estimate/work';
import type { WeightCompanderConfig } from './schema';

export function weightCompanderWork(c: WeightCompanderConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const T = num(c.train.iterations);
  const one = trainingWork({
    sizes,
    batch: Math.min(num(c.train.batch_size), num(c.data.train)),
    steps: T,
    evalExamples: evalsBetween(0, T, num(c.train.eval_every, 1)) * num(c.data.test),
    optimizer: c.train.optimizer,
  });
  // The compander: ~8 elementwise ops per weight forward and ~12 backward, every step.
  const compand = T * 20 * ELEMENTWISE_COST * mlpMacs(sizes);
  return one + c.compander.arms.length * (one + compand);
}
