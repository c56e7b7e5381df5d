/**
 * Per-layer binary masks over a net's weights (biases are never masked) and the pruning rules that
 * produce them. A mask is a float32 0/1 tensor shaped like its weight, keyed by the layer's name.
 *
 * Keeping pruned weights at exactly zero is a joint job: the optimizers multiply gradients by the
 * mask before the update (so their state for pruned entries stays zero), and `applyMasks` multiplies
 * the weights after it (so nothing — weight decay, rounding, a restored snapshot — can revive them).
 *
 * Pruning works on host copies of the weights so the counts are exact and ties are broken the same
 * way on every backend: among equal magnitudes, the lower flat index is pruned first.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Layer, Net } from './model';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export type Masks = Map<string, tfNs.Tensor>;

/** Fraction of the layer's *remaining* weights to remove, per layer. */
export type RateFor = (layer: Layer) => number;

/** The lottery-ticket paper's rule: one rate for hidden layers, its own rate for the output layer. */
export function ratesByRole(rate: { hidden: number; output: number }): RateFor {
  return (l) => (l.role === 'output' ? rate.output : rate.hidden);
}

export function fullMasks(tf: Tf, net: Net): Masks {
  return new Map(net.layers.map((l) => [l.name, tf.onesLike(l.weight)]));
}

/** Zeroes masked weights in place. */
export function applyMasks(tf: Tf, net: Net, masks: Masks): void {
  tf.tidy(() => {
    for (const l of net.layers) {
      const m = masks.get(l.name);
      if (m) l.weight.assign(tf.mul(l.weight, m));
    }
  });
}

export function disposeMasks(masks: Masks): void {
  for (const m of masks.values()) m.dispose();
}

export interface MaskStats {
  kept: number;
  total: number;
  /** kept / total over all masked weights, in (0, 1]. */
  density: number;
  perLayer: Record<string, { kept: number; total: number }>;
}

export function maskStats(masks: Masks): MaskStats {
  let kept = 0;
  let total = 0;
  const perLayer: MaskStats['perLayer'] = {};
  for (const [name, m] of masks) {
    const d = m.dataSync();
    let k = 0;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) k++;
    perLayer[name] = { kept: k, total: d.length };
    kept += k;
    total += d.length;
  }
  return { kept, total, density: total ? kept / total : 1, perLayer };
}

/** Indices of alive entries sorted by |w| ascending, ties by index: the prune order. */
function pruneOrder(alive: number[], w: ArrayLike<number>): number[] {
  return alive.sort((a, b) => Math.abs(w[a]) - Math.abs(w[b]) || a - b);
}

function aliveIndices(m: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.length; i++) if (m[i] !== 0) out.push(i);
  return out;
}

/**
 * Magnitude pruning. `layerwise`: each layer loses round(rate × its remaining weights), its smallest
 * by magnitude. `global`: layers that share a rate are ranked together (so with the paper's
 * hidden/output rates, the hidden layers compete in one pool and the output layer is pruned on its
 * own), and the pool loses round(rate × its remaining weights). Returns new masks; the caller
 * disposes the old ones.
 */
export function magnitudePrune(
  tf: Tf,
  net: Net,
  masks: Masks,
  rateFor: RateFor,
  scope: 'layerwise' | 'global' = 'layerwise',
): Masks {
  const groups = new Map<string, Layer[]>();
  for (const l of net.layers) {
    const key = scope === 'global' ? `rate:${rateFor(l)}` : l.name;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const next: Masks = new Map();
  for (const layers of groups.values()) {
    const rate = rateFor(layers[0]);
    checkRate(rate, layers[0].name);
    // Flatten the group into one index space: offsets per layer.
    const ws: Float32Array[] = [];
    const ms: Float32Array[] = [];
    const offsets: number[] = [];
    let n = 0;
    for (const l of layers) {
      offsets.push(n);
      ws.push(l.weight.dataSync() as Float32Array);
      ms.push(maskArray(masks, l));
      n += l.weight.size;
    }
    const w = new Float32Array(n);
    const m = new Float32Array(n);
    layers.forEach((_, i) => (w.set(ws[i], offsets[i]), m.set(ms[i], offsets[i])));
    const alive = aliveIndices(m);
    const remove = Math.round(rate * alive.length);
    const order = pruneOrder(alive, w);
    for (let i = 0; i < remove; i++) m[order[i]] = 0;
    layers.forEach((l, i) =>
      next.set(l.name, tf.tensor(m.subarray(offsets[i], offsets[i] + l.weight.size), l.weight.shape)),
    );
  }
  return next;
}

/** Random pruning: each layer loses round(rate × remaining) of its alive weights, chosen uniformly. */
export function randomPrune(tf: Tf, net: Net, masks: Masks, rateFor: RateFor, rng: Rng): Masks {
  const next: Masks = new Map();
  for (const l of net.layers) {
    const rate = rateFor(l);
    checkRate(rate, l.name);
    const m = maskArray(masks, l);
    const alive = rng.fork(l.name).shuffle(aliveIndices(m)) as number[];
    const remove = Math.round(rate * alive.length);
    for (let i = 0; i < remove; i++) m[alive[i]] = 0;
    next.set(l.name, tf.tensor(m, l.weight.shape));
  }
  return next;
}

/** Masks with the same number of kept weights per layer as `masks`, at random positions (the random-mask control). */
export function randomMasksLike(tf: Tf, masks: Masks, rng: Rng): Masks {
  const next: Masks = new Map();
  for (const [name, mask] of masks) {
    const d = mask.dataSync();
    let kept = 0;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) kept++;
    const idx = rng.fork(name).shuffle(Array.from({ length: d.length }, (_, i) => i)) as number[];
    const m = new Float32Array(d.length);
    for (let i = 0; i < kept; i++) m[idx[i]] = 1;
    next.set(name, tf.tensor(m, mask.shape));
  }
  return next;
}

/** Copies masks (e.g. to keep the ticket's masks while another arm trains). */
export function cloneMasks(tf: Tf, masks: Masks): Masks {
  return new Map([...masks].map(([k, m]) => [k, tf.clone(m)]));
}

/** A host copy of a layer's mask (all ones when the layer has none yet). */
function maskArray(masks: Masks, l: Layer): Float32Array {
  const m = masks.get(l.name);
  return m ? Float32Array.from(m.dataSync()) : new Float32Array(l.weight.size).fill(1);
}

function checkRate(rate: number, layer: string): void {
  if (!(rate >= 0 && rate < 1)) throw new Error(`Pruning rate for ${layer} must be in [0, 1), got ${rate}.`);
}
