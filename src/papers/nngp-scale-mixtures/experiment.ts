/**
 * The pure parts of the scale-mixture experiments: the inverse-gamma draw of the last-layer variance,
 * the NNGP variance the prior predicts at an input, the synthetic regression task, and the two
 * posterior predictives compared by test NLL (regression.py's "constant" NNGP and "invgamma" t-process).
 */
import { nngpKernel, type DenseLayerVariance, type NngpActivation } from '../../trainer/linalg/kernels';
import { gaussianNll, gpPosterior, studentTNll, tProcessFromPosterior, type KernelSet } from '../../trainer/linalg/gp';
import { sampleGamma, type Rng } from '../../trainer/rng';

/** Gamma(shape, 1) (the shared Marsaglia–Tsang sampler of src/trainer/rng.ts). */
export function gammaSample(shape: number, rng: Rng): number {
  return sampleGamma(rng, shape);
}

/** σ² ~ InvGamma(α, β): β / Gamma(α, 1) (sample.py: 1 / (gamma(α) / β)). */
export function invGammaSample(alpha: number, beta: number, rng: Rng): number {
  return beta / gammaSample(alpha, rng);
}

/** The hidden layers' variances and a readout of variance 1, in order, for nngpKernel. */
export function layerVariances(depth: number, wVar: number, bVar: number): DenseLayerVariance[] {
  return [...Array.from({ length: depth }, () => ({ wVar, bVar })), { wVar: 1, bVar: 0 }];
}

/** K(x, x) of the prior network (last-layer variance 1) at scalar inputs. */
export function priorVariance(xs: number[], depth: number, wStd: number, bStd: number, act: NngpActivation): number[] {
  const sq = xs.map((x) => x * x);
  const k = nngpKernel(sq, [0], new Float64Array(xs.length), 1, layerVariances(depth, wStd ** 2, bStd ** 2), act);
  return Array.from(k.diagA);
}

export function evaluationInputs(count: number): number[] {
  return count === 1 ? [0] : Array.from({ length: count }, (_, i) => -Math.PI + (2 * Math.PI * i) / (count - 1));
}

export interface RegressionTask {
  dim: number;
  u: Float64Array;
  v: Float64Array;
}

/** y = sin(1.5 u·x) + 0.5 tanh(1.5 v·x), u, v random unit vectors: smooth, not linear, not odd. */
export function regressionTask(dim: number, rng: Rng): RegressionTask {
  const unit = () => {
    const w = Float64Array.from({ length: dim }, () => rng.normal());
    const n = Math.hypot(...w);
    return w.map((x) => x / n);
  };
  return { dim, u: unit(), v: unit() };
}

export interface RegressionSet {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export function regressionSample(
  t: RegressionTask,
  n: number,
  o: { xScale: number; noise: number; outlierFraction: number; outlierScale: number },
  rng: Rng,
): RegressionSet {
  const x = new Float64Array(n * t.dim);
  const y = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < t.dim; j++) {
      const v = o.xScale * rng.normal();
      x[e * t.dim + j] = v;
      a += t.u[j] * v;
      b += t.v[j] * v;
    }
    y[e] = Math.sin(1.5 * a) + 0.5 * Math.tanh(1.5 * b) + o.noise * rng.normal();
    if (rng.next() < o.outlierFraction) y[e] += o.outlierScale * rng.normal();
  }
  return { x, y, n };
}

function innerProducts(a: Float64Array, na: number, b: Float64Array, nb: number, dim: number) {
  const cross = new Float64Array(na * nb);
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += a[i * dim + k] * b[j * dim + k];
      cross[i * nb + j] = s;
    }
  return cross;
}

const norms = (a: Float64Array, n: number, dim: number) =>
  Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += a[i * dim + k] ** 2;
    return s;
  });

