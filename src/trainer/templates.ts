/**
 * Template mixing and growth (MixtureGrowth, Pham et al. WACV 2024; code `models/layers.py` SModule,
 * SLinear): every layer's weight is a linear combination of trained templates, W = Σ_k c_k T_k.
 * Two small members (each of half the target width) are trained with their own template sets; the
 * grown layer is a 2×2 grid of blocks: the members' weights on the diagonal and, off the diagonal,
 * NEW linear combinations of the same trained templates (`ensemble_growth_type == "diag"`). The input
 * layer grows only its outputs and the output layer only its inputs, so at growth the grown net's
 * logits are the two members' logits summed plus what the new blocks add.
 *
 * Layout here is [in, out] (tfjs), so a hidden layer's grown weight is, by input rows and output columns,
 *   [[W₀ (in₀→out₀), W₃ (in₀→out₁)],
 *    [W₂ (in₁→out₀), W₁ (in₁→out₁)]]
 * with block 2 mixing template set 0 and block 3 set 1 (the code's `member_template_sets` [0, 1, 0, 1]).
 *
 * New coefficients (`coefs_growing`): `orthogonal` (the code's default) keeps block 2's coefficients from
 * the orthogonal init and gives block 3 the direction least represented by the previous coefficient
 * vectors (the last right-singular vector); `random` growth instead fills the new blocks with freshly
 * drawn free weights — the baseline the paper improves on; `zero` starts them at 0 (the members' sum).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights } from './init';
import type { Layer, Net } from './model';
import type { Rng } from './rng';
import { svd } from './linalg/svd';

type Tf = typeof tfNs;

export type GrowthInit = 'orthogonal' | 'random' | 'zero';

export interface TemplateMlpSpec {
  /** Grown sizes, input first: [784, 256, 256, 10]; members are half as wide in every hidden layer. */
  sizes: number[];
  /** Templates per set (the code's `num_templates_each_set` [2, 2]). */
  templates: number;
  rng: Rng;
}

/** Rows of a random rows×cols matrix with orthonormal columns (PyTorch `nn.init.orthogonal_` on a tall matrix). */
export function orthogonalRows(rows: number, cols: number, rng: Rng): number[][] {
  const q: number[][] = [];
  for (let j = 0; j < cols; j++) {
    let v = Array.from({ length: rows }, () => rng.normal());
    for (const u of q) {
      const d = v.reduce((s, x, i) => s + x * u[i], 0);
      v = v.map((x, i) => x - d * u[i]);
    }
    const n = Math.hypot(...v);
    q.push(v.map((x) => x / n));
  }
  return Array.from({ length: rows }, (_, i) => q.map((col) => col[i]));
}

/**
 * A unit vector as far as possible from the span of `previous` (each of length K): the right-singular
 * vector of their stack with the smallest singular value (the code's `svd(prev).Vh[-1]`), or, when
 * there are fewer than K previous vectors, one exactly orthogonal to them all.
 */
export function leastRepresentedDirection(previous: number[][], rng: Rng): number[] {
  const K = previous[0].length;
  if (previous.length < K) {
    let v = Array.from({ length: K }, () => rng.normal());
    const basis: number[][] = [];
    for (const p of previous) {
      let u = [...p];
      for (const b of basis) {
        const d = u.reduce((s, x, i) => s + x * b[i], 0);
        u = u.map((x, i) => x - d * b[i]);
      }
      const n = Math.hypot(...u);
      if (n > 1e-12) basis.push(u.map((x) => x / n));
    }
    for (const b of basis) {
      const d = v.reduce((s, x, i) => s + x * b[i], 0);
      v = v.map((x, i) => x - d * b[i]);
    }
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  }
  const d = svd(previous.flat(), previous.length, K);
  return Array.from({ length: K }, (_, i) => d.V[i * d.k + (d.k - 1)]);
}

