/**
 * Random-feature models: a frozen random hidden map Φ(x) and a linear readout fitted by ridge
 * regression. The maps are tfjs ops (the products are large); the readout's Gram matrix is formed by
 * tfjs `matMul` on centred features and handed to the Float64 Cholesky solve of trainer/linalg/ridge.ts
 * (tfjs has no solve, and JS loops must never form Gram matrices: notes §2). Primal (p×p) or dual
 * (n×n) form, whichever is smaller.
 *
 * Maps:
 *   ridgeFeatures      σ(x·A − b): shallow random nets (bandlimited-random-weights: A, b ~ U[−λ, λ]);
 *   attentionFeatures  one attention layer with frozen random query–key matrices W_m and trainable
 *                      values: φ_m = (1/N) Σ_i σ(x₀ᵀ W_m x_i) x_i (random-feature-attention).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { ridgeSolveMany } from './linalg/ridge';

type Tf = typeof tfNs;

export type FeatureActivation = 'sigmoid' | 'tanh' | 'relu' | 'cos';

export function activate(tf: Tf, a: FeatureActivation, z: tfNs.Tensor): tfNs.Tensor {
  switch (a) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'cos':
      return tf.cos(z);
  }
}

/** σ(x·A − b) for x [n, m], A [m, p], b [p]: one row of features per example. */
export function ridgeFeatures(
  tf: Tf,
  x: tfNs.Tensor2D,
  a: tfNs.Tensor2D,
  b: tfNs.Tensor1D,
  act: FeatureActivation,
): tfNs.Tensor2D {
  return tf.tidy(() => activate(tf, act, tf.sub(tf.matMul(x, a), b)) as tfNs.Tensor2D);
}

/**
 * Random-feature attention: for a query x₀ [n, d] and keys [n, N, d], head m gives
 * (1/N) Σ_i σ(x₀ᵀ W_m x_i) x_i ∈ R^d, so the readout (the value matrices) is linear in M·d features.
 * `w` is [d, M·d]: head m's W_m in columns m·d … m·d + d − 1, so x₀·w gives every head's x₀ᵀW_m at once.
 */
export function attentionFeatures(
  tf: Tf,
  query: tfNs.Tensor2D,
  keys: tfNs.Tensor3D,
  w: tfNs.Tensor2D,
  act: FeatureActivation,
): tfNs.Tensor2D {
  return tf.tidy(() => {
    const [n, N, d] = keys.shape;
    const heads = w.shape[1] / d;
    const u = tf.reshape(tf.matMul(query, w), [n, heads, d]); // x₀ᵀW_m per head
    const scores = tf.matMul(u, keys, false, true); // [n, M, N]
    const weights = tf.div(activate(tf, act, scores), N);
    const feats = tf.matMul(weights, keys); // [n, M, d]
    return tf.reshape(feats, [n, heads * d]) as tfNs.Tensor2D;
  });
}

export interface RidgeModel {
  /** Readout weights on centred features. */
  coef: Float64Array;
  /** Feature means (subtracted before the readout) and the target mean (the intercept). */
  featureMean: Float32Array;
  yMean: number;
  /** The ridge used, absolute. */
  lambda: number;
  form: 'primal' | 'dual';
}

export interface RidgeOptions {
  /** λ relative to the mean diagonal of the (centred) Gram matrix: scale-free across feature maps. */
  relLambda: number;
}

async function toFloat64(t: tfNs.Tensor): Promise<Float64Array> {
  return Float64Array.from((await t.data()) as Float32Array);
}

/**
 * Fits y ≈ (Φ − μ)w + ȳ by ridge. Features are centred on the backend in float32 before the Gram is
 * formed (uncentred sigmoid features have a large common mean whose square would swamp the variance
 * in float32). Primal when p ≤ n (w = (ΦᵀΦ + λ)⁻¹Φᵀy), dual otherwise (w = Φᵀ(ΦΦᵀ + λ)⁻¹y).
 */
export async function fitRidge(
  tf: Tf,
  phi: tfNs.Tensor2D,
  y: Float32Array | Float64Array,
  o: RidgeOptions,
): Promise<RidgeModel> {
  return (await fitRidgeMany(tf, phi, [y], o))[0];
}

