/**
 * The work of a one-byte-spsa run: the backprop pretraining and reference; per SPSA step, machines ×
 * perturbations × (2 forward passes of a batch, each with a fixed dispatch-and-read cost, plus drawing
 * the perturbation twice — measure, apply — at ~250 MAC-equivalents per JS normal draw, and writing the
 * parameters three times at ~20 per value). Fitted to the example's seed-1 run: 248 s of CPU for 64,000
 * perturbations of 25,450 parameters (≈ 3.4 ms each).
 */
import { evalsBetween, forwardWork, trainingWork } from '../../core/estimate/work';
import type { OneByteSpsaConfig } from './schema';

const PER_NORMAL_DRAW = 250;
const PER_PARAM_WRITE = 20;
const FIXED_PER_FORWARD = 4e6;

export function work(c: OneByteSpsaConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const params = sizes.slice(1).reduce((n, s, i) => n + s * (sizes[i] + 1), 0);
  const test = c.data.test;
  const s = c.spsa;
  const steps = s.steps;
  const evals = evalsBetween(0, steps, Math.max(1, s.eval_every)) * test;
  let w = trainingWork({
    sizes,
    batch: c.pretrain.batch_size,
    steps: c.pretrain.iterations,
    evalExamples: 2 * test,
    optimizer: c.pretrain.optimizer,
  });
  const K = s.machines * s.perturbations;
  for (const arm of c.arms) {
    if (arm === 'backprop') {
      w += trainingWork({
        sizes,
        batch: s.batch_size * s.machines,
        steps,
        evalExamples: evals,
        optimizer: c.backprop.optimizer,
      });
      continue;
    }
    const perPerturbation =
      forwardWork(sizes, 2 * s.batch_size) +
      2 * FIXED_PER_FORWARD +
      params * (2 * PER_NORMAL_DRAW + 3 * PER_PARAM_WRITE);
    w += steps * K * perPerturbation + forwardWork(sizes, evals);
  }
  return w;
}
