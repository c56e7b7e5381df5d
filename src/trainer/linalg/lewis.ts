/**
 * Leverage scores and ℓp Lewis weights of a tall matrix A (n × d, row-major Float64), in plain
 * TypeScript: the importance scores of row sampling for ℓp regression (sensitivity-sampling).
 *
 * Leverage scores τ_i = a_iᵀ(AᵀA)⁻¹a_i (they sum to rank(A) = d). ℓp Lewis weights are the fixed point
 * w_i = (a_iᵀ (Aᵀ W^{1−2/p} A)⁻¹ a_i)^{p/2}, computed by iterating that map from w = 1 (Cohen & Peng,
 * "ℓp Row Sampling by Lewis Weights", STOC 2015): the map contracts by |1 − p/2| in log-ratio for p < 4,
 * so p = 1 gains a factor 2 per iteration. They also sum to d. Both use a Cholesky factor of a d × d
 * Gram matrix (O(n d²) per pass), fine for d up to a few hundred.
 */
import { cholesky } from './cholesky';

/** AᵀDA (row-major d × d) for a diagonal D given by `diag` (all ones when omitted). */
export function weightedGram(a: ArrayLike<number>, n: number, d: number, diag?: ArrayLike<number>): Float64Array {
  const g = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const w = diag ? diag[i] : 1;
    if (w === 0) continue;
    const r = i * d;
    for (let j = 0; j < d; j++) {
      const v = w * a[r + j];
      if (v === 0) continue;
      const gj = j * d;
      for (let k = 0; k <= j; k++) g[gj + k] += v * a[r + k];
    }
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) g[k * d + j] = g[j * d + k];
  return g;
}

/**
 * Cholesky factor of a Gram matrix, with a ridge of 1e-12 × its mean diagonal added (grown ×100 until
 * it factors) so that a rank-deficient A gives scores instead of an exception.
 */
export function gramFactor(g: Float64Array, d: number): Float64Array {
  try {
    return cholesky(g, d);
  } catch {
    let trace = 0;
    for (let j = 0; j < d; j++) trace += g[j * d + j];
    let ridge = (1e-12 * trace) / d || 1e-12;
    for (;;) {
      const h = Float64Array.from(g);
      for (let j = 0; j < d; j++) h[j * d + j] += ridge;
      try {
        return cholesky(h, d);
      } catch {
        ridge *= 100;
      }
    }
  }
}

/** a_iᵀ G⁻¹ a_i for every row, given L with G = LLᵀ: ‖L⁻¹a_i‖² by forward substitution. */
export function quadraticForms(a: ArrayLike<number>, n: number, d: number, l: Float64Array): Float64Array {
  const out = new Float64Array(n);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const r = i * d;
    let s2 = 0;
    for (let j = 0; j < d; j++) {
      let s = a[r + j];
      const lj = j * d;
      for (let k = 0; k < j; k++) s -= l[lj + k] * z[k];
      z[j] = s / l[lj + j];
      s2 += z[j] * z[j];
    }
    out[i] = s2;
  }
  return out;
}

/** ℓ2 leverage scores τ_i = a_iᵀ(AᵀA)⁻¹a_i. */
export function leverageScores(a: ArrayLike<number>, n: number, d: number): Float64Array {
  return quadraticForms(a, n, d, gramFactor(weightedGram(a, n, d), d));
}

export interface LewisWeights {
  weights: Float64Array;
  /** max_i |log(w_i^new / w_i^old)| of each iteration: how far from the fixed point it still moved. */
  changes: number[];
}

/**
 * ℓp Lewis weights by `iterations` passes of the fixed-point map from w = 1 (0 < p < 4). Rows that are
 * entirely zero keep weight 0 (they take no part in the Gram matrix).
 */
export function lewisWeights(a: ArrayLike<number>, n: number, d: number, p: number, iterations: number): LewisWeights {
  if (!(p > 0 && p < 4))
    throw new RangeError(`lewisWeights: p must be in (0, 4) for the iteration to converge (got ${p})`);
  let w: Float64Array = new Float64Array(n).fill(1);
  const changes: number[] = [];
  const power = 1 - 2 / p;
  const scale = new Float64Array(n);
  for (let t = 0; t < iterations; t++) {
    for (let i = 0; i < n; i++) scale[i] = w[i] > 0 ? w[i] ** power : 0;
    const next = quadraticForms(a, n, d, gramFactor(weightedGram(a, n, d, scale), d));
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] = next[i] > 0 ? next[i] ** (p / 2) : 0;
      if (next[i] > 0 && w[i] > 0) change = Math.max(change, Math.abs(Math.log(next[i] / w[i])));
    }
    changes.push(change);
    w = next;
  }
  return { weights: w, changes };
}
