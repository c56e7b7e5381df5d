/**
 * The work of an rs2 run (recipe.ts): per (ratio, method) arm and the full-data arm, `rounds` passes
 * over a subset of round(r·N) examples in ⌈rN/b⌉ steps, and a test evaluation before the first round
 * and after every round. Subset sizes and steps come from sampling.ts, as the recipe's.
 */
import { forwardWork, stepsWork } from '../../core/estimate/work';
import { iterationsPerRound, subsetSize } from './sampling';
import type { Rs2Config } from './schema';

export function rs2Work(c: Rs2Config): number {
  const sizes = [784, ...c.model.hidden, 10];
  const n = c.data.train;
  const rounds = c.train.rounds;
  const ratios = c.sampling.methods.flatMap((m) => (m === 'full' ? [1] : c.sampling.ratios));
  let work = 0;
  for (const r of ratios) {
    const k = subsetSize(n, r);
    work +=
      rounds * stepsWork(sizes, iterationsPerRound(k, c.train.batch_size), k) +
      forwardWork(sizes, (rounds + 1) * c.data.test);
  }
  return work;
}
