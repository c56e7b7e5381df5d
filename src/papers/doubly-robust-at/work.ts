/**
 * The work of a doubly-robust-at run: per arm, `iterations` steps each taking k PGD input gradients of
 * the batch (≈ 3 forward passes each), one forward for the weights and the training step; every
 * evaluation attacks `eval.points` digits with PGD-k.
 */
import { evalsBetween, forwardWork, trainingWork } from '../../core/estimate/work';
import type { DoublyRobustAtConfig } from './schema';

export function work(c: DoublyRobustAtConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const T = c.train.iterations;
  const b = c.train.batch_size;
  const evals = evalsBetween(0, T, Math.max(1, c.train.eval_every));
  const points = Math.min(c.eval.points, c.data.test);
  let w = 0;
  for (const arm of c.arms) {
    w += trainingWork({
      sizes,
      batch: b,
      steps: T,
      evalExamples: evals * c.data.test,
      optimizer: c.train.optimizer,
    });
    if (arm !== 'standard') w += forwardWork(sizes, T * b * (3 * c.attack.steps + 1));
    w += evals * forwardWork(sizes, points * (3 * c.eval.steps + 2));
  }
  return w;
}
