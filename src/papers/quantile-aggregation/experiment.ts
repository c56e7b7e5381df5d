/**
 * One replication of the aggregation study: draw a heteroscedastic, skewed regression data set, fit four
 * base quantile models on its train split, fit aggregation weights on the validation split, conformalize
 * on the calibration split and score everything on the test split. Fakoor et al. aggregate base models
 * fitted to 34 benchmark data sets (their code: nested_base_quantile_models.py, nested_aggr_quantile_models.py);
 * this is the synthetic stand-in of our research notes.
 */
import type { Rng } from '../../trainer/rng';
import { fitAggregation, aggregate, applyHead, fitQuantileHead } from '../../trainer/quantile/pinballFit';
import { normalEquations, predict, ridgeSolve } from '../../trainer/linalg/ridge';
import {
  conformalShifts,
  coverage,
  crossingRate,
  normalQuantile,
  pinballByLevel,
  postSort,
  quantileLevels,
  shiftLevels,
  sortedQuantile,
  weightedIntervalScore,
} from '../../core/stats';
import type { QuantileAggregationConfig } from './schema';

export const BASE_MODELS = ['linear_qr', 'knn', 'gaussian', 'network'] as const;
export type BaseModel = (typeof BASE_MODELS)[number];
export const AGGREGATES = ['level_weighted', 'model_weighted', 'uniform', 'best_base'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface Split {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

/** The conditional mean: nonlinear in x₁, linear in x₂ (so linear quantile regression is misspecified). */
const meanOf = (x1: number, x2: number) => Math.sin(Math.PI * x1) + 0.5 * x2;

/** Standardized noise: mean 0, sd 1; χ²_df is right-skewed. */
function noiseDraw(c: QuantileAggregationConfig['data'], rng: Rng): number {
  if (c.noise === 'gaussian') return rng.normal();
  let s = 0;
  for (let j = 0; j < c.noise_df; j++) s += rng.normal() ** 2;
  return (s - c.noise_df) / Math.sqrt(2 * c.noise_df);
}

export function drawSplit(c: QuantileAggregationConfig['data'], n: number, rng: Rng): Split {
  const d = c.features;
  const x = Float64Array.from({ length: n * d }, () => 2 * rng.next() - 1);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = x[i * d];
    const x2 = d > 1 ? x[i * d + 1] : 0;
    const sd = c.noise_sd * (1 + (c.hetero * (x1 + 1)) / 2);
    y[i] = meanOf(x1, x2) + sd * noiseDraw(c, rng);
  }
  return { x, y, n };
}

/** [1, x] per row. */
function withIntercept(s: Split, d: number): Float64Array {
  const out = new Float64Array(s.n * (d + 1));
  for (let i = 0; i < s.n; i++) {
    out[i * (d + 1)] = 1;
    for (let j = 0; j < d; j++) out[i * (d + 1) + 1 + j] = s.x[i * d + j];
  }
  return out;
}

/** Random Fourier features √(2/p)·cos(xᵀω + b), ω ~ N(0, bandwidth²), plus an intercept column. */
function fourierFeatures(s: Split, d: number, omega: Float64Array, bias: Float64Array): Float64Array {
  const p = bias.length;
  const out = new Float64Array(s.n * (p + 1));
  const scale = Math.sqrt(2 / p);
  for (let i = 0; i < s.n; i++) {
    out[i * (p + 1)] = 1;
    for (let j = 0; j < p; j++) {
      let z = bias[j];
      for (let a = 0; a < d; a++) z += s.x[i * d + a] * omega[a * p + j];
      out[i * (p + 1) + 1 + j] = scale * Math.cos(z);
    }
  }
  return out;
}

/** The k nearest training points' y quantiles (linear interpolation), per query row. */
export function knnQuantiles(
  train: Split,
  query: Split,
  d: number,
  k: number,
  levels: readonly number[],
): Float64Array {
  const K = levels.length;
  const out = new Float64Array(query.n * K);
  const dist = new Float64Array(train.n);
  const order = new Int32Array(train.n);
  const near = new Float64Array(k);
  for (let i = 0; i < query.n; i++) {
    for (let t = 0; t < train.n; t++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += (query.x[i * d + a] - train.x[t * d + a]) ** 2;
      dist[t] = s;
      order[t] = t;
    }
    order.sort((a, b) => dist[a] - dist[b]);
    for (let j = 0; j < k; j++) near[j] = train.y[order[j]];
    near.sort();
    for (let q = 0; q < K; q++) out[i * K + q] = sortedQuantile(near, levels[q]);
  }
  return out;
}

export type Forecasts = Record<BaseModel, Float64Array>;

/** Fits the four base models on `train` and returns their forecasts (n × K) on each of `on`. */
export function baseForecasts(
  c: QuantileAggregationConfig,
  train: Split,
  on: Split[],
  levels: readonly number[],
  rng: Rng,
): Forecasts[] {
  const d = c.data.features;
  const K = levels.length;
  const fit = { iterations: c.base.iterations, lr: c.base.lr };
  const k = Math.min(c.base.knn_k, train.n);

  // Linear quantile regression: a multi-quantile head on [1, x].
  const lin = fitQuantileHead(withIntercept(train, d), d + 1, train.y, levels, fit);

  // A shallow network with frozen random Fourier features and a multi-quantile head.
  const p = c.base.random_features;
  const frng = rng.fork('features');
  const omega = Float64Array.from({ length: d * p }, () => c.base.bandwidth * frng.normal());
  const bias = Float64Array.from({ length: p }, () => 2 * Math.PI * frng.next());
  const net = fitQuantileHead(fourierFeatures(train, d, omega, bias), p + 1, train.y, levels, fit);

  // Conditional Gaussian: mean by ridge on the Fourier features, sd by least squares of |residual|·√(π/2) on [1, x].
  const phi = fourierFeatures(train, d, omega, bias);
  const mean = normalEquations(phi, train.n, p + 1, train.y);
  const meanW = ridgeSolve(mean.xtx, p + 1, mean.xty, 1e-3 * train.n).coef;
  const resid = predict(phi, train.n, p + 1, meanW).map((m, i) => Math.abs(train.y[i] - m) * Math.sqrt(Math.PI / 2));
  const lx = withIntercept(train, d);
  const sdEq = normalEquations(lx, train.n, d + 1, resid);
  const sdW = ridgeSolve(sdEq.xtx, d + 1, sdEq.xty, 1e-8).coef;
  const z = levels.map(normalQuantile);

  return on.map((s) => {
    const mu = predict(fourierFeatures(s, d, omega, bias), s.n, p + 1, meanW);
    const sd = predict(withIntercept(s, d), s.n, d + 1, sdW);
    const gaussian = new Float64Array(s.n * K);
    for (let i = 0; i < s.n; i++)
      for (let q = 0; q < K; q++) gaussian[i * K + q] = mu[i] + Math.max(1e-3, sd[i]) * z[q];
    return {
      linear_qr: applyHead(withIntercept(s, d), d + 1, lin, K),
      knn: knnQuantiles(train, s, d, k, levels),
      gaussian,
      network: applyHead(fourierFeatures(s, d, omega, bias), p + 1, net, K),
    };
  });
}

/** What one forecast scores on the test split. */
export interface Scores {
  /** WIS of the forecast as aggregated (quantiles may cross). */
  wis: number;
  /** WIS after sorting each point's quantiles. */
  wisSorted: number;
  /** WIS after sorting and conformal widening. */
  wisConformal: number;
  crossing: number;
  /** Coverage of the central `interval` before and after conformal calibration (both sorted). */
  coverage: number;
  coverageConformal: number;
  /** Mean pinball loss per level (sorted forecast). */
  pinball: number[];
}

export interface Replication {
  scores: Record<Aggregate, Scores>;
  base: Record<BaseModel, Scores>;
  /** Level-weighted weights, M × K (model-major). */
  levelWeights: Float64Array;
  modelWeights: Float64Array;
  bestBase: BaseModel;
}

function score(
  levels: readonly number[],
  interval: number,
  cal: { pred: Float64Array; y: Float64Array },
  test: { pred: Float64Array; y: Float64Array },
): Scores {
  const K = levels.length;
  const lo = Math.round(((1 - interval) / 2) * (K + 1)) - 1;
  const hi = K - 1 - lo;
  const sorted = postSort(test.pred, K);
  const shifts = conformalShifts(levels, postSort(cal.pred, K), cal.y);
  const conformal = shiftLevels(sorted, shifts);
  return {
    wis: weightedIntervalScore(levels, test.pred, test.y),
    wisSorted: weightedIntervalScore(levels, sorted, test.y),
    wisConformal: weightedIntervalScore(levels, conformal, test.y),
    crossing: crossingRate(test.pred, K),
    coverage: coverage(sorted, K, lo, hi, test.y),
    coverageConformal: coverage(conformal, K, lo, hi, test.y),
    pinball: pinballByLevel(levels, sorted, test.y),
  };
}

export function runReplication(c: QuantileAggregationConfig, rng: Rng): Replication {
  const levels = quantileLevels(c.levels);
  const K = levels.length;
  const drng = rng.fork('data');
  const train = drawSplit(c.data, c.data.train, drng);
  const val = drawSplit(c.data, c.data.val, drng);
  const cal = drawSplit(c.data, c.data.calibration, drng);
  const test = drawSplit(c.data, c.data.test, drng);
  const [fv, fc, ft] = baseForecasts(c, train, [val, cal, test], levels, rng.fork('models'));
  const list = (f: Forecasts) => BASE_MODELS.map((m) => f[m]);
  const o = { iterations: c.aggregation.iterations, lr: c.aggregation.lr };
  const levelWeights = fitAggregation(list(fv), val.y, levels, 'level', o);
  const modelWeights = fitAggregation(list(fv), val.y, levels, 'model', o);
  const uniform = new Float64Array(BASE_MODELS.length * K).fill(1 / BASE_MODELS.length);
  // The best single model is chosen on the validation split, as the weights are.
  const valWis = BASE_MODELS.map((m) => weightedIntervalScore(levels, fv[m], val.y));
  const bestBase = BASE_MODELS[valWis.indexOf(Math.min(...valWis))];
  const pair = (w: Float64Array) => ({
    cal: { pred: aggregate(list(fc), w, K), y: cal.y },
    test: { pred: aggregate(list(ft), w, K), y: test.y },
  });
  const scored = (p: ReturnType<typeof pair>) => score(levels, c.interval, p.cal, p.test);
  const base = Object.fromEntries(
    BASE_MODELS.map((m) => [m, score(levels, c.interval, { pred: fc[m], y: cal.y }, { pred: ft[m], y: test.y })]),
  ) as Record<BaseModel, Scores>;
  return {
    scores: {
      level_weighted: scored(pair(levelWeights)),
      model_weighted: scored(pair(modelWeights)),
      uniform: scored(pair(uniform)),
      best_base: base[bestBase],
    },
    base,
    levelWeights,
    modelWeights,
    bestBase,
  };
}
