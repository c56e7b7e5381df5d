/**
 * The work of a run: per arm, the features of the training, validation and test sets (attention: scores
 * and weighted sums, n·M·N·(d+1)·2 products; MLP: n·(N+1)·d·M·(d+1)), and per n the Gram matrix
 * (n·p²) and one Cholesky factorization per λ in JavaScript (p³/3, ~20× the calibrated cost).
 */
import type { RfaConfig } from './schema';

const JS_FACTOR = 20;

export function rfaWork(c: RfaConfig): number {
  const d = c.data.dim;
  const N = c.data.keys;
  const p = c.model.heads * (d + 1);
  const sets = Math.max(...c.data.samples) + c.data.validation + c.data.test;
  const feats = sets * p * Math.max(2 * N, (N + 1) * d);
  let fits = 0;
  for (const n of c.data.samples) {
    const q = Math.min(n, p);
    fits += c.fit.rel_lambdas.length * (n * p * q + JS_FACTOR * (q ** 3 / 3) + (c.data.validation + c.data.test) * p);
  }
  return 3 * (feats + fits);
}
