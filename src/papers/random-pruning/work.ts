/**
 * The work of a random-pruning run (recipe.ts): at every width, the dense control and one network per
 * (density, layerwise ratio), each trained for `iterations` with the learning-rate drops. Masks do not
 * reduce the work: the masked layers are still dense products.
 */
import { seriesEvals, trainingWork } from '../../core/estimate/work';
import type { RandomPruningConfig } from './schema';

export function randomPruningWork(c: RandomPruningConfig): number {
  const T = c.train.iterations;
  const arms = c.mask.densities.length * c.mask.layerwise.length + (c.controls.includes('dense') ? 1 : 0);
  const batch = Math.min(c.train.batch_size, c.data.train);
  const evalExamples = seriesEvals(T, c.train.eval_every, c.train.lr_drops) * c.data.test;
  let work = 0;
  for (const w of c.widths) {
    // As recipe.ts's widthsAt: each hidden layer × the multiplier, at least one unit.
    const hidden = c.model.hidden.map((h) => Math.max(1, Math.round(h * w)));
    work +=
      arms * trainingWork({ sizes: [784, ...hidden, 10], batch, steps: T, evalExamples, optimizer: c.train.optimizer });
  }
  return work;
}
