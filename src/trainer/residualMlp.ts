/**
 * A residual MLP, the stand-in for the residual conv nets of layer-pruning papers (Jordao et al.
 * remove whole ResNet blocks): a stem `input → width` (ReLU), B blocks h ← h + W₂·relu(W₁h + b₁) + b₂
 * (the block's inner width may be narrowed per block by unit pruning), and a head `width → classes`.
 * Layer names: `stem`, `block{i}a`, `block{i}b`, `head` — a block can be dropped without touching the
 * others, because every block maps width → width.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights, type InitName } from './init';
import type { Layer, Net } from './model';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface ResidualMlpSpec {
  input: number;
  width: number;
  blocks: number;
  classes: number;
  init: InitName | string;
  rng: Rng;
}

/** Layer names of block i: its two weight layers. */
export const blockLayers = (i: number): [string, string] => [`block${i}a`, `block${i}b`];

function dense(tf: Tf, name: string, fanIn: number, fanOut: number, init: string, rng: Rng): Layer {
  const w = tf.tensor(initWeights(init, [fanIn, fanOut], rng.fork(name)), [fanIn, fanOut]);
  const b = tf.zeros([fanOut]);
  const layer: Layer = {
    name,
    kind: 'dense',
    role: 'hidden',
    weight: tf.variable(w, true),
    bias: tf.variable(b, true),
    padding: 'same',
    pool: false,
  };
  w.dispose();
  b.dispose();
  return layer;
}

/** The blocks' indices present in a net (by their layer names), in order. */
export function blocksOf(net: Net): number[] {
  return net.layers
    .map((l) => /^block(\d+)a$/.exec(l.name))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => Number(m[1]));
}

function assembleResidual(tf: Tf, layers: Layer[], input: number): Net {
  layers[layers.length - 1].role = 'output';
  const byName = new Map(layers.map((l) => [l.name, l]));
  const lin = (h: tfNs.Tensor, l: Layer) => tf.add(tf.matMul(h as tfNs.Tensor2D, l.weight as tfNs.Tensor2D), l.bias);
  const net: Net = {
    layers,
    activation: 'relu',
    inputShape: [input],
    forward(x) {
      let h = tf.relu(lin(x, byName.get('stem')!));
      for (const i of blocksOf(net)) {
        const [a, b] = blockLayers(i).map((n) => byName.get(n)!);
        h = tf.add(h, lin(tf.relu(lin(h, a)), b));
      }
      return lin(h, byName.get('head')!) as tfNs.Tensor2D;
    },
    variables: () => layers.flatMap((l) => [l.weight, l.bias]),
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((s, l) => s + l.weight.size + l.bias.size, 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
  };
  return net;
}

export function buildResidualMlp(tf: Tf, spec: ResidualMlpSpec): Net {
  const layers: Layer[] = [dense(tf, 'stem', spec.input, spec.width, spec.init, spec.rng)];
  for (let i = 0; i < spec.blocks; i++) {
    const [a, b] = blockLayers(i);
    layers.push(dense(tf, a, spec.width, spec.width, spec.init, spec.rng));
    layers.push(dense(tf, b, spec.width, spec.width, spec.init, spec.rng));
  }
  layers.push(dense(tf, 'head', spec.width, spec.classes, spec.init, spec.rng));
  return assembleResidual(tf, layers, spec.input);
}

/**
 * A new net with copies of `net`'s weights, without the blocks in `removed` and with each remaining
 * block's inner units restricted to `keepUnits[i]` (indices into its inner width) when given. The
 * source net is untouched, so every arm can start from the same θ₀.
 */
export function residualSubnet(tf: Tf, net: Net, removed: number[], keepUnits?: Map<number, number[]>): Net {
  const drop = new Set(removed.flatMap((i) => blockLayers(i)));
  const layers: Layer[] = [];
  for (const l of net.layers) {
    if (drop.has(l.name)) continue;
    const m = /^block(\d+)([ab])$/.exec(l.name);
    const keep = m ? keepUnits?.get(Number(m[1])) : undefined;
    const [w, b] = tf.tidy(() => {
      if (!keep) return [tf.clone(l.weight), tf.clone(l.bias)];
      const idx = tf.tensor1d(keep, 'int32');
      // Layer a keeps columns (its outputs), layer b keeps rows (its inputs); b's bias is the residual's.
      return m![2] === 'a'
        ? [tf.gather(l.weight, idx, 1), tf.gather(l.bias, idx)]
        : [tf.gather(l.weight, idx, 0), tf.clone(l.bias)];
    });
    layers.push({ ...l, role: 'hidden', weight: tf.variable(w, true), bias: tf.variable(b, true) });
    w.dispose();
    b.dispose();
  }
  return assembleResidual(tf, layers, net.inputShape[0]);
}
