/**
 * Small numeric transforms applied to chart lines: smoothing, seed aggregation, log-axis guards and
 * decimation. Pure functions on plain arrays, shared by the webview, the report and the tests.
 * Imported by the webview: keep it free of imports.
 */

export interface Point {
  x: number;
  y: number;
}

/** A point of a line aggregated over seeds: the mean `y` and the spread [lo, hi] (min–max over seeds). */
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

/**
 * Mean and min–max spread over seeds at the x values every seed has reached. While seeds are still
 * training, the line stops where the slowest seed is: a mean over fewer seeds would jump at the tail.
 */
export function aggregateSeeds(perSeed: (Point & { bound?: boolean })[][]): AggPoint[] {
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
    out.push({ x, y: sum / ys.length, lo, hi, n: ys.length, ...(bounded.has(x) ? { bound: true } : {}) });
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
