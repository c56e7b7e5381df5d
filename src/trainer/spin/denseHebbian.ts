/**
 * Binary units with P-body Hebbian couplings, sampled by Glauber dynamics.
 *
 *   E(σ) = −(N / P) Σ_μ m_μ(σ)^P,   m_μ(σ) = (1 / (N·s)) Σ_i ξ_i^μ σ_i,
 *
 * with stored patterns ξ^μ (real-valued: in the supervised setting they are class averages of ±1
 * examples) and a scale s that puts m on the [−1, 1] scale of a ±1 pattern. P = 2 is the Hopfield
 * network (pairwise couplings J_ij = Σ_μ ξ_i^μ ξ_j^μ / (N s²)); P > 2 is the dense associative memory
 * whose P-body tensor is never formed: the energy is a function of the K overlaps, kept up to date
 * in O(K) per flip (the "Plefka"-style shortcut of the dense-Hebbian papers, exact here).
 */
import type { Rng } from '../rng';

export interface DenseNetwork {
  /** Row-major K × N. */
  patterns: Float64Array;
  K: number;
  N: number;
  P: number;
  /** Divides overlaps so a ±1 pattern fully retrieved has m = 1 (√E[ξ²] for averaged examples). */
  scale: number;
}

/** Overlaps m_μ(σ) of a state with every stored pattern. */
export function overlaps(net: DenseNetwork, sigma: Int8Array): Float64Array {
  const { K, N, patterns, scale } = net;
  const m = new Float64Array(K);
  for (let mu = 0; mu < K; mu++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += patterns[mu * N + i] * sigma[i];
    m[mu] = s / (N * scale);
  }
  return m;
}

export function energy(net: DenseNetwork, sigma: Int8Array): number {
  const m = overlaps(net, sigma);
  let e = 0;
  for (const v of m) e -= v ** net.P;
  return (net.N / net.P) * e;
}

/** E(σ with unit i flipped) − E(σ), from the current overlaps: O(K). */
export function flipDelta(net: DenseNetwork, m: Float64Array, sigma: Int8Array, i: number): number {
  const { K, N, P, patterns, scale } = net;
  let d = 0;
  const c = (2 * sigma[i]) / (N * scale);
  for (let mu = 0; mu < K; mu++) {
    const before = m[mu];
    const after = before - c * patterns[mu * N + i];
    d -= after ** P - before ** P;
  }
  return (N / P) * d;
}

export interface GlauberResult {
  sigma: Int8Array;
  overlaps: Float64Array;
  flips: number;
  /** Single-unit updates proposed (N per sweep): the operation count beside CPU time. */
  updates: number;
}

/**
 * Glauber dynamics at inverse temperature β: `sweeps` × N updates of a random unit, each flipped
 * with probability 1 / (1 + e^{β ΔE}). β = Infinity is zero-temperature descent (ties kept).
 */
export function glauber(net: DenseNetwork, start: Int8Array, beta: number, sweeps: number, rng: Rng): GlauberResult {
  const sigma = Int8Array.from(start);
  const m = overlaps(net, sigma);
  const { N, K, patterns, scale } = net;
  let flips = 0;
  const updates = sweeps * N;
  for (let t = 0; t < updates; t++) {
    const i = rng.int(N);
    const dE = flipDelta(net, m, sigma, i);
    const accept = beta === Infinity ? dE < 0 : rng.next() < 1 / (1 + Math.exp(Math.min(700, beta * dE)));
    if (!accept) continue;
    const c = (2 * sigma[i]) / (N * scale);
    for (let mu = 0; mu < K; mu++) m[mu] -= c * patterns[mu * N + i];
    sigma[i] = -sigma[i] as -1 | 1;
    flips++;
  }
  return { sigma, overlaps: overlaps(net, sigma), flips, updates };
}
