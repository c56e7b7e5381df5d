import { defineRecipe } from '../../trainer/recipe';
import { grokkingLazyRich } from './index';
/**
 * Recipe for `paper: grokking-lazy-rich`. For each output scale α: full-batch GD on the MSE of the
 * centred network f(x) = α·mean_i φ(w_i·x) − f₀(x), with η = lr·N/α². Before training, ridgeless
 * kernel regression with the initial NTK gives the lazy-limit test loss (a flat line on the chart).
 *
 * Gradients are written out (W is N×D, Hᵀ = W·Xᵀ is N×P):
 *   r = f − y,  ∂L/∂W = (2α / (P·N)) · (φ'(Hᵀ) ⊙ r) · X,  φ'(z) = 1 + εz.
 * The NTK is K(x, x') ∝ (1/N) Σ_i φ'(w_i·x) φ'(w_i·x') · x·x'.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { kernelRegression } from '../../trainer/linalg/cholesky';
import { centredAlignment, columnCentredAlignment, makeTask, mse } from './kernel';
import { evalSteps } from '../../trainer/logSteps';

type Tf = RecipeContext['tf'];
type T2 = tfNs.Tensor2D;

/** Network outputs for inputs stored transposed (XT: D×Q); `f0` is subtracted when given. */
export function outputs(tf: Tf, W: T2, XT: T2, alpha: number, eps: number, f0?: tfNs.Tensor1D): tfNs.Tensor1D {
  return tf.tidy(() => {
    const H = tf.matMul(W, XT); // N×Q
    const f = H.add(H.square().mul(eps / 2))
      .mean(0)
      .mul(alpha) as tfNs.Tensor1D;
    return f0 ? f.sub(f0) : f;
  });
}

/** ∂/∂W of mean (f − y)² (W: N×D, X: P×D, XT: D×P). */
export function mseGradient(
  tf: Tf,
  W: T2,
  X: T2,
  XT: T2,
  y: tfNs.Tensor1D,
  alpha: number,
  eps: number,
  f0?: tfNs.Tensor1D,
): T2 {
  return tf.tidy(() => {
    const [n, p] = [W.shape[0], X.shape[0]];
    const H = tf.matMul(W, XT);
    let f = H.add(H.square().mul(eps / 2))
      .mean(0)
      .mul(alpha);
    if (f0) f = f.sub(f0);
    const r = f.sub(y);
    const g = H.mul(eps)
      .add(1)
      .mul(r.reshape([1, p]));
    return tf.matMul(g as T2, X).mul((2 * alpha) / (p * n)) as T2;
  });
}

/** The NTK between two sets (rows of A: Q×D, B: P×D), up to the constant α²/N. Returns Q×P values. */
export async function ntk(tf: Tf, W: T2, A: T2, B: T2, eps: number): Promise<Float32Array> {
  const k = tf.tidy(() => {
    const ga = tf.matMul(A, W, false, true).mul(eps).add(1); // φ'(A Wᵀ): Q×N
    const gb = tf.matMul(B, W, false, true).mul(eps).add(1);
    const n = W.shape[0];
    return tf
      .matMul(ga as T2, gb as T2, false, true)
      .div(n)
      .mul(tf.matMul(A, B, false, true));
  });
  const v = (await k.data()) as Float32Array;
  k.dispose();
  return v;
}

