/**
 * Power-law fits drawn over a summary figure's lines (FigureSpec.fit): least squares in log10–log10
 * on the points inside the window, the slope's 95% t interval, and the fitted segment in display
 * units. Imported by the webview: local modules only, so the t quantiles are a small table (two-sided
 * 95%, df 1–30; the normal's beyond), checked against core/stats in the tests.
 */
import type { FigureLine } from './build';
import type { FitSpec } from './spec';

export interface FitLine {
  /** The data line it belongs to (FigureLine.key). */
  lineKey: string;
  label: string;
  slope: number;
  slopeLow: number;
  slopeHigh: number;
  r2: number;
  /** Points used. */
  n: number;
  /** The fitted segment's two ends, in display units. */
  points: { x: number; y: number }[];
}

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t975 = (df: number) => (df < 1 ? NaN : df <= 30 ? T975[df - 1] : 1.96);

/** Fits every line with ≥ 3 positive points in the window; `fx`/`fy` convert display units back to source units for the window. */
export function fitLines(lines: FigureLine[], spec: FitSpec, fx = 1, fy = 1): FitLine[] {
  const out: FitLine[] = [];
  const w = spec.window;
  for (const line of lines) {
    const pts = line.points.filter(
      (p) =>
        p.x > 0 &&
        p.y > 0 &&
        (!w?.x || (p.x / fx >= w.x[0] && p.x / fx <= w.x[1])) &&
        (!w?.y || (p.y / fy >= w.y[0] && p.y / fy <= w.y[1])),
    );
    const n = pts.length;
    if (n < 3) continue;
    const lx = pts.map((p) => Math.log10(p.x));
    const ly = pts.map((p) => Math.log10(p.y));
    const mx = lx.reduce((a, b) => a + b, 0) / n;
    const my = ly.reduce((a, b) => a + b, 0) / n;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (lx[i] - mx) ** 2;
      sxy += (lx[i] - mx) * (ly[i] - my);
      syy += (ly[i] - my) ** 2;
    }
    if (!(sxx > 0)) continue;
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (ly[i] - intercept - slope * lx[i]) ** 2;
    const half = t975(n - 2) * Math.sqrt(rss / (n - 2) / sxx);
    const x0 = Math.min(...lx);
    const x1 = Math.max(...lx);
    const name = spec.label ?? 'slope';
    out.push({
      lineKey: line.key,
      label: `${line.label}: ${name} ${fmtSlope(slope)} [${fmtSlope(slope - half)}, ${fmtSlope(slope + half)}]`,
      slope,
      slopeLow: slope - half,
      slopeHigh: slope + half,
      r2: syy > 0 ? 1 - rss / syy : 1,
      n,
      points: [
        { x: 10 ** x0, y: 10 ** (intercept + slope * x0) },
        { x: 10 ** x1, y: 10 ** (intercept + slope * x1) },
      ],
    });
  }
  return out;
}

const fmtSlope = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)) : '?');
