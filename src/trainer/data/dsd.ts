/**
 * The Dynamic Signal Distribution (Lahoti et al., ICLR 2024): an input of k patches of dimension d;
 * the label y = ±1 is carried by a signal vector that sits, with y's sign, in one patch chosen at
 * random; every patch carries Gaussian noise. Our parametrization (the paper's constants were not
 * available): signal w* uniform on the unit sphere of R^d (drawn once per task from the seed), noise
 * N(0, σ²/d) per coordinate, so a noise patch has norm ≈ σ against the signal's 1.
 */
import type { Rng } from '../rng';
import type { Split } from './index';

export interface DsdTask {
  signal: Float64Array;
  patches: number;
  patchDim: number;
  noise: number;
}

export function dsdTask(patches: number, patchDim: number, noise: number, rng: Rng): DsdTask {
  const w = Float64Array.from({ length: patchDim }, () => rng.normal());
  let norm = 0;
  for (const v of w) norm += v * v;
  norm = Math.sqrt(norm);
  return { signal: w.map((v) => v / norm), patches, patchDim, noise };
}

/** n examples: x [n, k·d] (patch-major), labels 0 (y = −1) or 1 (y = +1). */
export function dsdSample(task: DsdTask, n: number, rng: Rng): Split {
  const { patches: k, patchDim: d } = task;
  const s = task.noise / Math.sqrt(d);
  const x = new Float32Array(n * k * d);
  const labels = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const y = rng.int(2);
    labels[e] = y;
    const where = rng.int(k);
    const base = e * k * d;
    for (let j = 0; j < k * d; j++) x[base + j] = s * rng.normal();
    const sign = y === 1 ? 1 : -1;
    for (let j = 0; j < d; j++) x[base + where * d + j] += sign * task.signal[j];
  }
  return { x, labels, n };
}
