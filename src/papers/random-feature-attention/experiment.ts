/** Data and targets for random-feature attention (pure). */
import type { Rng } from '../../trainer/rng';

export interface RfaData {
  /** [n, d + 1]: the query with a trailing 1. */
  query: Float32Array;
  /** [n, N, d + 1]: the keys with a trailing 1. */
  keys: Float32Array;
  /** [n, (N + 1)·d]: query and keys concatenated (the MLP's input). */
  flat: Float32Array;
  /** One array per target. */
  y: Float32Array[];
  n: number;
}

export function rfaSample(
  n: number,
  d: number,
  N: number,
  targets: readonly string[],
  beta: Float64Array,
  rng: Rng,
): RfaData {
  const D = d + 1;
  const query = new Float32Array(n * D);
  const keys = new Float32Array(n * N * D);
  const flat = new Float32Array(n * (N + 1) * d);
  const y = targets.map(() => new Float32Array(n));
  const s = 1 / Math.sqrt(d);
  const x0 = new Float64Array(d);
  const xi = new Float64Array(d);
  for (let e = 0; e < n; e++) {
    for (let j = 0; j < d; j++) {
      x0[j] = s * rng.normal();
      query[e * D + j] = x0[j];
      flat[e * (N + 1) * d + j] = x0[j];
    }
    query[e * D + d] = 1;
    const acc = targets.map(() => 0);
    for (let i = 0; i < N; i++) {
      let qk = 0;
      let bk = 0;
      for (let j = 0; j < d; j++) {
        xi[j] = s * rng.normal();
        keys[(e * N + i) * D + j] = xi[j];
        flat[e * (N + 1) * d + (i + 1) * d + j] = xi[j];
        qk += x0[j] * xi[j];
        bk += beta[j] * xi[j];
      }
      keys[(e * N + i) * D + d] = 1;
      const si = Math.sqrt(d) * qk;
      const bi = Math.sqrt(d) * bk;
      targets.forEach((t, ti) => (acc[ti] += t === 'qk_square' ? si * si : t === 'qk_cube' ? si ** 3 : bi * bi));
    }
    targets.forEach((_, ti) => (y[ti][e] = acc[ti] / N));
  }
  return { query, keys, flat, y, n };
}

/**
 * Head matrices W_m stacked as [d + 1, M·(d + 1)] (head m in columns m(d+1) … m(d+1) + d): entries
 * N(0, std²), plus mean·√d on the x block's diagonal for the biased arm (so x̃₀ᵀW x̃_i carries
 * mean·√d⟨x₀, x_i⟩, of order 1).
 */
export function headMatrices(d: number, heads: number, std: number, mean: number, rng: Rng): Float32Array {
  const D = d + 1;
  const w = new Float32Array(D * heads * D);
  for (let r = 0; r < D; r++)
    for (let m = 0; m < heads; m++)
      for (let c = 0; c < D; c++)
        w[r * heads * D + m * D + c] = std * rng.normal() + (r === c && r < d ? mean * Math.sqrt(d) : 0);
  return w;
}
