/**
 * Adversarial error vs ε across models (Cubuk et al. 2017):
 *   for each model of `arms`: train it (shared loop; the shuffled-label MLP on permuted labels, the
 *   low-entropy MLP with CE + β·H through the loop's `objective`); attack the test points with FGSM at
 *   every ε of the grid from ONE input gradient per point; on the MLP, also step l.l. (one gradient)
 *   and PGD-k (k gradients per ε); fit error = a·ε^b in log–log over the points whose error lies in the
 *   fit window; record the top-logit gaps Δ₁₂ during training and their histogram at the end. The
 *   shuffled-label MLP is attacked on the examples it memorised (it is at chance on test digits).
 * Events: metric `{arm}` (test_acc, gap quantiles); summary `{arm, attack, eps}` (adv_error),
 * `{arm, attack, stat: 'fit'}` (exponent with its 95% interval, R², points, error at ε = 0.01 on the
 * line), `{arm, stat: 'gap12', gap}` (density), `{arm}` (clean accuracy, the FGSM fit).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageData, toTensors, type Dataset } from '../../trainer/data/index';
import { buildConvNet, buildMlp, crossEntropy, type Activation, type Net } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { evaluate, train, type StepBatch, type TensorSplit } from '../../trainer/loop';
import { oneStepErrorCurve, pgdErrorCurve, topLogitGaps } from '../../trainer/attacks';
import { fitScaling } from '../../core/stats';
import { epsilonGrid, type AdversarialPowerLawConfig, type ModelArm } from './schema';
import { adversarialPowerLaw } from './index';

type Tf = typeof tfNs;
type Curve = { eps: number; error: number }[];

/** log10-spaced histogram bins of Δ₁₂ from 10⁻³ to 10², four per decade; density per unit Δ. */
export function gapHistogram(gaps: Float32Array): { center: number; density: number }[] {
  const lo = -3;
  const perDecade = 4;
  const bins = 5 * perDecade;
  const counts = new Float64Array(bins);
  for (const g of gaps) {
    const k = Math.floor((Math.log10(Math.max(g, 1e-12)) - lo) * perDecade);
    counts[Math.max(0, Math.min(bins - 1, k))]++;
  }
  return Array.from(counts, (c, k) => {
    const a = Math.pow(10, lo + k / perDecade);
    const b = Math.pow(10, lo + (k + 1) / perDecade);
    return { center: Math.sqrt(a * b), density: c / gaps.length / (b - a) };
  }).filter((b) => b.density > 0);
}

/** Quantile of a copy of the values (linear interpolation). */
export function quantile(values: Float32Array, q: number): number {
  const s = Float64Array.from(values).sort();
  if (!s.length) return NaN;
  const pos = q * (s.length - 1);
  const i = Math.floor(pos);
  return s[i] + (s[Math.min(i + 1, s.length - 1)] - s[i]) * (pos - i);
}

/** The power-law fit (core/stats fitScaling) over the points whose error lies inside [lo, hi]; ≥ 3 points. */
export function windowFit(curve: Curve, lo: number, hi: number) {
  const found = fitScaling(
    curve.map((p) => p.eps),
    curve.map((p) => p.error),
    { y: [lo, hi] },
  );
  const fit = found && found.used.length >= 3 ? found : undefined;
  return {
    points: found?.used.length ?? curve.filter((p) => p.error >= lo && p.error <= hi).length,
    exponent: fit?.slope ?? NaN,
    exponent_low: fit?.slopeLow ?? NaN,
    exponent_high: fit?.slopeHigh ?? NaN,
    r2: fit?.r2 ?? NaN,
    error_at_0_01: fit ? Math.pow(10, fit.intercept + fit.slope * -2) : NaN,
  };
}

function shuffledSplit(tf: Tf, data: Dataset, n: number, rng: Rng): TensorSplit {
  const dim = data.train.x.length / data.train.n;
  const labels = rng.shuffle(Int32Array.from(data.train.labels.subarray(0, n))) as Int32Array;
  return toTensors(tf, { x: data.train.x.subarray(0, n * dim), labels, n }, data);
}

/** The first n rows of a split, as a split of its own (caller disposes). */
function firstRows(tf: Tf, s: TensorSplit, n: number): TensorSplit {
  const k = Math.min(n, s.n);
  return tf.tidy(() => ({ x: tf.slice(s.x, 0, k), y: tf.slice(s.y, 0, k) as tfNs.Tensor2D, n: k }));
}

function buildArm(tf: Tf, arm: ModelArm, c: AdversarialPowerLawConfig, rng: Rng): Net {
  if (arm === 'lenet5')
    return buildConvNet(tf, {
      inputShape: [28, 28, 1],
      conv: [
        { filters: 6, kernel: 5, padding: 'valid', pool: true },
        { filters: 16, kernel: 5, padding: 'valid', pool: true },
      ],
      hidden: [120, 84],
      classes: 10,
      init: c.model.init,
      activation: c.model.activation as Activation,
      rng,
    });
  return buildMlp(tf, {
    input: 784,
    hidden: arm === 'linear' ? [] : c.model.hidden,
    classes: 10,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng,
  });
}

