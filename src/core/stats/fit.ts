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
