/**
 * Supermasks (Ramanujan et al. 2019; SupSup, Wortsman et al. 2020; ExSSNeT, Yadav & Bansal 2022): a
 * bias-free MLP whose weights are fixed (or trained only where allowed) and whose per-task binary
 * masks are learned through real-valued scores. The mask keeps the top `density` fraction of |scores|
 * in each layer (ExSSNeT `models/module_util.GetSubnet` on `scores.abs()`); its gradient passes
 * straight through to the scores (`tf.customGrad`, which works on tfjs 4.22, next-batches.md §2).
 *
 * The top-k threshold comes from a JS quickselect over the scores (tf.topk on wasm costs one to two
 * training steps), recomputed only after the scores change (`invalidate()`, called after each update).
 *
 * Weights start at the signed constant ±√2/√fan_in (SupSup `signed_constant`, init.ts); scores at
 * U(−1/√fan_in, 1/√fan_in), PyTorch's kaiming_uniform(a=√5) that SupSup's `mask_init` uses.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights } from './init';
import type { Layer, Net } from './model';
import type { Rng } from './rng';
import { kthSmallest } from '../core/stats/select';

type Tf = typeof tfNs;

/** A 0/1 tensor whose gradient is the upstream gradient unchanged (the straight-through estimator). */
export function steMask(tf: Tf, x: tfNs.Tensor, threshold: number): tfNs.Tensor {
  const f = tf.customGrad(((input: tfNs.Tensor) => ({
    value: tf.cast(tf.greaterEqual(input, threshold), 'float32'),
    gradFunc: (dy: tfNs.Tensor) => dy,
  })) as Parameters<Tf['customGrad']>[0]);
  return f(x) as tfNs.Tensor;
}

/**
 * The smallest kept magnitude when the top `density` fraction of `values` (by |v|) is kept:
 * GetSubnet zeroes the j = ⌊(1 − density)·n⌋ smallest, so the threshold is the j-th smallest |v|.
 */
export function topKThreshold(values: ArrayLike<number>, density: number): number {
  const n = values.length;
  const j = Math.min(n - 1, Math.max(0, Math.floor((1 - density) * n)));
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(values[i]);
  return kthSmallest(abs, j);
}

/** Host 0/1 mask of the top `density` fraction of |scores|. */
export function topKMask(scores: ArrayLike<number>, density: number): Float32Array {
  const t = topKThreshold(scores, density);
  const m = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) m[i] = Math.abs(scores[i]) >= t ? 1 : 0;
  return m;
}

/**
 * ExSSNeT's editable weights for task t: in its own mask and in none of the earlier tasks' masks,
 * m_t ∧ ¬(m_0 ∨ … ∨ m_{t−1}) (`trainers/weights.py`, `weight_mask_type == "exclusive"`).
 */
export function exclusiveMask(current: ArrayLike<number>, previous: ArrayLike<number>[]): Float32Array {
  const out = new Float32Array(current.length);
  for (let i = 0; i < current.length; i++) {
    if (current[i] === 0) continue;
    let used = false;
    for (const p of previous) if (p[i] !== 0) used = true;
    out[i] = used ? 0 : 1;
  }
  return out;
}

export interface SupermaskMlpSpec {
  sizes: number[];
  tasks: number;
  /** Fraction of each layer's weights a task's mask keeps (ExSSNeT's `sparsity`, a KEPT fraction). */
  density: number;
  rng: Rng;
  /** Per task, a fixed permutation of the input features (PermutedMNIST), or undefined. */
  permutations?: (Int32Array | undefined)[];
}

/**
 * The multitask supermask net. `net(task, 'scores')` trains that task's scores (weights fixed);
 * `net(task, 'weights')` trains the weights under the task's cached mask; `net(task, 'eval')` is the
 * same forward with nothing trainable. All share the weight variables.
 */
export interface SupermaskMlp {
  weights: tfNs.Variable[];
  scores: tfNs.Variable[][];
  net(task: number, phase: 'scores' | 'weights' | 'eval'): Net;
  /** Freezes task `t`'s current top-k masks (after its score phase). */
  cacheMasks(task: number): void;
  /** Host copies of task t's cached masks, per layer. */
  masksOf(task: number): Float32Array[];
  /** Drops the cached thresholds: call after each update of the scores. */
  invalidate(): void;
  dispose(): void;
}

