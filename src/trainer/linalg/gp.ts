/**
 * Gaussian-process and Student-t-process regression on precomputed kernels (src/trainer/linalg/kernels.ts),
 * in Float64 with the Cholesky factorization of cholesky.ts:
 *   - the GP posterior of f at test points (mean, variance or full covariance) and posterior samples,
 *     as used for "hypotheses that fit the training data" (inductive-bias's kernel space);
 *   - the posterior predictive of the scale mixture of NNGPs with an inverse-gamma prior on the
 *     last-layer variance, which is a Student-t process (Lee et al., ICLR 2022), computed as the
 *     official code does (yuneg11/Scale-Mixtures-of-NNGP, experiments/regression.py).
 */
import { cholesky, choleskySolve } from './cholesky';
import { normalLogPdf, studentTLogPdf } from '../../core/stats/distributions';

export interface KernelSet {
  /** n×n train–train kernel, row-major. */
  train: ArrayLike<number>;
  /** m×n test–train kernel, row-major. */
  cross: ArrayLike<number>;
  /** m test–test variances (the diagonal). */
  testDiag: ArrayLike<number>;
  /** m×m test–test kernel, when a full posterior covariance is wanted. */
  test?: ArrayLike<number>;
  n: number;
  m: number;
}

export interface GpPosterior {
  mean: Float64Array;
  /** Posterior variance of f at each test point (clamped at 0 against rounding). */
  variance: Float64Array;
  /** Full m×m posterior covariance, when `k.test` was given. */
  covariance?: Float64Array;
  /** The diagonal regularization actually added (absolute). */
  jitter: number;
  /** yᵀ(K + jitter·I)⁻¹y, for the t-process's scale update. */
  quadForm: number;
  /** Posterior means for the `more` targets, from the same factorization (one per class, say). */
  moreMeans: Float64Array[];
}

/**
 * f | y for f ~ GP(0, K) observed without noise but with `jitter` on the diagonal (absolute, or
 * relative to the mean diagonal when `relative`, as neural_tangents' `diag_reg` is by default). The
 * jitter grows ×10 until K + jitter·I factors.
 */
export function gpPosterior(
  k: KernelSet,
  y: ArrayLike<number>,
  jitter: number,
  relative = true,
  more: ArrayLike<number>[] = [],
): GpPosterior {
  const { n, m } = k;
  if (k.train.length !== n * n || k.cross.length !== m * n || k.testDiag.length !== m || y.length !== n)
    throw new RangeError('gpPosterior: kernel or target sizes do not match n and m');
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += k.train[i * n + i] / n;
  let eps = relative ? jitter * meanDiag : jitter;
  let l: Float64Array | undefined;
  for (let attempt = 0; !l; attempt++) {
    const a = Float64Array.from(k.train);
    for (let i = 0; i < n; i++) a[i * n + i] += eps;
    try {
      l = cholesky(a, n);
    } catch (e) {
      if (attempt >= 12) throw e;
      eps = eps > 0 ? eps * 10 : 1e-12;
    }
  }
  const coef = choleskySolve(l, n, y);
  let quadForm = 0;
  for (let i = 0; i < n; i++) quadForm += y[i] * coef[i];
  const mean = new Float64Array(m);
  // V = L⁻¹ K_nm, one test point (column) at a time by forward substitution.
  const v = new Float64Array(m * n);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += k.cross[j * n + i] * coef[i];
    mean[j] = s;
    const col = v.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) {
      let t = k.cross[j * n + i];
      for (let q = 0; q < i; q++) t -= l[i * n + q] * col[q];
      col[i] = t / l[i * n + i];
    }
  }
  const variance = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += v[j * n + i] ** 2;
    variance[j] = Math.max(0, k.testDiag[j] - s);
  }
  let covariance: Float64Array | undefined;
  if (k.test) {
    covariance = new Float64Array(m * m);
    for (let a = 0; a < m; a++)
      for (let b = a; b < m; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += v[a * n + i] * v[b * n + i];
        covariance[a * m + b] = covariance[b * m + a] = k.test[a * m + b] - s;
      }
  }
  const moreMeans = more.map((t) => {
    const c = choleskySolve(l, n, t);
    return Float64Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += k.cross[j * n + i] * c[i];
      return s;
    });
  });
  return { mean, variance, covariance, jitter: eps, quadForm, moreMeans };
}

