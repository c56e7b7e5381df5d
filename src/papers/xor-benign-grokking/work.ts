/**
 * The work of an xor-benign-grokking run (recipe.ts): full-batch gradient steps on W (d × m), each two
 * products (XW forward, XᵀdH backward) and the elementwise update of W; the train and test outputs at
 * every checkpoint of evalSteps. Generating the data in JavaScript is left out (well under a second
 * for the example's 540 × 20,000 values).
 */
import { ELEMENTWISE_COST, STEP_COST_PER_LAYER, num } from '../../core/estimate/work';
import { evalSteps } from './data';
import type { XorConfig } from './schema';

export function xorWork(c: XorConfig): number {
  const d = num(c.data.d);
  const n = num(c.data.n);
  const m = num(c.model.width);
  const steps = num(c.train.steps);
  // Forward and backward products; then the n × m gradient ops and W ← W − lr·g (2 ops on d·m).
  const step = 2 * n * d * m + ELEMENTWISE_COST * (6 * n * m + 2 * d * m) + STEP_COST_PER_LAYER;
  const evals = 1 + evalSteps(steps, num(c.train.evals_per_decade, 1)).length;
  return steps * step + evals * (n + num(c.data.test)) * d * m;
}