interface LayerParams {
  /** templates[set]: [K, in_t, out_t]. */
  templates: tfNs.Variable[];
  /** coefs[block]: [K] (blocks 0, 1 = members; 2, 3 = grown, hidden layers only). */
  coefs: tfNs.Variable[];
  /** bias[member]: [out_t]. */
  bias: tfNs.Variable[];
  /** Free weights of the new blocks for `random` growth, by block. */
  free: Map<number, tfNs.Variable>;
  inT: number;
  outT: number;
  kind: 'input' | 'hidden' | 'output';
}

export interface TemplateMlp {
  /** Member m's net (its templates, coefficients and biases train; nothing else is touched). */
  member(m: 0 | 1): Net;
  /** Sets the new blocks' weights (once, after both members are trained). */
  grow(init: GrowthInit, rng: Rng): void;
  /** The grown net (everything it uses trains). */
  grown(): Net;
  /** Every template, coefficient and bias in a fixed order (not the free blocks): for copying trained members into a fresh net. */
  parameters(): tfNs.Variable[];
  /** Forward MACs per example of a member and of the grown net (template mixing per step not included). */
  macs: { member: number; grown: number };
  dispose(): void;
}

const variable = (tf: Tf, t: tfNs.Tensor) => {
  const v = tf.variable(t, true);
  t.dispose();
  return v;
};

