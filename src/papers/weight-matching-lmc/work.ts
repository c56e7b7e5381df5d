/**
 * The work of a weight-matching-lmc run (recipe.ts): two trainings (models A and B), then the loss on
 * the train and test sets at every λ of both paths (naive and permuted) and the check that permuting
 * B keeps its test loss. Weight matching and the singular vectors are JavaScript on the hidden layers'
 * n × n matrices — O(n³) per pass, ~10⁸ operations for n = 256 — left out as small beside training.
 */
import { forwardWork, seriesEvals, trainingWork } from '../../core/estimate/work';
import { lambdaGrid, type WeightMatchingConfig } from './schema';

export function weightMatchingWork(c: WeightMatchingConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const T = c.train.iterations;
  const test = c.data.test;
  const batch = Math.min(c.train.batch_size, c.data.train);
  const model = trainingWork({
    sizes,
    batch,
    steps: T,
    evalExamples: seriesEvals(T, c.train.eval_every) * test,
    optimizer: c.train.optimizer,
  });
  const paths = 2 * lambdaGrid(c).length * (c.data.train + test);
  return 2 * model + forwardWork(sizes, paths + 2 * test);
}
