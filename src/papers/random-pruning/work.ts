/**
 * The work of a random-pruning run (recipe.ts): at every width, the dense control and one network per
 * (density, layerwise ratio), each trained for `iterations` with the learning-rate drops. Masks do not
 * reduce the work: the masked layers are still dense products.
 */
import { num, seriesEvals, trainingWork } from '../../core/estimate/work';
import type { RandomPruningConfig } from './schema';

export function randomPruningWork(c: RandomPruningConfig): number {
  const T = num(c.train.iterations);
  const arms = c.mask.densities.length * c.mask.layerwise.length + (c.controls.includes('dense') ? 1 : 0);
  const batch = Math.min(num(c.train.batch_size), num(c.data.train));
  const evalExamples = seriesEvals(T, num(c.train.eval_every, 1), c.train.lr_drops) * num(c.data.test);
  let work = 0;
  for (const w of c.widths) {
    // As recipe.ts's widthsAt: each hidden layer × the multiplier, at least one unit.
    const hidden = c.model.hidden.map((h) => Math.max(1, Math.round(h * w)));
    work +=
      arms * trainingWork({ sizes: [784, ...hidden, 10], batch, steps: T, evalExamples, optimizer: c.train.optimizer });
  }
  return work;
}
