/**
 * ISS-P transplanted to classification. For every pruning ratio and arm, from the same θ₀ and data
 * order:
 *   `iss_p` (per α) / `iht`: phase 1 (steps 0 … prune_iterations): after every `shrink_every` steps
 *       the smallest `ratio` of each prunable layer is multiplied by α (0 for IHT) — softShrink.ts;
 *       phase 2: the hard mask (each layer's smallest `ratio` by magnitude, exact counts) is fixed and
 *       training continues with it (the code prunes and fine-tunes).
 *   `static`: a uniformly random mask with the same per-layer ratio, fixed from step 0.
 * Metric events every `eval_every` (test accuracy and loss, the mean flip rate since the last
 * evaluation) and every `grad_norm_every` (per-layer gradient norms and their root sum of squares,
 * `grad_norm`); one summary per (ratio, arm, α).
 */
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { recipeImageTensors } from '../../trainer/data/index';
import { buildMlp, type Activation, type Net } from '../../trainer/model';
import { train, type TensorSplit, type TrainOptions } from '../../trainer/loop';
import { createOptimizer, optimizerOf } from '../../trainer/optim';
import {
  applyMasks,
  disposeMasks,
  fullMasks,
  magnitudePrune,
  maskStats,
  randomPrune,
  type Masks,
} from '../../trainer/masks';
import { SoftShrinker } from '../../trainer/softShrink';
import type { SeriesTags } from '../../core/runs/events';
import type { IssPConfig } from './schema';
import { issP } from './index';

interface Arm {
  arm: 'iss_p' | 'iht' | 'static';
  alpha: number;
}

export const recipe = defineRecipe(issP, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train: trainSplit, test } = splits;
  const arms: Arm[] = [
    ...(c.prune.methods.includes('iss_p') ? c.prune.alphas.map((alpha) => ({ arm: 'iss_p' as const, alpha })) : []),
    ...(c.prune.methods.includes('iht') ? [{ arm: 'iht' as const, alpha: 0 }] : []),
    ...(c.prune.methods.includes('static') ? [{ arm: 'static' as const, alpha: 1 }] : []),
  ];
  const T = c.train.iterations;
  const budget = { done: 0, total: T * arms.length * c.prune.ratios.length };
  try {
    for (const ratio of c.prune.ratios) {
      for (const a of arms) {
        const net = buildMlp(tf, {
          input: data.inputShape[0],
          hidden: c.model.hidden,
          classes: data.numClasses,
          init: c.model.init,
          activation: c.model.activation as Activation,
          rng: root.fork('init'),
        });
        try {
          await trainArm(ctx, c, net, a, ratio, trainSplit, test, root, budget);
        } finally {
          net.dispose();
        }
      }
    }
  } finally {
    splits.dispose();
  }
});