/**
 * Draws `count` functions f ~ N(mean, C) at the test points: mean + L_C z, with L_C the Cholesky factor
 * of C plus a jitter that grows until it factors (a posterior covariance is only semi-definite).
 * `normal` supplies standard normal draws (a seeded stream). Returns count rows of m values.
 */
export function sampleGaussian(
  mean: ArrayLike<number>,
  covariance: ArrayLike<number>,
  count: number,
  normal: () => number,
): Float64Array[] {
  const m = mean.length;
  let meanDiag = 0;
  for (let i = 0; i < m; i++) meanDiag += covariance[i * m + i] / m;
  let eps = 1e-10 * Math.max(meanDiag, 1e-300);
  let l: Float64Array | undefined;
  for (let attempt = 0; !l; attempt++) {
    const a = Float64Array.from(covariance);
    for (let i = 0; i < m; i++) a[i * m + i] += eps;
    try {
      l = cholesky(a, m);
    } catch (e) {
      if (attempt >= 14) throw e;
      eps *= 10;
    }
  }
  const out: Float64Array[] = [];
  const z = new Float64Array(m);
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < m; i++) z[i] = normal();
    const f = Float64Array.from(mean);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let q = 0; q <= i; q++) s += l[i * m + q] * z[q];
      f[i] += s;
    }
    out.push(f);
  }
  return out;
}

export interface TProcessPredictive {
  /** Degrees of freedom after conditioning: 2α + n. */
  nu: number;
  mean: Float64Array;
  /** Scale of the Student-t marginal at each test point. */
  scale: Float64Array;
}

/**
 * The scale mixture's posterior predictive with last-layer variance σ² ~ InvGamma(α, β): f is a
 * Student-t process with ν = 2α and scale kernel (β/α)K, and conditioning on n values gives
 * ν' = ν + n, the GP posterior mean, and scale² = (ν + yᵀ((β/α)K + ε)⁻¹y)/ν' · (β/α) · (posterior
 * variance under K) (regression.py: `d_1`, `conditional_nu`, `conditional_kernel`). `k` is the NNGP
 * kernel with last-layer variance 1.
 */
export function tProcessPredictive(
  k: KernelSet,
  y: ArrayLike<number>,
  alpha: number,
  beta: number,
  jitter: number,
): TProcessPredictive {
  return tProcessFromPosterior(gpPosterior(k, y, jitter), k.n, alpha, beta);
}

/**
 * The t-process predictive from the GP posterior under K (so a grid over (α, β) reuses one posterior).
 * yᵀ((β/α)(K + ε))⁻¹y = (α/β) yᵀ(K + ε)⁻¹y: one ε on K's diagonal for both the mean and this quadratic
 * form (the code adds an absolute ε to (β/α)K there and a relative one in its predictor, which differ
 * negligibly at ε ≪ K's diagonal).
 */
export function tProcessFromPosterior(post: GpPosterior, n: number, alpha: number, beta: number): TProcessPredictive {
  const quad = (alpha / beta) * post.quadForm;
  const nu = 2 * alpha;
  const nuPost = nu + n;
  const factor = ((nu + quad) / nuPost) * (beta / alpha);
  return { nu: nuPost, mean: post.mean, scale: post.variance.map((v) => Math.sqrt(factor * v)) };
}

/** Mean negative log-likelihood of targets under independent Gaussians (mean, sd). */
export function gaussianNll(y: ArrayLike<number>, mean: ArrayLike<number>, sd: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= normalLogPdf(y[i], mean[i], Math.max(sd[i], 1e-12));
  return s / y.length;
}

/** Mean negative log-likelihood of targets under independent Student-t marginals. */
export function studentTNll(
  y: ArrayLike<number>,
  nu: number,
  mean: ArrayLike<number>,
  scale: ArrayLike<number>,
): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= studentTLogPdf(y[i], nu, mean[i], Math.max(scale[i], 1e-12));
  return s / y.length;
}
