/**
 * Structured pruning of whole hidden units of an MLP by the L1 norm of their incoming weights, and the
 * FLOPs arithmetic behind Scratch-B (Liu et al. 2019, "Rethinking the Value of Network Pruning", §4;
 * Li et al. 2017's L1-norm filter pruning, applied to neurons). Pruning a unit removes its column of the
 * incoming kernel, its bias and its row of the outgoing kernel, so the result is a smaller dense MLP.
 *
 * Plain TypeScript over the same DenseLayer layout as weight matching (kernel row-major [fanIn, fanOut]).
 */
import type { DenseLayer } from './weightMatching';

/** Units a hidden layer keeps at a pruning ratio (fraction of units REMOVED), at least one. */
export function keptUnits(width: number, ratio: number): number {
  if (!(ratio >= 0 && ratio < 1)) throw new RangeError(`pruning ratio must be in [0, 1), got ${ratio}`);
  return Math.max(1, Math.round(width * (1 - ratio)));
}

/** Hidden widths after pruning each hidden layer at `ratio` (the paper's predefined target architecture). */
export function prunedWidths(hidden: number[], ratio: number): number[] {
  return hidden.map((w) => keptUnits(w, ratio));
}

/**
 * Scratch-B's budget: the full model's iterations × FLOPs(full)/FLOPs(pruned), so that the small model
 * gets the same total compute (`l1-norm-pruning/main_B.py`: `epochs = int(160 * flops_full / flops_pruned)`;
 * no cap in the code). Rounded down like the reference code.
 */
export function scratchBIterations(fullIterations: number, flopsFull: number, flopsPruned: number): number {
  if (!(flopsPruned > 0)) throw new RangeError('pruned model has no FLOPs');
  return Math.floor((fullIterations * flopsFull) / flopsPruned);
}

/** Indices of the units kept in each hidden layer: the largest L1 norms of incoming weights, ties to the lower index. */
export function selectUnitsByL1(layers: DenseLayer[], ratio: number): number[][] {
  return layers.slice(0, -1).map((layer) => {
    const { fanIn, fanOut, kernel } = layer;
    const norms = new Float64Array(fanOut);
    for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) norms[j] += Math.abs(kernel[i * fanOut + j]);
    const order = Array.from({ length: fanOut }, (_, j) => j).sort((x, y) => norms[y] - norms[x] || x - y);
    return order.slice(0, keptUnits(fanOut, ratio)).sort((x, y) => x - y);
  });
}

/** The smaller MLP made of the kept units, with their trained weights (the fine-tuning start point). */
export function extractSubnetwork(layers: DenseLayer[], kept: number[][]): DenseLayer[] {
  return layers.map((layer, l) => {
    const rows = l > 0 ? kept[l - 1] : range(layer.fanIn);
    const cols = l < layers.length - 1 ? kept[l] : range(layer.fanOut);
    const kernel = new Float32Array(rows.length * cols.length);
    rows.forEach((r, i) => cols.forEach((c, j) => (kernel[i * cols.length + j] = layer.kernel[r * layer.fanOut + c])));
    const bias = Float32Array.from(cols, (c) => layer.bias[c]);
    return { kernel, bias, fanIn: rows.length, fanOut: cols.length };
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
