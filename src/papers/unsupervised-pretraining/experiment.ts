/**
 * The factor-model experiment in plain TypeScript (no tensors: every matrix is at most d × d with
 * d ≈ 100). Pure functions of a seeded stream, so the tests run them directly.
 */
import { svd } from '../../trainer/linalg/svd';
import { normalEquations, predict, ridgeLoo, ridgeSolve } from '../../trainer/linalg/ridge';
import type { Rng } from '../../trainer/rng';

export interface FactorTask {
  d: number;
  r: number;
  /** d×r loadings, row-major, orthogonal columns of norm √strength·σ_x. */
  a: Float64Array;
  beta: Float64Array;
  noiseX: number;
  noiseY: number;
  strength: number;
}

export function makeTask(
  o: { d: number; r: number; factor_strength: number; noise_x: number; noise_y: number },
  rng: Rng,
): FactorTask {
  const { d, r } = o;
  // Gram–Schmidt on Gaussian columns, then each scaled to norm √strength·σ_x.
  const a = new Float64Array(d * r);
  for (let j = 0; j < r; j++) {
    const col = Float64Array.from({ length: d }, () => rng.normal());
    for (let q = 0; q < j; q++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += col[i] * a[i * r + q];
      for (let i = 0; i < d; i++) col[i] -= dot * a[i * r + q];
    }
    let norm = 0;
    for (const v of col) norm += v * v;
    norm = Math.sqrt(norm);
    for (let i = 0; i < d; i++) a[i * r + j] = col[i] / norm;
  }
  const scale = Math.sqrt(o.factor_strength) * o.noise_x;
  for (let k = 0; k < a.length; k++) a[k] *= scale;
  const beta = Float64Array.from({ length: r }, () => rng.normal() / Math.sqrt(r));
  return { d, r, a, beta, noiseX: o.noise_x, noiseY: o.noise_y, strength: o.factor_strength };
}

