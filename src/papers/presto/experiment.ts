/**
 * One replication of PRESTO's synthetic study with sparse differences (Faletto & Bien 2023, §4.1;
 * the authors' 4_1_sparse_diffs.R and Simulations/model_functions.R): draw the boundary weights and
 * the data, fit logistic regression on the rare class, proportional odds and PRESTO (λ by
 * cross-validation over a path), and score each by the mean squared error of P(y = K | x) against
 * the true probabilities on the training points (the code's `rare_prob_mse_gen`).
 */
import type { Rng } from '../../trainer/rng';
import { proxNewton } from '../../trainer/algorithms/proxNewton';
import {
  boundaryForm,
  interceptStart,
  meanNll,
  ordinalObjective,
  prestoPenalized,
  rareProbabilities,
  type OrdinalData,
} from './ordinal';

export interface PrestoSettings {
  n: number;
  p: number;
  K: number;
  intercepts: number[];
  beta: number;
  devSize: number;
  devProb: number;
  lambdas: number;
  lambdaMinRatio: number;
  folds: number;
}

export const METHODS = ['presto', 'proportional_odds', 'logistic'] as const;
export type Method = (typeof METHODS)[number];

export interface Replication {
  mse: Record<Method, number>;
  /** Selected λ as a fraction of λ_max (1 = proportional odds). */
  lambdaRatio: number;
  rareCount: number;
  /** Newton steps + loss evaluations of every fit: the operation count beside CPU time. */
  evaluations: number;
  /** Draws rejected for a negative class probability or a missing class (as the code retries). */
  redraws: number;
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** The true boundary weights and data, as sim_relaxed_prop_odds_rand + sim_data. */
export function drawData(s: PrestoSettings, rng: Rng): { data: OrdinalData; theta: Float64Array; redraws: number } {
  const { n, p, K } = s;
  const w = p + 1;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const theta = new Float64Array((K - 1) * w);
    for (let k = 0; k < K - 1; k++) theta[k * w] = s.intercepts[k];
    for (let j = 1; j < w; j++) theta[j] = rng.next() < s.devProb ? s.beta : 0;
    for (let k = 1; k < K - 1; k++)
      for (let j = 1; j < w; j++) {
        const dev = rng.next() < s.devProb ? s.devSize * (rng.next() < 0.5 ? -1 : 1) : 0;
        theta[k * w + j] = theta[(k - 1) * w + j] + dev;
      }
    const x = Float64Array.from({ length: n * p }, () => 2 * rng.next() - 1);
    const y = new Int32Array(n);
    let valid = true;
    const seen = new Set<number>();
    for (let i = 0; i < n && valid; i++) {
      let prev = 0;
      const u = rng.next();
      let cls = K;
      for (let k = 0; k < K - 1; k++) {
        let eta = theta[k * w];
        for (let j = 0; j < p; j++) eta += theta[k * w + 1 + j] * x[i * p + j];
        const cum = sigmoid(eta);
        if (cum < prev) valid = false; // a negative class probability: the code redraws
        if (cls === K && u < cum) cls = k + 1;
        prev = cum;
      }
      y[i] = cls;
      seen.add(cls);
    }
    if (valid && seen.size === K) return { data: { x, y, n, p, K }, theta, redraws: attempt };
  }
  throw new Error(
    'Could not draw a data set with valid probabilities and every class present in 1000 tries: widen the intercept gaps or lower dev_size.',
  );
}

const allRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** λ_max: the smallest λ at which PRESTO's solution is proportional odds (KKT at the PO fit). */
function lambdaMax(d: OrdinalData, rows: Int32Array, po: Float64Array, pen: Uint8Array): number {
  const { grad } = ordinalObjective(d, rows).derivatives(po);
  let m = 0;
  for (let i = 0; i < grad.length; i++) if (pen[i]) m = Math.max(m, Math.abs(grad[i]));
  return m;
}

interface PathFit {
  deltas: Float64Array[];
  lambdas: number[];
  evaluations: number;
}

