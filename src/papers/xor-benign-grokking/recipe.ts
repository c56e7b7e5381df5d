import { defineRecipe } from '../../trainer/recipe';
import { xorBenignGrokking } from './index';
/**
 * Recipe for `paper: xor-benign-grokking`: full-batch GD on the logistic loss for a two-layer ReLU
 * net with a fixed second layer. The gradient is written out by hand (it is three lines and avoids
 * tape overhead on a d×m = 20000×200 weight): with H = XW, f = ReLU(H)a and ℓ = mean log(1+e^{−yf}),
 *   ∂ℓ/∂f = −y·σ(−yf)/n,  ∂ℓ/∂H = (∂ℓ/∂f ⊗ a) ⊙ 1[H > 0],  ∂ℓ/∂W = Xᵀ ∂ℓ/∂H.
 * Xᵀ is materialized once: on the wasm backend a pre-transposed matMul is ~7× faster than transposeA.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { clusterCounts, makeXor } from './data';
import { evalSteps } from '../../trainer/logSteps';

const SERIES = { arm: 'gd' };

/** ∂ℓ/∂W for ℓ = mean log(1 + e^{−y·ReLU(XW)a}); `XT` = Xᵀ, `a` is [m, 1]. Call inside tf.tidy. */
export function logisticGradient(
  tf: RecipeContext['tf'],
  X: tfNs.Tensor2D,
  XT: tfNs.Tensor2D,
  Y: tfNs.Tensor1D,
  W: tfNs.Tensor2D,
  a: tfNs.Tensor2D,
): tfNs.Tensor2D {
  const n = X.shape[0];
  const H = X.matMul(W);
  const f = H.relu().matMul(a).reshape([n]);
  const dF = Y.neg()
    .mul(tf.sigmoid(Y.neg().mul(f)))
    .div(n);
  const dH = dF
    .reshape([n, 1])
    .mul(a.reshape([1, -1]))
    .mul(H.step(0));
  return tf.matMul(XT, dH);
}

