/**
 * The work of an adversarial-power-law run: each arm's training; LeNet-5 steps costed as 11 LeNet-300-100
 * steps (next-batches.md §2 measured 16–20× for a step alone; in the example's seed-1 run the LeNet-5 arm,
 * training and attacks, took about half of the 169 s of CPU, i.e. ≈ 11×); one input gradient (≈ 3 forwards)
 * plus one forward per ε for each one-step sweep; k gradients per ε for PGD.
 */
import { forwardWork, trainingWork, evalsBetween } from '../../core/estimate/work';
import type { AdversarialPowerLawConfig } from './schema';

const CNN_STEP_IN_MLP_STEPS = 11;

export function work(c: AdversarialPowerLawConfig): number {
  const mlp = [784, ...c.model.hidden, 10];
  const lenet300 = [784, 300, 100, 10];
  const b = Math.max(1, c.train.batch_size);
  const test = c.data.test;
  const evals = (steps: number) => evalsBetween(0, steps, Math.max(1, c.train.eval_every)) * test;
  const E = c.attack.eps_count;
  let w = 0;
  for (const arm of c.arms) {
    const sizes = arm === 'linear' ? [784, 10] : mlp;
    if (arm === 'lenet5') {
      const steps = c.train.cnn_iterations;
      const step = trainingWork({ sizes: lenet300, batch: b, steps: 1, evalExamples: 0, optimizer: c.train.optimizer });
      w += CNN_STEP_IN_MLP_STEPS * (steps * step + forwardWork(lenet300, evals(steps) + (3 + E) * test));
      continue;
    }
    const steps = arm === 'mlp_shuffled' ? c.shuffled.iterations : c.train.iterations;
    w += trainingWork({ sizes, batch: b, steps, evalExamples: evals(steps), optimizer: c.train.optimizer });
    w += forwardWork(sizes, (3 + E) * test);
    if (arm === 'mlp') {
      if (c.attack.universality.includes('step_ll')) w += forwardWork(sizes, (4 + E) * test);
      if (c.attack.universality.includes('pgd')) w += forwardWork(sizes, E * (3 * c.attack.pgd_steps + 2) * test);
    }
  }
  return w;
}
