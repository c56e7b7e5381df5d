/**
 * Sample-size and width sweeps: how many samples a model needs to reach a target, and the log-log
 * slope of error against n (or width, or k) over a chosen window, with a bootstrap interval. Used by
 * the random-weights and sample-complexity papers (bandlimited-random-weights, random-feature-attention,
 * locality-weight-sharing, unsupervised-pretraining).
 */
import { bootstrapInterval, firstCrossing, fitPowerLaw, type LineFit } from './fit';

/**
 * The x (e.g. samples) at which y first reaches `target`, interpolating linearly in log x between the
 * two sweep points that bracket it: sweeps double n, so a straight line in n would put the crossing
 * too far right. Undefined when the sweep never reaches it (say so rather than extrapolate).
 */
export function crossingLogX(
  x: readonly number[],
  y: readonly number[],
  target: number,
  direction: 'up' | 'down' = 'up',
): number | undefined {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const lx = order.map((i) => Math.log(x[i]));
  const ys = order.map((i) => y[i]);
  const c = firstCrossing(lx, ys, target, direction);
  return c === undefined ? undefined : Math.exp(c);
}

export interface Window {
  x?: [number, number];
  y?: [number, number];
}

const inWindow = (w: Window | undefined, x: number, y: number) =>
  (!w?.x || (x >= w.x[0] && x <= w.x[1])) && (!w?.y || (y >= w.y[0] && y <= w.y[1]));

export interface ScalingFit extends LineFit {
  /** Indices of the points used (inside the window, positive). */
  used: number[];
  /** 95% percentile-bootstrap interval of the slope over the points (when ≥ 4 points). */
  bootLow?: number;
  bootHigh?: number;
}

/**
 * A power law y = a·x^slope fitted on the points inside `window` (log10–log10), with the t interval
 * of `fitPowerLaw` and, given a seeded `random`, a bootstrap interval over the points.
 */
export function fitScaling(
  x: readonly number[],
  y: readonly number[],
  window?: Window,
  random?: () => number,
): ScalingFit | undefined {
  const used: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] > 0 && y[i] > 0 && Number.isFinite(x[i]) && Number.isFinite(y[i]) && inWindow(window, x[i], y[i]))
      used.push(i);
  const fit = fitPowerLaw(
    used.map((i) => x[i]),
    used.map((i) => y[i]),
  );
  if (!fit) return undefined;
  const out: ScalingFit = { ...fit, used };
  if (random && used.length >= 4) {
    const lx = used.map((i) => Math.log10(x[i]));
    const ly = used.map((i) => Math.log10(y[i]));
    const b = bootstrapInterval(
      used.length,
      (idx) => {
        const f = fitPowerLaw(
          idx.map((i) => 10 ** lx[i]),
          idx.map((i) => 10 ** ly[i]),
        );
        return f ? f.slope : NaN;
      },
      random,
      1000,
    );
    if (b) {
      out.bootLow = b.low;
      out.bootHigh = b.high;
    }
  }
  return out;
}
