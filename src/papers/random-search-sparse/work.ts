/** The work of a random-search-sparse run: the dense parent, per sparsity the candidates' validation forwards and 2 × repeats trainings. */
import { evalsBetween, forwardWork, num, trainingWork } from '../../core/estimate/work';
import { prunedWidths } from '../../trainer/neuronPruning';
import type { RandomSearchSparseConfig } from './schema';

export function randomSearchSparseWork(c: RandomSearchSparseConfig): number {
  const T = num(c.train.iterations);
  const evalSize = num(c.data.val) + num(c.data.test);
  const train = (sizes: number[]) =>
    trainingWork({
      sizes,
      batch: Math.min(num(c.train.batch_size), num(c.data.train)),
      steps: T,
      evalExamples: evalsBetween(0, T, num(c.train.eval_every, 1)) * evalSize,
      optimizer: c.train.optimizer,
    });
  let w = train([784, ...c.model.hidden, 10]);
  for (const s of c.search.sparsities) {
    const sizes = [784, ...prunedWidths(c.model.hidden, s), 10];
    w +=
      2 * c.search.repeats * train(sizes) +
      c.search.repeats * c.search.candidates * forwardWork(sizes, num(c.data.val));
  }
  return w;
}
