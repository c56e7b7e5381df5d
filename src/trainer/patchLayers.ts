/**
 * Two-layer networks on inputs made of k patches of dimension d, differing only in locality and weight
 * sharing (Lahoti et al., ICLR 2024, compare CNNs, locally connected networks and fully connected
 * networks on such inputs):
 *   cnn  h_{i,c} = relu(⟨u_c, x_i⟩ + b_c), one filter bank shared by every patch, sum-pooled over patches;
 *   lcn  h_{i,c} = relu(⟨u_{i,c}, x_i⟩ + b_{i,c}), each patch its own filters (batched matMul), sum-pooled;
 *   fcn  h_c = relu(⟨U_c, x⟩ + b_c) over the whole k·d input.
 * A linear readout maps the pooled (or hidden) units to class logits. Built as a `Net` so the shared
 * training loop (loop.ts) trains them.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Layer, Net } from './model';
import { initWeights } from './init';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export type PatchNetKind = 'cnn' | 'lcn' | 'fcn';

export interface PatchNetSpec {
  kind: PatchNetKind;
  patches: number;
  patchDim: number;
  /** Filters per patch (cnn, lcn) or hidden units (fcn). */
  channels: number;
  classes: number;
  rng: Rng;
}

export function buildPatchNet(tf: Tf, s: PatchNetSpec): Net {
  const { patches: k, patchDim: d, channels: c, classes } = s;
  // He-normal on the fan-in each unit actually sees (d for patch filters, k·d for the dense layer).
  const he = (fanIn: number, size: number, rng: Rng) => {
    const w = initWeights('he_normal', [fanIn, size / fanIn], rng);
    return w;
  };
  let firstShape: number[];
  let firstInit: Float32Array;
  let biasShape: number[];
  if (s.kind === 'cnn') {
    firstShape = [d, c];
    firstInit = he(d, d * c, s.rng.fork('filters'));
    biasShape = [c];
  } else if (s.kind === 'lcn') {
    firstShape = [k, d, c];
    firstInit = Float32Array.from({ length: k * d * c });
    for (let i = 0; i < k; i++) firstInit.set(he(d, d * c, s.rng.fork(`filters-${i}`)), i * d * c);
    biasShape = [k, 1, c];
  } else {
    firstShape = [k * d, c];
    firstInit = he(k * d, k * d * c, s.rng.fork('dense'));
    biasShape = [c];
  }
  const w0 = tf.variable(tf.tensor(firstInit, firstShape), true);
  const b0 = tf.variable(tf.zeros(biasShape), true);
  const w1 = tf.variable(
    tf.tensor2d(initWeights('glorot_normal', [c, classes], s.rng.fork('readout')), [c, classes]),
    true,
  );
  const b1 = tf.variable(tf.zeros([classes]), true);
  const layers: Layer[] = [
    { name: 'hidden', kind: 'dense', role: 'hidden', weight: w0, bias: b0, padding: 'valid', pool: false },
    { name: 'readout', kind: 'dense', role: 'output', weight: w1, bias: b1, padding: 'valid', pool: false },
  ];
  const forward = (x: tfNs.Tensor): tfNs.Tensor2D => {
    const n = x.shape[0];
    let pooled: tfNs.Tensor2D;
    if (s.kind === 'fcn')
      pooled = tf.relu(tf.add(tf.matMul(x as tfNs.Tensor2D, w0 as tfNs.Tensor2D), b0)) as tfNs.Tensor2D;
    else if (s.kind === 'cnn') {
      const h = tf.relu(tf.add(tf.matMul(tf.reshape(x, [n * k, d]), w0 as tfNs.Tensor2D), b0));
      pooled = tf.sum(tf.reshape(h, [n, k, c]), 1);
    } else {
      // [k, n, d] × [k, d, c] → [k, n, c]: every patch through its own filters in one batched product.
      const xp = tf.transpose(tf.reshape(x, [n, k, d]), [1, 0, 2]) as tfNs.Tensor3D;
      const h = tf.relu(tf.add(tf.matMul(xp, w0 as tfNs.Tensor3D), b0));
      pooled = tf.sum(h, 0) as tfNs.Tensor2D;
    }
    return tf.add(tf.matMul(pooled, w1), b1) as tfNs.Tensor2D;
  };
  const vars = [w0, b0, w1, b1];
  return {
    layers,
    activation: 'relu',
    inputShape: [k * d],
    forward,
    variables: () => vars,
    weights: () => [w0, w1],
    size: () => vars.reduce((a, v) => a + v.size, 0),
    dispose: () => vars.forEach((v) => v.dispose()),
  };
}
