/** The work of a random-search-sparse run: the dense parent, per sparsity the candidates' validation forwards and 2 × repeats trainings. */
import { evalsBetween, forwardWork, trainingWork } from '../../core/estimate/work';
import { prunedWidths } from '../../trainer/neuronPruning';
import type { RandomSearchSparseConfig } from './schema';

export function randomSearchSparseWork(c: RandomSearchSparseConfig): number {
  const T = c.train.iterations;
  const val = c.data.val ?? 0; // without it the recipe refuses to start (and a rule says so)
  const evalSize = val + c.data.test;
  const train = (sizes: number[]) =>
    trainingWork({
      sizes,
      batch: Math.min(c.train.batch_size, c.data.train),
      steps: T,
      evalExamples: evalsBetween(0, T, c.train.eval_every) * evalSize,
      optimizer: c.train.optimizer,
    });
  let w = train([784, ...c.model.hidden, 10]);
  for (const s of c.search.sparsities) {
    const sizes = [784, ...prunedWidths(c.model.hidden, s), 10];
    w += 2 * c.search.repeats * train(sizes) + c.search.repeats * c.search.candidates * forwardWork(sizes, val);
  }
  return w;
}
