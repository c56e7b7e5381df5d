/**
 * What the aggregation study implies across keys: the reported interval must lie on the level grid, the
 * calibration split must be large enough for conformal calibration to give a finite interval, the test
 * split large enough to judge coverage to ±2 points, and the k-NN model must have neighbours enough
 * for the extreme levels.
 */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { QuantileAggregationConfig } from './schema';

type Rule = PaperRule<QuantileAggregationConfig>;

const CODE = 'amazon-science/quantile-aggregation';
const round = (v: number) => Number(v.toPrecision(3));

/** The smallest K ≥ from whose grid k/(K + 1) holds (1 − interval)/2, or undefined below 1000. */
export function gridFor(interval: number, from: number): number | undefined {
  for (let K = Math.max(3, from); K < 1000; K++) if (onGrid(interval, K)) return K;
  return undefined;
}

export function onGrid(interval: number, K: number): boolean {
  const k = ((1 - interval) / 2) * (K + 1);
  return Math.abs(k - Math.round(k)) < 1e-9 && Math.round(k) >= 1;
}

export const intervalOnGrid: Rule = {
  code: 'quantile-aggregation/interval-off-grid',
  title: 'The reported central interval must have both ends on the level grid',
  source: `${CODE}, util/metric.py (mean_prediction_interval_coverage_rate pairs level i with level −(i+1) of QUANTILE_LIST = 1% … 99%)`,
  check({ interval, levels }) {
    if (!(interval > 0 && interval < 1) || onGrid(interval, levels)) return []; // range errors are the schema's
    const lo = (1 - interval) / 2;
    const K = gridFor(interval, levels);
    return [
      {
        path: ['levels'],
        target: 'value',
        severity: 'error',
        message: `The ${round(interval * 100)}% interval needs the levels ${round(lo)} and ${round(1 - lo)}, but ${levels} levels are k/${levels + 1}: neither end is on the grid, so its coverage cannot be read off the forecasts.${K ? ` ${K} levels put both ends on it.` : ''}`,
        fixes: K ? [{ title: `Use ${K} levels`, edits: [{ kind: 'setValue', path: ['levels'], value: K }] }] : [],
      },
    ];
  },
};

/** Calibration points split conformal needs for a finite margin at miscoverage α: n ≥ 1/α − 1. */
export function conformalMinimum(alpha: number): number {
  return Math.ceil(1 / alpha - 1 - 1e-9);
}

export const calibrationSize: Rule = {
  code: 'quantile-aggregation/calibration-too-small',
  title: 'Conformal calibration needs at least 1/α − 1 points for a finite interval',
  source:
    'Romano, Patterson & Candès 2019 (CQR), Theorem 1: the margin is the ⌈(n+1)(1−α)⌉-th smallest of n scores; Fakoor et al., abstract ("apply conformal calibration methods" to the aggregate)',
  check({ data: { calibration }, interval, levels }) {
    const out: RuleFinding[] = [];
    const alpha = 1 - interval;
    const need = conformalMinimum(alpha);
    if (alpha > 0 && calibration < need)
      out.push({
        path: ['data', 'calibration'],
        target: 'value',
        severity: 'error',
        message: `${fmtInt(calibration)} calibration points cannot calibrate a ${round(interval * 100)}% interval: ⌈(n+1)(1−α)⌉ = ${Math.ceil((calibration + 1) * (1 - alpha))} exceeds n, so the conformal interval is unbounded. It needs at least ${fmtInt(need)}.`,
        fixes: [
          {
            title: `Use ${need} calibration points`,
            edits: [{ kind: 'setValue', path: ['data', 'calibration'], value: need }],
          },
        ],
      });
    // The outermost pair (τ₁, 1 − τ₁) has α = 2/(K + 1): the hardest to calibrate.
    const outer = conformalMinimum(2 / (levels + 1));
    if (calibration >= need && calibration < outer)
      out.push({
        path: ['data', 'calibration'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(calibration)} calibration points leave the outermost levels (1/${levels + 1} and ${levels}/${levels + 1}) unbounded after conformal calibration (they need ${fmtInt(outer)}), so the calibrated WIS is infinite.`,
      });
    return out;
  },
};

export const testSize: Rule = {
  code: 'quantile-aggregation/coverage-unresolved',
  title: 'The test split must resolve coverage to ±2 points',
  source:
    'Our research notes (B11): conformalized 90% intervals should cover 90 ± 2%; the binomial sd of a coverage on n test points is √(c(1−c)/n)',
  check({ data: { test }, interval }) {
    const sd = Math.sqrt((interval * (1 - interval)) / test);
    if (2 * sd <= 0.02) return [];
    const need = Math.ceil((interval * (1 - interval)) / 0.01 ** 2);
    return [
      {
        path: ['data', 'test'],
        target: 'value',
        severity: 'warning',
        message: `With ${fmtInt(test)} test points a ${round(interval * 100)}% coverage has sampling sd ${round(sd * 100)} points, so ±2 points cannot be told from noise in one replication; ${fmtInt(need)} points bring 2 sd down to 2 points.`,
        fixes: [
          { title: `Use ${need} test points`, edits: [{ kind: 'setValue', path: ['data', 'test'], value: need }] },
        ],
      },
    ];
  },
};

export const knnNeighbours: Rule = {
  code: 'quantile-aggregation/knn-too-few-neighbours',
  title: 'k-NN quantiles need neighbours enough for the extreme levels',
  source:
    'heuristic: a sample quantile at level τ from k points interpolates the two lowest order statistics when (k − 1)τ < 1',
  check({ base: { knn_k }, data: { train }, levels }) {
    if (knn_k > train)
      return [
        {
          path: ['base', 'knn_k'],
          target: 'value',
          severity: 'error',
          message: `knn_k (${fmtInt(knn_k)}) exceeds the training split (${fmtInt(train)} points).`,
          fixes: [{ title: `Use ${train}`, edits: [{ kind: 'setValue', path: ['base', 'knn_k'], value: train }] }],
        },
      ];
    const tau = 1 / (levels + 1);
    if ((knn_k - 1) * tau >= 1) return [];
    const need = Math.ceil(1 / tau + 1);
    return [
      {
        path: ['base', 'knn_k'],
        target: 'value',
        severity: 'warning',
        message: `With ${knn_k} neighbours the lowest level (${round(tau)}) and the highest fall between the two most extreme neighbours: the k-NN tails are barely estimated. ${need} neighbours resolve them.`,
      },
    ];
  },
};

export const rules: Rule[] = [intervalOnGrid, calibrationSize, testSize, knnNeighbours];
