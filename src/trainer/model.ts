/**
 * Networks as explicit weight lists (not tf.layers): recipes need to mask, snapshot, rewind and
 * re-initialize individual weight tensors, which is awkward through Keras-style layers.
 *
 *   const net = buildMlp(tf, { input: 784, hidden: [300, 100], classes: 10, init: 'glorot_normal', rng });
 *   const logits = net.forward(x);             // x: [batch, 784]
 *
 * Dense weights are [in, out]; conv weights are [kh, kw, inC, outC] (NHWC, tfjs's layout).
 * Biases start at zero and are never pruned. Every layer but the last is `hidden`.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights, type InitName } from './init';
import type { Rng } from './rng';
import { fusedLayersActive } from './wasmKernels/index';
import { fusedConv, fusedDense, fusedSoftmaxCrossEntropy } from './wasmKernels/fused';

type Tf = typeof tfNs;

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'gelu' | 'linear';

export interface ConvBlock {
  filters: number;
  /** Square kernel size; default 3. */
  kernel?: number;
  /** Default 'same'. */
  padding?: 'same' | 'valid';
  /** 2×2 max pooling after the activation. */
  pool?: boolean;
}

export interface Layer {
  /** Stable within the net: `dense0`, `conv1`, … — keys for masks, snapshots and saved weights. */
  name: string;
  kind: 'dense' | 'conv';
  role: 'hidden' | 'output';
  weight: tfNs.Variable;
  bias: tfNs.Variable;
  padding: 'same' | 'valid';
  pool: boolean;
}

export interface Net {
  layers: Layer[];
  activation: Activation;
  /** Input shape of one example, without the batch dimension. */
  inputShape: number[];
  /**
   * Logits for a batch. Call inside tf.tidy (or dispose the result). `inputGradient`: the caller
   * differentiates with respect to x (attacks), so the fused first layer must compute it too.
   */
  forward(x: tfNs.Tensor, opts?: { inputGradient?: boolean }): tfNs.Tensor2D;
  /** All trainable variables: weights and biases, layer by layer. */
  variables(): tfNs.Variable[];
  /** Prunable weights (all layers' kernels), in layer order. */
  weights(): tfNs.Variable[];
  /** Total number of parameters. */
  size(): number;
  dispose(): void;
}

export interface MlpSpec {
  input: number;
  hidden: number[];
  classes: number;
  init: InitName | string;
  activation?: Activation;
  rng: Rng;
}

export interface ConvNetSpec {
  /** [height, width, channels]. */
  inputShape: [number, number, number];
  conv: ConvBlock[];
  /** Dense hidden widths after flattening. */
  hidden: number[];
  classes: number;
  init: InitName | string;
  activation?: Activation;
  rng: Rng;
}

/** The activation by name; shared by every model builder so each one supports the same set. */
export function act(tf: Tf, a: Activation, x: tfNs.Tensor): tfNs.Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'gelu':
      // tanh approximation (Hendrycks & Gimpel 2016); tfjs has no gelu op.
      return tf.mul(
        tf.mul(x, 0.5),
        tf.add(1, tf.tanh(tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI)))),
      );
    default:
      return x;
  }
}

function makeLayer(
  tf: Tf,
  name: string,
  kind: Layer['kind'],
  shape: number[],
  init: string,
  rng: Rng,
  extra: Partial<Layer> = {},
): Layer {
  const w = tf.tensor(initWeights(init, shape, rng), shape);
  const b = tf.zeros([shape[shape.length - 1]]);
  const layer: Layer = {
    name,
    kind,
    role: 'hidden',
    weight: tf.variable(w, true),
    bias: tf.variable(b, true),
    padding: 'same',
    pool: false,
    ...extra,
  };
  w.dispose();
  b.dispose();
  return layer;
}

/**
 * The nets whose forward pass is exactly the chain of their dense layers (act(x·W + b), ReLU or none),
 * keyed by that forward function: a recipe that wraps a net with another forward (residuals, masks
 * inside the pass) makes a new function and is not in here. wasmKernels/mlpStep.ts trains these
 * without tfjs ops, and must know for sure that it computes what `forward` does.
 */
const denseChains = new WeakMap<Net['forward'], Layer[]>();

/** The layers of a net whose forward pass is a plain chain of dense ReLU (or linear) layers. */
export function plainDenseChain(net: Net): Layer[] | undefined {
  if (net.activation !== 'relu' && net.activation !== 'linear') return undefined;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- a key compared by identity, never called
  return denseChains.get(net.forward);
}

function assemble(tf: Tf, layers: Layer[], activation: Activation, inputShape: number[]): Net {
  layers[layers.length - 1].role = 'output';
  const net = assembleNet(tf, layers, activation, inputShape);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- a key compared by identity, never called
  if (layers.every((l) => l.kind === 'dense')) denseChains.set(net.forward, layers);
  return net;
}

