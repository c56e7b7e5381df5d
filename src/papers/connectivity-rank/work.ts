/**
 * The work of a run: per arm, the training steps (an unrolled RNN of T = stimulus + 1 steps: three
 * products per step, forward and backward, plus each step's fixed cost, which dominates at N = 100) and
 * two tangent kernels (one backward pass per output and time step, on per-example copies of W_rec, and
 * the Jacobian's Gram matrix) and two probe passes.
 */
import { STEP_COST_PER_LAYER, TRAIN_STEP_FACTOR } from '../../core/estimate/work';
import type { ConnectivityRankConfig } from './schema';

const INPUTS = 3;
const OUTPUTS = 3;

export function connectivityRankWork(c: ConnectivityRankConfig): number {
  const N = c.model.hidden;
  const T = c.task.stimulus_steps + 1;
  const perTrial = T * (INPUTS * N + N * N + N * OUTPUTS);
  const arms = new Set(c.model.ranks.map((r) => Math.min(r, N))).size + (c.model.aligned ? 1 : 0);
  const step = TRAIN_STEP_FACTOR * c.task.batch_size * perTrial + STEP_COST_PER_LAYER * T;
  const kB = Math.min(c.probe.kernel_trials, c.probe.trials);
  const rows = kB * T * OUTPUTS;
  const kernel = T * OUTPUTS * (TRAIN_STEP_FACTOR * kB * perTrial + STEP_COST_PER_LAYER * T) + rows * rows * N * N;
  const probe = c.probe.trials * perTrial + c.probe.trials ** 2 * N;
  return arms * (c.train.iterations * step + 2 * (kernel + probe));
}