/** fitRidge for several targets on the same features: one Gram matrix, one factorization. */
export async function fitRidgeMany(
  tf: Tf,
  phi: tfNs.Tensor2D,
  ys: (Float32Array | Float64Array)[],
  o: RidgeOptions,
): Promise<RidgeModel[]> {
  const [n, p] = phi.shape;
  for (const y of ys) if (y.length !== n) throw new RangeError(`fitRidge: ${y.length} targets for ${n} feature rows`);
  const yMeans = ys.map((y) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += y[i] / n;
    return m;
  });
  const ycs = ys.map((y, t) => Float32Array.from(y, (v) => v - yMeans[t]));
  const meanT = tf.mean(phi, 0);
  const featureMean = (await meanT.data()) as Float32Array;
  const centred = tf.sub(phi, meanT);
  const yT = tf.tensor2d(concatColumns(ycs, n), [n, ys.length]);
  try {
    if (p <= n) {
      const [gramT, xtyT] = tf.tidy(() => [
        tf.matMul(centred, centred, true, false),
        tf.matMul(centred, yT, true, false),
      ]);
      const gram = await toFloat64(gramT);
      const xty = await toFloat64(xtyT); // p × targets
      gramT.dispose();
      xtyT.dispose();
      const lam = o.relLambda * meanDiagonal(gram, p);
      const rhs = ys.map((_, t) => Float64Array.from({ length: p }, (_, i) => xty[i * ys.length + t]));
      const s = ridgeSolveMany(gram, p, rhs, lam);
      return s.coefs.map((coef, t) => ({
        coef,
        featureMean,
        yMean: yMeans[t],
        lambda: s.lambda,
        form: 'primal' as const,
      }));
    }
    const kT = tf.matMul(centred, centred, false, true);
    const k = await toFloat64(kT);
    kT.dispose();
    const lam = o.relLambda * meanDiagonal(k, n);
    const s = ridgeSolveMany(k, n, ycs, lam);
    const out: RidgeModel[] = [];
    for (let t = 0; t < ys.length; t++) {
      const wT = tf.tidy(() => tf.matMul(centred, tf.tensor2d(Float32Array.from(s.coefs[t]), [n, 1]), true, false));
      out.push({ coef: await toFloat64(wT), featureMean, yMean: yMeans[t], lambda: s.lambda, form: 'dual' });
      wT.dispose();
    }
    return out;
  } finally {
    meanT.dispose();
    centred.dispose();
    yT.dispose();
  }
}

/**
 * Ridge fits over a grid of λ (relative to the Gram's mean diagonal) for several targets: the Gram
 * matrix is formed once, each λ factorizes it once. `models[l][t]` is λ index l, target t. For choosing
 * λ on held-out data.
 */
export async function fitRidgePath(
  tf: Tf,
  phi: tfNs.Tensor2D,
  ys: (Float32Array | Float64Array)[],
  relLambdas: number[],
): Promise<RidgeModel[][]> {
  const out: RidgeModel[][] = [];
  for (const rel of relLambdas) out.push(await fitRidgeMany(tf, phi, ys, { relLambda: rel }));
  return out;
}

function concatColumns(cols: Float32Array[], n: number): Float32Array {
  const out = new Float32Array(n * cols.length);
  cols.forEach((c, t) => c.forEach((v, i) => (out[i * cols.length + t] = v)));
  return out;
}

function meanDiagonal(g: Float64Array, p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) s += g[i * p + i];
  return Math.max(s / p, 1e-30);
}

/** Predictions of a fitted readout on new features. */
export async function predictRidge(tf: Tf, phi: tfNs.Tensor2D, m: RidgeModel): Promise<Float64Array> {
  const out = tf.tidy(() =>
    tf.matMul(tf.sub(phi, tf.tensor1d(m.featureMean)), tf.tensor2d(Float32Array.from(m.coef), [m.coef.length, 1])),
  );
  const v = (await out.data()) as Float32Array;
  out.dispose();
  return Float64Array.from(v, (x) => x + m.yMean);
}

export function meanSquaredError(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
}
