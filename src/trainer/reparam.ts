/**
 * Weights computed in the forward pass from parameters: w = f(θ; φ). Here the weight-compander
 * families (Cakaj, Mehnert & Yang 2023 reparameterize "each weight … using a nonlinear function" that
 * restricts large magnitudes while pushing weights away from zero; the function itself could not be
 * read, next-batches.md §A9, so both families below are OURS, not the paper's):
 *
 *   mu_law:  g(u) = sgn(u) · a · ln(1 + b·|u|)        (a log compressor; slope a·b at 0)
 *   tanh:    g(u) = a · tanh(b·u) + c·u               (bounded but for the small linear leak c)
 *
 * applied per layer in units of the layer's initial standard deviation σ: w = σ·g(θ/σ). With slope
 * g'(0) > 1 small parameters map to larger effective weights and receive larger gradients, and large
 * ones are compressed. θ starts at σ·g⁻¹(w₀/σ), so the effective weights start exactly where the plain
 * network's do. φ = (a, b, c) is fixed, or learned per layer through its logarithm (positive).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { initWeights, fans, type InitName } from './init';
import type { Layer, Net } from './model';
import type { Optimizer } from './optim';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export type CompanderFamily = 'mu_law' | 'tanh';

export interface CompanderParams {
  a: number;
  b: number;
  /** tanh family only: the linear leak that keeps g invertible and unbounded (0 < c). */
  c?: number;
}

export function compand(family: CompanderFamily, u: number, p: CompanderParams): number {
  if (family === 'mu_law') return Math.sign(u) * p.a * Math.log1p(p.b * Math.abs(u));
  return p.a * Math.tanh(p.b * u) + (p.c ?? 0) * u;
}

/** g′(u), for Newton's method and the tests. */
export function compandSlope(family: CompanderFamily, u: number, p: CompanderParams): number {
  if (family === 'mu_law') return (p.a * p.b) / (1 + p.b * Math.abs(u));
  const t = Math.tanh(p.b * u);
  return p.a * p.b * (1 - t * t) + (p.c ?? 0);
}

/**
 * g⁻¹(w): closed form for mu_law; for tanh, Newton from a bracketing start (g is strictly increasing
 * when c > 0). Throws when w is outside the range of a bounded g (tanh with c = 0 and |w| ≥ a).
 */
export function compandInverse(family: CompanderFamily, w: number, p: CompanderParams): number {
  if (family === 'mu_law') return (Math.sign(w) * Math.expm1(Math.abs(w) / p.a)) / p.b;
  const c = p.c ?? 0;
  if (c <= 0 && Math.abs(w) >= p.a) throw new RangeError(`|w| = ${Math.abs(w)} is outside tanh's range (a = ${p.a})`);
  // Bisection bracket, then Newton steps (safeguarded by the bracket).
  let lo = -1;
  let hi = 1;
  while (compand(family, lo, p) > w) lo *= 2;
  while (compand(family, hi, p) < w) hi *= 2;
  let u = 0;
  for (let it = 0; it < 100; it++) {
    const f = compand(family, u, p) - w;
    if (Math.abs(f) < 1e-12) break;
    if (f > 0) hi = u;
    else lo = u;
    const step = u - f / compandSlope(family, u, p);
    u = step > lo && step < hi ? step : (lo + hi) / 2;
  }
  return u;
}

/** g(u) as tf ops, with φ as numbers or scalars (learned). */
export function compandTf(
  tf: Tf,
  family: CompanderFamily,
  u: tfNs.Tensor,
  a: tfNs.Tensor | number,
  b: tfNs.Tensor | number,
  c: tfNs.Tensor | number = 0,
): tfNs.Tensor {
  if (family === 'mu_law') return tf.mul(tf.mul(tf.sign(u), a), tf.log1p(tf.mul(tf.abs(u), b)));
  return tf.add(tf.mul(a, tf.tanh(tf.mul(u, b))), tf.mul(u, c));
}

export interface CompandedMlpSpec {
  sizes: number[];
  init: InitName | string;
  rng: Rng;
  family: CompanderFamily;
  params: CompanderParams;
  /** Learn a, b (and c) per layer, through their logarithms. */
  learn: boolean;
}

export interface CompandedMlp {
  /** `layers[i].weight` is θ (what the optimizer moves); the forward uses the effective weights. */
  net: Net;
  /** The learned (or fixed) φ per layer. */
  hyper(): CompanderParams[];
  /** The variables of φ (empty when fixed; also in `net.variables()`): give them their own optimizer, without weight decay. */
  hyperVariables: tfNs.Variable[];
  /** Host copies of the effective weights σ·g(θ/σ), per layer. */
  effectiveWeights(): Float32Array[];
}

