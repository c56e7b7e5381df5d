/**
 * The work of a run, in MAC-equivalents: plain JavaScript (Float64). Per repetition: drawing the
 * samples (d·r multiply-adds + d normals each), the d×d covariance of m samples, its Jacobi SVD
 * (≈ 10 sweeps of d³), and for the baseline a thin SVD of the n×d labelled matrix (≈ 10 n d²).
 * JavaScript loops run ~20× slower than the calibrated tfjs products, hence the factor.
 */
import type { PretrainingConfig } from './schema';

const JS_FACTOR = 20;

export function pretrainingWork(c: PretrainingConfig): number {
  const d = c.model.d;
  const r = c.model.r;
  const draw = (k: number) => k * d * (r + 8);
  const pca = (m: number) => (m * d * d) / 2 + 10 * d ** 3;
  let w = 0;
  for (const n of c.data.labeled) w += draw(c.data.unlabeled + n) + pca(c.data.unlabeled) + 10 * n * d * Math.min(n, d);
  for (const m of c.data.unlabeled_sweep) w += draw(m + c.data.labeled_for_m_sweep) + pca(m);
  return w * c.data.reps * JS_FACTOR;
}
