/**
 * Pure helpers for the lazy/rich analysis: the task's data, and the centred kernel–target alignment
 * the authors track (`kalignment` in their notebook), now in src/trainer/linalg/kernels.ts.
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

// The alignment is shared with the kernel papers (src/trainer/linalg/kernels.ts); re-exported for this paper's code.
export { centredAlignment, columnCentredAlignment } from '../../trainer/linalg/kernels';

export function mse(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}
