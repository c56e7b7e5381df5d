/**
 * The empirical tangent kernel of a network with respect to one weight tensor W:
 * K[(a, o), (b, o')] = ⟨∂f_o(x_a)/∂W, ∂f_o'(x_b)/∂W⟩, the quantity whose change during training
 * tells rich from lazy learning (Chizat et al. 2019; connectivity-rank's code computes it for the
 * recurrent weights, BioRNN_RichLazy main.py).
 *
 * Per-example gradients without a loop over examples: the forward pass is given one copy of W per
 * example (`tiled`, shape [B, ...W]), so the gradient of Σ_b f_o(x_b) with respect to the copies is
 * every example's own ∂f_o(x_b)/∂W at once — one backward pass per output o. (tfjs has no vmap, and
 * its nested gradients are unreliable here, notes §2; this needs neither.)
 */
import type * as tfNs from '@tensorflow/tfjs';

type Tf = typeof tfNs;

export interface TangentKernel {
  /** Rows × rows, row-major; row index = output-major: o · B + b. */
  kernel: Float64Array;
  rows: number;
}

/**
 * `forward(tiled)` must return outputs [B, O] where example b uses only `tiled[b]`. Returns the kernel
 * over all (example, output) pairs, formed with one matMul of the stacked Jacobian.
 */
export function tangentKernel(
  tf: Tf,
  w: tfNs.Tensor,
  batch: number,
  forward: (tiled: tfNs.Tensor) => tfNs.Tensor2D,
): TangentKernel {
  const size = w.size;
  const outputs = tf.tidy(() => forward(tf.stack(Array.from({ length: batch }, () => w))).shape[1]);
  const kT = tf.tidy(() => {
    const tiled = tf.stack(Array.from({ length: batch }, () => w));
    const rows: tfNs.Tensor2D[] = [];
    for (let o = 0; o < outputs; o++) {
      const g = tf.grad((t: tfNs.Tensor) => tf.sum(tf.slice(forward(t), [0, o], [batch, 1])))(tiled);
      rows.push(tf.reshape(g, [batch, size]) as tfNs.Tensor2D);
    }
    const j = tf.concat(rows, 0);
    return tf.matMul(j, j, false, true);
  });
  const kernel = Float64Array.from(kT.dataSync() as Float32Array);
  kT.dispose();
  return { kernel, rows: batch * outputs };
}
