/**
 * Which training examples each round sees (Okanovic et al., RS2; PatrikOkanovic/RS2
 * `deepcore/methods/uniform{,_no_replacement}.py`). Pure and seeded.
 *   rs2       — without replacement across rounds: walk a shuffled permutation of all N examples,
 *               rN per round; reshuffle once it is used up, so every example is seen once per ⌈1/r⌉ rounds.
 *   rs2_wr    — with replacement across rounds: a fresh random subset of rN every round.
 *   static    — one random subset of rN, fixed for all rounds (the data-pruning baseline).
 *   full      — all N examples every round.
 */
import type { Rng } from '../../trainer/rng';

export type Method = 'rs2' | 'rs2_wr' | 'static' | 'full';

export function subsetSize(n: number, ratio: number): number {
  return Math.max(1, Math.round(ratio * n));
}

export interface Sampler {
  /** The example indices of the next round (a fresh array). */
  next(): Int32Array;
}

export function createSampler(method: Method, n: number, ratio: number, rng: Rng): Sampler {
  const all = () => Int32Array.from({ length: n }, (_, i) => i);
  const k = method === 'full' ? n : subsetSize(n, ratio);
  if (method === 'full') return { next: all };
  if (method === 'static') {
    const fixed = (rng.shuffle(all()) as Int32Array).slice(0, k);
    return { next: () => fixed.slice() };
  }
  if (method === 'rs2_wr') return { next: () => (rng.shuffle(all()) as Int32Array).slice(0, k) };
  let perm = rng.shuffle(all()) as Int32Array;
  let pos = 0;
  return {
    next() {
      const out = new Int32Array(k);
      for (let i = 0; i < k; i++) {
        // Start a new pass when the permutation is used up (the reference code re-permutes likewise).
        if (pos === n) {
          perm = rng.shuffle(all()) as Int32Array;
          pos = 0;
        }
        out[i] = perm[pos++];
      }
      return out;
    },
  };
}

/** Iterations per round for a subset of k examples and batch b: ⌈k/b⌉ (the last batch may be short). */
export function iterationsPerRound(k: number, batch: number): number {
  return Math.ceil(k / batch);
}

/** The cosine schedule's length in the reference code: T_max = len(loader) · rounds. */
export function cosineSteps(n: number, ratio: number, batch: number, rounds: number): number {
  return rounds * iterationsPerRound(subsetSize(n, ratio), batch);
}

/** CosineAnnealingLR stepped every iteration: η_t = η_min + (η_0 − η_min)(1 + cos(π t/T))/2. */
export function cosineLr(t: number, total: number, lr0: number, lrMin: number): number {
  return lrMin + ((lr0 - lrMin) * (1 + Math.cos((Math.PI * Math.min(t, total)) / total))) / 2;
}

/**
 * The evaluation schedule every arm shares, in examples seen: `perDoubling` points per doubling from
 * one batch up to `total` (a geometric grid: fine where small subsets end, coarse late in full-data
 * training). An arm is evaluated at the first step that reaches each point, and at the end of each of
 * its rounds. Time-to-accuracy read on it is rounded up by at most one grid step, 2^(1/perDoubling).
 */
export function evalGrid(batch: number, total: number, perDoubling = 6): number[] {
  const out: number[] = [];
  for (let j = 0; ; j++) {
    const g = Math.round(batch * Math.pow(2, j / perDoubling));
    if (g > total) break;
    if (out[out.length - 1] !== g) out.push(g);
  }
  return out;
}