/** The NNGP kernel blocks (last-layer variance 1) between a training and a test set. */
export function regressionKernels(
  train: RegressionSet,
  test: RegressionSet,
  dim: number,
  layers: DenseLayerVariance[],
  act: NngpActivation,
): KernelSet {
  const nTr = norms(train.x, train.n, dim);
  const nTe = norms(test.x, test.n, dim);
  const tt = nngpKernel(nTr, nTr, innerProducts(train.x, train.n, train.x, train.n, dim), dim, layers, act);
  const ct = nngpKernel(nTe, nTr, innerProducts(test.x, test.n, train.x, train.n, dim), dim, layers, act);
  return { train: tt.cross, cross: ct.cross, testDiag: ct.diagA, n: train.n, m: test.n };
}

export interface PredictiveScores {
  nll: number;
  rmse: number;
  /** The hyperparameters used (chosen on the validation set when a grid was given). */
  epsilon: number;
  alpha?: number;
  beta?: number;
}

export interface PredictiveOptions {
  alpha: number;
  beta: number;
  lastLayerVar: number;
  epsilon: number;
}

function scoreConstant(k: KernelSet, train: RegressionSet, test: RegressionSet, lv: number, eps: number) {
  const scaled: KernelSet = {
    ...k,
    train: Float64Array.from(k.train, (v) => v * lv),
    cross: Float64Array.from(k.cross, (v) => v * lv),
    testDiag: Float64Array.from(k.testDiag, (v) => v * lv),
  };
  const g = gpPosterior(scaled, train.y, eps);
  return { nll: gaussianNll(test.y, g.mean, g.variance.map(Math.sqrt)), rmse: rmse(g.mean, test.y) };
}

function scoreT(post: ReturnType<typeof gpPosterior>, n: number, test: RegressionSet, alpha: number, beta: number) {
  const t = tProcessFromPosterior(post, n, alpha, beta);
  return { nll: studentTNll(test.y, t.nu, t.mean, t.scale), rmse: rmse(t.mean, test.y) };
}

const rmse = (mean: Float64Array, y: Float64Array) =>
  Math.sqrt(mean.reduce((s, m, i) => s + (m - y[i]) ** 2, 0) / y.length);

/**
 * regression.py's two predictives on the same kernel: `constant` — the NNGP posterior with last-layer
 * variance `lv` (Gaussian with the posterior sd of f, as the code scores it); `invgamma` — the Student-t
 * process (ν = 2α + n). With a `tune` grid, each arm's hyperparameters are chosen by NLL on the
 * validation set first — ε for both, (α, β) for the t-process — as the authors' find.py searches its
 * grids (there by test NLL; here on a separate validation set, so the test stays untouched).
 */
export function comparePredictives(
  kTest: KernelSet,
  train: RegressionSet,
  test: RegressionSet,
  o: PredictiveOptions,
  tune?: { kVal: KernelSet; val: RegressionSet; epsilons: number[]; alphas: number[]; betas: number[] },
): { constant: PredictiveScores; invgamma: PredictiveScores } {
  let epsG = o.epsilon;
  let epsT = o.epsilon;
  let alpha = o.alpha;
  let beta = o.beta;
  if (tune) {
    let bestG = Infinity;
    let bestT = Infinity;
    for (const eps of tune.epsilons) {
      const g = scoreConstant(tune.kVal, train, tune.val, o.lastLayerVar, eps).nll;
      if (g < bestG) [bestG, epsG] = [g, eps];
      const post = gpPosterior(tune.kVal, train.y, eps);
      for (const a of tune.alphas)
        for (const b of tune.betas) {
          const t = scoreT(post, train.n, tune.val, a, b).nll;
          if (t < bestT) [bestT, epsT, alpha, beta] = [t, eps, a, b];
        }
    }
  }
  return {
    constant: { ...scoreConstant(kTest, train, test, o.lastLayerVar, epsG), epsilon: epsG },
    invgamma: { ...scoreT(gpPosterior(kTest, train.y, epsT), train.n, test, alpha, beta), epsilon: epsT, alpha, beta },
  };
}
