/**
 * The work of an xor-benign-grokking run (recipe.ts): full-batch gradient steps on W (d × m), each two
 * products (XW forward, XᵀdH backward) and the memory-bound update of W; the train and test outputs at
 * every checkpoint of evalSteps. Generating the data in JavaScript is left out (well under a second
 * for the example's 540 × 20,000 values).
 */
import { ELEMENTWISE_COST, STEP_COST_PER_LAYER } from '../../core/estimate/work';
import { evalSteps } from '../../trainer/logSteps';
import type { XorConfig } from './schema';

/**
 * Per element of W per step, in MACs: the update and the d × m gradient stream through memory (16 MB
 * for the example's W, far beyond the caches), so they cost far more than ELEMENTWISE_COST. Measured
 * side by side on wasm: a step at d = 20,000, m = 200, n = 40 took 132–153 ms while a LeNet-300-100
 * sgd step (66 M MACs of work) took 8.1–9.5 ms, i.e. ≈ 1.06 G MACs of work, of which 0.32 G products.
 */
const W_ELEMENT_COST = 180;

export function xorWork(c: XorConfig): number {
  const d = c.data.d;
  const n = c.data.n;
  const m = c.model.width;
  const steps = c.train.steps;
  // Forward and backward products; the n × m gradient ops; W ← W − lr·g on d·m elements.
  const step = 2 * n * d * m + ELEMENTWISE_COST * 6 * n * m + W_ELEMENT_COST * d * m + STEP_COST_PER_LAYER;
  const evals = 1 + evalSteps(steps, c.train.evals_per_decade).length;
  return steps * step + evals * (n + c.data.test) * d * m;
}
