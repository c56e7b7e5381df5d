/**
 * The cumulative-logit (ordinal) model PRESTO relaxes, and its three fits.
 *
 *   P(y ≤ k | x) = σ(α_k + xᵀβ_k),  k = 1 … K−1,   so the rare class has P(y = K | x) = σ(−α_{K−1} − xᵀβ_{K−1}).
 *
 * Parameters are stored in PRESTO's difference form, boundary by boundary: [α_k, d_k(1..p)] with
 * β_k = d_1 + … + d_k. Proportional odds is d_2 = … = d_{K−1} = 0; PRESTO penalizes λ Σ_{k≥2} ‖d_k‖₁
 * (Faletto & Bien 2023, eq. 2; their code fits the same penalty by modifying ordinalNet). The loss is
 * the mean negative log-likelihood, so λ is on the per-observation scale.
 */
import type { SmoothObjective } from '../../trainer/algorithms/proxNewton';

export interface OrdinalData {
  /** Row-major n × p. */
  x: Float64Array;
  /** Classes 1 … K. */
  y: Int32Array;
  n: number;
  p: number;
  K: number;
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** β_k from the differences: prefix sums over boundaries of the feature coordinates. */
export function boundaryForm(delta: ArrayLike<number>, p: number, K: number): Float64Array {
  const w = p + 1;
  const theta = Float64Array.from(delta);
  for (let k = 1; k < K - 1; k++) for (let j = 1; j < w; j++) theta[k * w + j] += theta[(k - 1) * w + j];
  return theta;
}

/** Tᵀv for the map δ → θ above: suffix sums over boundaries of the feature coordinates. */
function suffixSums(v: Float64Array, off: number, stride: number, p: number, K: number): void {
  const w = p + 1;
  for (let k = K - 3; k >= 0; k--)
    for (let j = 1; j < w; j++) v[off + k * w * stride + j * stride] += v[off + (k + 1) * w * stride + j * stride];
}

/** Linear predictors η_k(x_i) = α_k + x_iᵀβ_k for all rows, n × (K−1). */
export function predictors(theta: Float64Array, d: OrdinalData, rows?: Int32Array): Float64Array {
  const { x, p, K } = d;
  const w = p + 1;
  const idx = rows ?? Int32Array.from({ length: d.n }, (_, i) => i);
  const eta = new Float64Array(idx.length * (K - 1));
  idx.forEach((i, r) => {
    for (let k = 0; k < K - 1; k++) {
      let s = theta[k * w];
      for (let j = 0; j < p; j++) s += theta[k * w + 1 + j] * x[i * p + j];
      eta[r * (K - 1) + k] = s;
    }
  });
  return eta;
}

/** P(y = K | x) for every row from boundary-form parameters. */
export function rareProbabilities(theta: Float64Array, d: OrdinalData): Float64Array {
  const eta = predictors(theta, d);
  const K1 = d.K - 1;
  return Float64Array.from({ length: d.n }, (_, r) => sigmoid(-eta[r * K1 + K1 - 1]));
}

/** Probability of class j (1-based) given the K−1 predictors; ≤ 0 where the boundaries cross. */
function classProbability(eta: Float64Array, off: number, j: number, K: number): number {
  if (j === 1) return sigmoid(eta[off]);
  if (j === K) return sigmoid(-eta[off + K - 2]);
  return sigmoid(eta[off + j - 1]) - sigmoid(eta[off + j - 2]);
}

/** Mean negative log-likelihood on `rows` (all rows when absent); `floor` clamps probabilities for held-out scoring. */
export function meanNll(theta: Float64Array, d: OrdinalData, rows?: Int32Array, floor = 0): number {
  const eta = predictors(theta, d, rows);
  const m = eta.length / (d.K - 1);
  let s = 0;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    const pr = Math.max(classProbability(eta, r * (d.K - 1), d.y[i], d.K), floor);
    if (!(pr > 0)) return Infinity;
    s -= Math.log(pr);
  }
  return s / m;
}

