/**
 * The work of an rs2 run (recipe.ts): per (ratio, method) arm and the full-data arm, `rounds` passes
 * over a subset of round(r·N) examples in ⌈rN/b⌉ steps, and test evaluations before the first round,
 * after every round and at each point of the shared schedule (sampling.ts `evalGrid`) the arm reaches.
 * Subset sizes, steps and the schedule come from sampling.ts, as the recipe's.
 */
import { forwardWork, stepsWork } from '../../core/estimate/work';
import { evalGrid, iterationsPerRound, subsetSize } from './sampling';
import type { Rs2Config } from './schema';

export function rs2Work(c: Rs2Config): number {
  const sizes = [784, ...c.model.hidden, 10];
  const n = c.data.train;
  const rounds = c.train.rounds;
  const ratios = c.sampling.methods.flatMap((m) => (m === 'full' ? [1] : c.sampling.ratios));
  const b = c.train.batch_size;
  const grid = evalGrid(b, rounds * Math.max(...ratios.map((r) => subsetSize(n, r))));
  let work = 0;
  for (const r of ratios) {
    const k = subsetSize(n, r);
    const evals = rounds + 1 + grid.filter((g) => g <= rounds * k).length;
    work += rounds * stepsWork(sizes, iterationsPerRound(k, b), k) + forwardWork(sizes, evals * c.data.test);
  }
  return work;
}
