/**
 * Small numeric transforms applied to chart lines: smoothing, seed aggregation, log-axis guards and
 * decimation. Pure functions on plain arrays, shared by the webview, the report and the tests.
 * Imported by the webview: keep it free of imports.
 */

export interface Point {
  x: number;
  y: number;
}

/** A point of a line aggregated over seeds: the mean `y` and the band [lo, hi] (the seeds' range, or the mean's 95% CI). */
export interface AggPoint extends Point {
  lo: number;
  hi: number;
  /** How many seeds contributed. */
  n: number;
  /** Only a lower bound (the axis' `lowerBoundIf`): in one seed at least, the true value lies beyond the run. */
  bound?: boolean;
}

/**
 * Exponential moving average with bias correction (as TensorBoard does), so the first points are not
 * pulled towards zero. `weight` in [0, 1): 0 returns the input unchanged. Non-finite values are
 * passed through without entering the average, so a NaN loss does not erase the rest of the curve.
 */
export function smoothEma<T extends Point>(points: T[], weight: number, keys: (keyof T)[] = ['y']): T[] {
  if (!(weight > 0) || points.length === 0) return points;
  const w = Math.min(weight, 0.999);
  const acc = new Map<keyof T, { last: number; count: number }>();
  for (const k of keys) acc.set(k, { last: 0, count: 0 });
  return points.map((p) => {
    const out = { ...p };
    for (const k of keys) {
      const v = p[k] as unknown as number;
      if (!Number.isFinite(v)) continue;
      const a = acc.get(k)!;
      a.last = a.last * w + (1 - w) * v;
      a.count++;
      (out[k] as unknown as number) = a.last / (1 - Math.pow(w, a.count));
    }
    return out;
  });
}

/** What the band around a seed group's mean shows. */
export type SeedBand = 'range' | 'ci95';

/**
 * Two-sided 95% quantiles of Student's t by degrees of freedom: the table for 1–30, then the first
 * Cornish–Fisher term around the normal's 1.96. The webview cannot import core/stats (@stdlib); a test
 * checks these against it.
 */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export function t975(df: number): number {
  return df < 1 ? Infinity : df <= T975.length ? T975[df - 1] : 1.96 + (1.96 ** 3 + 1.96) / (4 * df);
}

/**
 * Mean over seeds at the x values every seed has reached, with a band: the seeds' min–max range, or
 * the 95% confidence interval of the mean (mean ± t₀.₉₇₅,n−1 · sd/√n — wide with 3 seeds, honestly).
 * While seeds are still training, the line stops where the slowest seed is: a mean over fewer seeds
 * would jump at the tail.
 */
export function aggregateSeeds(perSeed: (Point & { bound?: boolean })[][], band: SeedBand = 'range'): AggPoint[] {
  const seeds = perSeed.filter((s) => s.length > 0);
  if (seeds.length === 0) return [];
  const byX = new Map<number, number[]>();
  // A mean with one lower bound among its seeds is itself only a lower bound.
  const bounded = new Set<number>();
  for (const s of seeds) {
    const seen = new Set<number>();
    for (const p of s) {
      if (seen.has(p.x)) continue; // a repeated x within one seed counts once (its first value)
      seen.add(p.x);
      if (p.bound) bounded.add(p.x);
      const ys = byX.get(p.x);
      if (ys) ys.push(p.y);
      else byX.set(p.x, [p.y]);
    }
  }
  const out: AggPoint[] = [];
  for (const [x, ys] of byX) {
    if (ys.length < seeds.length) continue;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const y of ys) {
      sum += y;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    const mean = sum / ys.length;
    if (band === 'ci95' && ys.length > 1) {
      let ss = 0;
      for (const y of ys) ss += (y - mean) ** 2;
      const half = (t975(ys.length - 1) * Math.sqrt(ss / (ys.length - 1))) / Math.sqrt(ys.length);
      lo = mean - half;
      hi = mean + half;
    }
    out.push({ x, y: mean, lo, hi, n: ys.length, ...(bounded.has(x) ? { bound: true } : {}) });
  }
  return out.sort((a, b) => a.x - b.x);
}

/**
 * Log-axis guard: a log axis cannot show zero or negative values (Chart.js would silently drop or
 * misplace them). Returns the points that can be drawn and how many were left out, so the chart can
 * say so instead of hiding data without a word. A band whose lower edge is not positive is clamped to
 * the smallest positive value of the line rather than dropping its mean.
 */
export function guardLog<T extends Point & Partial<Pick<AggPoint, 'lo' | 'hi'>>>(
  points: T[],
  xLog: boolean,
  yLog: boolean,
): { points: T[]; dropped: number } {
  if (!xLog && !yLog) return { points, dropped: 0 };
  const kept = points.filter((p) => (!xLog || p.x > 0) && (!yLog || p.y > 0));
  if (yLog) {
    let minPos = Infinity;
    for (const p of kept) if (p.y < minPos) minPos = p.y;
    for (let i = 0; i < kept.length; i++) {
      const p = kept[i];
      if (p.lo !== undefined && !(p.lo > 0)) kept[i] = { ...p, lo: minPos };
    }
  }
  return { points: kept, dropped: points.length - kept.length };
}

/**
 * Bounded-size decimation that keeps the shape a reader looks for: the line is cut into buckets along
 * x and each bucket keeps its minimum and maximum y (in x order), plus the first and last point. The
 * result has at most `max` points (max ≥ 4) and always contains the global extremes. Used where
 * Chart.js's own decimation cannot work (log x axes, the report's data tables) and to bound memory.
 */
export function decimateMinMax<T extends Point>(points: T[], max: number): T[] {
  const n = points.length;
  const limit = Math.max(4, Math.floor(max));
  if (n <= limit) return points;
  const inner = n - 2;
  const buckets = Math.floor((limit - 2) / 2);
  const out: T[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let iMin = start;
    let iMax = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i].y < points[iMin].y) iMin = i;
      if (points[i].y > points[iMax].y) iMax = i;
    }
    if (iMin === iMax) out.push(points[iMin]);
    else if (iMin < iMax) out.push(points[iMin], points[iMax]);
    else out.push(points[iMax], points[iMin]);
  }
  out.push(points[n - 1]);
  return out;
}

/**
 * y at `x` on a line sorted by x, interpolated between neighbours (in log x when `logX`). Undefined
 * when x is outside the line's range by more than `tolerance` (relative), so a reference is never
 * placed on an extrapolation.
 */
export function interpolateAt(points: Point[], x: number, logX: boolean, tolerance = 0.1): number | undefined {
  const pts = logX ? points.filter((p) => p.x > 0) : points;
  if (pts.length === 0 || !Number.isFinite(x) || (logX && x <= 0)) return undefined;
  const t = (v: number) => (logX ? Math.log(v) : v);
  const first = pts[0];
  const last = pts[pts.length - 1];
  const span = Math.max(Math.abs(t(last.x) - t(first.x)), 1e-12);
  const near = (a: number) =>
    Math.abs(t(a) - t(x)) <= (logX ? Math.log(1 + tolerance) : tolerance * Math.max(Math.abs(x), span));
  if (x <= first.x) return near(first.x) ? first.y : undefined;
  if (x >= last.x) return near(last.x) ? last.y : undefined;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (x > b.x) continue;
    const f = (t(x) - t(a.x)) / (t(b.x) - t(a.x) || 1);
    return a.y + f * (b.y - a.y);
  }
  return undefined;
}
