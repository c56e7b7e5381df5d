/**
 * The work of a quantile-aggregation run: plain JavaScript, dominated per replication by the two
 * pinball-loss head fits (iterations × n_train × p × K, forward and backward), the k-NN distances
 * (queries × n_train × d) and the two weight fits (iterations × n_val × M × K).
 */
import type { QuantileAggregationConfig } from './schema';

/**
 * One multiply-add of these loops in the MAC-equivalents of the other papers: the example's
 * replications took ~4 s of CPU each here (≈ 9e8 such operations), against ~5e9 MAC-eq/s.
 */
const JS_OP_COST = 20;

export function quantileAggregationWork(c: QuantileAggregationConfig): number {
  const { train, val, calibration, test, features: d } = c.data;
  const K = c.levels;
  const heads = 2 * c.base.iterations * train * (c.base.random_features + 1 + d + 1) * K;
  const knn = (val + calibration + test) * train * (d + Math.log2(train));
  const weights = 2 * 2 * c.aggregation.iterations * val * 4 * K;
  return c.replications * (heads + knn + weights) * JS_OP_COST;
}
