/**
 * Recipe for `paper: inductive-bias`. Per task: `nn.trials` MLPs, each from its own init and batch
 * order, trained with Adam on MSE to one-hot labels (the shared loop with an MSE objective, as
 * nn_inductive_bias.py), and `kernel.samples` functions of the RBF-kernel GP conditioned to
 * interpolate the training labels (exact Cholesky; the code fits the same posterior mean and
 * covariance by Adam over 10,000 epochs). Each hypothesis's test error is the mean squared error to the
 * one-hot test labels. Per space and task: a scaled noncentral χ² fitted by maximum likelihood with
 * location 0 (core/stats/ncx2.ts) and the inductive bias −log P(error ≤ ε) at each target ε.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageTensors, type ImageTensors } from '../../trainer/data';
import { buildMlp } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { train } from '../../trainer/loop';
import { rbfFromInnerProducts } from '../../trainer/linalg/kernels';
import { gpPosterior, sampleGaussian } from '../../trainer/linalg/gp';
import { fitNcx2, inductiveBias, ksTest, ncx2LogCdf } from '../../core/stats';
import { inductiveBias as paper } from './index';
import type { InductiveBiasConfig } from './schema';

type Tf = typeof tfNs;
const CLASSES = 10;

/** Test MSE (mean over examples and classes) of each of `trials` trained MLPs. */
async function networkErrors(
  tf: Tf,
  c: InductiveBiasConfig,
  data: ImageTensors,
  rng: Rng,
  shouldStop: () => boolean,
  onTrial: (trial: number, error: number) => void,
): Promise<number[]> {
  const errors: number[] = [];
  const steps = Math.ceil((c.nn.epochs * c.data.train) / c.nn.batch_size);
  for (let t = 0; t < c.nn.trials; t++) {
    if (shouldStop()) throw new StopRequested();
    const r = rng.fork(`trial/${t}`);
    const net = buildMlp(tf, {
      input: data.data.inputShape[0],
      hidden: Array.from({ length: c.nn.depth + 1 }, () => c.nn.width),
      classes: CLASSES,
      init: 'glorot_uniform',
      rng: r.fork('init'),
    });
    const optimizer = createOptimizer(tf, { name: 'adam', lr: c.nn.lr }, net.variables());
    try {
      await train({
        tf,
        net,
        optimizer,
        train: data.train,
        endStep: steps,
        batchSize: c.nn.batch_size,
        evalEvery: steps,
        rng: r.fork('order'),
        shouldStop,
        objective: (b) => tf.losses.meanSquaredError(b.y, net.forward(b.x)) as tfNs.Scalar,
      });
      const mse = tf.tidy(() => tf.losses.meanSquaredError(data.test.y, net.forward(data.test.x)));
      const e = (await mse.data())[0];
      mse.dispose();
      errors.push(e);
      onTrial(t, e);
    } finally {
      optimizer.dispose();
      net.dispose();
    }
  }
  return errors;
}

