/** The work of an ISS-P run: every (ratio, method, α) trains the same MLP; the shrinkage reads and sorts every weight per shrink. */
import { ELEMENTWISE_COST, evalsBetween, mlpMacs, num, trainingWork } from '../../core/estimate/work';
import type { IssPConfig } from './schema';

export function issPWork(c: IssPConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const T = num(c.train.iterations);
  const one = trainingWork({
    sizes,
    batch: Math.min(num(c.train.batch_size), num(c.data.train)),
    steps: T,
    evalExamples: evalsBetween(0, T, num(c.train.eval_every, 1)) * num(c.data.test),
    optimizer: c.train.optimizer,
  });
  // A shrink reads, selects and writes every weight: ~20 elementwise costs each in JavaScript.
  const shrink =
    (num(c.prune.prune_iterations) / Math.max(1, num(c.prune.shrink_every, 1))) *
    20 *
    ELEMENTWISE_COST *
    mlpMacs(sizes);
  const m = c.prune.methods;
  const soft = (m.includes('iss_p') ? c.prune.alphas.length : 0) + (m.includes('iht') ? 1 : 0);
  const runs = soft + (m.includes('static') ? 1 : 0);
  return c.prune.ratios.length * (runs * one + soft * shrink);
}
