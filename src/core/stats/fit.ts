/**
 * Straight-line fits for scaling claims: error ∝ n^slope, width scaling, power laws in ε. A slope is
 * reported with its confidence interval (t-based, from the residuals) and, where the points are few
 * or the noise is not Gaussian, a bootstrap interval over the points.
 */
import { tCritical } from './summary';

export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope from the residuals (NaN with two points). */
  slopeSE: number;
  /** 95% interval of the slope (t with n − 2 degrees of freedom). */
  slopeLow: number;
  slopeHigh: number;
  /** Coefficient of determination. */
  r2: number;
  n: number;
  /** Residual sum of squares, for comparing models fitted to the same points. */
  rss: number;
}

/** Ordinary least squares y = intercept + slope·x over the finite pairs; undefined with < 2 of them. */
export function fitLine(x: readonly number[], y: readonly number[], level = 0.95): LineFit | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  const n = xs.length;
  if (n < 2) return undefined;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) ** 2;
  }
  if (!(sxx > 0)) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i] - intercept - slope * xs[i]) ** 2;
  const slopeSE = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN;
  const h = n > 2 ? tCritical(level, n - 2) * slopeSE : NaN;
  return {
    slope,
    intercept,
    slopeSE,
    slopeLow: slope - h,
    slopeHigh: slope + h,
    r2: syy > 0 ? 1 - rss / syy : 1,
    n,
    rss,
  };
}

/** A power law y = a·x^slope fitted as a line in log10–log10 (positive pairs only). */
export function fitPowerLaw(x: readonly number[], y: readonly number[], level = 0.95): LineFit | undefined {
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] > 0 && y[i] > 0) {
      lx.push(Math.log10(x[i]));
      ly.push(Math.log10(y[i]));
    }
  }
  return fitLine(lx, ly, level);
}

/** y = scale·x^exponent fitted on y itself: comparable, by `rss`, with other models of the same points. */
export interface PowerFit {
  scale: number;
  exponent: number;
  rss: number;
  r2: number;
  n: number;
}

/**
 * Least squares of y = c·x^a on y itself (not on log y, which weighs small values more), over the
 * pairs with x > 0. For each exponent the best c has a closed form, c = Σ y x^a / Σ x^{2a}, so the
 * residual sum of squares is a function of a alone: scanned on a grid over [lo, hi], then refined by
 * golden-section search around the best grid point. Two parameters, like a line in log x: their `rss`
 * compare directly.
 */
export function fitPowerLawOnY(x: readonly number[], y: readonly number[], lo = -3, hi = 3): PowerFit | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] > 0 && Number.isFinite(x[i]) && Number.isFinite(y[i])) (xs.push(x[i]), ys.push(y[i]));
  const n = xs.length;
  if (n < 2) return undefined;
  const fitAt = (a: number) => {
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.pow(xs[i], a);
      sxy += ys[i] * p;
      sxx += p * p;
    }
    const c = sxx > 0 ? sxy / sxx : 0;
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (ys[i] - c * Math.pow(xs[i], a)) ** 2;
    return { c, rss };
  };
  const steps = 600;
  let best = lo;
  let bestRss = Infinity;
  for (let k = 0; k <= steps; k++) {
    const a = lo + ((hi - lo) * k) / steps;
    const r = fitAt(a).rss;
    if (r < bestRss) ((bestRss = r), (best = a));
  }
  let [a0, a1] = [Math.max(lo, best - (hi - lo) / steps), Math.min(hi, best + (hi - lo) / steps)];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const m1 = a1 - g * (a1 - a0);
    const m2 = a0 + g * (a1 - a0);
    if (fitAt(m1).rss <= fitAt(m2).rss) a1 = m2;
    else a0 = m1;
  }
  const exponent = (a0 + a1) / 2;
  const { c, rss } = fitAt(exponent);
  const my = ys.reduce((t, v) => t + v, 0) / n;
  const syy = ys.reduce((t, v) => t + (v - my) ** 2, 0);
  return { scale: c, exponent, rss, r2: syy > 0 ? 1 - rss / syy : 1, n };
}

/**
 * Two models with the same number of parameters fitted to the same n points: the difference of their
 * Akaike information criteria under Gaussian errors, n·ln(rss_a / rss_b). Positive: b fits better.
 * About 2 is weak evidence, above 10 strong (Burnham & Anderson). With correlated errors — points along
 * one training run — read it as a description of the curve, not a test.
 */
export function deltaAic(rssA: number, rssB: number, n: number): number {
  return n * Math.log(rssA / rssB);
}

/**
 * Percentile bootstrap interval of a statistic of the points, resampling pairs with a seeded
 * generator (`random()` in [0, 1)), so the same seed gives the same interval.
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: number[]) => number,
  random: () => number,
  resamples = 2000,
  level = 0.95,
): { low: number; high: number } | undefined {
  if (n < 2) return undefined;
  const values: number[] = [];
  const idx = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
    const v = statistic(idx);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length < resamples / 2) return undefined;
  values.sort((a, b) => a - b);
  const q = (p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  return { low: q((1 - level) / 2), high: q(1 - (1 - level) / 2) };
}

/**
 * The x at which a curve first reaches `target` (linear interpolation between the two points that
 * bracket it), e.g. "samples needed to reach 90% accuracy". Undefined when it never does.
 */
export function firstCrossing(
  x: readonly number[],
  y: readonly number[],
  target: number,
  direction: 'up' | 'down' = 'up',
): number | undefined {
  const reached = (v: number) => (direction === 'up' ? v >= target : v <= target);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (!reached(y[i])) continue;
    if (i === 0 || y[i] === y[i - 1]) return x[i];
    const t = (target - y[i - 1]) / (y[i] - y[i - 1]);
    return x[i - 1] + t * (x[i] - x[i - 1]);
  }
  return undefined;
}