function assembleNet(tf: Tf, layers: Layer[], activation: Activation, inputShape: number[]): Net {
  return {
    layers,
    activation,
    inputShape,
    forward(x, opts) {
      // On wasm each layer is one op of our own (wasmKernels/fused.ts): product, bias and ReLU in one
      // call forward and one backward, and no gradient for the net's input unless asked for.
      const dataInput = (i: number) => i === 0 && !opts?.inputGradient;
      const fused = (activation === 'relu' || activation === 'linear') && fusedLayersActive(tf);
      const relu = activation === 'relu';
      let h: tfNs.Tensor = x;
      let flat = false;
      for (let i = 0; i < layers.length; i++) {
        const l = layers[i];
        const last = i === layers.length - 1;
        if (l.kind === 'conv') {
          if (fused) h = fusedConv(tf, h, l.weight, l.bias, l.padding, relu, l.pool, dataInput(i));
          else {
            h = tf.add(tf.conv2d(h as tfNs.Tensor4D, l.weight as tfNs.Tensor4D, 1, l.padding), l.bias);
            h = act(tf, activation, h);
            if (l.pool) h = tf.maxPool(h as tfNs.Tensor4D, 2, 2, 'valid');
          }
        } else {
          if (!flat && h.rank !== 2) h = tf.reshape(h, [h.shape[0], -1]);
          flat = true;
          if (fused) h = fusedDense(tf, h, l.weight, l.bias, relu && !last, dataInput(i));
          else {
            h = tf.add(tf.matMul(h as tfNs.Tensor2D, l.weight as tfNs.Tensor2D), l.bias);
            if (!last) h = act(tf, activation, h);
          }
        }
      }
      return h as tfNs.Tensor2D;
    },
    variables: () => layers.flatMap((l) => [l.weight, l.bias]),
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((s, l) => s + l.weight.size + l.bias.size, 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
  };
}

/** The config's `model` block (mlpModelBlock) for a dataset's input and classes, drawn from `rng`. */
export function mlpFor(
  tf: Tf,
  model: { hidden: number[]; init: InitName | string; activation?: Activation },
  data: { inputShape: number[]; numClasses: number },
  rng: Rng,
): Net {
  const { hidden, init, activation } = model;
  return buildMlp(tf, { input: data.inputShape[0], hidden, classes: data.numClasses, init, activation, rng });
}

/** A fully connected network, e.g. LeNet-300-100: input 784, hidden [300, 100], 10 classes. */
export function buildMlp(tf: Tf, spec: MlpSpec): Net {
  const widths = [spec.input, ...spec.hidden, spec.classes];
  const layers: Layer[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    layers.push(makeLayer(tf, `dense${i}`, 'dense', [widths[i], widths[i + 1]], spec.init, spec.rng.fork(`dense${i}`)));
  }
  return assemble(tf, layers, spec.activation ?? 'relu', [spec.input]);
}

/**
 * A small conv net: conv blocks (conv → activation → optional 2×2 max pool), flatten, dense hidden
 * layers, output. The lottery-ticket paper's Conv-2 is `conv: [{filters:64},{filters:64,pool:true}]`,
 * `hidden: [256, 256]`; LeNet-5 is `[{filters:6,kernel:5,padding:'valid',pool:true},
 * {filters:16,kernel:5,padding:'valid',pool:true}]`, `hidden: [120, 84]`.
 */
export function buildConvNet(tf: Tf, spec: ConvNetSpec): Net {
  let [h, w, c] = spec.inputShape;
  const layers: Layer[] = [];
  spec.conv.forEach((b, i) => {
    const k = b.kernel ?? 3;
    const padding = b.padding ?? 'same';
    layers.push(
      makeLayer(tf, `conv${i}`, 'conv', [k, k, c, b.filters], spec.init, spec.rng.fork(`conv${i}`), {
        padding,
        pool: !!b.pool,
      }),
    );
    if (padding === 'valid') ((h = h - k + 1), (w = w - k + 1));
    if (b.pool) ((h = Math.floor(h / 2)), (w = Math.floor(w / 2)));
    c = b.filters;
    if (h < 1 || w < 1)
      throw new Error(
        `The conv stack shrinks the ${spec.inputShape[0]}×${spec.inputShape[1]} input to nothing at block ${i + 1}: use padding 'same' or fewer pooling layers.`,
      );
  });
  const widths = [h * w * c, ...spec.hidden, spec.classes];
  for (let i = 0; i + 1 < widths.length; i++) {
    layers.push(makeLayer(tf, `dense${i}`, 'dense', [widths[i], widths[i + 1]], spec.init, spec.rng.fork(`dense${i}`)));
  }
  return assemble(tf, layers, spec.activation ?? 'relu', [...spec.inputShape]);
}

/** Draws fresh weights for every layer from `init` (biases back to zero): the random-reinit control. */
export function reinitialize(tf: Tf, net: Net, init: InitName | string, rng: Rng): void {
  for (const l of net.layers) {
    tf.tidy(() => {
      l.weight.assign(tf.tensor(initWeights(init, l.weight.shape, rng.fork(l.name)), l.weight.shape));
      l.bias.assign(tf.zerosLike(l.bias));
    });
  }
}

/** Mean softmax cross-entropy of logits against integer-class one-hot labels. */
export function crossEntropy(tf: Tf, logits: tfNs.Tensor2D, oneHot: tfNs.Tensor2D): tfNs.Scalar {
  // One op of our own on wasm (value and gradient together), computed in double precision.
  if (fusedLayersActive(tf) && logits.rank === 2) return fusedSoftmaxCrossEntropy(tf, logits, oneHot);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tfNs.Scalar;
}