export function buildTemplateMlp(tf: Tf, spec: TemplateMlpSpec): TemplateMlp {
  const { sizes, templates: K, rng } = spec;
  const L = sizes.length - 1;
  const half = (n: number) => Math.floor(n / 2);
  const params: LayerParams[] = [];
  for (let l = 0; l < L; l++) {
    const kind = l === 0 ? 'input' : l === L - 1 ? 'output' : 'hidden';
    const inT = kind === 'input' ? sizes[l] : half(sizes[l]);
    const outT = kind === 'output' ? sizes[l + 1] : half(sizes[l + 1]);
    const blocks = kind === 'hidden' ? 4 : 2;
    const coefRows = orthogonalRows(blocks, K, rng.fork(`coefs${l}`));
    // Templates start at Kaiming normal by their own fan-in. (The code's `kaiming_normal_` on the
    // stacked [K, out, in] tensor counts out·in as the fan-in; its WRNs have batch norm, our MLP has not.)
    const templates = [0, 1].map((s) => variable(tf, stackTemplates(tf, K, inT, outT, rng.fork(`t${l}-${s}`))));
    params.push({
      templates,
      coefs: coefRows.map((row) => variable(tf, tf.tensor1d(row))),
      bias: [0, 1].map(() => variable(tf, tf.zeros([outT]))),
      free: new Map(),
      inT,
      outT,
      kind,
    });
  }
  let grownInit: GrowthInit | undefined;

  const blockWeight = (p: LayerParams, block: number): tfNs.Tensor => {
    const free = p.free.get(block);
    if (free) return free;
    const set = block % 2;
    const flat = tf.reshape(p.templates[set], [K, p.inT * p.outT]);
    return tf.reshape(tf.matMul(tf.reshape(p.coefs[block], [1, K]), flat), [p.inT, p.outT]);
  };

  const layersOf = (vars: { name: string; weight: tfNs.Variable; bias: tfNs.Variable }[]): Layer[] =>
    vars.map((v, i) => ({
      ...v,
      kind: 'dense',
      role: i === vars.length - 1 ? 'output' : 'hidden',
      padding: 'same',
      pool: false,
    }));

  const member = (m: 0 | 1): Net => {
    const trainable = params.flatMap((p) => [p.templates[m], p.coefs[m], p.bias[m]]);
    return {
      // Layers expose the first template as "weight" (for names and norms); the forward mixes them.
      layers: layersOf(params.map((p, l) => ({ name: `layer${l}`, weight: p.templates[m], bias: p.bias[m] }))),
      activation: 'relu',
      inputShape: [sizes[0]],
      forward(x) {
        let h = x;
        params.forEach((p, l) => {
          h = tf.add(tf.matMul(h as tfNs.Tensor2D, blockWeight(p, m) as tfNs.Tensor2D), p.bias[m]);
          if (l < L - 1) h = tf.relu(h);
        });
        return h as tfNs.Tensor2D;
      },
      variables: () => trainable,
      weights: () => params.map((p) => p.templates[m]),
      size: () => trainable.reduce((s, v) => s + v.size, 0),
      dispose: () => {},
    };
  };

  const grownWeight = (p: LayerParams): { w: tfNs.Tensor; b: tfNs.Tensor } => {
    const [w0, w1] = [blockWeight(p, 0), blockWeight(p, 1)];
    if (p.kind === 'input') return { w: tf.concat([w0, w1], 1), b: tf.concat([p.bias[0], p.bias[1]]) };
    if (p.kind === 'output') return { w: tf.concat([w0, w1], 0), b: tf.add(p.bias[0], p.bias[1]) };
    const top = tf.concat([w0, blockWeight(p, 3)], 1);
    const bottom = tf.concat([blockWeight(p, 2), w1], 1);
    return { w: tf.concat([top, bottom], 0), b: tf.concat([p.bias[0], p.bias[1]]) };
  };

  const grown = (): Net => {
    if (!grownInit) throw new Error('grow() must be called before the grown net is used.');
    const trainable = params.flatMap((p) => [
      ...p.templates,
      ...p.coefs.filter((_, b) => !p.free.has(b)),
      ...p.free.values(),
      ...p.bias,
    ]);
    return {
      layers: layersOf(params.map((p, l) => ({ name: `layer${l}`, weight: p.templates[0], bias: p.bias[0] }))),
      activation: 'relu',
      inputShape: [sizes[0]],
      forward(x) {
        let h = x;
        params.forEach((p, l) => {
          const { w, b } = grownWeight(p);
          h = tf.add(tf.matMul(h as tfNs.Tensor2D, w as tfNs.Tensor2D), b);
          if (l < L - 1) h = tf.relu(h);
        });
        return h as tfNs.Tensor2D;
      },
      variables: () => trainable,
      weights: () => params.map((p) => p.templates[0]),
      size: () => trainable.reduce((s, v) => s + v.size, 0),
      dispose: () => {},
    };
  };

  const macsOf = (widths: number[]) => widths.slice(1).reduce((s, w, i) => s + widths[i] * w, 0);
  const memberSizes = sizes.map((s, i) => (i === 0 || i === L ? s : half(s)));

  return {
    member,
    grown,
    grow(init, r) {
      if (grownInit) throw new Error('The net has already grown.');
      grownInit = init;
      params.forEach((p, l) => {
        if (p.kind !== 'hidden') return;
        if (init === 'random') {
          for (const b of [2, 3])
            p.free.set(
              b,
              variable(
                tf,
                tf.tensor(initWeights('he_normal', [p.inT, p.outT], r.fork(`free${l}-${b}`)), [p.inT, p.outT]),
              ),
            );
        } else if (init === 'zero') {
          for (const b of [2, 3]) tf.tidy(() => p.coefs[b].assign(tf.zerosLike(p.coefs[b])));
        } else {
          // Block 2 keeps its orthogonal-init row; block 3 gets the least represented direction.
          const prev = [0, 1, 2].map((b) => Array.from(p.coefs[b].dataSync()));
          const dir = leastRepresentedDirection(prev, r.fork(`dir${l}`));
          tf.tidy(() => p.coefs[3].assign(tf.tensor1d(dir)));
        }
      });
    },
    parameters: () => params.flatMap((p) => [...p.templates, ...p.coefs, ...p.bias]),
    macs: { member: macsOf(memberSizes), grown: macsOf(sizes) },
    dispose() {
      for (const p of params) {
        [...p.templates, ...p.coefs, ...p.bias, ...p.free.values()].forEach((v) => v.dispose());
      }
    },
  };
}

function stackTemplates(tf: Tf, K: number, inT: number, outT: number, rng: Rng): tfNs.Tensor {
  const data = new Float32Array(K * inT * outT);
  for (let k = 0; k < K; k++) data.set(initWeights('he_normal', [inT, outT], rng.fork(`k${k}`)), k * inT * outT);
  return tf.tensor(data, [K, inT, outT]);
}
