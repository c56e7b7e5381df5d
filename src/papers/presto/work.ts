/**
 * The work of a PRESTO run: no tensors, plain JavaScript. Each replication fits the λ path on every
 * fold and once on all the data (a few Newton steps per λ), each step assembling an n-row Hessian of
 * (K−1)(p+1) coordinates' worth of 2 × 2 boundary blocks.
 */
import type { PrestoConfig } from './schema';

/** Newton steps per λ with warm starts (measured: ~4). */
const STEPS_PER_LAMBDA = 4;
/**
 * One multiply-add of the Hessian assembly in the MAC-equivalents of the other papers: the example’s
 * replications took ~1.2–2 s each of CPU here (≈ 4.4e8 such operations each), against ~5e9 MAC-eq/s.
 */
const JS_OP_COST = 14;

export function prestoWork(c: PrestoConfig): number {
  const { n, p, classes } = c.data;
  const perFit = STEPS_PER_LAMBDA * n * (classes - 1) * (p + 1) ** 2;
  const perRep = (c.fit.folds + 1) * c.fit.lambdas * perFit;
  return c.replications * c.data.intercepts.length * perRep * JS_OP_COST;
}