export const recipe = defineRecipe(adversarialPowerLaw, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  const grid = epsilonGrid(c.attack);
  const flat = { train: toTensors(tf, data.train, data), test: toTensors(tf, data.test, data) };
  const needImages = c.arms.includes('lenet5');
  const images = needImages
    ? { train: toTensors(tf, data.train, data, [28, 28, 1]), test: toTensors(tf, data.test, data, [28, 28, 1]) }
    : undefined;
  const stepsOf = (arm: ModelArm) =>
    arm === 'lenet5' ? c.train.cnn_iterations : arm === 'mlp_shuffled' ? c.shuffled.iterations : c.train.iterations;
  const budget = { done: 0, total: c.arms.reduce((n, a) => n + stepsOf(a), 0) };
  const disposeSplit = (s?: TensorSplit) => s && (s.x.dispose(), s.y.dispose());
  const [lo, hi] = [c.attack.fit_min_error, c.attack.fit_max_error];

  try {
    for (const arm of c.arms) {
      const t0 = performance.now();
      const net = buildArm(tf, arm, c, root.fork(`init-${arm}`));
      const conv = arm === 'lenet5';
      const testSplit = conv ? images!.test : flat.test;
      const shuffled =
        arm === 'mlp_shuffled' ? shuffledSplit(tf, data, c.shuffled.train, root.fork('shuffle')) : undefined;
      // The shuffled-label net is at chance on test digits, so it is attacked on the examples it memorised
      // (with their shuffled labels): there it is "correct", as the clean models are on test digits.
      const attacked = shuffled ? firstRows(tf, shuffled, testSplit.n) : testSplit;
      const trainSplit = shuffled ?? (conv ? images!.train : flat.train);
      const steps = stepsOf(arm);
      const beta = c.low_entropy.weight;
      const objective =
        arm === 'mlp_low_entropy'
          ? (b: StepBatch) => {
              const logits = net.forward(b.x);
              const p = tf.softmax(logits);
              const entropy = tf.neg(tf.mean(tf.sum(tf.mul(p, tf.logSoftmax(logits)), 1)));
              return tf.add(crossEntropy(tf, logits, b.y), tf.mul(entropy, beta)) as tfNs.Scalar;
            }
          : undefined;
      const opt = createOptimizer(tf, { name: c.train.optimizer, lr: c.train.lr }, net.variables());
      const start = budget.done;
      try {
        const r = await train({
          tf,
          net,
          optimizer: opt,
          train: trainSplit,
          test: testSplit,
          endStep: steps,
          batchSize: c.train.batch_size,
          evalEvery: c.train.eval_every,
          rng: root.fork(`order-${arm}`),
          objective,
          shouldStop: ctx.shouldStop,
          onStep: (s) => {
            budget.done = start + s;
            ctx.progress(budget.done, budget.total, `${arm} · step ${s}/${steps}`);
          },
          onEval: (p) => {
            const gaps = topLogitGaps(tf, net, attacked.x);
            ctx.emit({
              type: 'metric',
              step: p.step,
              series: { arm },
              values: { ...p.values, gap12_q10: quantile(gaps, 0.1), gap12_median: quantile(gaps, 0.5) },
            });
          },
        });
        if (r.stopped) throw new StopRequested();
        const cleanAcc = r.final.values.test_acc;
        ctx.progress(budget.done, budget.total, `${arm} · attacking ${attacked.n} points`);
        const test = attacked;

        const curves: [string, Curve][] = [
          ['fgsm', oneStepErrorCurve(tf, net, test.x, test.y, grid, { attack: 'fgsm', base: c.attack.base })],
        ];
        if (arm === 'mlp' && c.attack.universality.includes('step_ll'))
          curves.push([
            'step_ll',
            oneStepErrorCurve(tf, net, test.x, test.y, grid, { attack: 'step_ll', base: c.attack.base }),
          ]);
        if (arm === 'mlp' && c.attack.universality.includes('pgd')) {
          curves.push([
            'pgd',
            pgdErrorCurve(tf, net, test.x, test.y, grid, {
              steps: c.attack.pgd_steps,
              base: c.attack.base,
              rng: root.fork('pgd-start'),
            }),
          ]);
        }
        let fgsmFit: ReturnType<typeof windowFit> | undefined;
        for (const [attack, curve] of curves) {
          for (const p of curve)
            ctx.emit({ type: 'summary', series: { arm, attack, eps: p.eps }, values: { adv_error: p.error } });
          const fit = windowFit(curve, lo, hi);
          if (attack === 'fgsm') fgsmFit = fit;
          ctx.emit({ type: 'summary', series: { arm, attack, stat: 'fit' }, values: fit });
          if (fit.points < 3)
            ctx.log(
              `${arm} / ${attack}: only ${fit.points} ε fall in the ${lo}–${hi} error window; no power law fitted.`,
              'warn',
            );
        }
        const gaps = topLogitGaps(tf, net, test.x);
        const attackedAcc = evaluate(tf, net, test).acc;
        for (const b of gapHistogram(gaps))
          ctx.emit({ type: 'summary', series: { arm, stat: 'gap12', gap: b.center }, values: { density: b.density } });
        ctx.emit({
          type: 'summary',
          series: { arm },
          values: {
            clean_acc: cleanAcc,
            attacked_acc: attackedAcc,
            attacked_on_train: shuffled ? 1 : 0,
            gap12_median: quantile(gaps, 0.5),
            ...Object.fromEntries(Object.entries(fgsmFit!).map(([k, v]) => [`fgsm_${k}`, v])),
            seconds: (performance.now() - t0) / 1000,
          },
        });
        ctx.log(
          `${arm}: clean accuracy ${(100 * cleanAcc).toFixed(1)}%, FGSM exponent ${fgsmFit!.exponent.toFixed(2)} [${fgsmFit!.exponent_low.toFixed(2)}, ${fgsmFit!.exponent_high.toFixed(2)}] over ${fgsmFit!.points} points, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        );
      } finally {
        opt.dispose();
        net.dispose();
        disposeSplit(shuffled);
        if (attacked !== testSplit) disposeSplit(attacked);
      }
    }
  } finally {
    disposeSplit(flat.train);
    disposeSplit(flat.test);
    disposeSplit(images?.train);
    disposeSplit(images?.test);
  }
});
