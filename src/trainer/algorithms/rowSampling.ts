/**
 * Importance sampling of rows: m draws with replacement from probabilities q, each kept row reweighted
 * by 1/(m·q_i) so that Σ_kept weight·|a_i·x|^p is an unbiased estimate of ‖Ax‖_p^p — the sampling
 * matrix S of sensitivity sampling (sensitivity-sampling), whatever the scores behind q.
 */

/** Probabilities proportional to non-negative scores (a RangeError when they sum to 0 or are not finite). */
export function normalize(scores: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!(scores[i] >= 0) || !Number.isFinite(scores[i]))
      throw new RangeError(`normalize: score ${i} is ${scores[i]}; scores must be finite and ≥ 0`);
    s += scores[i];
  }
  if (!(s > 0)) throw new RangeError('normalize: the scores sum to 0; no row can be drawn');
  return Float64Array.from(scores, (v) => v / s);
}

export interface RowSample {
  /** Distinct rows drawn. */
  rows: Int32Array;
  /** Their weights: (number of times drawn) / (m·q_i). */
  weights: Float64Array;
}

/**
 * m draws with replacement from q (inverse CDF by binary search for the first cdf > u, O(m log n), so a
 * row with q_i = 0 is never drawn); a row drawn k times keeps weight k/(m·q_i).
 */
export function sampleRows(q: Float64Array, m: number, random: () => number): RowSample {
  const n = q.length;
  const cdf = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) cdf[i] = s += q[i];
  const counts = new Map<number, number>();
  for (let t = 0; t < m; t++) {
    const u = random() * s;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    counts.set(lo, (counts.get(lo) ?? 0) + 1);
  }
  const rows = Int32Array.from([...counts.keys()].sort((x, y) => x - y));
  const weights = Float64Array.from(rows, (i) => (counts.get(i) ?? 0) / (m * q[i]));
  return { rows, weights };
}
