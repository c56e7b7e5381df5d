/**
 * Instance-reweighted adversarial training (Sow et al. 2024, stand-in; see index.ts scaleNote):
 *   each arm trains the same initial LeNet-300-100 on the same batches; the loop's `transformBatch`
 *   replaces the batch by its PGD adversarial examples (training attack) and, for `done`, attaches the
 *   KL-DRO weights n·softmax(ℓ_adv / r) computed outside the gradient tape; the `objective` is the
 *   (weighted) cross-entropy on the adversarial batch. At every evaluation the model is attacked with
 *   the stronger evaluation PGD on test digits and scored per class.
 * Events: metric `{arm}` (test_acc, robust_acc, worst_class_robust_acc, weight statistics);
 * summary `{arm, stat: 'per_class', class}` (final robust accuracy of each digit) and `{arm}`.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageTensors } from '../../trainer/data/index';
import { buildMlp, crossEntropy, type Activation, type Net } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { train, type StepBatch, type TensorSplit } from '../../trainer/loop';
import { restore, snapshot } from '../../trainer/snapshot';
import {
  klDroWeights,
  perClassAccuracy,
  perExampleCrossEntropy,
  pgd,
  weightedCrossEntropy,
} from '../../trainer/attacks';
import type { DoublyRobustAtConfig } from './schema';
import { doublyRobustAt } from './index';

type Tf = typeof tfNs;

/** Robust accuracy (overall and per class) of the net under the evaluation PGD, in chunks. */
export function robustAccuracy(
  tf: Tf,
  net: Net,
  split: TensorSplit,
  ev: DoublyRobustAtConfig['eval'],
  rng: Rng,
  chunk = 500,
): { overall: number; perClass: number[]; worst: number } {
  const n = Math.min(ev.points, split.n);
  const hits = new Array<number>(10).fill(0);
  const counts = new Array<number>(10).fill(0);
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const logits = tf.tidy(() => {
      const x = tf.slice(split.x, start, size);
      const y = tf.slice(split.y, start, size) as tfNs.Tensor2D;
      const adv = pgd(tf, net, x, y, {
        eps: ev.eps,
        stepSize: ev.step_size,
        steps: ev.steps,
        randomStart: ev.random_start,
        rng,
      });
      return [net.forward(adv), y] as const;
    });
    const r = perClassAccuracy(tf, logits[0], logits[1]);
    const labels = tf.tidy(() => tf.sum(logits[1], 0));
    const perClassCount = Array.from(labels.dataSync());
    labels.dispose();
    logits[0].dispose();
    logits[1].dispose();
    r.perClass.forEach((a, c) => {
      if (perClassCount[c] > 0) {
        hits[c] += a * perClassCount[c];
        counts[c] += perClassCount[c];
      }
    });
  }
  const perClass = hits.map((h, c) => (counts[c] ? h / counts[c] : NaN));
  const overall =
    hits.reduce((a, b) => a + b, 0) /
    Math.max(
      1,
      counts.reduce((a, b) => a + b, 0),
    );
  return { overall, perClass, worst: Math.min(...perClass.filter(Number.isFinite)) };
}

export const recipe = defineRecipe(doublyRobustAt, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => ctx.log(m));
  const net = buildMlp(tf, {
    input: 784,
    hidden: c.model.hidden,
    classes: 10,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng: root.fork('init'),
  });
  const theta0 = snapshot(net);
  const T = c.train.iterations;
  const budget = { done: 0, total: c.arms.length * T };
  const a = c.attack;
  try {
    for (const arm of c.arms) {
      restore(tf, net, theta0);
      const opt = createOptimizer(tf, { name: c.train.optimizer, lr: c.train.lr }, net.variables());
      const attackRng = root.fork(`train-attack-${arm}`);
      const evalRng = root.fork(`eval-attack-${arm}`);
      const weightStats = { max: 0, entropy: 0, batches: 0 };
      const start = budget.done;
      let final: ReturnType<typeof robustAccuracy> | undefined;
      const t0 = performance.now();
      try {
        const r = await train({
          tf,
          net,
          optimizer: opt,
          train: splits.train,
          test: splits.test,
          endStep: T,
          batchSize: c.train.batch_size,
          evalEvery: c.train.eval_every,
          rng: root.fork('data-order'),
          shouldStop: ctx.shouldStop,
          transformBatch:
            arm === 'standard'
              ? undefined
              : (b: StepBatch) => {
                  const x = pgd(tf, net, b.x, b.y, {
                    eps: a.eps,
                    stepSize: a.step_size,
                    steps: a.steps,
                    randomStart: a.random_start,
                    rng: attackRng,
                  });
                  if (arm !== 'done') return { ...b, x };
                  const weights = klDroWeights(tf, perExampleCrossEntropy(tf, net.forward(x), b.y), c.done.r);
                  if (weightStats.batches % 50 === 0) {
                    const w = weights.dataSync() as Float32Array;
                    const n = w.length;
                    weightStats.max = Math.max(...w) / n;
                    weightStats.entropy =
                      -w.reduce((s, v) => s + (v > 0 ? (v / n) * Math.log(v / n) : 0), 0) / Math.log(n);
                  }
                  weightStats.batches++;
                  return { ...b, x, weights };
                },
          objective:
            arm === 'done'
              ? (b: StepBatch) => weightedCrossEntropy(tf, net.forward(b.x), b.y, b.weights!)
              : (b: StepBatch) => crossEntropy(tf, net.forward(b.x), b.y),
          onStep: (s) => ctx.progress((budget.done = start + s), budget.total, `${arm} · step ${s}/${T}`),
          onEval: (p) => {
            final = robustAccuracy(tf, net, splits.test, c.eval, evalRng);
            ctx.emit({
              type: 'metric',
              step: p.step,
              series: { arm },
              values: {
                ...p.values,
                robust_acc: final.overall,
                worst_class_robust_acc: final.worst,
                ...(arm === 'done' && weightStats.batches
                  ? { max_weight_share: weightStats.max, weight_entropy: weightStats.entropy }
                  : {}),
              },
            });
          },
        });
        if (r.stopped) throw new StopRequested();
        const f = final!;
        f.perClass.forEach((acc, cls) =>
          ctx.emit({ type: 'summary', series: { arm, stat: 'per_class', class: cls }, values: { robust_acc: acc } }),
        );
        ctx.emit({
          type: 'summary',
          series: { arm },
          values: {
            clean_acc: r.final.values.test_acc,
            robust_acc: f.overall,
            worst_class_robust_acc: f.worst,
            worst_class: f.perClass.indexOf(f.worst),
            seconds: (performance.now() - t0) / 1000,
          },
        });
        ctx.log(
          `${arm}: clean ${(100 * r.final.values.test_acc).toFixed(1)}%, robust ${(100 * f.overall).toFixed(1)}%, worst class ${f.perClass.indexOf(f.worst)} at ${(100 * f.worst).toFixed(1)}% (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
      } finally {
        opt.dispose();
      }
    }
  } finally {
    net.dispose();
    splits.dispose();
  }
});