/** PRESTO along a decreasing λ path on `rows`, warm-started from proportional odds. */
function fitPath(d: OrdinalData, rows: Int32Array, ratios: number[], upTo = ratios.length): PathFit {
  const pen = prestoPenalized(d.p, d.K);
  const obj = ordinalObjective(d, rows);
  const po = proxNewton(obj, interceptStart(d, rows), { lambda: Infinity, penalized: pen });
  const lmax = lambdaMax(d, rows, po.x, pen);
  let evaluations = po.evaluations;
  let x = po.x;
  const deltas: Float64Array[] = [];
  const lambdas: number[] = [];
  for (let i = 0; i < upTo; i++) {
    const lambda = lmax * ratios[i];
    const fit = proxNewton(obj, x, { lambda, penalized: pen });
    evaluations += fit.evaluations;
    x = fit.x;
    deltas.push(x);
    lambdas.push(lambda);
  }
  return { deltas, lambdas, evaluations };
}

/** λ/λ_max from 1 down to lambdaMinRatio, log-spaced (the code: nLambda = 20, lambdaMinRatio = 0.01). */
export function lambdaRatios(count: number, minRatio: number): number[] {
  return Array.from({ length: count }, (_, i) => (count === 1 ? 1 : Math.pow(minRatio, i / (count - 1))));
}

export function runReplication(s: PrestoSettings, rng: Rng): Replication {
  const { data: d, theta: truth, redraws } = drawData(s, rng.fork('data'));
  const { n, p, K } = d;
  const rows = allRows(n);
  const trueRare = rareProbabilities(truth, d);
  const mseOf = (theta: Float64Array) => {
    const est = rareProbabilities(theta, d);
    let e = 0;
    for (let i = 0; i < n; i++) e += (est[i] - trueRare[i]) ** 2;
    return e / n;
  };
  let evaluations = 0;

  // λ by K-fold cross-validation on held-out log-likelihood (probabilities floored at 1e-10 so a
  // crossing of boundaries on one held-out point does not make a whole λ infinitely bad).
  const ratios = lambdaRatios(s.lambdas, s.lambdaMinRatio);
  const order = rng.fork('folds').shuffle(Array.from({ length: n }, (_, i) => i));
  const cvLoss = new Float64Array(ratios.length);
  for (let f = 0; f < s.folds; f++) {
    const test = Int32Array.from(order.filter((_, r) => r % s.folds === f));
    const train = Int32Array.from(order.filter((_, r) => r % s.folds !== f));
    const path = fitPath(d, train, ratios);
    evaluations += path.evaluations;
    path.deltas.forEach((delta, i) => (cvLoss[i] += meanNll(boundaryForm(delta, p, K), d, test, 1e-10) / s.folds));
  }
  let best = 0;
  for (let i = 1; i < ratios.length; i++) if (cvLoss[i] < cvLoss[best]) best = i;
  const full = fitPath(d, rows, ratios, best + 1);
  evaluations += full.evaluations;
  const presto = boundaryForm(full.deltas[best], p, K);

  const pen = prestoPenalized(p, K);
  const poFit = proxNewton(ordinalObjective(d, rows), interceptStart(d, rows), { lambda: Infinity, penalized: pen });
  evaluations += poFit.evaluations;
  const po = boundaryForm(poFit.x, p, K);

  // Logistic regression of 1{y = K} on x: the same model with two classes (rare vs the rest).
  const binary: OrdinalData = { ...d, K: 2, y: Int32Array.from(d.y, (c) => (c === K ? 2 : 1)) };
  const logitFit = proxNewton(ordinalObjective(binary, rows), interceptStart(binary, rows), {
    lambda: 0,
    penalized: new Uint8Array(p + 1),
    maxIter: 100,
  });
  evaluations += logitFit.evaluations;
  // Place the binary fit on the rare boundary of a K-class parameter vector.
  const logit = new Float64Array((K - 1) * (p + 1));
  logit.set(logitFit.x, (K - 2) * (p + 1));

  let rareCount = 0;
  for (const c of d.y) if (c === K) rareCount++;
  return {
    mse: { presto: mseOf(presto), proportional_odds: mseOf(po), logistic: mseOf(logit) },
    lambdaRatio: ratios[best],
    rareCount,
    evaluations,
    redraws,
  };
}
