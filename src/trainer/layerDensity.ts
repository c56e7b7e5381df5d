/**
 * Layer-wise densities for a global target density: how many weights each layer keeps when a network
 * is pruned at random (Liu et al. 2022, "The Unreasonable Effectiveness of Random Pruning", §3;
 * VITA-Group/Random_Pruning `CIFAR/sparselearning/core.py`).
 *
 * - uniform: every layer keeps the same fraction.
 * - ER (Erdős–Rényi, Mocanu et al. 2018): layer density ∝ (n_in + n_out)/(n_in·n_out), one ε for all
 *   layers, solved so the whole network keeps the target fraction. ERK adds kernel dimensions; for an
 *   MLP there are none, so ER ≡ ERK. A layer whose density would exceed 1 is made dense and ε is
 *   re-solved over the rest, as the reference code does.
 *
 * Plain TypeScript: also used by the paper's lint rule that warns when ER forces dense layers.
 */

/** `erk` is accepted as a synonym of `er`: for MLP layers there are no kernel dimensions. */
export type LayerRatio = 'uniform' | 'er' | 'erk';

export interface LayerShape {
  fanIn: number;
  fanOut: number;
}

export interface LayerDensities {
  /** Fraction of weights kept per layer, in (0, 1]. */
  densities: number[];
  /** Layers that ER made fully dense (their share would have exceeded 1). */
  forcedDense: number[];
  /** Weights kept in total / weights in total (equals the target up to rounding). */
  overall: number;
}

/** `power` is the reference code's `erk_power_scale` (1 = plain ER). */
export function layerDensities(shapes: LayerShape[], target: number, ratio: LayerRatio, power = 1): LayerDensities {
  if (!(target > 0 && target <= 1)) throw new RangeError(`density must be in (0, 1], got ${target}`);
  if (shapes.length === 0) throw new RangeError('no layers to prune');
  const sizes = shapes.map((s) => s.fanIn * s.fanOut);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (ratio === 'uniform') {
    return { densities: shapes.map(() => target), forcedDense: [], overall: target };
  }
  const raw = shapes.map((s) => ((s.fanIn + s.fanOut) / (s.fanIn * s.fanOut)) ** power);
  const dense = new Set<number>();
  // Each pass fixes at least one more layer at density 1 or stops: at most L passes.
  for (;;) {
    const budget = target * total - [...dense].reduce((a, l) => a + sizes[l], 0);
    const weighted = shapes.reduce((a, _, l) => (dense.has(l) ? a : a + raw[l] * sizes[l]), 0);
    const eps = weighted > 0 ? budget / weighted : 0;
    const over = shapes.map((_, l) => l).filter((l) => !dense.has(l) && eps * raw[l] > 1);
    if (over.length === 0) {
      const densities = shapes.map((_, l) => (dense.has(l) ? 1 : eps * raw[l]));
      const overall = densities.reduce((a, d, l) => a + d * sizes[l], 0) / total;
      return { densities, forcedDense: [...dense].sort((a, b) => a - b), overall };
    }
    // Densify the layer that overshoots most first, as the reference code's loop does one at a time.
    over.sort((x, y) => raw[y] - raw[x]);
    dense.add(over[0]);
  }
}

/** Exact number of weights kept in a layer of `size` weights at density d (at least one). */
export function keptCount(size: number, density: number): number {
  return Math.max(1, Math.min(size, Math.round(density * size)));
}
