/**
 * Ordinary least squares with several predictors, y = b₀ + Σ_j b_j·x_j, with each coefficient's standard
 * error and t interval: for scaling laws with two candidate causes (sensitivity-sampling fits log rows
 * on log S^{2/p} and log d together, to see whether d adds anything once S is in). `fitLine` is the
 * one-predictor case and agrees with it.
 */
import { tCritical } from './summary';

export interface Coefficient {
  estimate: number;
  se: number;
  low: number;
  high: number;
}

export interface LinearModelFit {
  /** Intercept first, then one per predictor, in the order given. */
  coefficients: Coefficient[];
  n: number;
  rss: number;
  r2: number;
}

/** Gauss–Jordan inverse of a small symmetric positive-definite matrix; undefined when singular. */
function invert(m: number[][]): number[][] | undefined {
  const k = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    const scale = Math.max(...m.map((row) => Math.abs(row[c])), 1e-300);
    if (Math.abs(a[piv][c]) < 1e-12 * scale) return undefined;
    [a[c], a[piv]] = [a[piv], a[c]];
    const p = a[c][c];
    for (let j = 0; j < 2 * k; j++) a[c][j] /= p;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c];
      if (f !== 0) for (let j = 0; j < 2 * k; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(k));
}

/**
 * OLS of y on the predictors (each an array as long as y) over the rows where everything is finite.
 * Undefined with no more rows than coefficients, or with collinear predictors.
 */
export function fitLinearModel(
  predictors: readonly (readonly number[])[],
  y: readonly number[],
  level = 0.95,
): LinearModelFit | undefined {
  const rows: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const row = [1, ...predictors.map((x) => x[i])];
    if (Number.isFinite(y[i]) && row.every(Number.isFinite)) {
      rows.push(row);
      ys.push(y[i]);
    }
  }
  const k = predictors.length + 1;
  const n = rows.length;
  if (n <= k) return undefined;
  const xtx = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => rows.reduce((s, r) => s + r[a] * r[b], 0)),
  );
  const inv = invert(xtx);
  if (!inv) return undefined;
  const xty = Array.from({ length: k }, (_, a) => rows.reduce((s, r, i) => s + r[a] * ys[i], 0));
  const beta = inv.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let rss = 0;
  let tss = 0;
  rows.forEach((r, i) => {
    rss += (ys[i] - r.reduce((s, v, j) => s + v * beta[j], 0)) ** 2;
    tss += (ys[i] - my) ** 2;
  });
  const sigma2 = rss / (n - k);
  const t = tCritical(level, n - k);
  return {
    coefficients: beta.map((estimate, j) => {
      const se = Math.sqrt(Math.max(0, sigma2 * inv[j][j]));
      return { estimate, se, low: estimate - t * se, high: estimate + t * se };
    }),
    n,
    rss,
    r2: tss > 0 ? 1 - rss / tss : 1,
  };
}
