/**
 * Numbers over seeds: mean ± sd, a t-based confidence interval, and Welch's comparison of two
 * groups. A reproduction claim is judged on these, never on one run (3 seeds by default).
 *
 * The t distribution comes from @stdlib (its quantile and CDF are the exact regularized incomplete
 * beta, which matters at 2–4 degrees of freedom, where the normal approximation is far off).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN for one value. */
  sd: number;
  /** Standard error of the mean, sd/√n; NaN for one value. */
  se: number;
  min: number;
  max: number;
}

/** Finite values only: a seed that diverged (NaN) or never reached a threshold is not a number to average. */
export function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

export function summarize(values: readonly number[]): Summary {
  const xs = finite(values);
  const n = xs.length;
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, se: NaN, min: NaN, max: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const ss = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { n, mean, sd, se: n > 1 ? sd / Math.sqrt(n) : NaN, min, max };
}

/** Two-sided critical value of Student's t: P(|T| ≤ t) = level with `df` degrees of freedom. */
export function tCritical(level: number, df: number): number {
  return tQuantile(0.5 + level / 2, df);
}

/**
 * Bonferroni's critical value of a standard normal statistic: each of `comparisons` two-sided tests at
 * level α / comparisons, so the chance of any false "beyond noise" in the family stays below α.
 * (The normal quantile as Student's t with 10⁹ degrees of freedom: @stdlib's t quantile, exact.)
 */
export function bonferroniZ(comparisons: number, alpha = 0.05): number {
  return tQuantile(1 - alpha / (2 * Math.max(1, comparisons)), 1e9);
}

/** Two-sided p-value of a t statistic. */
export function tTwoSidedP(t: number, df: number): number {
  return 2 * (1 - tCdf(Math.abs(t), df));
}

/** The mean's confidence interval (t-based, default 95%); undefined with fewer than two values. */
export function meanCI(values: readonly number[], level = 0.95): { low: number; high: number } | undefined {
  const s = summarize(values);
  if (s.n < 2) return undefined;
  const h = tCritical(level, s.n - 1) * s.se;
  return { low: s.mean - h, high: s.mean + h };
}

export interface Comparison {
  /** mean(a) − mean(b). */
  diff: number;
  /** Welch's standard error of the difference. */
  se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  /** Two-sided p-value for diff = 0. */
  p: number;
  /** Confidence interval of the difference at `level`. */
  low: number;
  high: number;
  level: number;
}

/**
 * Welch's t comparison of two groups of seeds (unequal variances). Undefined when either group has
 * fewer than two finite values or both have zero spread (the difference is then exact, not a test).
 */
export function welch(a: readonly number[], b: readonly number[], level = 0.95): Comparison | undefined {
  const A = summarize(a);
  const B = summarize(b);
  if (A.n < 2 || B.n < 2) return undefined;
  const va = (A.sd * A.sd) / A.n;
  const vb = (B.sd * B.sd) / B.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return undefined;
  const df = ((va + vb) * (va + vb)) / ((va * va) / (A.n - 1) + (vb * vb) / (B.n - 1));
  const diff = A.mean - B.mean;
  const t = diff / se;
  const h = tCritical(level, df) * se;
  return { diff, se, df, t, p: tTwoSidedP(t, df), low: diff - h, high: diff + h, level };
}

export interface Equivalence {
  diff: number;
  margin: number;
  /** The larger of the two one-sided p-values: equivalence is shown when it is below alpha. */
  p: number;
  /** The (1 − 2α) interval of the difference; equivalence ⇔ it lies inside ±margin. */
  low: number;
  high: number;
  equivalent: boolean;
}

/**
 * Two one-sided tests (Schuirmann's TOST) for |mean(a) − mean(b)| < margin, with Welch's standard
 * error. This is how a null result ("no better than random") is shown: not by a non-significant
 * difference, which three seeds give for almost anything, but by a difference bounded by a stated margin.
 */
export function tost(
  a: readonly number[],
  b: readonly number[],
  margin: number,
  alpha = 0.05,
): Equivalence | undefined {
  const c = welch(a, b, 1 - 2 * alpha);
  if (!c) return undefined;
  const pLower = 1 - tCdf((c.diff + margin) / c.se, c.df);
  const pUpper = tCdf((c.diff - margin) / c.se, c.df);
  const p = Math.max(pLower, pUpper);
  return { diff: c.diff, margin, p, low: c.low, high: c.high, equivalent: p < alpha };
}

/** "0.912 ± 0.004" with the precision the spread allows (two significant digits of the sd). */
export function formatMeanSd(s: Summary, scale = 1, unit = ''): string {
  if (s.n === 0) return '—';
  const mean = s.mean * scale;
  if (!(s.sd > 0)) return `${round(mean, 4)}${unit}`;
  const sd = s.sd * scale;
  const digits = Math.max(0, 1 - Math.floor(Math.log10(sd)));
  return `${mean.toFixed(digits)} ± ${sd.toFixed(digits)}${unit}`;
}

function round(x: number, sig: number): string {
  return Number(x.toPrecision(sig)).toString();
}