export interface Sample {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export function sample(t: FactorTask, n: number, rng: Rng): Sample {
  const { d, r } = t;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const z = new Float64Array(r);
  for (let e = 0; e < n; e++) {
    let yy = t.noiseY * rng.normal();
    for (let j = 0; j < r; j++) {
      z[j] = rng.normal();
      yy += t.beta[j] * z[j];
    }
    y[e] = yy;
    for (let i = 0; i < d; i++) {
      let v = t.noiseX * rng.normal();
      for (let j = 0; j < r; j++) v += t.a[i * r + j] * z[j];
      x[e * d + i] = v;
    }
  }
  return { x, y, n };
}

/**
 * The risk of the best predictor E[y | x] = βᵀE[z | x]: σ_y² + βᵀ Cov(z | x) β with
 * Cov(z | x) = (I + AᵀA/σ_x²)⁻¹ = I/(1 + strength) for orthogonal loadings. Excess risks are measured
 * from it, so "0" means as good as knowing the model.
 */
export function bayesRisk(t: FactorTask): number {
  let bb = 0;
  for (const b of t.beta) bb += b * b;
  return t.noiseY ** 2 + bb / (1 + t.strength);
}

function columnMeans(x: Float64Array, n: number, d: number): Float64Array {
  const mu = new Float64Array(d);
  for (let e = 0; e < n; e++) for (let i = 0; i < d; i++) mu[i] += x[e * d + i] / n;
  return mu;
}

/** The top-`rank` principal directions of the unlabelled x (d × rank, row-major) and their mean. */
export function pcaSubspace(
  x: Float64Array,
  m: number,
  d: number,
  rank: number,
): { u: Float64Array; mean: Float64Array } {
  const mean = columnMeans(x, m, d);
  const cov = new Float64Array(d * d);
  for (let e = 0; e < m; e++) {
    const row = e * d;
    for (let i = 0; i < d; i++) {
      const xi = x[row + i] - mean[i];
      for (let j = i; j < d; j++) cov[i * d + j] += (xi * (x[row + j] - mean[j])) / m;
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[i * d + j] = cov[j * d + i];
  const { U, k } = svd(cov, d, d); // symmetric PSD: left singular vectors = eigenvectors, descending
  const u = new Float64Array(d * rank);
  for (let i = 0; i < d; i++) for (let q = 0; q < rank; q++) u[i * rank + q] = U[i * k + q];
  return { u, mean };
}

/** A linear predictor ŷ = wᵀx + b: both methods produce one, so their risks have a closed form. */
export interface LinearPredictor {
  w: Float64Array;
  b: number;
}

function centred(x: Float64Array, n: number, d: number, mu: Float64Array): Float64Array {
  const out = new Float64Array(n * d);
  for (let e = 0; e < n; e++) for (let i = 0; i < d; i++) out[e * d + i] = x[e * d + i] - mu[i];
  return out;
}

function project(x: Float64Array, n: number, d: number, mean: Float64Array, u: Float64Array, rank: number) {
  const f = new Float64Array(n * rank);
  for (let e = 0; e < n; e++)
    for (let i = 0; i < d; i++) {
      const v = x[e * d + i] - mean[i];
      for (let q = 0; q < rank; q++) f[e * rank + q] += v * u[i * rank + q];
    }
  return f;
}

/**
 * Downstream ERM on the pretrained features: least squares of y on (x − μ)U with an intercept, returned
 * in x's coordinates (w = U·c).
 */
export function fitPretrained(
  pre: { u: Float64Array; mean: Float64Array },
  rank: number,
  lab: Sample,
  d: number,
): LinearPredictor {
  const f = project(lab.x, lab.n, d, pre.mean, pre.u, rank);
  const fMean = columnMeans(f, lab.n, rank);
  const yMean = lab.y.reduce((s, v) => s + v, 0) / lab.n;
  const fc = centred(f, lab.n, rank, fMean);
  const { xtx, xty } = normalEquations(
    fc,
    lab.n,
    rank,
    Float64Array.from(lab.y, (v) => v - yMean),
  );
  // A ridge of 1e-10 × the mean variance only guards the solve when n ≤ rank; it is least squares otherwise.
  let tr = 0;
  for (let q = 0; q < rank; q++) tr += xtx[q * rank + q] / rank;
  const c = ridgeSolve(xtx, rank, xty, 1e-10 * Math.max(tr, 1e-300)).coef;
  const w = new Float64Array(d);
  for (let i = 0; i < d; i++) for (let q = 0; q < rank; q++) w[i] += pre.u[i * rank + q] * c[q];
  let b = yMean;
  for (let q = 0; q < rank; q++) b -= fMean[q] * c[q];
  for (let i = 0; i < d; i++) b -= pre.mean[i] * w[i];
  return { w, b };
}

/** Supervised-only baseline: ridge of y on x, λ by exact leave-one-out over a log grid. */
export function fitSupervised(lab: Sample, d: number, gridSize: number): LinearPredictor & { lambda: number } {
  const mu = columnMeans(lab.x, lab.n, d);
  const yMean = lab.y.reduce((s, v) => s + v, 0) / lab.n;
  const xc = centred(lab.x, lab.n, d, mu);
  let varMean = 0;
  for (let k = 0; k < xc.length; k++) varMean += (xc[k] * xc[k]) / xc.length;
  const scale = Math.max(varMean * lab.n, 1e-300);
  const lambdas = Array.from({ length: gridSize }, (_, i) => scale * 10 ** (-4 + (8 * i) / (gridSize - 1)));
  const fit = ridgeLoo(
    xc,
    lab.n,
    d,
    Float64Array.from(lab.y, (v) => v - yMean),
    lambdas,
    true,
  );
  let b = yMean;
  for (let i = 0; i < d; i++) b -= mu[i] * fit.coef[i];
  return { w: fit.coef, b, lambda: fit.lambda / scale };
}

/**
 * The exact excess risk of a linear predictor over the Bayes risk, E[(y − ŷ)²] − R*, with no test-set
 * noise: x ~ N(0, Σ), Σ = AAᵀ + σ²I, the best predictor is w* = Σ⁻¹Aβ = Aβ/(σ²(1 + strength)) with
 * intercept 0, so the excess is (w − w*)ᵀΣ(w − w*) + b² = σ²‖Δ‖² + ‖AᵀΔ‖² + b².
 */
export function excessRisk(t: FactorTask, p: LinearPredictor): number {
  const { d, r, a } = t;
  const s2 = t.noiseX ** 2;
  const shrink = 1 / (s2 * (1 + t.strength));
  const delta = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let wStar = 0;
    for (let j = 0; j < r; j++) wStar += a[i * r + j] * t.beta[j];
    delta[i] = p.w[i] - wStar * shrink;
  }
  let out = p.b * p.b;
  for (let i = 0; i < d; i++) out += s2 * delta[i] * delta[i];
  for (let j = 0; j < r; j++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += a[i * r + j] * delta[i];
    out += s * s;
  }
  return out;
}

/** Mean squared error of a linear predictor on a sample (for checking excessRisk). */
export function sampleMse(p: LinearPredictor, s: Sample, d: number): number {
  const pred = predict(s.x, s.n, d, p.w);
  let e = 0;
  for (let i = 0; i < s.n; i++) e += (pred[i] + p.b - s.y[i]) ** 2;
  return e / s.n;
}

/** The true factor subspace (what pretraining on m = ∞ samples would find): A's columns, normalized; mean 0. */
export function trueSubspace(t: FactorTask): { u: Float64Array; mean: Float64Array } {
  const norm = Math.sqrt(t.strength) * t.noiseX;
  return { u: t.a.map((v) => v / norm), mean: new Float64Array(t.d) };
}

/** Squared sines of the principal angles' sum: ‖P_U − P_A‖_F²/2 between the fitted and true subspaces (0 = found). */
export function subspaceError(u: Float64Array, t: FactorTask, rank: number): number {
  const { d, r, a } = t;
  // Orthonormal basis of span(A): columns of A / their norm (they are orthogonal).
  const norm = Math.sqrt(t.strength) * t.noiseX;
  let overlap = 0; // ‖UᵀQ‖_F²
  for (let q = 0; q < rank; q++)
    for (let j = 0; j < r; j++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += u[i * rank + q] * (a[i * r + j] / norm);
      overlap += dot * dot;
    }
  return (rank + r) / 2 - overlap;
}
