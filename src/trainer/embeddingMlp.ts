/**
 * The MLP of the grokking papers on two-token inputs (Grokking-Tickets' `OnlyMLP`; notes §6(a)):
 * each token (a one-hot of length `vocab`) is looked up in an embedding table, the two embeddings are
 * concatenated, then fully connected hidden layers with the activation, then the output.
 *
 *   input x: [n, 2·vocab] = [one-hot a | one-hot b]   (what data/modular.ts produces)
 *   h = [x_a·E | x_b·E]  → hidden layers → logits [n, classes]
 *
 * The table is shared by both positions by default, as a token embedding is: with symmetric data
 * (pairs a ≤ b only) separate tables would each see only half of the tokens' roles.
 *
 * Built from the same `Layer` records as model.ts, so masks, magnitude pruning and snapshots work on
 * it unchanged. Embedding layers have no bias (a lookup table has none): their bias variables stay
 * zero and are not trained.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights } from './init';
import { act as applyActivation, type Activation, type Layer, type Net } from './model';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface EmbeddingMlpSpec {
  vocab: number;
  embedding: number;
  hidden: number[];
  classes: number;
  init: string;
  /** Multiplies every initial weight (Grokking-Tickets' `weight_scale`). */
  weightScale?: number;
  activation?: Activation;
  /** One embedding table for both tokens (default) or one per position. */
  sharedEmbedding?: boolean;
  /**
   * `concat` (default): [E·a | E·b] → hidden layers with biases → logits.
   * `sum`: the official code's `OnlyMLP` exactly — no biases; each token's embedding goes through
   * the same input projection and the two are summed, then the activation, any further hidden
   * layers, and a linear tail back to the embedding width (`outproj`) and to the classes (`unembed`).
   */
  combine?: 'concat' | 'sum';
  rng: Rng;
}

function layer(tf: Tf, name: string, shape: [number, number], init: string, scale: number, rng: Rng): Layer {
  const values = initWeights(init, shape, rng);
  if (scale !== 1) for (let i = 0; i < values.length; i++) values[i] *= scale;
  const w = tf.tensor2d(values, shape);
  const b = tf.zeros([shape[1]]);
  const out: Layer = {
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
  return out;
}

/** The input [n, 2·vocab] = [one-hot a | one-hot b] as its two one-hot halves. */
function tokens(tf: Tf, x: tfNs.Tensor, vocab: number): [tfNs.Tensor2D, tfNs.Tensor2D] {
  const n = x.shape[0];
  return [tf.slice(x as tfNs.Tensor2D, [0, 0], [n, vocab]), tf.slice(x as tfNs.Tensor2D, [0, vocab], [n, vocab])];
}

export function buildEmbeddingMlp(tf: Tf, s: EmbeddingMlpSpec): Net {
  if (s.combine === 'sum') return buildOnlyMlp(tf, s);
  const scale = s.weightScale ?? 1;
  const activation = s.activation ?? 'relu';
  const shared = s.sharedEmbedding ?? true;
  const layers: Layer[] = shared
    ? [layer(tf, 'emb', [s.vocab, s.embedding], s.init, scale, s.rng.fork('emb'))]
    : [
        layer(tf, 'emb_a', [s.vocab, s.embedding], s.init, scale, s.rng.fork('emb_a')),
        layer(tf, 'emb_b', [s.vocab, s.embedding], s.init, scale, s.rng.fork('emb_b')),
      ];
  const nEmb = layers.length;
  const widths = [2 * s.embedding, ...s.hidden, s.classes];
  for (let i = 0; i + 1 < widths.length; i++)
    layers.push(layer(tf, `dense${i}`, [widths[i], widths[i + 1]], s.init, scale, s.rng.fork(`dense${i}`)));
  layers[layers.length - 1].role = 'output';
  const act = (x: tfNs.Tensor) => applyActivation(tf, activation, x);
  const ea = layers[0];
  const eb = layers[nEmb - 1];
  const embs = layers.slice(0, nEmb);
  const dense = layers.slice(nEmb);
  return {
    layers,
    activation,
    inputShape: [2 * s.vocab],
    forward(x) {
      const [xa, xb] = tokens(tf, x, s.vocab);
      let h: tfNs.Tensor = tf.concat(
        [tf.matMul(xa, ea.weight as tfNs.Tensor2D), tf.matMul(xb, eb.weight as tfNs.Tensor2D)],
        1,
      );
      dense.forEach((l, i) => {
        h = tf.add(tf.matMul(h as tfNs.Tensor2D, l.weight as tfNs.Tensor2D), l.bias);
        if (i < dense.length - 1) h = act(h);
      });
      return h as tfNs.Tensor2D;
    },
    // Embedding biases are not parameters: leave them out so no optimizer moves them.
    variables: () => [...embs.map((l) => l.weight), ...dense.flatMap((l) => [l.weight, l.bias])],
    weights: () => layers.map((l) => l.weight),
    size: () =>
      embs.reduce((t, l) => t + l.weight.size, 0) + dense.reduce((t, l) => t + l.weight.size + l.bias.size, 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
  };
}

/**
 * Grokking-Tickets' `OnlyMLP` (model.py): logits = act(E·a·W_in + E·b·W_in) [·W_mid, act]… · W_out · W_U,
 * every matrix a weight (masks and magnitude pruning see all four, as the code's `weight_mask`s do),
 * no biases. The code draws each matrix from N(0, (weight_scale/√fan_in)²).
 */
function buildOnlyMlp(tf: Tf, s: EmbeddingMlpSpec): Net {
  const scale = s.weightScale ?? 1;
  const activation = s.activation ?? 'relu';
  const act = (x: tfNs.Tensor) => applyActivation(tf, activation, x);
  const [first, ...rest] = s.hidden;
  const layers: Layer[] = [
    layer(tf, 'embed', [s.vocab, s.embedding], s.init, scale, s.rng.fork('emb')),
    layer(tf, 'inproj', [s.embedding, first], s.init, scale, s.rng.fork('inproj')),
  ];
  let width = first;
  rest.forEach((h, i) => {
    layers.push(layer(tf, `mlp${i}`, [width, h], s.init, scale, s.rng.fork(`mlp${i}`)));
    width = h;
  });
  layers.push(layer(tf, 'outproj', [width, s.embedding], s.init, scale, s.rng.fork('outproj')));
  layers.push(layer(tf, 'unembed', [s.embedding, s.classes], s.init, scale, s.rng.fork('unembed')));
  layers[layers.length - 1].role = 'output';
  const [embed, inproj] = layers;
  const mids = layers.slice(2, layers.length - 2);
  const [outproj, unembed] = layers.slice(-2);
  const mm = (a: tfNs.Tensor, l: Layer) => tf.matMul(a, l.weight);
  return {
    layers,
    activation,
    inputShape: [2 * s.vocab],
    forward(x) {
      const [xa, xb] = tokens(tf, x, s.vocab);
      let h = act(tf.add(mm(mm(xa, embed), inproj), mm(mm(xb, embed), inproj)));
      for (const l of mids) h = act(mm(h, l));
      return mm(mm(h, outproj), unembed) as tfNs.Tensor2D;
    },
    // No biases in this model: their (zero) variables exist for the Layer record only.
    variables: () => layers.map((l) => l.weight),
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((t, l) => t + l.weight.size, 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
  };
}
