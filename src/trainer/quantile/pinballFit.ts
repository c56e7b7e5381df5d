/**
 * Fitting by the pinball loss, plain Float64 loops (the products are small: n × p × K with K quantile
 * levels). Both fits minimize the mean pinball loss over points and levels with full-batch Adam on its
 * subgradient, the step size decaying linearly to 0 so the iterates settle on a kink instead of
 * oscillating around it.
 *
 *   fitQuantileHead    a linear multi-quantile head: q(x) = φ(x)ᵀW, one column of W per level, on any
 *                      features φ (an intercept and x for linear quantile regression, random features
 *                      for a shallow network);
 *   fitAggregation     convex aggregation weights of M base forecasts, w = softmax over models, either one
 *                      weight per model (shared by every level) or one per model and level (Fakoor et al.,
 *                      "Flexible Model Aggregation for Quantile Regression", §3: "coarse" and "medium").
 */

export interface PinballFitOptions {
  iterations: number;
  lr: number;
}

/** Subgradient of ρ_τ(y − q) with respect to q. */
function pinballGrad(tau: number, y: number, q: number): number {
  return y > q ? -tau : y < q ? 1 - tau : 0;
}

/** Adam on a flat parameter vector, lr decaying linearly to 0 over `iterations`. */
function adam(params: Float64Array, grad: (p: Float64Array, g: Float64Array) => void, o: PinballFitOptions): void {
  const m = new Float64Array(params.length);
  const v = new Float64Array(params.length);
  const g = new Float64Array(params.length);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= o.iterations; t++) {
    g.fill(0);
    grad(params, g);
    const lr = (o.lr * (o.iterations - t + 1)) / o.iterations;
    const c1 = 1 - Math.pow(b1, t);
    const c2 = 1 - Math.pow(b2, t);
    for (let j = 0; j < params.length; j++) {
      m[j] = b1 * m[j] + (1 - b1) * g[j];
      v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
      params[j] -= (lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
    }
  }
}

/** phi (n × p) · W (p × K) → n × K. */
export function applyHead(phi: Float64Array, p: number, w: Float64Array, K: number): Float64Array {
  const n = phi.length / p;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      const f = phi[i * p + j];
      if (f === 0) continue;
      for (let k = 0; k < K; k++) out[i * K + k] += f * w[j * K + k];
    }
  return out;
}

/** W (p × K) minimizing the mean pinball loss of φᵀW over the levels; starts at 0 unless `init`. */
export function fitQuantileHead(
  phi: Float64Array,
  p: number,
  y: ArrayLike<number>,
  levels: readonly number[],
  o: PinballFitOptions & { init?: Float64Array },
): Float64Array {
  const K = levels.length;
  const n = y.length;
  const w = o.init ? Float64Array.from(o.init) : new Float64Array(p * K);
  const gq = new Float64Array(n * K);
  adam(
    w,
    (wt, g) => {
      const q = applyHead(phi, p, wt, K);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < K; k++) gq[i * K + k] = pinballGrad(levels[k], y[i], q[i * K + k]) / n;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < p; j++) {
          const f = phi[i * p + j];
          if (f === 0) continue;
          for (let k = 0; k < K; k++) g[j * K + k] += f * gq[i * K + k];
        }
    },
    o,
  );
  return w;
}

export type AggregationMode = 'model' | 'level';

/** Softmax over models of θ (M × C, C = 1 or K), as weights M × K. */
export function aggregationWeights(theta: Float64Array, M: number, K: number): Float64Array {
  const C = theta.length / M;
  const w = new Float64Array(M * K);
  for (let k = 0; k < K; k++) {
    const c = C === 1 ? 0 : k;
    let max = -Infinity;
    for (let m = 0; m < M; m++) max = Math.max(max, theta[m * C + c]);
    let z = 0;
    for (let m = 0; m < M; m++) z += Math.exp(theta[m * C + c] - max);
    for (let m = 0; m < M; m++) w[m * K + k] = Math.exp(theta[m * C + c] - max) / z;
  }
  return w;
}

/** Σ_m w_mk · forecast_m (each n × K) → n × K. */
export function aggregate(forecasts: readonly Float64Array[], weights: Float64Array, K: number): Float64Array {
  const out = new Float64Array(forecasts[0].length);
  forecasts.forEach((f, m) => {
    for (let j = 0; j < f.length; j++) out[j] += weights[m * K + (j % K)] * f[j];
  });
  return out;
}

/**
 * Weights (M × K, each column on the simplex) minimizing the mean pinball loss of the aggregate on
 * (forecasts, y), from uniform weights. `mode: 'model'` ties every level to one weight per model.
 */
export function fitAggregation(
  forecasts: readonly Float64Array[],
  y: ArrayLike<number>,
  levels: readonly number[],
  mode: AggregationMode,
  o: PinballFitOptions,
): Float64Array {
  const M = forecasts.length;
  const K = levels.length;
  const n = y.length;
  const C = mode === 'model' ? 1 : K;
  const theta = new Float64Array(M * C);
  const dw = new Float64Array(M * K);
  adam(
    theta,
    (th, g) => {
      const w = aggregationWeights(th, M, K);
      const q = aggregate(forecasts, w, K);
      dw.fill(0);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < K; k++) {
          const gq = pinballGrad(levels[k], y[i], q[i * K + k]) / n;
          if (gq === 0) continue;
          for (let m = 0; m < M; m++) dw[m * K + k] += gq * forecasts[m][i * K + k];
        }
      // Through the softmax: ∂L/∂θ_mk = w_mk (∂L/∂w_mk − Σ_m' w_m'k ∂L/∂w_m'k), summed over k when tied.
      for (let k = 0; k < K; k++) {
        let mean = 0;
        for (let m = 0; m < M; m++) mean += w[m * K + k] * dw[m * K + k];
        for (let m = 0; m < M; m++) g[m * C + (C === 1 ? 0 : k)] += w[m * K + k] * (dw[m * K + k] - mean);
      }
    },
    o,
  );
  return aggregationWeights(theta, M, K);
}
