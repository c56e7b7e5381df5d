/**
 * The work of a one-byte-spsa run: the backprop pretraining and reference; per SPSA step, machines ×
 * perturbations × 2 forward passes of a batch, plus drawing each perturbation twice (measure, apply)
 * and writing the parameters three times per perturbation, costed as ~20 MAC-equivalents per
 * parameter per draw or write (JS normal draws and host→backend copies).
 */
import { evalsBetween, forwardWork, num, trainingWork } from '../../core/estimate/work';
import type { OneByteSpsaConfig } from './schema';

const PER_PARAM_TOUCH = 20;

export function work(c: OneByteSpsaConfig): number {
  const sizes = [784, ...c.model.hidden, 10];
  const params = sizes.slice(1).reduce((n, s, i) => n + s * (sizes[i] + 1), 0);
  const test = num(c.data.test);
  const s = c.spsa;
  const steps = num(s.steps);
  const evals = evalsBetween(0, steps, num(s.eval_every, 1)) * test;
  let w = trainingWork({
    sizes,
    batch: num(c.pretrain.batch_size),
    steps: num(c.pretrain.iterations),
    evalExamples: 2 * test,
    optimizer: c.pretrain.optimizer,
  });
  const K = num(s.machines) * num(s.perturbations);
  for (const arm of c.arms) {
    if (arm === 'backprop') {
      w += trainingWork({
        sizes,
        batch: num(s.batch_size) * num(s.machines),
        steps,
        evalExamples: evals,
        optimizer: c.backprop.optimizer,
      });
      continue;
    }
    w +=
      steps * K * (forwardWork(sizes, 2 * num(s.batch_size)) + 5 * PER_PARAM_TOUCH * params) +
      forwardWork(sizes, evals);
  }
  return w;
}
