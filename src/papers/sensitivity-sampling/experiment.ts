/**
 * The benchmark of sensitivity-sampling, pure TypeScript on the shared blocks (Lewis weights, IRLS,
 * sensitivities, row sampling): the test matrices, their scores and total sensitivity, and the search
 * for the fewest sampled rows that embed A within a distortion ε.
 */
import type { Rng } from '../../trainer/rng';
import { leverageScores, lewisWeights } from '../../trainer/linalg/lewis';
import {
  exactSensitivity,
  irlsLp,
  lpPower,
  matVec,
  sensitivityLowerBounds,
} from '../../trainer/algorithms/lpRegression';
import { normalize, sampleRows } from '../../trainer/algorithms/rowSampling';
import type { Sampler, SsConfig, Structure } from './schema';

/** The exponent of S in the paper's bound: 2/p for p < 2, 2 − 2/p for p > 2 (1 at p = 2). */
export function lawExponent(p: number): number {
  return p <= 2 ? 2 / p : 2 - 2 / p;
}

/** An n × d test matrix (row-major) of the given structure. */
export function makeMatrix(
  structure: Structure,
  n: number,
  d: number,
  p: number,
  m: SsConfig['matrix'],
  rng: Rng,
): Float64Array {
  const a = new Float64Array(n * d);
  if (structure === 'block') {
    // Columns in groups of block_width (the last may be narrower), rows split evenly among the groups.
    const blocks = Math.ceil(d / m.block_width);
    for (let i = 0; i < n; i++) {
      const g = Math.min(blocks - 1, Math.floor((i * blocks) / n));
      for (let j = g * m.block_width; j < Math.min(d, (g + 1) * m.block_width); j++) a[i * d + j] = rng.normal();
    }
    return a;
  }
  for (let k = 0; k < a.length; k++) a[k] = rng.normal();
  if (structure === 'heavy_rows') {
    // d rows (random, distinct) become h·‖A_j‖_p·e_j: row j alone carries a share h^p/(1 + h^p) of ‖Ae_j‖_p^p.
    const order: number[] = Array.from({ length: n }, (_, i) => i);
    rng.shuffle(order);
    const heavy = order.slice(0, Math.min(d, n));
    const isHeavy = new Uint8Array(n);
    heavy.forEach((i) => (isHeavy[i] = 1));
    heavy.forEach((i, j) => {
      let col = 0;
      for (let t = 0; t < n; t++) if (!isHeavy[t]) col += Math.abs(a[t * d + j]) ** p;
      a.fill(0, i * d, (i + 1) * d);
      a[i * d + j] = m.heavy_weight * col ** (1 / p);
    });
  }
  return a;
}

export interface MatrixScores {
  lewis: Float64Array;
  leverage: Float64Array;
  /** Estimated (lower-bound) sensitivity of every row. */
  estimate: Float64Array;
  directions: Float64Array;
  /** Σ estimate: a lower bound on S. */
  sLower: number;
  /** Importance estimate of S from the rows computed exactly (unbiased for the exact IRLS values). */
  s: number;
  /** Mean exact / estimate over the checked rows (≥ 1: how far below the estimates sit). */
  ratio: number;
  lewisChange: number;
}

/** Lewis weights, leverage scores, every row's sensitivity estimate, and S from `check_rows` exact rows. */
export function scoreMatrix(a: Float64Array, n: number, d: number, c: SsConfig, rng: Rng): MatrixScores {
  const lw = lewisWeights(a, n, d, c.p, c.lewis.iterations);
  const { lower: estimate, directions } = sensitivityLowerBounds(a, n, d, c.p, lw.weights);
  const sLower = estimate.reduce((s, v) => s + v, 0);
  const pick = sampleRows(normalize(estimate), c.sensitivity.check_rows, () => rng.next());
  // Rows drawn ∝ estimate: S = E[σ_i / π_i] with π_i = estimate_i / sLower; a row drawn k times counts k times.
  let s = 0;
  let ratio = 0;
  pick.rows.forEach((i, k) => {
    const times = Math.round(pick.weights[k] * c.sensitivity.check_rows * (estimate[i] / sLower));
    const exact = Math.max(
      estimate[i],
      exactSensitivity(a, n, d, i, c.p, { maxIter: c.sensitivity.irls_iterations, tol: 1e-12 }),
    );
    s += (times * exact * sLower) / estimate[i];
    ratio += (times * exact) / estimate[i];
  });
  return {
    lewis: lw.weights,
    leverage: leverageScores(a, n, d),
    estimate,
    directions,
    sLower,
    s: s / c.sensitivity.check_rows,
    ratio: ratio / c.sensitivity.check_rows,
    lewisChange: lw.changes.at(-1) ?? NaN,
  };
}

/** Sampling probabilities of each method. */
export function samplerProbabilities(method: Sampler, scores: MatrixScores, p: number): Float64Array {
  if (method === 'sensitivity') return normalize(scores.estimate);
  if (method === 'root_leverage') return normalize(Array.from(scores.leverage, (t) => Math.max(0, t) ** (p / 2)));
  return normalize(new Float64Array(scores.estimate.length).fill(1));
}

