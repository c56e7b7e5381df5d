/**
 * The work of a run, per task: the sampled networks' Adam steps (MLP 784-width…-10) and their test
 * forwards; the kernel space's Gram products (tfjs), the Cholesky factorizations, triangular solves and
 * posterior covariance in JavaScript (~20× the calibrated cost per operation), and the samples.
 */
import { forwardWork, stepsWork } from '../../core/estimate/work';
import type { InductiveBiasConfig } from './schema';

const JS_FACTOR = 20;
const CLASSES = 10;

export function inductiveBiasWork(c: InductiveBiasConfig): number {
  const sizes = [784, ...Array.from({ length: c.nn.depth + 1 }, () => c.nn.width), CLASSES];
  const steps = Math.ceil((c.nn.epochs * c.data.train) / c.nn.batch_size);
  const nn = c.nn.trials * (stepsWork(sizes, steps, steps * c.nn.batch_size, 'adam') + forwardWork(sizes, c.data.test));
  const n = c.data.train;
  const m = c.data.test;
  const kernel = c.kernel.enabled
    ? 784 * (n + m) ** 2 +
      JS_FACTOR *
        (n ** 3 / 3 + (m * n * n) / 2 + (m * m * n) / 2 + m ** 3 / 3 + (c.kernel.samples * CLASSES * m * m) / 2)
    : 0;
  return c.data.datasets.length * (nn + kernel);
}
