/**
 * The work of a rethinking-pruning run (recipe.ts): the full model, then per pruning ratio the
 * fine-tuned survivors, Scratch-E (same iterations) and Scratch-B (same compute as the full model, so
 * many more iterations of the small net). The widths and Scratch-B's iterations come from the same
 * functions the recipe uses (plain arithmetic, no tfjs), so the estimate follows the recipe.
 */
import { mlpMacs, seriesEvals, trainingWork } from '../../core/estimate/work';
import { prunedWidths, scratchBIterations } from '../../trainer/neuronPruning';
import type { RethinkingConfig } from './schema';

export function rethinkingWork(c: RethinkingConfig): number {
  const T = c.train.iterations;
  const E = c.train.eval_every;
  const batch = Math.min(c.train.batch_size, c.data.train);
  const test = c.data.test;
  const run = (hidden: number[], steps: number, drops?: number[]) =>
    trainingWork({
      sizes: [784, ...hidden, 10],
      batch,
      steps,
      evalExamples: seriesEvals(steps, E, drops) * test,
      optimizer: c.train.optimizer,
    });
  let work = run(c.model.hidden, T, c.train.lr_drops);
  const full = mlpMacs([784, ...c.model.hidden, 10]);
  for (const ratio of c.prune.ratios) {
    const hidden = prunedWidths(c.model.hidden, ratio);
    // Fine-tuning: one evaluation of the pruned net before it, no learning-rate drops.
    if (c.regimes.includes('finetune'))
      work += run(hidden, c.finetune.iterations) + test * mlpMacs([784, ...hidden, 10]);
    if (c.regimes.includes('scratch_e')) work += run(hidden, T, c.train.lr_drops);
    if (c.regimes.includes('scratch_b'))
      work += run(hidden, scratchBIterations(T, full, mlpMacs([784, ...hidden, 10])), c.train.lr_drops);
  }
  return work;
}
