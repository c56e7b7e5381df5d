/**
 * The work of a grokking-lazy-rich run (recipe.ts): the initial-NTK kernel regression once, then per α
 * full-batch gradient steps on W (N × D) — two products over the P training points and elementwise
 * ops on the N × P pre-activations — and at every checkpoint of evalSteps the train and test outputs
 * and, with `alignment`, the NTK on the training set (P·P·N, the largest single product here).
 */
import { ELEMENTWISE_COST, STEP_COST_PER_LAYER } from '../../core/estimate/work';
import { evalSteps } from '../../trainer/logSteps';
import type { LazyRichConfig } from './schema';

/** Products and elementwise ops of the NTK between Q and P points (recipe.ts `ntk`). */
function ntkWork(q: number, p: number, n: number, d: number): number {
  return (q + p) * d * n + q * p * n + q * p * d + ELEMENTWISE_COST * (2 * (q + p) * n + 2 * q * p);
}

export function lazyRichWork(c: LazyRichConfig): number {
  const D = c.data.dim;
  const P = c.data.train;
  const Q = c.data.test;
  const N = c.model.width;
  const steps = c.train.steps;
  const outputs = (pts: number) => pts * D * N + ELEMENTWISE_COST * 4 * pts * N;
  const step = 2 * N * D * P + ELEMENTWISE_COST * (9 * N * P + 2 * N * D) + STEP_COST_PER_LAYER;
  const measure =
    outputs(P) + outputs(Q) + (c.train.alignment ? ntkWork(P, P, N, D) : 0) + ELEMENTWISE_COST * 4 * N * D;
  const checkpoints = 1 + evalSteps(steps, c.train.evals_per_decade).length;
  // Kernel regression: the train and test NTKs, then a Cholesky solve of P³/3 in JavaScript.
  const kernel = ntkWork(P, P, N, D) + ntkWork(Q, P, N, D) + (P * P * P) / 3;
  const centring = c.model.center ? outputs(P) + outputs(Q) : 0;
  return kernel + c.train.alphas.length * (steps * step + checkpoints * measure + centring);
}
