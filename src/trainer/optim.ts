/**
 * SGD (momentum, Nesterov), Adam and AdamW written over explicit variables, so that masks can act on
 * the update: gradients of pruned weights are multiplied by the mask before the optimizer sees them,
 * which keeps the optimizer's state for those entries at exactly zero (and therefore the update too).
 *
 *   const opt = createOptimizer(tf, { name: 'adam', lr: 1.2e-3 }, net.variables());
 *   opt.apply(grads, maskOf);   // inside the training step's tf.tidy
 *
 * Conventions follow PyTorch: SGD's weight_decay is L2 added to the gradient; momentum buffers are
 * `b = μ b + g`, Nesterov steps along `g + μ b`; Adam's weight_decay is L2 in the gradient, AdamW's is
 * decoupled (`w -= lr·wd·w`).
 *
 * A masked weight comes out of `apply` multiplied by its mask, so pruned entries stay exactly zero
 * whatever the update did (decoupled weight decay, a restored snapshot).
 *
 * On the wasm backend the update of each variable is one pass of our own kernel over its buffer, in
 * place (wasmKernels/kernels.c): the same float32 operations in the same order as the tfjs ops below,
 * so both paths give the same bits; the kernel saves ~10 tensors and as many passes per variable.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { wasmKernelsFor, type WasmKernels } from './wasmKernels/index';

type Tf = typeof tfNs;

export interface OptimizerConfig {
  name: 'sgd' | 'adam' | 'adamw';
  lr: number;
  momentum?: number;
  nesterov?: boolean;
  weight_decay?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface Optimizer {
  /**
   * Applies one update. `grads` is keyed by variable name (tf.variableGrads' output). A variable with a
   * mask has its gradient masked before the update and its new value masked after it.
   */
  apply(grads: Record<string, tfNs.Tensor>, maskOf?: (v: tfNs.Variable) => tfNs.Tensor | undefined): void;
  /** Steps taken. */
  readonly iterations: number;
  /** Zeroes all state (moments, step count): a fresh optimizer for a new training run. */
  reset(): void;
  dispose(): void;
}

/**
 * The optimizer a config's `train` block describes (papers/common/schema: `optimizer`, `lr`, optional
 * `momentum` and `weight_decay`), for recipes that train every arm with the block as written.
 */
export function optimizerOf(train: {
  optimizer: OptimizerConfig['name'];
  lr: number;
  momentum?: number;
  weight_decay?: number;
}): OptimizerConfig {
  return { name: train.optimizer, lr: train.lr, momentum: train.momentum, weight_decay: train.weight_decay };
}

