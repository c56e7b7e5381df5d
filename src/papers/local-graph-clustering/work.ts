/**
 * The work of a run: per replication, one block-model graph (its edges) and two diffusions whose pushes
 * scan a few times the target cluster's edges. Plain JavaScript; measured ≈ 10–35 ms per replication
 * at the example's size (n = 2000), i.e. ~1e8 MAC-eq at ~5e9 MAC-eq/s — ~400 MAC-eq per edge.
 */
import type { LgcConfig } from './schema';

const PER_EDGE = 400;

export function lgcWork(c: LgcConfig): number {
  const n = c.graph.blocks * c.graph.block_size;
  const edges = (n * (c.graph.block_size * c.graph.p_in + (n - c.graph.block_size) * c.graph.p_out)) / 2;
  const diffusionEdges = 2 * 10 * c.diffusion.mass_factor * c.graph.block_size * (c.graph.block_size * c.graph.p_in);
  return c.replications * c.labels.flip_rates.length * (edges + diffusionEdges) * PER_EDGE;
}
