/** The work of an ISS-P run: every (ratio, method, α) trains the same MLP; the shrinkage reads and sorts every weight per shrink. */
import { ELEMENTWISE_COST, mlpMacs, imageMlpTraining } from '../../core/estimate/work';
import type { IssPConfig } from './schema';

export function issPWork(c: IssPConfig): number {
  const { sizes, work: one } = imageMlpTraining(c);
  // A shrink reads, selects and writes every weight: ~20 elementwise costs each in JavaScript.
  const shrink =
    (c.prune.prune_iterations / Math.max(1, c.prune.shrink_every)) * 20 * ELEMENTWISE_COST * mlpMacs(sizes);
  const m = c.prune.methods;
  const soft = (m.includes('iss_p') ? c.prune.alphas.length : 0) + (m.includes('iht') ? 1 : 0);
  const runs = soft + (m.includes('static') ? 1 : 0);
  return c.prune.ratios.length * (runs * one + soft * shrink);
}
