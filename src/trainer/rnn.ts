/**
 * A rate RNN without biases, unrolled in one tidy and trained by backpropagation through time:
 *   h_t = relu((1 − α) h_{t−1} + α (W_in x_t + W_rec h_{t−1})),  y_t = W_out h_t,  h_0 = 0,
 * the continuous-time RNN of the connectivity-rank code (BioRNN_RichLazy main.py `CTRNN`, α = dt/τ,
 * which is 1 there). Weights are row-vector style here: h·W_recᵀ is written h·R with R = W_recᵀ.
 *
 * Low-rank initial connectivity as the code builds it: W₀ = g·N(0, 1)/√N, truncated to its top r
 * singular directions, then rescaled to W₀'s Frobenius norm (main.py L274–279).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { svd } from './linalg/svd';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface RateRnn {
  wIn: tfNs.Variable; // [inputs, N]
  wRec: tfNs.Variable; // [N, N], applied as h·wRec (i.e. W_recᵀ)
  wOut: tfNs.Variable; // [N, outputs]
  alpha: number;
  hidden: number;
  variables(): tfNs.Variable[];
  dispose(): void;
}

/** N×N Gaussian matrix g·N(0, 1)/√N, row-major. */
export function gaussianConnectivity(n: number, gain: number, rng: Rng): Float64Array {
  return Float64Array.from({ length: n * n }, () => (gain * rng.normal()) / Math.sqrt(n));
}

export function frobenius(m: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i] * m[i];
  return Math.sqrt(s);
}

/** The rank-r truncation of a square matrix, rescaled to the original's Frobenius norm. */
export function lowRankTruncation(w: Float64Array, n: number, rank: number): Float64Array {
  if (rank >= n) return Float64Array.from(w);
  const { U, S, V, k } = svd(w, n, n);
  const out = new Float64Array(n * n);
  for (let q = 0; q < rank; q++)
    for (let i = 0; i < n; i++) {
      const us = U[i * k + q] * S[q];
      for (let j = 0; j < n; j++) out[i * n + j] += us * V[j * k + q];
    }
  const scale = frobenius(w) / Math.max(frobenius(out), 1e-300);
  for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}

/** PyTorch's nn.Linear default init, U(±1/√fan_in), as the code's input and readout layers get. */
export function linearDefaultInit(fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const bound = 1 / Math.sqrt(fanIn);
  return Float32Array.from({ length: fanIn * fanOut }, () => (2 * rng.next() - 1) * bound);
}

/**
 * `wRec` is W_rec row-major as the code writes it (h_new = W_rec h); stored transposed for h·R.
 */
export function buildRateRnn(
  tf: Tf,
  o: { inputs: number; hidden: number; outputs: number; wRec: Float64Array; alpha: number; rng: Rng },
): RateRnn {
  const n = o.hidden;
  const rT = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rT[j * n + i] = o.wRec[i * n + j];
  const wIn = tf.variable(tf.tensor2d(linearDefaultInit(o.inputs, n, o.rng.fork('w_in')), [o.inputs, n]), true, 'w_in');
  const wRec = tf.variable(tf.tensor2d(rT, [n, n]), true, 'w_rec');
  const wOut = tf.variable(
    tf.tensor2d(linearDefaultInit(n, o.outputs, o.rng.fork('w_out')), [n, o.outputs]),
    true,
    'w_out',
  );
  return {
    wIn,
    wRec,
    wOut,
    alpha: o.alpha,
    hidden: n,
    variables: () => [wIn, wRec, wOut],
    dispose: () => [wIn, wRec, wOut].forEach((v) => v.dispose()),
  };
}

/**
 * Unrolls the RNN on x [T, B, inputs]. `rec` overrides the recurrent weights: a [N, N] matrix, or
 * [B, N, N] with one copy per example (for per-example tangent kernels). Returns outputs [T, B, O]
 * and the hidden states [T, B, N].
 */
export function unroll(
  tf: Tf,
  net: RateRnn,
  x: tfNs.Tensor3D,
  rec: tfNs.Tensor = net.wRec,
): { outputs: tfNs.Tensor3D; hidden: tfNs.Tensor3D } {
  const [T, B] = x.shape;
  const n = net.hidden;
  const perExample = rec.rank === 3;
  let h: tfNs.Tensor2D = tf.zeros([B, n]);
  const hs: tfNs.Tensor2D[] = [];
  const steps = tf.unstack(x) as tfNs.Tensor2D[];
  for (let t = 0; t < T; t++) {
    const recurrent = perExample
      ? (tf.reshape(tf.matMul(tf.reshape(h, [B, 1, n]), rec as tfNs.Tensor3D), [B, n]) as tfNs.Tensor2D)
      : tf.matMul(h, rec as tfNs.Tensor2D);
    const pre = tf.add(tf.matMul(steps[t], net.wIn), recurrent);
    const mixed = net.alpha === 1 ? pre : tf.add(tf.mul(h, 1 - net.alpha), tf.mul(pre, net.alpha));
    h = tf.relu(mixed) as tfNs.Tensor2D;
    hs.push(h);
  }
  const hidden = tf.stack(hs) as tfNs.Tensor3D;
  const outputs = tf.reshape(tf.matMul(tf.reshape(hidden, [T * B, n]), net.wOut), [T, B, -1]) as tfNs.Tensor3D;
  return { outputs, hidden };
}

/** Mean cross-entropy over every time step and trial (the code's `CrossEntropyLoss` on flattened labels). */
export function sequenceCrossEntropy(tf: Tf, outputs: tfNs.Tensor3D, labels: tfNs.Tensor1D): tfNs.Scalar {
  const [T, B, O] = outputs.shape;
  const logits = tf.reshape(outputs, [T * B, O]);
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, O), logits) as tfNs.Scalar;
}