/** The layer's initial standard deviation, the unit the compander works in. */
function initStd(init: string, shape: number[]): number {
  const { fanIn, fanOut } = fans(shape);
  if (init.startsWith('glorot')) return Math.sqrt(2 / (fanIn + fanOut));
  if (init.startsWith('he') || init.startsWith('kaiming')) return Math.SQRT2 / Math.sqrt(fanIn);
  return 1 / Math.sqrt(fanIn);
}

export function buildCompandedMlp(tf: Tf, spec: CompandedMlpSpec): CompandedMlp {
  const { family, params: p0 } = spec;
  const L = spec.sizes.length - 1;
  const sigmas: number[] = [];
  const layers: Layer[] = [];
  for (let l = 0; l < L; l++) {
    const shape = [spec.sizes[l], spec.sizes[l + 1]];
    // The same draw as buildMlp's (same fork labels), so the plain and the companded net start equal.
    const w0 = initWeights(spec.init, shape, spec.rng.fork(`dense${l}`));
    const sigma = initStd(spec.init, shape);
    sigmas.push(sigma);
    const theta = Float32Array.from(w0, (w) => sigma * compandInverse(family, w / sigma, p0));
    const t = tf.tensor(theta, shape);
    const b = tf.zeros([spec.sizes[l + 1]]);
    layers.push({
      name: `dense${l}`,
      kind: 'dense',
      role: l === L - 1 ? 'output' : 'hidden',
      weight: tf.variable(t, true),
      bias: tf.variable(b, true),
      padding: 'same',
      pool: false,
    });
    t.dispose();
    b.dispose();
  }
  // log a, log b, log c per layer when learned.
  const logs = spec.learn
    ? layers.map(() =>
        (['a', 'b', 'c'] as const).map((k) => {
          const v = k === 'c' ? (p0.c ?? 0) : p0[k];
          const s = tf.scalar(Math.log(Math.max(v, 1e-6)));
          const variable = tf.variable(s, true);
          s.dispose();
          return variable;
        }),
      )
    : [];
  const hyperVariables = logs.flatMap((x) => (family === 'tanh' ? x : x.slice(0, 2)));

  const effective = (l: number): tfNs.Tensor => {
    const s = sigmas[l];
    const u = tf.div(layers[l].weight, s);
    const g = spec.learn
      ? compandTf(tf, family, u, tf.exp(logs[l][0]), tf.exp(logs[l][1]), family === 'tanh' ? tf.exp(logs[l][2]) : 0)
      : compandTf(tf, family, u, p0.a, p0.b, p0.c ?? 0);
    return tf.mul(g, s);
  };

  const net: Net = {
    layers,
    activation: 'relu',
    inputShape: [spec.sizes[0]],
    forward(x) {
      let h: tfNs.Tensor = x;
      for (let l = 0; l < L; l++) {
        h = tf.add(tf.matMul(h as tfNs.Tensor2D, effective(l) as tfNs.Tensor2D), layers[l].bias);
        if (l < L - 1) h = tf.relu(h);
      }
      return h as tfNs.Tensor2D;
    },
    // φ is included so the loop differentiates it; give it its own optimizer (see hyperVariables).
    variables: () => [...layers.flatMap((l) => [l.weight, l.bias]), ...hyperVariables],
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((s, l) => s + l.weight.size + l.bias.size, 0),
    dispose: () => {
      layers.forEach((l) => (l.weight.dispose(), l.bias.dispose()));
      logs.flat().forEach((v) => v.dispose());
    },
  };

  return {
    net,
    hyperVariables,
    hyper: () =>
      layers.map((_, l) =>
        spec.learn
          ? {
              a: Math.exp(logs[l][0].dataSync()[0]),
              b: Math.exp(logs[l][1].dataSync()[0]),
              ...(family === 'tanh' ? { c: Math.exp(logs[l][2].dataSync()[0]) } : {}),
            }
          : { ...p0 },
      ),
    effectiveWeights: () =>
      layers.map((_, l) => tf.tidy(() => Float32Array.from(effective(l).dataSync() as Float32Array))),
  };
}

/** One optimizer made of several over disjoint variables (e.g. weights with weight decay, φ without). */
export function combineOptimizers(parts: Optimizer[]): Optimizer {
  return {
    apply: (grads, maskOf) => parts.forEach((o) => o.apply(grads, maskOf)),
    get iterations() {
      return parts[0]?.iterations ?? 0;
    },
    reset: () => parts.forEach((o) => o.reset()),
    dispose: () => parts.forEach((o) => o.dispose()),
  };
}
