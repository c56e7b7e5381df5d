/**
 * Scores and post-processing of quantile forecasts: a forecast is K quantiles per point, stored row by
 * row (n × K, row-major), at levels τ_1 < … < τ_K.
 *
 *   pinball      ρ_τ(y − q) = max(τ(y − q), (τ − 1)(y − q)), minimized in expectation by the τ-quantile;
 *   WIS          (2/K) Σ_k ρ_τk(y − q_k): for an odd grid symmetric about ½ this is exactly the weighted
 *                interval score of Bracher et al. (2021), since (α/2)·IS_α(l, u; y) = ρ_{α/2}(y − l) +
 *                ρ_{1−α/2}(y − u) and ½|y − m| = ρ_½(y − m) (Fakoor et al., "Flexible Model Aggregation
 *                for Quantile Regression", §2 use the same identity);
 *   post-sorting each row sorted ascending, which can only lower the summed pinball loss (their
 *                Proposition on rearrangement; Chernozhukov et al. 2010);
 *   conformal    split conformalized quantile regression (Romano et al. 2019): each symmetric pair of
 *                levels (τ, 1 − τ) widened by the ⌈(n + 1)(1 − α)⌉-th smallest calibration score
 *                max(l − y, y − u), α = 2τ, which covers ≥ 1 − α on exchangeable data.
 */

/** Levels k/(K + 1), k = 1 … K: the authors' grid is K = 99 (1% … 99%). */
export function quantileLevels(count: number): number[] {
  return Array.from({ length: count }, (_, k) => (k + 1) / (count + 1));
}

export function pinball(tau: number, y: number, q: number): number {
  const e = y - q;
  return e >= 0 ? tau * e : (tau - 1) * e;
}

/** Mean pinball loss at each level over the n points of `pred` (n × K). */
export function pinballByLevel(levels: readonly number[], pred: Float64Array, y: ArrayLike<number>): number[] {
  const K = levels.length;
  const out = new Array<number>(K).fill(0);
  for (let i = 0; i < y.length; i++) for (let k = 0; k < K; k++) out[k] += pinball(levels[k], y[i], pred[i * K + k]);
  return out.map((s) => s / y.length);
}

/** Weighted interval score averaged over points: (2/K) Σ_k mean pinball at τ_k. */
export function weightedIntervalScore(levels: readonly number[], pred: Float64Array, y: ArrayLike<number>): number {
  const byLevel = pinballByLevel(levels, pred, y);
  return (2 * byLevel.reduce((a, b) => a + b, 0)) / levels.length;
}

/** The interval score of one central (1 − α) interval [l, u] at one point (Gneiting & Raftery 2007). */
export function intervalScore(alpha: number, l: number, u: number, y: number): number {
  return u - l + (2 / alpha) * Math.max(0, l - y) + (2 / alpha) * Math.max(0, y - u);
}

/** A copy with every row sorted ascending (quantiles no longer cross). */
export function postSort(pred: Float64Array, K: number): Float64Array {
  const out = Float64Array.from(pred);
  for (let i = 0; i < out.length; i += K) out.subarray(i, i + K).sort();
  return out;
}

/** Share of points whose quantiles cross (some q_k > q_{k+1}). */
export function crossingRate(pred: Float64Array, K: number): number {
  const n = pred.length / K;
  let crossed = 0;
  for (let i = 0; i < n; i++)
    for (let k = 1; k < K; k++)
      if (pred[i * K + k] < pred[i * K + k - 1]) {
        crossed++;
        break;
      }
  return n ? crossed / n : 0;
}

/**
 * CQR's margin: the ⌈(n + 1)(1 − α)⌉-th smallest conformity score max(l − y, y − u) over the calibration
 * points; Infinity when that rank exceeds n (too few points for this α: the interval must be unbounded).
 */
export function conformalMargin(
  alpha: number,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  const n = y.length;
  const rank = Math.ceil((n + 1) * (1 - alpha));
  if (rank > n) return Infinity;
  const scores = Float64Array.from({ length: n }, (_, i) => Math.max(lower[i] - y[i], y[i] - upper[i])).sort();
  return scores[rank - 1];
}

/**
 * Conformal margins for each symmetric pair of levels (k, K − 1 − k), α = 2τ_k, from calibration
 * forecasts; the median (odd K) gets none. Returned per level: −margin below ½, +margin above.
 */
export function conformalShifts(levels: readonly number[], calPred: Float64Array, calY: ArrayLike<number>): number[] {
  const K = levels.length;
  const n = calY.length;
  const shifts = new Array<number>(K).fill(0);
  for (let k = 0; k < Math.floor(K / 2); k++) {
    const lo = Float64Array.from({ length: n }, (_, i) => calPred[i * K + k]);
    const hi = Float64Array.from({ length: n }, (_, i) => calPred[i * K + K - 1 - k]);
    const m = conformalMargin(2 * levels[k], lo, hi, calY);
    shifts[k] = -m;
    shifts[K - 1 - k] = m;
  }
  return shifts;
}

/** Adds each level's shift to every row. */
export function shiftLevels(pred: Float64Array, shifts: readonly number[]): Float64Array {
  const K = shifts.length;
  return pred.map((v, j) => v + shifts[j % K]);
}

/** Share of points inside [q_lo, q_hi] (columns lo and hi of `pred`). */
export function coverage(pred: Float64Array, K: number, lo: number, hi: number, y: ArrayLike<number>): number {
  let inside = 0;
  for (let i = 0; i < y.length; i++) if (y[i] >= pred[i * K + lo] && y[i] <= pred[i * K + hi]) inside++;
  return y.length ? inside / y.length : NaN;
}

/** Sample quantile with linear interpolation between order statistics (numpy's default) of a sorted array. */
export function sortedQuantile(sorted: ArrayLike<number>, tau: number): number {
  const h = (sorted.length - 1) * tau;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
