/**
 * Weight compander: the same MLP (same initial effective weights, same data order) trained as
 *   `baseline`    plain weights, weight decay only;
 *   `wc_fixed`    every weight w = σ·g(θ/σ) with g's hyperparameters fixed (reparam.ts);
 *   `wc_learned`  the same with a, b (c) learned per layer — their own Adam, no weight decay.
 * Weight decay acts on the parameters θ (and biases), as it would on the weights. After training each
 * arm reports its accuracy, the share of effective weights with |w| < near_zero, their spread, the
 * learned hyperparameters, and a histogram of its effective weights (summaries { kind: 'histogram' }).
 */
import { defineRecipe } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors, mlpSizes } from '../../trainer/data/index';
import { buildMlp, type Activation, type Net } from '../../trainer/model';
import { evaluate } from '../../trainer/loop';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { createOptimizer, optimizerOf } from '../../trainer/optim';
import { buildCompandedMlp, combineOptimizers, type CompandedMlp } from '../../trainer/reparam';
import { weightCompander } from './index';

type Arm = 'baseline' | 'wc_fixed' | 'wc_learned';

export const recipe = defineRecipe(weightCompander, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  if (c.model.activation !== 'relu')
    ctx.log('The compander MLP uses ReLU between layers; model.activation is ignored.', 'warn');
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train, test } = splits;
  const sizes = mlpSizes(data, c.model.hidden);
  const arms: Arm[] = ['baseline', ...c.compander.arms];
  const T = c.train.iterations;
  const budget: StepBudget = { done: 0, total: arms.length * T };
  const params = { a: c.compander.a, b: c.compander.b, c: c.compander.c };
  try {
    for (const arm of arms) {
      // The same fork label for every arm: the companded net's effective weights start at the baseline's.
      let net: Net;
      let wc: CompandedMlp | undefined;
      if (arm === 'baseline') {
        net = buildMlp(tf, {
          input: sizes[0],
          hidden: c.model.hidden,
          classes: sizes[sizes.length - 1],
          init: c.model.init,
          activation: 'relu' as Activation,
          rng: root.fork('init'),
        });
      } else {
        wc = buildCompandedMlp(tf, {
          sizes,
          init: c.model.init,
          rng: root.fork('init'),
          family: c.compander.family,
          params,
          learn: arm === 'wc_learned',
        });
        net = wc.net;
      }
      try {
        const cfg = optimizerOf(c.train);
        await trainSeries({
          ctx,
          net,
          series: { arm },
          optimizer: cfg,
          iterations: T,
          batchSize: c.train.batch_size,
          evalEvery: c.train.eval_every,
          train,
          test,
          rng: root.fork('data-order'),
          budget,
          label: arm.replace(/_/g, ' '),
          makeOptimizer: wc
            ? (oc) =>
                combineOptimizers([
                  createOptimizer(
                    tf,
                    oc,
                    net.layers.flatMap((l) => [l.weight, l.bias]),
                  ),
                  ...(wc!.hyperVariables.length
                    ? [createOptimizer(tf, { name: 'adam', lr: c.train.lr }, wc!.hyperVariables)]
                    : []),
                ])
            : undefined,
        });
        const weights = wc
          ? wc.effectiveWeights()
          : net.layers.map((l) => Float32Array.from(l.weight.dataSync() as Float32Array));
        const r = evaluate(tf, net, test);
        const tr = evaluate(tf, net, train);
        const all = weights.flatMap((w) => Array.from(w));
        const near = all.filter((w) => Math.abs(w) < c.analysis.near_zero).length / all.length;
        const values: Record<string, number> = {
          final_test_acc: r.acc,
          final_test_loss: r.loss,
          final_train_acc: tr.acc,
          generalization_gap: tr.acc - r.acc,
          near_zero_share: near,
          weight_std: Math.sqrt(all.reduce((s, w) => s + w * w, 0) / all.length),
          test_examples: test.n,
        };
        weights.forEach(
          (w, l) =>
            (values[`near_zero_share_layer${l}`] =
              w.filter((x) => Math.abs(x) < c.analysis.near_zero).length / w.length),
        );
        if (wc)
          wc.hyper().forEach((h, l) => {
            for (const k of ['a', 'b', 'c'] as const) if (h[k] !== undefined) values[`${k}_layer${l}`] = h[k];
          });
        ctx.emit({ type: 'summary', series: { arm }, values });
        emitHistogram(ctx.emit, arm, all, c.analysis.histogram_range, c.analysis.histogram_bins);
      } finally {
        net.dispose();
      }
    }
  } finally {
    splits.dispose();
  }
});

/** A density histogram on [−range, range] (end bins take what falls outside), one summary per bin. */
function emitHistogram(
  emit: (e: {
    type: 'summary';
    series: { arm: string; kind: string; bin: number };
    values: Record<string, number>;
  }) => void,
  arm: string,
  values: number[],
  range: number,
  bins: number,
): void {
  const counts = new Float64Array(bins);
  const width = (2 * range) / bins;
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v + range) / width)))]++;
  counts.forEach((n, i) =>
    emit({
      type: 'summary',
      series: { arm, kind: 'histogram', bin: i },
      values: { bin_center: -range + (i + 0.5) * width, density: n / (values.length * width) },
    }),
  );
}