export const recipe = defineRecipe(grokkingLazyRich, async (ctx) => {
  const { tf } = ctx;
  const c = ctx.config;
  const { dim, train: p, test: q } = c.data;
  const n = c.model.width;
  const eps = c.model.epsilon;
  const rng = createRng(ctx.seed);
  const betaRng = rng.fork('beta');
  const beta = Float64Array.from({ length: dim }, () => betaRng.normal());
  const tr = makeTask(beta, p, rng.fork('train'));
  const te = makeTask(beta, q, rng.fork('test'));
  const initRng = rng.fork('init');
  const w0 = Float32Array.from({ length: n * dim }, () => initRng.normal());

  const X = tf.tensor2d(tr.x, [p, dim]);
  const XT = tf.tidy(() => X.transpose<T2>());
  const Xt = tf.tensor2d(te.x, [q, dim]);
  const XtT = tf.tidy(() => Xt.transpose<T2>());
  const y = tf.tensor1d(tr.y);
  const W0 = tf.tensor2d(w0, [n, dim]);
  const checkpoints = evalSteps(c.train.steps, c.train.evals_per_decade);
  const lastStep = c.train.steps;

  try {
    // The lazy limit: ridgeless regression with the initial NTK (independent of α for the centred model).
    const kTrain = await ntk(tf, W0, X, X, eps);
    const kTest = await ntk(tf, W0, Xt, X, eps);
    const kr = kernelRegression(kTrain, p, kTest, q, tr.y);
    const kernelTest = mse(kr.predictions, te.y);
    const alignment0 = centredAlignment(kTrain, p, tr.y);
    const alignmentTest0 = columnCentredAlignment(await ntk(tf, W0, Xt, Xt, eps), q, te.y);
    ctx.log(
      `initial-NTK kernel regression: test MSE ${kernelTest.toFixed(4)} (ridge ${kr.ridge.toExponential(1)}); alignment ${alignment0.toFixed(3)} (train kernel, doubly centred), ${alignmentTest0.toFixed(3)} (test kernel centred on one side, the authors' notebook)`,
    );
    const kernelSeries = { arm: 'kernel' };
    // Two points of a flat line spanning the runs' time axis (flow time of the slowest α's first and last step).
    const flowPerStep =
      c.train.lr_mode === 'scaled' ? c.train.lr : Math.max(...c.train.alphas.map((a) => (c.train.lr * a * a) / n));
    for (const step of [1, lastStep])
      ctx.emit({
        type: 'metric',
        step,
        series: kernelSeries,
        values: { test_mse: kernelTest, flow_time: step * flowPerStep },
      });
    ctx.emit({
      type: 'summary',
      series: kernelSeries,
      values: { test_mse: kernelTest, alignment: alignment0, alignment_test: alignmentTest0 },
    });

    const total = c.train.alphas.length * lastStep;
    for (const [ai, alpha] of c.train.alphas.entries()) {
      // One arm for the network (declared in index.ts); α is a tag, so the figures draw a line per α.
      const series = { arm: 'network', alpha };
      const eta = c.train.lr_mode === 'scaled' ? (c.train.lr * n) / alpha ** 2 : c.train.lr;
      const W = tf.tidy(() => tf.variable(W0.clone())) as tfNs.Variable<tfNs.Rank.R2>;
      const f0 = c.model.center ? outputs(tf, W0, XT, alpha, eps) : undefined;
      const f0t = c.model.center ? outputs(tf, W0, XtT, alpha, eps) : undefined;
      let next = 0;
      let escaped: number | undefined;
      let last: Record<string, number> = {};
      const measure = async (step: number) => {
        const [ftr, fte] = [outputs(tf, W, XT, alpha, eps, f0), outputs(tf, W, XtT, alpha, eps, f0t)];
        const [a, b] = await Promise.all([ftr.data(), fte.data()]);
        ftr.dispose();
        fte.dispose();
        const values: Record<string, number> = { train_mse: mse(a, tr.y), test_mse: mse(b, te.y) };
        if (c.train.alignment) {
          // Two measures of the current NTK against the target: ours (train kernel, centred on both
          // sides, Cortes et al.) and the authors' notebook's (test kernel, column means removed only).
          values.alignment = centredAlignment(await ntk(tf, W, X, X, eps), p, tr.y);
          values.alignment_test = columnCentredAlignment(await ntk(tf, W, Xt, Xt, eps), q, te.y);
        }
        values.weight_change = tf.tidy(() => W.sub(W0).norm().div(W0.norm()).dataSync()[0]);
        // Gradient-flow time in the paper's units (steps at η = N/α²): runs with a larger lr and fewer
        // steps land on the same x as the paper's, far below the stability limit.
        values.flow_time = (step * eta * alpha ** 2) / n;
        ctx.emit({ type: 'metric', step, series, values });
        return values;
      };
      try {
        last = await measure(0);
        for (let step = 1; step <= lastStep; step++) {
          if (ctx.shouldStop()) throw new StopRequested();
          tf.tidy(() => W.assign(W.sub(mseGradient(tf, W, X, XT, y, alpha, eps, f0).mul(eta))));
          if (step !== checkpoints[next]) continue;
          next++;
          last = await measure(step);
          if (!Number.isFinite(last.train_mse)) {
            ctx.emit({ type: 'phase', step, series, label: `diverged (η = ${eta.toPrecision(3)}); lower lr` });
            ctx.log(`α = ${alpha}: training diverged at step ${step}; lower train.lr`, 'warn');
            break;
          }
          // Leaving the lazy plateau: test loss clearly below what the initial kernel can do.
          if (escaped === undefined && last.test_mse < 0.5 * kernelTest) {
            escaped = step;
            ctx.emit({
              type: 'phase',
              step,
              series,
              label: 'test MSE below half the initial-kernel MSE (rich features)',
            });
          }
          ctx.progress(
            ai * lastStep + step,
            total,
            `α = ${alpha} · step ${step}/${lastStep} · test MSE ${last.test_mse.toFixed(3)}`,
          );
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        W.dispose();
        f0?.dispose();
        f0t?.dispose();
      }
      const summary: Record<string, number> = {
        alpha,
        eta,
        final_train_mse: last.train_mse,
        final_test_mse: last.test_mse,
        kernel_test_mse: kernelTest,
      };
      if (last.alignment !== undefined) summary.final_alignment = last.alignment;
      if (last.alignment_test !== undefined) summary.final_alignment_test = last.alignment_test;
      if (escaped !== undefined) summary.escape_step = escaped;
      ctx.emit({ type: 'summary', series, values: summary });
    }
  } finally {
    for (const t of [X, XT, Xt, XtT, y, W0]) t.dispose();
  }
});
