/**
 * Residual MLPs whose blocks are grouped in stages, with weights tied inside a stage, and the
 * expansion of such a net into deeper untied ones (Xia et al., "Exploring Learngene via Stage-wise
 * Weight Sharing", IJCAI 2024, abstract: an auxiliary model of several stages whose layers share weights
 * within a stage is trained by distillation; its per-stage layers, the learngene, then initialise
 * descendant models of any depth, each stage's layers copied from that stage's learngene layer).
 *
 *   stem   x → h = x·W₀ + b₀
 *   block  h ← h + act(LN(h)·W + b)       (pre-norm residual; LN without affine parameters)
 *   head   logits = LN(h)·W_out + b_out
 *
 * `blocksPerStage[s]` is how many times stage s's block is applied; `tied` decides whether those
 * applications share one weight set (the auxiliary model) or each have their own (a descendant).
 * The residual form and the LayerNorm are ours: plain deep MLPs of depth 9 train badly, and the
 * paper's blocks are ViT blocks, which have both.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { act, type Activation, type Layer, type Net } from './model';
import { initWeights } from './init';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface StagedSpec {
  input: number;
  width: number;
  classes: number;
  blocksPerStage: number[];
  tied: boolean;
  activation: Activation;
  init: string;
  rng: Rng;
}

export interface StagedNet extends Net {
  readonly spec: Omit<StagedSpec, 'rng'>;
  /** Layer names of the blocks applied, in order (a tied stage repeats its name). */
  readonly schedule: string[];
}

function makeDense(tf: Tf, name: string, fanIn: number, fanOut: number, init: string, rng: Rng): Layer {
  const w = tf.tensor2d(initWeights(init, [fanIn, fanOut], rng), [fanIn, fanOut]);
  const b = tf.zeros([fanOut]);
  const l: Layer = {
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
  return l;
}

const layerNorm = (tf: Tf, h: tfNs.Tensor) => {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5)));
};

/** Block layer names: `s{stage}` when tied, `s{stage}b{k}` when each application has its own weights. */
export function blockNames(blocksPerStage: readonly number[], tied: boolean): string[] {
  return blocksPerStage.flatMap((n, s) => Array.from({ length: n }, (_, k) => (tied ? `s${s}` : `s${s}b${k}`)));
}

export function buildStagedNet(tf: Tf, spec: StagedSpec): StagedNet {
  const { rng, ...rest } = spec;
  const schedule = blockNames(spec.blocksPerStage, spec.tied);
  const unique = [...new Set(schedule)];
  const stem = makeDense(tf, 'stem', spec.input, spec.width, spec.init, rng.fork('stem'));
  const blocks = new Map(
    unique.map((n) => [n, makeDense(tf, n, spec.width, spec.width, spec.init, rng.fork(n))] as const),
  );
  const head = makeDense(tf, 'head', spec.width, spec.classes, spec.init, rng.fork('head'));
  head.role = 'output';
  const layers = [stem, ...blocks.values(), head];
  return {
    spec: rest,
    schedule,
    layers,
    activation: spec.activation,
    inputShape: [spec.input],
    forward(x) {
      const flat = x.rank === 2 ? x : tf.reshape(x, [x.shape[0], -1]);
      let h: tfNs.Tensor = tf.add(tf.matMul(flat as tfNs.Tensor2D, stem.weight as tfNs.Tensor2D), stem.bias);
      for (const name of schedule) {
        const b = blocks.get(name)!;
        const z = tf.add(tf.matMul(layerNorm(tf, h) as tfNs.Tensor2D, b.weight as tfNs.Tensor2D), b.bias);
        h = tf.add(h, act(tf, spec.activation, z));
      }
      return tf.add(
        tf.matMul(layerNorm(tf, h) as tfNs.Tensor2D, head.weight as tfNs.Tensor2D),
        head.bias,
      ) as tfNs.Tensor2D;
    },
    variables: () => layers.flatMap((l) => [l.weight, l.bias]),
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((n, l) => n + l.weight.size + l.bias.size, 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
  };
}

/**
 * Initialises a descendant (untied, any number of blocks per stage, same number of stages and width)
 * from a tied auxiliary net: stem and head copied, every block of stage s a copy of the auxiliary
 * net's stage-s block. Returns how many parameters were copied (the descendant's whole size).
 */
export function expandFromLearngene(tf: Tf, descendant: StagedNet, aux: StagedNet): number {
  const a = aux.spec;
  const d = descendant.spec;
  if (a.blocksPerStage.length !== d.blocksPerStage.length || a.width !== d.width || a.input !== d.input)
    throw new Error(
      `A learngene of ${a.blocksPerStage.length} stages of width ${a.width} cannot initialise a net of ${d.blocksPerStage.length} stages of width ${d.width}.`,
    );
  const source = new Map(aux.layers.map((l) => [l.name, l]));
  const learngeneOf = (name: string) =>
    name === 'stem' || name === 'head' ? name : a.tied ? name.replace(/b\d+$/, '') : `${name.replace(/b\d+$/, '')}b0`;
  let copied = 0;
  for (const l of descendant.layers) {
    const from = source.get(learngeneOf(l.name));
    if (!from) throw new Error(`The auxiliary net has no layer for ${l.name}.`);
    tf.tidy(() => {
      l.weight.assign(from.weight);
      l.bias.assign(from.bias);
    });
    copied += l.weight.size + l.bias.size;
  }
  return copied;
}