/** The loss of the difference-form parameters on `rows`, with its derivatives, for proxNewton. */
export function ordinalObjective(d: OrdinalData, rows: Int32Array): SmoothObjective {
  const { x, y, p, K } = d;
  const w = p + 1;
  const dim = (K - 1) * w;
  const m = rows.length;
  return {
    dim,
    value: (delta) => meanNll(boundaryForm(delta, p, K), d, rows),
    derivatives(delta) {
      const theta = boundaryForm(delta, p, K);
      const eta = predictors(theta, d, rows);
      const grad = new Float64Array(dim);
      const hess = new Float64Array(dim * dim);
      const feat = new Float64Array(w);
      let value = 0;
      for (let r = 0; r < m; r++) {
        const i = rows[r];
        const j = y[i];
        const off = r * (K - 1);
        feat[0] = 1;
        for (let q = 0; q < p; q++) feat[q + 1] = x[i * p + q];
        // ℓ = log(σ(u) − σ(l)) with u = η_j (absent for j = K) and l = η_{j−1} (absent for j = 1).
        const hasU = j < K;
        const hasL = j > 1;
        const su = hasU ? sigmoid(eta[off + j - 1]) : 1;
        const sl = hasL ? sigmoid(eta[off + j - 2]) : 0;
        const P = j === K ? sigmoid(-eta[off + K - 2]) : j === 1 ? su : su - sl;
        value -= Math.log(P);
        const du = hasU ? su * (1 - su) : 0;
        const dl = hasL ? sl * (1 - sl) : 0;
        // Derivatives of −ℓ/m with respect to u and l.
        const gu = -du / P / m;
        const gl = dl / P / m;
        const huu = (-(du * (1 - 2 * su)) / P + (du / P) ** 2) / m;
        const hll = ((dl * (1 - 2 * sl)) / P + (dl / P) ** 2) / m;
        const hul = -(du * dl) / (P * P) / m;
        const ku = j - 1;
        const kl = j - 2;
        for (let a = 0; a < w; a++) {
          if (hasU) grad[ku * w + a] += gu * feat[a];
          if (hasL) grad[kl * w + a] += gl * feat[a];
          for (let b = 0; b < w; b++) {
            const fab = feat[a] * feat[b];
            if (hasU) hess[(ku * w + a) * dim + ku * w + b] += huu * fab;
            if (hasL) hess[(kl * w + a) * dim + kl * w + b] += hll * fab;
            if (hasU && hasL) {
              hess[(ku * w + a) * dim + kl * w + b] += hul * fab;
              hess[(kl * w + a) * dim + ku * w + b] += hul * fab;
            }
          }
        }
      }
      // Chain rule to the difference form: g_δ = Tᵀ g_θ, H_δ = Tᵀ H_θ T (columns, then rows).
      suffixSums(grad, 0, 1, p, K);
      for (let c = 0; c < dim; c++) suffixSums(hess, c, dim, p, K);
      for (let r = 0; r < dim; r++) suffixSums(hess, r * dim, 1, p, K);
      return { value: value / m, grad, hess };
    },
  };
}

/** 1 on the coordinates PRESTO penalizes: the feature differences d_2 … d_{K−1}. */
export function prestoPenalized(p: number, K: number): Uint8Array {
  const w = p + 1;
  const pen = new Uint8Array((K - 1) * w);
  for (let k = 1; k < K - 1; k++) for (let j = 1; j < w; j++) pen[k * w + j] = 1;
  return pen;
}

/** A valid start: intercepts at the empirical cumulative logits, slopes 0. */
export function interceptStart(d: OrdinalData, rows: Int32Array): Float64Array {
  const w = d.p + 1;
  const start = new Float64Array((d.K - 1) * w);
  const counts = new Float64Array(d.K + 1);
  for (const i of rows) counts[d.y[i]]++;
  let cum = 0;
  for (let k = 1; k < d.K; k++) {
    cum += counts[k];
    const q = Math.min(Math.max((cum + 0.5) / (rows.length + 1), 1e-6), 1 - 1e-6);
    start[(k - 1) * w] = Math.log(q / (1 - q));
  }
  return start;
}