export function buildSupermaskMlp(tf: Tf, spec: SupermaskMlpSpec): SupermaskMlp {
  const L = spec.sizes.length - 1;
  const shape = (l: number) => [spec.sizes[l], spec.sizes[l + 1]];
  const weights = Array.from({ length: L }, (_, l) => {
    const w = tf.tensor(initWeights('signed_constant', shape(l), spec.rng.fork(`weight${l}`)), shape(l));
    const v = tf.variable(w, true);
    w.dispose();
    return v;
  });
  const scores = Array.from({ length: spec.tasks }, (_, t) =>
    Array.from({ length: L }, (_, l) => {
      const bound = 1 / Math.sqrt(spec.sizes[l]);
      const r = spec.rng.fork(`scores${t}-${l}`);
      const init = Float32Array.from({ length: spec.sizes[l] * spec.sizes[l + 1] }, () => (2 * r.next() - 1) * bound);
      const s = tf.tensor(init, shape(l));
      const v = tf.variable(s, true);
      s.dispose();
      return v;
    }),
  );
  // Zero biases so the nets fit the Layer shape (snapshots, saving); the forward never reads them.
  const zeroBiases = Array.from({ length: L }, (_, l) => {
    const z = tf.zeros([spec.sizes[l + 1]]);
    const v = tf.variable(z, false);
    z.dispose();
    return v;
  });
  const cached = new Map<number, tfNs.Tensor[]>();
  const cachedHost = new Map<number, Float32Array[]>();
  const thresholds = new Map<number, number[]>();

  const thresholdsOf = (t: number) => {
    let th = thresholds.get(t);
    if (!th) {
      th = scores[t].map((s) => topKThreshold(s.dataSync(), spec.density));
      thresholds.set(t, th);
    }
    return th;
  };

  const maskFor = (t: number, l: number, phase: 'scores' | 'weights' | 'eval'): tfNs.Tensor => {
    const c = cached.get(t);
    if (c && phase !== 'scores') return c[l];
    const th = thresholdsOf(t)[l];
    return phase === 'scores'
      ? steMask(tf, tf.abs(scores[t][l]), th)
      : tf.cast(tf.greaterEqual(tf.abs(scores[t][l]), th), 'float32');
  };

  const makeNet = (t: number, phase: 'scores' | 'weights' | 'eval'): Net => {
    const layers: Layer[] = weights.map((w, l) => ({
      name: `dense${l}`,
      kind: 'dense',
      role: l === L - 1 ? 'output' : 'hidden',
      weight: phase === 'scores' ? scores[t][l] : w,
      bias: zeroBiases[l],
      padding: 'same',
      pool: false,
    }));
    const perm = spec.permutations?.[t];
    return {
      layers,
      activation: 'relu',
      inputShape: [spec.sizes[0]],
      forward(x) {
        let h: tfNs.Tensor = perm ? tf.gather(x, tf.tensor1d(perm, 'int32'), 1) : x;
        for (let l = 0; l < L; l++) {
          h = tf.matMul(h as tfNs.Tensor2D, tf.mul(weights[l], maskFor(t, l, phase)) as tfNs.Tensor2D);
          if (l < L - 1) h = tf.relu(h);
        }
        return h as tfNs.Tensor2D;
      },
      variables: () => (phase === 'scores' ? scores[t] : phase === 'weights' ? weights : []),
      weights: () => layers.map((l) => l.weight),
      size: () => weights.reduce((s, w) => s + w.size, 0),
      dispose: () => {},
    };
  };

  return {
    weights,
    scores,
    net: makeNet,
    cacheMasks(t) {
      cached.get(t)?.forEach((m) => m.dispose());
      const th = thresholdsOf(t);
      const host = scores[t].map((s, l) => {
        const d = s.dataSync();
        const m = new Float32Array(d.length);
        for (let i = 0; i < d.length; i++) m[i] = Math.abs(d[i]) >= th[l] ? 1 : 0;
        return m;
      });
      cachedHost.set(t, host);
      cached.set(
        t,
        host.map((m, l) => tf.tensor(m, shape(l))),
      );
    },
    masksOf(t) {
      const h = cachedHost.get(t);
      if (!h) throw new Error(`Task ${t}'s masks are not cached yet.`);
      return h;
    },
    invalidate: () => thresholds.clear(),
    dispose() {
      for (const m of cached.values()) m.forEach((x) => x.dispose());
      weights.forEach((w) => w.dispose());
      zeroBiases.forEach((b) => b.dispose());
      scores.flat().forEach((s) => s.dispose());
    },
  };
}