/** Test MSE of each of `samples` draws from the RBF-kernel GP posterior that interpolates the training labels. */
export function kernelErrors(tf: Tf, c: InductiveBiasConfig, data: ImageTensors, rng: Rng): number[] {
  const tr = data.data.train;
  const te = data.data.test;
  const dim = data.data.inputShape[0];
  let sq = 0;
  for (let i = 0; i < tr.x.length; i++) sq += tr.x[i] * tr.x[i];
  // One factor for both sets, from the training rows: mean squared norm 1 (σ is in these units).
  const ref = Math.sqrt(sq / tr.n);
  const a = Float32Array.from(tr.x, (v) => v / ref);
  const b = Float32Array.from(te.x, (v) => v / ref);
  // Inner products by tfjs matMul (never JS triple loops for Gram matrices), then the RBF in JS.
  const [kTrain, kCross, kTest, nA, nB] = tf.tidy(() => {
    const A = tf.tensor2d(a, [tr.n, dim]);
    const B = tf.tensor2d(b, [te.n, dim]);
    return [
      tf.matMul(A, A, false, true),
      tf.matMul(B, A, false, true),
      tf.matMul(B, B, false, true),
      tf.sum(tf.square(A), 1),
      tf.sum(tf.square(B), 1),
    ].map((t) => t.dataSync());
  });
  const na = Float64Array.from(nA);
  const nb = Float64Array.from(nB);
  const k = {
    train: rbfFromInnerProducts(na, na, kTrain, c.kernel.sigma),
    cross: rbfFromInnerProducts(nb, na, kCross, c.kernel.sigma),
    test: rbfFromInnerProducts(nb, nb, kTest, c.kernel.sigma),
    testDiag: new Float64Array(te.n).fill(1),
    n: tr.n,
    m: te.n,
  };
  // One posterior covariance for every class (same inputs, one factorization); each class its own mean.
  const ys = Array.from({ length: CLASSES }, (_, cls) => Float64Array.from(tr.labels, (l) => (l === cls ? 1 : 0)));
  const post = gpPosterior(k, ys[0], 1e-6, true, ys.slice(1));
  const means = [post.mean, ...post.moreMeans];
  const g = rng.fork('gp');
  const draws = sampleGaussian(new Float64Array(te.n), post.covariance!, c.kernel.samples * CLASSES, () => g.normal());
  const errors: number[] = [];
  for (let s = 0; s < c.kernel.samples; s++) {
    let e = 0;
    for (let cls = 0; cls < CLASSES; cls++) {
      const f = draws[s * CLASSES + cls];
      const m = means[cls];
      for (let i = 0; i < te.n; i++) e += (m[i] + f[i] - (te.labels[i] === cls ? 1 : 0)) ** 2;
    }
    errors.push(e / (te.n * CLASSES));
  }
  return errors;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((x, y) => x - y);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

export const recipe = defineRecipe(paper, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const spaces = c.kernel.enabled ? (['nn', 'kernel'] as const) : (['nn'] as const);
  const total = c.data.datasets.length * (c.nn.trials + (c.kernel.enabled ? 1 : 0));
  let done = 0;
  let reference: number | undefined;
  for (const dataset of c.data.datasets) {
    const data = loadImageTensors(tf, { dataset, train: c.data.train, test: c.data.test }, ctx.seed, (m) => ctx.log(m));
    try {
      const errors: Record<string, number[]> = {};
      errors.nn = await networkErrors(tf, c, data, root.fork(`nn/${dataset}`), ctx.shouldStop, (t, e) => {
        ctx.emit({ type: 'metric', step: t, series: { arm: 'nn', dataset }, values: { test_mse: e } });
        ctx.progress(++done, total, `${dataset} · network ${t + 1}/${c.nn.trials}`);
      });
      if (c.kernel.enabled) {
        if (ctx.shouldStop()) throw new StopRequested();
        errors.kernel = kernelErrors(tf, c, data, root.fork(`kernel/${dataset}`));
        errors.kernel.forEach((e, s) =>
          ctx.emit({ type: 'metric', step: s, series: { arm: 'kernel', dataset }, values: { test_mse: e } }),
        );
        ctx.progress(++done, total, `${dataset} · kernel samples`);
      }
      reference ??= quantile(errors.nn, c.target.quantile);
      for (const space of spaces) {
        const xs = errors[space];
        const fit = fitNcx2(xs);
        const ks = ksTest(xs, (x) => Math.exp(ncx2LogCdf(x, fit)));
        ctx.emit({
          type: 'summary',
          series: { arm: space, dataset, curve: 'fit' },
          values: {
            df: fit.df,
            nc: fit.nc,
            scale: fit.scale,
            ks_p: ks.p,
            mean_error: xs.reduce((s, v) => s + v, 0) / xs.length,
            min_error: Math.min(...xs),
            reference_target: reference,
            converged: fit.converged ? 1 : 0,
          },
        });
        for (const factor of c.target.factors) {
          const target = factor * reference;
          const bias = inductiveBias(target, fit);
          ctx.emit({
            type: 'summary',
            series: { arm: space, dataset, curve: 'bias', factor },
            values: {
              target,
              bias_nats: bias.nats,
              bias_bits: bias.bits,
              approximated: bias.approximated ? 1 : 0,
              below_samples: target < Math.min(...xs) ? 1 : 0,
            },
          });
        }
      }
    } finally {
      data.dispose();
    }
  }
});
