/**
 * The work of a run: per replication and M, the class averages (K·N·M draws) and, per arm and tested
 * archetype, sweeps·N Glauber updates of O(K) each. Plain JavaScript, ~30 MAC-eq per elementary
 * operation (measured: the example's K = 40 panel, ~5e8 operations, took ~35 s of CPU here).
 */
import type { DenseHebbianConfig } from './schema';

const OP_COST = 30;

export function denseHebbianWork(c: DenseHebbianConfig): number {
  const N = c.network.units;
  let ops = 0;
  for (const K of c.data.archetypes)
    for (const M of c.data.examples) ops += K * N * M + 2 * Math.min(c.dynamics.tested, K) * c.dynamics.sweeps * N * K;
  return c.replications * ops * OP_COST;
}