/** What a sample is judged on: |A x_t|^p for the test directions, and a regression problem. */
export interface Testbed {
  n: number;
  d: number;
  p: number;
  a: Float64Array;
  /** |(A X)_it|^p, row-major n × T. */
  powers: Float64Array;
  /** ‖A x_t‖_p^p. */
  totals: Float64Array;
  t: number;
  regression?: { b: Float64Array; opt: number; iterations: number };
}

export function makeTestbed(
  a: Float64Array,
  n: number,
  d: number,
  c: SsConfig,
  scores: MatrixScores,
  rng: Rng,
): Testbed {
  const p = c.p;
  const dirs: Float64Array[] = [];
  for (let t = 0; t < c.sampling.directions; t++) dirs.push(Float64Array.from({ length: d }, () => rng.normal()));
  const top = Array.from(scores.estimate.keys())
    .sort((x, y) => scores.estimate[y] - scores.estimate[x])
    .slice(0, c.sampling.sensitive_directions);
  for (const i of top) dirs.push(scores.directions.slice(i * d, (i + 1) * d));
  const t = dirs.length;
  const powers = new Float64Array(n * t);
  const totals = new Float64Array(t);
  dirs.forEach((x, k) => {
    const ax = matVec(a, n, d, x);
    for (let i = 0; i < n; i++) {
      const v = Math.abs(ax[i]) ** p;
      powers[i * t + k] = v;
      totals[k] += v;
    }
  });
  const bed: Testbed = { n, d, p, a, powers, totals, t };
  if (c.sampling.regression) {
    const x0 = Float64Array.from({ length: d }, () => rng.normal());
    const b = matVec(a, n, d, x0);
    for (let i = 0; i < n; i++) b[i] += Math.log(rng.next() || 1e-300) * (rng.next() < 0.5 ? -1 : 1); // Laplace(1)
    const iterations = c.sensitivity.irls_iterations;
    bed.regression = { b, opt: irlsLp(a, n, d, b, p, { maxIter: iterations }).objective, iterations };
  }
  return bed;
}

/** The distortion of one sample: max over directions of |‖SAx‖^p/‖Ax‖^p − 1|, and the regression's excess. */
export function sampleDistortion(bed: Testbed, rows: Int32Array, weights: Float64Array): number {
  const { t, powers, totals, d, p, a } = bed;
  const est = new Float64Array(t);
  rows.forEach((i, k) => {
    const w = weights[k];
    for (let s = 0; s < t; s++) est[s] += w * powers[i * t + s];
  });
  let worst = 0;
  for (let s = 0; s < t; s++) worst = Math.max(worst, Math.abs(est[s] / totals[s] - 1));
  const reg = bed.regression;
  if (reg && rows.length > d) {
    const m = rows.length;
    const bs = new Float64Array(m * d);
    const ys = new Float64Array(m);
    rows.forEach((i, k) => {
      const f = weights[k] ** (1 / p);
      for (let j = 0; j < d; j++) bs[k * d + j] = f * a[i * d + j];
      ys[k] = f * reg.b[i];
    });
    const x = irlsLp(bs, m, d, ys, p, { maxIter: Math.ceil(reg.iterations / 2) }).x;
    const r = matVec(a, bed.n, d, x).map((v, i) => v - reg.b[i]);
    worst = Math.max(worst, lpPower(r, p) / reg.opt - 1);
  } else if (reg) worst = Infinity; // fewer distinct rows than unknowns: the regression is not determined
  return worst;
}

export interface RowsNeeded {
  /** The fewest rows found with median distortion ≤ ε; NaN when even `cap` rows were not enough. */
  rows: number;
  /** The median distortion there (or at the cap). */
  distortion: number;
  evaluations: number;
}

function median(v: number[]): number {
  const s = [...v].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Doubling from 2d until the median distortion over `trials` samples is ≤ ε (or `cap` rows fail), then
 * `bisections` bisections in log m between the last failing and the first passing size.
 */
export function rowsNeeded(bed: Testbed, q: Float64Array, c: SsConfig, cap: number, rng: Rng): RowsNeeded {
  let evaluations = 0;
  const eps = c.sampling.distortion;
  const measure = (m: number) => {
    evaluations++;
    const ds: number[] = [];
    for (let k = 0; k < c.sampling.trials; k++) {
      const s = sampleRows(q, m, () => rng.next());
      ds.push(sampleDistortion(bed, s.rows, s.weights));
    }
    return median(ds);
  };
  let lo = Math.max(1, bed.d);
  let hi = Math.min(cap, 2 * lo);
  let at = measure(hi);
  while (at > eps) {
    if (hi >= cap) return { rows: NaN, distortion: at, evaluations };
    lo = hi;
    hi = Math.min(cap, 2 * hi);
    at = measure(hi);
  }
  for (let k = 0; k < c.sampling.bisections && hi - lo > 1; k++) {
    const mid = Math.round(Math.sqrt(lo * hi));
    if (mid <= lo || mid >= hi) break;
    const dm = measure(mid);
    if (dm <= eps) {
      hi = mid;
      at = dm;
    } else lo = mid;
  }
  return { rows: hi, distortion: at, evaluations };
}
