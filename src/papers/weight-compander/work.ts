/** The work of a weight-compander run: the baseline and each compander arm train the same MLP (the compander's elementwise ops included). */
import { ELEMENTWISE_COST, mlpMacs, imageMlpTraining } from '../../core/estimate/work';
import type { WeightCompanderConfig } from './schema';

export function weightCompanderWork(c: WeightCompanderConfig): number {
  const { sizes, work: one } = imageMlpTraining(c);
  const T = c.train.iterations;
  // The compander: ~8 elementwise ops per weight forward and ~12 backward, every step.
  const compand = T * 20 * ELEMENTWISE_COST * mlpMacs(sizes);
  return one + c.compander.arms.length * (one + compand);
}