export const recipe = defineRecipe(xorBenignGrokking, async (ctx) => {
  const { tf } = ctx;
  const c = ctx.config;
  const { d, n } = c.data;
  const m = c.model.width;
  const rng = createRng(ctx.seed);
  const spec = {
    d,
    muNormSq: c.data.mu_norm_sq,
    meansCosine: c.data.means_cosine,
    flip: c.data.label_flip,
    flipMode: c.data.flip_mode,
  };
  const train = makeXor({ ...spec, n, balanced: c.data.clusters === 'balanced' }, rng.fork('train'));
  const test = makeXor({ ...spec, n: c.data.test, flip: 0, balanced: true }, rng.fork('test'));
  const counts = clusterCounts(train);
  const nFlipped = train.flipped.reduce((a, b) => a + b, 0);
  ctx.log(`training points per cluster (+μ₁, −μ₁, +μ₂, −μ₂): ${counts.join(', ')}; ${nFlipped} of ${n} labels flipped`);
  if (Math.min(...counts) < n / 8)
    ctx.log(`a cluster has only ${Math.min(...counts)} of ${n} points (< n/8): it may never be learned`, 'warn');

  const initRng = rng.fork('init');
  const w0 = new Float32Array(d * m);
  for (let i = 0; i < w0.length; i++) w0[i] = c.model.init_scale * initRng.normal();
  // Fixed second layer: half the units +1/√m, half −1/√m.
  const aVals = Float32Array.from({ length: m }, (_, j) => (j < m / 2 ? 1 : -1) / Math.sqrt(m));

  const X = tf.tensor2d(train.x, [n, d]);
  const XT = tf.tidy(() => X.transpose<tfNs.Tensor2D>());
  const Y = tf.tensor1d(train.y);
  const Xtest = tf.tensor2d(test.x, [c.data.test, d]);
  const a = tf.tensor2d(aVals, [m, 1]);
  const W = tf.tidy(() => tf.variable(tf.tensor2d(w0, [d, m]))) as tfNs.Variable<tfNs.Rank.R2>;
  const lr = c.train.lr;

  const outputs = (x: tfNs.Tensor2D): tfNs.Tensor1D =>
    tf.tidy(() => x.matMul(W).relu().matMul(a).reshape([-1]) as tfNs.Tensor1D);

  const measure = async (step: number) => {
    const f = outputs(X);
    const ft = outputs(Xtest);
    const [fv, ftv] = await Promise.all([f.data(), ft.data()]);
    f.dispose();
    ft.dispose();
    let loss = 0,
      fit = 0,
      cleanFit = 0,
      flipFit = 0,
      testHit = 0;
    for (let i = 0; i < n; i++) {
      const z = train.y[i] * fv[i];
      loss += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      const right = Math.sign(fv[i]) === train.y[i];
      if (right) fit++;
      if (train.flipped[i] && right) flipFit++;
      if (!train.flipped[i] && right) cleanFit++;
    }
    for (let i = 0; i < c.data.test; i++) if (Math.sign(ftv[i]) === test.clean[i]) testHit++;
    const r = {
      loss: loss / n,
      train: fit / n,
      flipped: nFlipped ? flipFit / nFlipped : NaN,
      test: testHit / c.data.test,
      cleanTrain: n - nFlipped ? cleanFit / (n - nFlipped) : NaN,
    };
    ctx.emit({
      type: 'metric',
      step,
      series: { ...SERIES, measured_on: 'train' },
      values: { acc: r.train, loss: r.loss },
    });
    ctx.emit({ type: 'metric', step, series: { ...SERIES, measured_on: 'test_clean' }, values: { acc: r.test } });
    if (nFlipped)
      ctx.emit({ type: 'metric', step, series: { ...SERIES, measured_on: 'flipped' }, values: { acc: r.flipped } });
    return r;
  };

  const stepOnce = () => tf.tidy(() => W.assign(W.sub(logisticGradient(tf, X, XT, Y, W, a).mul(lr))));

  const checkpoints = new Set(evalSteps(c.train.steps, c.train.evals_per_decade));
  let first: Awaited<ReturnType<typeof measure>> | undefined;
  let last: typeof first;
  let fitAllAt: number | undefined;
  let generalizedAt: number | undefined;
  try {
    await measure(0);
    for (let step = 1; step <= c.train.steps; step++) {
      if (ctx.shouldStop()) throw new StopRequested();
      stepOnce();
      if (!checkpoints.has(step)) continue;
      const r = await measure(step);
      if (step === 1) first = r;
      last = r;
      if (fitAllAt === undefined && r.train === 1) {
        fitAllAt = step;
        ctx.emit({
          type: 'phase',
          step,
          series: SERIES,
          label: `fits every training label (incl. ${nFlipped} flipped); clean test ${(100 * r.test).toFixed(1)}%`,
        });
      }
      if (generalizedAt === undefined && r.test >= 0.95) {
        generalizedAt = step;
        ctx.emit({
          type: 'phase',
          step,
          series: SERIES,
          label: `generalizes: clean test ≥ 95% (train ${(100 * r.train).toFixed(0)}%)`,
        });
      }
      ctx.progress(
        step,
        c.train.steps,
        `step ${step}/${c.train.steps} · train ${(100 * r.train).toFixed(0)}% · test ${(100 * r.test).toFixed(1)}%`,
      );
    }
  } finally {
    for (const t of [X, XT, Y, Xtest, a, W]) t.dispose();
  }
  const values: Record<string, number> = {
    flipped_labels: nFlipped,
    train_acc_step1: first?.train ?? NaN,
    test_acc_step1: first?.test ?? NaN,
    train_acc_final: last?.train ?? NaN,
    test_acc_final: last?.test ?? NaN,
  };
  if (nFlipped && last) values.flipped_fit_final = last.flipped;
  if (fitAllAt !== undefined) values.fit_all_step = fitAllAt;
  if (generalizedAt !== undefined) values.generalize_step = generalizedAt;
  ctx.emit({ type: 'summary', series: SERIES, values });
});
