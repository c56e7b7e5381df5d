/**
 * Recipe for `paper: random-feature-attention`. One draw of every random map per run; training sets are
 * nested (the first n of the largest), the validation and test sets fixed. For each model (`rfa`: W_m
 * zero-mean; `rfa_biased`: W_m with mean qk_mean·√d·I; `rf_mlp`: σ(wᵀ[x₀; x₁ … x_N] + b) with the same
 * number of features), each n and each target: ridge over the λ grid, λ chosen on validation, then
 * the test MSE relative to the target's variance. Summaries { arm, target, n }.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import {
  attentionFeatures,
  fitRidgePath,
  predictRidge,
  ridgeFeatures,
  type FeatureActivation,
} from '../../trainer/randomFeatures';
import { randomFeatureAttention } from './index';
import { headMatrices, rfaSample, type RfaData } from './experiment';

const ARMS = ['rfa', 'rfa_biased', 'rf_mlp'] as const;

export const recipe = defineRecipe(randomFeatureAttention, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const { dim: d, keys: N } = c.data;
  const D = d + 1;
  const M = c.model.heads;
  const act = c.model.activation as FeatureActivation;
  const root = createRng(ctx.seed);
  const beta = (() => {
    const r = root.fork('beta');
    const b = Float64Array.from({ length: d }, () => r.normal());
    const norm = Math.hypot(...b);
    return b.map((v) => v / norm);
  })();
  const ns = [...c.data.samples].sort((a, b) => a - b);
  const nMax = ns[ns.length - 1];
  const targets = c.data.targets;
  const train = rfaSample(nMax, d, N, targets, beta, root.fork('train'));
  const val = rfaSample(c.data.validation, d, N, targets, beta, root.fork('validation'));
  const test = rfaSample(c.data.test, d, N, targets, beta, root.fork('test'));
  const variance = targets.map((_, t) => {
    const y = test.y[t];
    const m = y.reduce((s, v) => s + v, 0) / y.length;
    return y.reduce((s, v) => s + (v - m) ** 2, 0) / y.length;
  });
  const total = ARMS.length * ns.length;
  let done = 0;

  for (const arm of ARMS) {
    // One draw of the random map per arm, used for the training, validation and test sets alike.
    const rng = root.fork(`map/${arm}`);
    const inDim = (N + 1) * d;
    const mlpW =
      arm === 'rf_mlp'
        ? Float32Array.from({ length: inDim * M * D }, () => rng.normal() / Math.sqrt(N + 1))
        : undefined;
    const mlpB = arm === 'rf_mlp' ? Float32Array.from({ length: M * D }, () => -rng.normal()) : undefined;
    const heads =
      arm === 'rf_mlp'
        ? undefined
        : headMatrices(d, M, c.model.qk_std, arm === 'rfa_biased' ? c.model.qk_mean : 0, rng);
    const features = (set: RfaData): tfNs.Tensor2D =>
      tf.tidy(() =>
        mlpW
          ? ridgeFeatures(
              tf,
              tf.tensor2d(set.flat, [set.n, inDim]),
              tf.tensor2d(mlpW, [inDim, M * D]),
              tf.tensor1d(mlpB!),
              act,
            )
          : attentionFeatures(
              tf,
              tf.tensor2d(set.query, [set.n, D]),
              tf.tensor3d(set.keys, [set.n, N, D]),
              tf.tensor2d(heads!, [D, M * D]),
              act,
            ),
      );
    const phiTrain = features(train);
    const phiVal = features(val);
    const phiTest = features(test);
    try {
      for (const n of ns) {
        if (ctx.shouldStop()) throw new StopRequested();
        const phi = tf.slice(phiTrain, [0, 0], [n, -1]) as tfNs.Tensor2D;
        try {
          const path = await fitRidgePath(
            tf,
            phi,
            train.y.map((y) => y.slice(0, n)),
            c.fit.rel_lambdas,
          );
          for (let t = 0; t < targets.length; t++) {
            let best = { mse: Infinity, l: 0 };
            for (let l = 0; l < path.length; l++) {
              const pv = await predictRidge(tf, phiVal, path[l][t]);
              let e = 0;
              for (let i = 0; i < val.n; i++) e += (pv[i] - val.y[t][i]) ** 2;
              if (e / val.n < best.mse) best = { mse: e / val.n, l };
            }
            const pt = await predictRidge(tf, phiTest, path[best.l][t]);
            let e = 0;
            for (let i = 0; i < test.n; i++) e += (pt[i] - test.y[t][i]) ** 2;
            ctx.emit({
              type: 'summary',
              series: { arm, target: targets[t], n },
              values: { test_mse: e / test.n / variance[t], rel_lambda: c.fit.rel_lambdas[best.l] },
            });
          }
        } finally {
          phi.dispose();
        }
        ctx.progress(++done, total, `${arm} · n = ${n}`);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      tf.dispose([phiTrain, phiVal, phiTest]);
    }
  }
});