export function createOptimizer(tf: Tf, cfg: OptimizerConfig, vars: tfNs.Variable[]): Optimizer {
  const wd = cfg.weight_decay ?? 0;
  const mu = cfg.momentum ?? 0;
  const b1 = cfg.beta1 ?? 0.9;
  const b2 = cfg.beta2 ?? 0.999;
  const eps = cfg.epsilon ?? 1e-8;
  const needsFirst = cfg.name !== 'sgd' || mu > 0;
  const needsSecond = cfg.name !== 'sgd';
  const first = new Map<string, tfNs.Variable>();
  const second = new Map<string, tfNs.Variable>();
  // A variable keeps its own reference to the data, so the zeros tensor it starts from is disposed
  // here; left alive, it would be one leaked tensor per state slot per training run.
  const zeroState = (v: tfNs.Variable) => {
    const z = tf.zerosLike(v);
    const state = tf.variable(z, false);
    z.dispose();
    return state;
  };
  for (const v of vars) {
    if (needsFirst) first.set(v.name, zeroState(v));
    if (needsSecond) second.set(v.name, zeroState(v));
  }
  let t = 0;
  // Constant scalars live as long as the optimizer (kept out of tidy scopes, disposed with it).
  let k: Record<'b1' | 'oneMinusB1' | 'b2' | 'oneMinusB2' | 'wd' | 'mu', tfNs.Scalar> | undefined;
  const consts = () =>
    (k ??= tf.tidy(() => {
      const c = {
        b1: tf.scalar(b1),
        oneMinusB1: tf.scalar(1 - b1),
        b2: tf.scalar(b2),
        oneMinusB2: tf.scalar(1 - b2),
        wd: tf.scalar(wd),
        mu: tf.scalar(mu),
      };
      Object.values(c).forEach((x) => tf.keep(x));
      return c;
    }));

  /** The same update through the fused in-place kernels (wasm backend). */
  const fusedStep = (
    ks: WasmKernels,
    grads: Record<string, tfNs.Tensor>,
    maskOf: ((v: tfNs.Variable) => tfNs.Tensor | undefined) | undefined,
    bc1: number,
    bc2: number,
  ) => {
    for (const v of vars) {
      const g = grads[v.name];
      if (!g) continue;
      const mask = maskOf?.(v);
      const pMask = mask ? ks.offset(mask) : 0;
      ks.ownBuffer(tf, v);
      if (cfg.name === 'sgd') {
        const b = first.get(v.name);
        if (b) ks.ownBuffer(tf, b);
        ks.k.sgd_update(
          v.size,
          ks.offset(v),
          ks.offset(g),
          b ? ks.offset(b) : 0,
          pMask,
          cfg.lr,
          wd,
          mu,
          t === 1 ? 1 : 0,
          cfg.nesterov ? 1 : 0,
        );
      } else {
        const m = first.get(v.name)!;
        const s = second.get(v.name)!;
        ks.ownBuffer(tf, m);
        ks.ownBuffer(tf, s);
        ks.k.adam_update(
          v.size,
          ks.offset(v),
          ks.offset(g),
          ks.offset(m),
          ks.offset(s),
          pMask,
          b1,
          1 - b1,
          b2,
          1 - b2,
          (cfg.lr * Math.sqrt(bc2)) / bc1,
          eps * Math.sqrt(bc2),
          cfg.name === 'adam' ? wd : 0,
          cfg.name === 'adamw' ? cfg.lr * wd : 0,
        );
      }
    }
  };

  return {
    get iterations() {
      return t;
    },
    apply(grads, maskOf) {
      t++;
      // Bias corrections are folded into the step size (Adam paper, §2 "efficiency" form).
      const bc1 = 1 - Math.pow(b1, t);
      const bc2 = 1 - Math.pow(b2, t);
      const ks = wasmKernelsFor(tf);
      if (ks && vars.every((v) => !grads[v.name] || grads[v.name].dtype === 'float32')) {
        fusedStep(ks, grads, maskOf, bc1, bc2);
        return;
      }
      tf.tidy(() => {
        // Scalars are made once per step, not once per variable: on wasm, turning a JS number into a
        // tensor costs about as much as a small op.
        const k = consts();
        const lr = tf.scalar(cfg.lr);
        const stepSize = tf.scalar((cfg.lr * Math.sqrt(bc2)) / bc1);
        const epsHat = tf.scalar(eps * Math.sqrt(bc2));
        const lrWd = tf.scalar(cfg.lr * wd);
        for (const v of vars) {
          let g = grads[v.name];
          if (!g) continue;
          const mask = maskOf?.(v);
          if (mask) g = tf.mul(g, mask);
          let next: tfNs.Tensor;
          if (cfg.name === 'sgd') {
            if (wd) g = tf.add(g, tf.mul(v, k.wd));
            if (mu > 0) {
              const b = first.get(v.name)!;
              const nb = t === 1 ? g : tf.add(tf.mul(b, k.mu), g);
              b.assign(nb);
              g = cfg.nesterov ? tf.add(g, tf.mul(nb, k.mu)) : nb;
            }
            next = tf.sub(v, tf.mul(g, lr));
          } else {
            if (cfg.name === 'adam' && wd) g = tf.add(g, tf.mul(v, k.wd));
            const m = first.get(v.name)!;
            const s = second.get(v.name)!;
            const nm = tf.add(tf.mul(m, k.b1), tf.mul(g, k.oneMinusB1));
            const ns = tf.add(tf.mul(s, k.b2), tf.mul(tf.square(g), k.oneMinusB2));
            m.assign(nm);
            s.assign(ns);
            let upd = tf.div(tf.mul(nm, stepSize), tf.add(tf.sqrt(ns), epsHat));
            if (cfg.name === 'adamw' && wd) upd = tf.add(upd, tf.mul(v, lrWd));
            next = tf.sub(v, upd);
          }
          v.assign(mask ? tf.mul(next, mask) : next);
        }
      });
    },
    reset() {
      t = 0;
      tf.tidy(() => {
        for (const s of [...first.values(), ...second.values()]) s.assign(tf.zerosLike(s));
      });
    },
    dispose() {
      if (k) Object.values(k).forEach((x) => x.dispose());
      k = undefined;
      for (const s of [...first.values(), ...second.values()]) s.dispose();
      first.clear();
      second.clear();
    },
  };
}