async function trainArm(
  ctx: RecipeContext<IssPConfig>,
  c: IssPConfig,
  net: Net,
  a: Arm,
  ratio: number,
  trainSplit: TensorSplit,
  test: TensorSplit,
  root: Rng,
  budget: { done: number; total: number },
): Promise<void> {
  const { tf } = ctx;
  const T = c.train.iterations;
  const P = a.arm === 'static' ? 0 : Math.min(c.prune.prune_iterations, T);
  const series: SeriesTags = { arm: a.arm, ratio, ...(a.arm === 'iss_p' ? { alpha: a.alpha } : {}) };
  const prunable = net.layers.filter((l) => !(c.prune.skip_output && l.role === 'output'));
  const rateFor = (l: { role: string; name: string }) => (prunable.some((p) => p.name === l.name) ? ratio : 0);
  const optimizer = createOptimizer(tf, optimizerOf(c.train), net.variables());
  const flips: number[] = [];
  // Gradient throughput over the pruning phase (the first P steps; the whole run for `static`).
  const throughput = { sum: 0, n: 0 };
  const phaseEnd = a.arm === 'static' ? Math.min(c.prune.prune_iterations, T) : P;
  let masks: Masks | undefined;
  const startDone = budget.done;
  const label = `${(100 * ratio).toFixed(0)}% pruned · ${a.arm.replace('_', '-')}${a.arm === 'iss_p' ? ` α=${a.alpha}` : ''}`;
  const common: Omit<TrainOptions, 'startStep' | 'endStep'> = {
    tf,
    net,
    optimizer,
    train: trainSplit,
    test,
    batchSize: c.train.batch_size,
    evalEvery: c.train.eval_every,
    rng: root.fork('data-order'),
    shouldStop: ctx.shouldStop,
    onStep: (s) => {
      budget.done = startDone + s;
      if (s % 50 === 0) ctx.progress(budget.done, budget.total, label);
    },
    onEval: (p) => {
      const values: Record<string, number> = { ...p.values };
      if (flips.length) values.flip_rate = flips.reduce((x, y) => x + y, 0) / flips.length;
      flips.length = 0;
      ctx.emit({ type: 'metric', step: p.step, series, values });
    },
    gradNorms: {
      every: c.prune.grad_norm_every,
      fn: (step, norms) => {
        const values: Record<string, number> = {};
        let sq = 0;
        for (const [name, n] of Object.entries(norms)) ((values[`grad_norm_${name}`] = n), (sq += n * n));
        values.grad_norm = Math.sqrt(sq);
        if (step <= phaseEnd) ((throughput.sum += values.grad_norm), throughput.n++);
        ctx.emit({ type: 'metric', step, series, values });
      },
    },
  };
  try {
    if (a.arm === 'static') {
      const full = fullMasks(tf, net);
      masks = randomPrune(tf, net, full, rateFor, root.fork(`static-${ratio}`));
      disposeMasks(full);
      applyMasks(tf, net, masks);
    } else {
      const shrinker = new SoftShrinker(tf, prunable, {
        fraction: ratio,
        alpha: a.alpha,
        sample: c.prune.threshold_sample || undefined,
        rng: root.fork(`sample-${ratio}-${a.arm}-${a.alpha}`),
      });
      const r = await train({
        ...common,
        startStep: 0,
        endStep: P,
        afterUpdate: (step) => {
          if (step % c.prune.shrink_every !== 0) return;
          const rep = shrinker.step();
          if (Number.isFinite(rep.flipRate)) flips.push(rep.flipRate);
        },
      });
      if (r.stopped) throw new StopRequested();
      // The hard mask: exactly `ratio` of each prunable layer, smallest magnitudes first.
      const full = fullMasks(tf, net);
      masks = magnitudePrune(tf, net, full, rateFor, 'layerwise');
      disposeMasks(full);
      applyMasks(tf, net, masks);
      const stats = maskStats(masks);
      ctx.emit({
        type: 'phase',
        step: P,
        series,
        label: `hard mask fixed: ${(100 * stats.density).toFixed(2)}% of weights kept (${prunable.map((l) => l.name).join(', ')} at ${(100 * (1 - ratio)).toFixed(1)}%)`,
      });
    }
    const r = await train({ ...common, masks, startStep: P, endStep: T });
    if (r.stopped) throw new StopRequested();
    const stats = maskStats(masks!);
    const nonzero = tf.tidy(() => {
      let n = 0;
      for (const l of net.layers) n += tf.sum(tf.cast(tf.notEqual(l.weight, 0), 'float32')).dataSync()[0];
      return n;
    });
    ctx.emit({
      type: 'summary',
      series,
      values: {
        final_test_acc: r.final.values.test_acc,
        best_test_acc: Math.max(...r.history.map((p) => p.values.test_acc)),
        density: stats.density,
        mean_grad_norm_prune_phase: throughput.n ? throughput.sum / throughput.n : NaN,
        nonzero_weights: nonzero,
        test_examples: test.n,
      },
    });
  } finally {
    optimizer.dispose();
    if (masks) disposeMasks(masks);
  }
  budget.done = startDone + T;
}
