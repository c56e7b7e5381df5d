/**
 * Host copies of an MLP's weights as plain `DenseLayer`s (kernel [fanIn, fanOut] row-major, bias),
 * for the plain-TS blocks that work on weights directly: weight matching, interpolation, neuron
 * pruning, singular vectors. `writeDense` puts such a list back into a net of the same shape.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Net } from './model';
import type { DenseLayer } from './weightMatching';

export function readDense(net: Net): DenseLayer[] {
  return net.layers.map((l) => {
    if (l.kind !== 'dense')
      throw new Error(`Layer ${l.name} is a ${l.kind} layer: this step works on fully connected networks only.`);
    const [fanIn, fanOut] = l.weight.shape;
    return {
      kernel: Float32Array.from(l.weight.dataSync() as Float32Array),
      bias: Float32Array.from(l.bias.dataSync() as Float32Array),
      fanIn,
      fanOut,
    };
  });
}

export function writeDense(tf: typeof tfNs, net: Net, layers: DenseLayer[]): void {
  if (layers.length !== net.layers.length)
    throw new Error(`Cannot load ${layers.length} layers into a net of ${net.layers.length}.`);
  net.layers.forEach((l, i) => {
    const d = layers[i];
    if (l.weight.shape[0] !== d.fanIn || l.weight.shape[1] !== d.fanOut) {
      throw new Error(
        `Layer ${l.name} is ${l.weight.shape.join('×')} but the weights given are ${d.fanIn}×${d.fanOut}.`,
      );
    }
    tf.tidy(() => {
      l.weight.assign(tf.tensor2d(d.kernel, [d.fanIn, d.fanOut]));
      l.bias.assign(tf.tensor1d(d.bias));
    });
  });
}

/** Named tensors for `ctx.saveTensors` (`dense0/weight`, `dense0/bias`, …). Caller disposes. */
export function denseTensors(tf: typeof tfNs, layers: DenseLayer[]): Record<string, tfNs.Tensor> {
  const out: Record<string, tfNs.Tensor> = {};
  layers.forEach((d, i) => {
    out[`dense${i}/weight`] = tf.tensor2d(d.kernel, [d.fanIn, d.fanOut]);
    out[`dense${i}/bias`] = tf.tensor1d(d.bias);
  });
  return out;
}

/** Activations the trainer's MLP implements; a config naming another gets a clear message. */
export function checkActivation(a: unknown): 'relu' | 'tanh' | 'sigmoid' {
  if (a === undefined || a === 'relu' || a === 'tanh' || a === 'sigmoid') return a ?? 'relu';
  throw new Error(`model.activation "${String(a)}" is not implemented by the trainer yet: use relu, tanh or sigmoid.`);
}
