import { defineRecipe } from '../../trainer/recipe';
import { trainLonger } from './index';
/**
 * Recipe for `paper: train-longer` (Hoffer et al. 2017): the arms of Table 1 trained from ONE
 * initialization — small batch; large batch; + √(B/b) learning rate; + ghost batch norm; + regime
 * adaptation — on an MLP with batch norm after every hidden layer (the F1 model's layout), SGD with
 * momentum, gradient-norm clipping. Logs validation error per epoch and the distance of the weights
 * from their initialization ‖w_t − w_0‖ at log-spaced updates (the paper's random-walk argument:
 * it grows like log t, so fewer updates = weights that travelled less far).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { initWeights } from '../../trainer/init';
import { createOptimizer } from '../../trainer/optim';
import { crossEntropy } from '../../trainer/model';
import { createBatchNorm, type BatchNorm } from '../../trainer/ghostBatchNorm';
import { loadImageData } from '../../trainer/data';
import { evalSteps } from '../../trainer/logSteps';
import { armPlans, epochBatches, type ArmPlan } from './arms';
import type { TrainLongerConfig } from './schema';

type Tf = RecipeContext['tf'];
type T2 = tfNs.Tensor2D;

export interface BnMlp {
  forward(x: T2, mode: { training: boolean; ghost?: number }): T2;
  variables(): tfNs.Variable[];
  dispose(): void;
}

/** input → [dense → BN → activation]× → dense. Weights drawn from `init` with a fixed stream per layer. */
export function buildBnMlp(
  tf: Tf,
  widths: number[],
  o: { init: string; activation: string; batchNorm: boolean; rng: Rng },
): BnMlp {
  const dense: { w: tfNs.Variable; b: tfNs.Variable }[] = [];
  const norms: BatchNorm[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    const shape = [widths[i], widths[i + 1]];
    const values = initWeights(o.init, shape, o.rng.fork(`dense${i}`));
    dense.push(
      tf.tidy(() => ({
        w: tf.variable(tf.tensor2d(values, shape as [number, number]), true),
        b: tf.variable(tf.zeros([widths[i + 1]]), true),
      })),
    );
    if (o.batchNorm && i + 2 < widths.length)
      norms.push(createBatchNorm(tf, widths[i + 1], { name: `tl_bn${i}_${Math.random().toString(36).slice(2, 7)}` }));
  }
  const act = (h: tfNs.Tensor) =>
    o.activation === 'tanh' ? tf.tanh(h) : o.activation === 'sigmoid' ? tf.sigmoid(h) : tf.relu(h);
  return {
    forward(x, mode) {
      let h: T2 = x;
      dense.forEach((l, i) => {
        h = tf.add(tf.matMul(h, l.w as T2), l.b) as T2;
        if (i < dense.length - 1) {
          if (o.batchNorm) h = norms[i].apply(h, mode);
          h = act(h) as T2;
        }
      });
      return h;
    },
    variables: () => [...dense.flatMap((l) => [l.w, l.b]), ...norms.flatMap((n) => n.variables())],
    dispose: () => {
      dense.forEach((l) => (l.w.dispose(), l.b.dispose()));
      norms.forEach((n) => n.dispose());
    },
  };
}

export const recipe = defineRecipe(trainLonger, async (ctx) => {
  const { tf } = ctx;
  const c = ctx.config;
  const batchNorm = c.model.batch_norm;
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  const n = data.train.n;
  const plans = armPlans(c);
  const totalUpdates = plans.reduce((s, p) => s + p.epochs * epochBatches(n, p.batch, p.ghost).length, 0);
  for (const p of plans)
    if (n < p.batch)
      throw new Error(
        `data.train (${n}) is smaller than the batch of arm ${p.arm} (${p.batch}); raise data.train or lower the batch.`,
      );
  ctx.log(`arms: ${plans.map((p) => p.describe).join('; ')}. ${totalUpdates} updates in all.`);

  const Xtr = tf.tensor2d(data.train.x, [n, data.inputShape[0]]);
  const Ytr = tf.tidy(() => tf.oneHot(tf.tensor1d(data.train.labels, 'int32'), data.numClasses).toFloat() as T2);
  const Xte = tf.tensor2d(data.test.x, [data.test.n, data.inputShape[0]]);
  const rng = createRng(ctx.seed);
  let done = 0;
  try {
    for (const plan of plans) {
      done = await trainArm(
        ctx,
        c,
        plan,
        {
          Xtr,
          Ytr,
          Xte,
          testLabels: data.test.labels,
          n,
          inputs: data.inputShape[0],
          classes: data.numClasses,
          batchNorm,
          rng,
        },
        done,
        totalUpdates,
      );
    }
  } finally {
    Xtr.dispose();
    Ytr.dispose();
    Xte.dispose();
  }
});

interface ArmData {
  Xtr: T2;
  Ytr: T2;
  Xte: T2;
  testLabels: Int32Array;
  n: number;
  inputs: number;
  classes: number;
  batchNorm: boolean;
  rng: Rng;
}

