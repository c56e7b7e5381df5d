/**
 * Recipe for `paper: bandlimited-random-weights`. For each bandwidth λ, one draw of the widest hidden
 * layer (a_j, b_j ~ U[−λ, λ]); every width uses its first d units (nested), and every target is fitted
 * on the same features (one Gram matrix and one factorization per width). Summaries per (k, λ, width):
 * test and train RMSE. The frozen features are tfjs products; the solve is Float64 (randomFeatures.ts).
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { fitRidgeMany, predictRidge, ridgeFeatures } from '../../trainer/randomFeatures';
import { bandlimitedRandomWeights } from './index';

export const target = (k: number) => (x: number) => Math.sin(2 * Math.PI * k * x);

export const recipe = defineRecipe(bandlimitedRandomWeights, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const data = root.fork('data');
  const n = c.data.train;
  const xTrain = Float32Array.from({ length: n }, () => 2 * data.next() - 1);
  const xTest = Float32Array.from({ length: c.data.test }, (_, i) => -1 + (2 * (i + 0.5)) / c.data.test);
  const noise = root.fork('noise');
  const ks = c.data.frequencies;
  const yTrain = ks.map((k) => Float32Array.from(xTrain, (x) => target(k)(x) + c.data.noise * noise.normal()));
  const yTest = ks.map((k) => Float32Array.from(xTest, target(k)));
  const widths = [...c.model.widths].sort((a, b) => a - b);
  const P = widths[widths.length - 1];
  const xTr = tf.tensor2d(xTrain, [n, 1]);
  const xTe = tf.tensor2d(xTest, [c.data.test, 1]);
  const total = c.model.bandwidths.length * widths.length;
  let done = 0;
  try {
    for (const lam of c.model.bandwidths) {
      const draw = root.fork(`features/${lam}`);
      const a = Float32Array.from({ length: P }, () => lam * (2 * draw.next() - 1));
      const b = Float32Array.from({ length: P }, () => lam * (2 * draw.next() - 1));
      for (const width of widths) {
        if (ctx.shouldStop()) throw new StopRequested();
        const A = tf.tensor2d(a.slice(0, width), [1, width]);
        const B = tf.tensor1d(b.slice(0, width));
        const phiTr = ridgeFeatures(tf, xTr, A, B, c.model.activation);
        const phiTe = ridgeFeatures(tf, xTe, A, B, c.model.activation);
        try {
          const models = await fitRidgeMany(tf, phiTr, yTrain, { relLambda: c.fit.rel_lambda });
          for (let t = 0; t < ks.length; t++) {
            const rmse = async (phi: typeof phiTr, y: Float32Array) => {
              const pred = await predictRidge(tf, phi, models[t]);
              let e = 0;
              for (let i = 0; i < y.length; i++) e += (pred[i] - y[i]) ** 2;
              return Math.sqrt(e / y.length);
            };
            ctx.emit({
              type: 'summary',
              series: { arm: 'random_net', frequency: ks[t], bandwidth: lam, width },
              values: { test_rmse: await rmse(phiTe, yTest[t]), train_rmse: await rmse(phiTr, yTrain[t]) },
            });
          }
        } finally {
          tf.dispose([A, B, phiTr, phiTe]);
        }
        ctx.progress(++done, total, `λ = ${lam} · width ${width}`);
        await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    xTr.dispose();
    xTe.dispose();
  }
});
