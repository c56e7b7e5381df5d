/**
 * Pure helpers for the lazy/rich analysis: the task's data and the centred kernel–target alignment
 * the authors track (`kalignment` in their notebook): A = ỹᵀK̃ỹ / (‖K̃‖_F ‖ỹ‖²), with K̃ = HKH and
 * ỹ = y − ȳ (H the centring matrix). A near 1 means the kernel's top direction is the target.
 */
import type { Rng } from '../../trainer/rng';

export interface Task {
  x: Float32Array; // p × dim
  y: Float32Array;
}

/** x ~ N(0, I/D), y = (β·x)²/2. */
export function makeTask(beta: Float64Array, p: number, rng: Rng): Task {
  const dim = beta.length;
  const x = new Float32Array(p * dim);
  const y = new Float32Array(p);
  const s = 1 / Math.sqrt(dim);
  for (let i = 0; i < p; i++) {
    let z = 0;
    for (let j = 0; j < dim; j++) {
      const v = s * rng.normal();
      x[i * dim + j] = v;
      z += beta[j] * v;
    }
    y[i] = (z * z) / 2;
  }
  return { x, y };
}

export function centredAlignment(k: ArrayLike<number>, p: number, y: ArrayLike<number>): number {
  // K̃ = K − row means − column means + grand mean (K symmetric, so row means = column means).
  const rowMean = new Float64Array(p);
  let grand = 0;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += k[i * p + j];
    rowMean[i] = s / p;
    grand += s;
  }
  grand /= p * p;
  let yMean = 0;
  for (let i = 0; i < p; i++) yMean += y[i] / p;
  let num = 0,
    fro = 0,
    yy = 0;
  for (let i = 0; i < p; i++) {
    const yi = y[i] - yMean;
    yy += yi * yi;
    for (let j = 0; j < p; j++) {
      const kc = k[i * p + j] - rowMean[i] - rowMean[j] + grand;
      fro += kc * kc;
      num += yi * kc * (y[j] - yMean);
    }
  }
  return fro > 0 && yy > 0 ? num / (Math.sqrt(fro) * yy) : 0;
}

export function mse(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}