async function trainArm(
  ctx: RecipeContext,
  c: TrainLongerConfig,
  plan: ArmPlan,
  d: ArmData,
  doneBefore: number,
  total: number,
): Promise<number> {
  const { tf } = ctx;
  const series = { arm: plan.arm, batch: plan.batch, ghost: plan.ghost };
  // The same initialization for every arm: only the training regime differs.
  const net = buildBnMlp(tf, [d.inputs, ...c.model.hidden, d.classes], {
    init: c.model.init,
    activation: c.model.activation,
    batchNorm: d.batchNorm,
    rng: d.rng.fork('init'),
  });
  const vars = net.variables();
  const w0 = vars.map((v) => tf.keep(v.clone()));
  const optCfg = {
    name: c.train.optimizer,
    lr: plan.lr,
    momentum: c.train.momentum,
    weight_decay: c.train.weight_decay,
  };
  const opt = createOptimizer(tf, optCfg, vars);
  const sizes = epochBatches(d.n, plan.batch, plan.ghost);
  const perEpoch = sizes.length;
  const armUpdates = plan.epochs * perEpoch;
  const logAt = new Set(evalSteps(armUpdates, 10));
  const orderRng = d.rng.fork(`order/${plan.arm}`);
  const t0 = Date.now();
  let updates = 0;
  let best = 1;
  let last: Record<string, number> = {};

  const distance = () =>
    tf.tidy(() => Math.sqrt(vars.reduce((s, v, i) => s + tf.sum(tf.square(tf.sub(v, w0[i]))).dataSync()[0], 0)));
  const testError = () => {
    let hits = 0;
    for (let s = 0; s < d.Xte.shape[0]; s += 1000) {
      const pred = tf.tidy(() =>
        net
          .forward(d.Xte.slice([s, 0], [Math.min(1000, d.Xte.shape[0] - s), -1]) as T2, { training: false })
          .argMax(1)
          .dataSync(),
      );
      for (let i = 0; i < pred.length; i++) if (pred[i] === d.testLabels[s + i]) hits++;
    }
    return 1 - hits / d.Xte.shape[0];
  };

  try {
    ctx.emit({
      type: 'metric',
      step: 0,
      series,
      values: { epoch: 0, test_err: testError(), weight_dist: 0, lr: plan.lr },
    });
    for (let epoch = 1; epoch <= plan.epochs; epoch++) {
      const drops = plan.lrDrops.filter((e) => e < epoch).length;
      const lr = plan.lr * Math.pow(0.1, drops);
      if (lr !== optCfg.lr)
        ctx.emit({ type: 'phase', step: updates, series, label: `lr × 0.1 → ${+lr.toPrecision(3)}` });
      optCfg.lr = lr; // the optimizer reads its config on every step
      const order = orderRng.shuffle(Int32Array.from({ length: d.n }, (_, i) => i)) as Int32Array;
      let lossSum = tf.scalar(0);
      for (let k = 0; k < perEpoch; k++) {
        if (ctx.shouldStop()) throw new StopRequested();
        const step = tf.tidy(() => {
          const idx = tf.tensor1d(order.subarray(k * plan.batch, k * plan.batch + sizes[k]), 'int32');
          const xb = tf.gather(d.Xtr, idx) as T2;
          const yb = tf.gather(d.Ytr, idx) as T2;
          const { value, grads } = tf.variableGrads(
            () => crossEntropy(tf, net.forward(xb, { training: true, ghost: Math.min(plan.ghost, sizes[k]) }), yb),
            vars,
          );
          if (c.train.grad_clip > 0) {
            // Global-norm clipping, as torch.nn.utils.clip_grad_norm_ in the authors' code.
            const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
            const scale = tf.minimum(1, tf.div(c.train.grad_clip, tf.add(norm, 1e-6)));
            for (const key of Object.keys(grads)) grads[key] = tf.mul(grads[key], scale);
          }
          opt.apply(grads);
          return value;
        });
        const next = tf.add(lossSum, step) as tfNs.Scalar;
        lossSum.dispose();
        step.dispose();
        lossSum = next;
        updates++;
        if (logAt.has(updates) && k < perEpoch - 1) {
          ctx.emit({
            type: 'metric',
            step: updates,
            series,
            values: { epoch: epoch - 1 + (k + 1) / perEpoch, weight_dist: distance() },
          });
        }
      }
      const trainLoss = lossSum.dataSync()[0] / perEpoch;
      lossSum.dispose();
      if (!Number.isFinite(trainLoss)) {
        ctx.emit({ type: 'phase', step: updates, series, label: 'diverged (loss is not finite)' });
        ctx.log(`${plan.arm}: the loss diverged in epoch ${epoch}; lower train.lr`, 'warn');
        break;
      }
      if (epoch % c.train.eval_every_epochs === 0 || epoch === plan.epochs) {
        const err = testError();
        best = Math.min(best, err);
        last = { epoch, test_err: err, test_acc: 1 - err, train_loss: trainLoss, lr, weight_dist: distance() };
        ctx.emit({ type: 'metric', step: updates, series, values: last });
      }
      ctx.progress(
        doneBefore + updates,
        total,
        `${plan.arm} · epoch ${epoch}/${plan.epochs} · test error ${((last.test_err ?? NaN) * 100).toFixed(1)}%`,
      );
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    opt.dispose();
    w0.forEach((t) => t.dispose());
    net.dispose();
  }
  ctx.emit({
    type: 'summary',
    series: { ...series, arm_index: plan.index },
    values: {
      final_test_err: last.test_err ?? NaN,
      best_test_err: best,
      updates,
      epochs: plan.epochs,
      lr: plan.lr,
      weight_dist: last.weight_dist ?? NaN,
      samples: updates * plan.batch,
      seconds: (Date.now() - t0) / 1000,
    },
  });
  return doneBefore + armUpdates;
}
