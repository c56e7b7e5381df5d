/**
 * XOR cluster data (Xu et al. 2024, §2), generated from a seed. Means are placed on coordinate axes:
 * the noise is isotropic, so any orthonormal pair gives the same distribution.
 */
import type { Rng } from '../../trainer/rng';

export interface XorData {
  /** n × d row-major. */
  x: Float32Array;
  /** Labels ±1 as given to training (after flips). */
  y: Float32Array;
  /** Clean labels (before flips). */
  clean: Float32Array;
  /** Cluster of each point: 0 = +μ₁, 1 = −μ₁, 2 = +μ₂, 3 = −μ₂. */
  cluster: Int8Array;
  flipped: Uint8Array;
}

export interface XorSpec {
  d: number;
  n: number;
  muNormSq: number;
  meansCosine: number;
  flip: number;
  balanced: boolean;
  /**
   * `independent`: each label flips with probability `flip` (the paper's model).
   * `stratified`: exactly round(flip · cluster size) labels flip in every cluster, so the flips add no
   * net linear component (at n = 40 the independent count ranges ~1–8 and moves the grokking time a lot).
   */
  flipMode?: 'independent' | 'stratified';
}

export function makeXor(s: XorSpec, rng: Rng): XorData {
  const { d, n } = s;
  const mu = Math.sqrt(s.muNormSq);
  const sin = Math.sqrt(Math.max(0, 1 - s.meansCosine ** 2));
  // μ₁ = ‖μ‖ e₁, μ₂ = ‖μ‖ (cos e₁ + sin e₂).
  const means = [
    [mu, 0],
    [mu * s.meansCosine, mu * sin],
  ];
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  const clean = new Float32Array(n);
  const cluster = new Int8Array(n);
  const flipped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.balanced ? i % 4 : rng.int(4);
    cluster[i] = c;
    const sign = c % 2 === 0 ? 1 : -1;
    const m = means[c < 2 ? 0 : 1];
    const row = i * d;
    for (let j = 0; j < d; j++) x[row + j] = rng.normal();
    x[row] += sign * m[0];
    if (d > 1) x[row + 1] += sign * m[1];
    clean[i] = c < 2 ? 1 : -1;
    if (s.flipMode !== 'stratified') flipped[i] = rng.next() < s.flip ? 1 : 0;
  }
  if (s.flipMode === 'stratified') {
    for (let c = 0; c < 4; c++) {
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (cluster[i] === c) members.push(i);
      rng.shuffle(members);
      const k = Math.round(s.flip * members.length);
      for (let t = 0; t < k; t++) flipped[members[t]] = 1;
    }
  }
  for (let i = 0; i < n; i++) y[i] = flipped[i] ? -clean[i] : clean[i];
  return { x, y, clean, cluster, flipped };
}

/** Points per cluster, to warn about a cluster too small to be learned. */
export function clusterCounts(data: XorData): number[] {
  const counts = [0, 0, 0, 0];
  for (const c of data.cluster) counts[c]++;
  return counts;
}
