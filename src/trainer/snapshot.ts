/**
 * Weight snapshots for rewinding (the lottery ticket's θ_k): host copies of every variable, restored
 * bit for bit. Float32 data is copied as-is, so restore(snapshot(net)) reproduces the exact bits.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Net } from './model';

type Tf = typeof tfNs;

/** Layer name → its weight and bias values, with shapes. */
export type Snapshot = Map<string, { weight: Float32Array; bias: Float32Array; wShape: number[]; bShape: number[] }>;

export function snapshot(net: Net): Snapshot {
  const s: Snapshot = new Map();
  for (const l of net.layers) {
    s.set(l.name, {
      weight: Float32Array.from(l.weight.dataSync() as Float32Array),
      bias: Float32Array.from(l.bias.dataSync() as Float32Array),
      wShape: [...l.weight.shape],
      bShape: [...l.bias.shape],
    });
  }
  return s;
}

/** Restores every layer from `s` (the net must have the same layers). */
export function restore(tf: Tf, net: Net, s: Snapshot): void {
  for (const l of net.layers) {
    const e = s.get(l.name);
    if (!e) throw new Error(`Snapshot has no layer "${l.name}": it was taken from a different network.`);
    tf.tidy(() => {
      l.weight.assign(tf.tensor(e.weight, e.wShape));
      l.bias.assign(tf.tensor(e.bias, e.bShape));
    });
  }
}

/** Named tensors of a snapshot, for saving (`<layer>/weight`, `<layer>/bias`). Caller disposes. */
export function snapshotTensors(tf: Tf, s: Snapshot): Record<string, tfNs.Tensor> {
  const out: Record<string, tfNs.Tensor> = {};
  for (const [name, e] of s) {
    out[`${name}/weight`] = tf.tensor(e.weight, e.wShape);
    out[`${name}/bias`] = tf.tensor(e.bias, e.bShape);
  }
  return out;
}
