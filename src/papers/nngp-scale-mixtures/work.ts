/**
 * The work of a run: the random networks' products (per network and input: width² per hidden layer
 * after the first) plus drawing their weights (one normal per weight, ≈ 30 MAC-equivalents each in
 * tfjs's JavaScript generator), and the regression kernels and Cholesky solves in JavaScript.
 */
import type { NngpConfig } from './schema';

const NORMAL_COST = 30;
const JS_FACTOR = 20;

export function nngpWork(c: NngpConfig): number {
  const p = c.prior;
  const w = p.width;
  const weights = w + Math.max(0, p.depth - 1) * w * w + 2 * w;
  const prior = 2 * p.networks * (p.inputs * weights + NORMAL_COST * weights);
  const r = c.regression;
  if (!r.enabled) return prior;
  const n = r.train;
  const m = r.test;
  const perFit = (n ** 3 / 3 + m * n * n + (n + m) * n * r.dim * 3) * 2;
  return prior + JS_FACTOR * perFit * (r.outlier_fractions.length + r.shifts.length);
}
