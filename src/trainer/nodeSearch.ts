/**
 * Random search over node masks (Farahani, "Random Search as a Baseline for Sparse Neural Network
 * Architecture Search"): a candidate keeps the same fraction of units in every hidden layer, chosen
 * uniformly; candidates are scored before training and the best is kept. Plain TypeScript: the
 * kept-unit lists feed `extractSubnetwork` (neuronPruning.ts), which builds the smaller dense net.
 */
import { keptUnits } from './neuronPruning';
import type { Rng } from './rng';

/** Per hidden layer, the sorted indices of the units kept when `sparsity` of them are removed. */
export function randomKeptUnits(hidden: number[], sparsity: number, rng: Rng): number[][] {
  return hidden.map((width, l) => {
    const order = rng.fork(`layer${l}`).shuffle(Int32Array.from({ length: width }, (_, i) => i)) as Int32Array;
    return Array.from(order.subarray(0, keptUnits(width, sparsity))).sort((a, b) => a - b);
  });
}

export interface Scored<T> {
  candidate: T;
  score: number;
  /** The order in which it was drawn. */
  index: number;
}

/** Draws `n` candidates, scores each, returns them best (lowest score) first; ties keep the draw order. */
export function randomSearch<T>(n: number, draw: (i: number) => T, score: (candidate: T) => number): Scored<T>[] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`need at least one candidate, got ${n}`);
  const all: Scored<T>[] = [];
  for (let i = 0; i < n; i++) {
    const candidate = draw(i);
    all.push({ candidate, score: score(candidate), index: i });
  }
  return all.sort((a, b) => a.score - b.score || a.index - b.index);
}

/**
 * The first step at which a curve reaches `fraction` of its own final value (accuracy curves): the
 * "converges as efficiently" comparison. Undefined when it never does.
 */
export function stepsToFractionOfFinal(
  points: { step: number; value: number }[],
  fraction: number,
): number | undefined {
  if (!points.length) return undefined;
  const target = fraction * points[points.length - 1].value;
  return points.find((p) => p.value >= target)?.step;
}
