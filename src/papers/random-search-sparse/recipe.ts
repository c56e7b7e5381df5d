/**
 * Random search over node masks (nodeSearch.ts), from one parent initialisation θ₀:
 *   dense    the parent trained from θ₀;
 *   per sparsity s and repeat r (r = 0 … repeats−1):
 *     searched  draw `candidates` random node masks (each hidden layer keeps the same fraction),
 *               build each as a smaller dense net with θ₀'s weights of the kept units
 *               (extractSubnetwork), score it by validation loss at initialisation, train the best;
 *     random    one more random node mask of the same sparsity, trained the same way.
 * All networks use the same optimizer, steps and data order. Summaries: one per trained network
 * ({ arm, sparsity, repeat, kind: 'single' }: final accuracy, steps to `converged_fraction` of it,
 * its criterion score) and the mean per (arm, sparsity) ({ kind: 'mean' }) with the within-run
 * equivalence test of searched vs random (TOST at ±margin, src/core/stats).
 */
import { defineRecipe } from '../../trainer/recipe';
import { optimizerOf } from '../../trainer/optim';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors } from '../../trainer/data/index';
import { buildMlp, type Activation } from '../../trainer/model';
import { evaluate } from '../../trainer/loop';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { readDense, writeDense } from '../../trainer/denseLayers';
import { extractSubnetwork, prunedWidths } from '../../trainer/neuronPruning';
import { randomKeptUnits, randomSearch, stepsToFractionOfFinal } from '../../trainer/nodeSearch';
import type { DenseLayer } from '../../trainer/weightMatching';
import { summarize, tost } from '../../core/stats';
import { randomSearchSparse } from './index';

export const recipe = defineRecipe(randomSearchSparse, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train, val, test } = splits;
  if (!val) {
    splits.dispose();
    throw new Error('random-search-sparse scores candidates on a validation split: add `data.val` to the config.');
  }
  const activation = c.model.activation as Activation;
  const parent = buildMlp(tf, {
    input: data.inputShape[0],
    hidden: c.model.hidden,
    classes: data.numClasses,
    init: c.model.init,
    activation,
    rng: root.fork('init'),
  });
  const theta0: DenseLayer[] = readDense(parent);
  const T = c.train.iterations;
  const budget: StepBudget = { done: 0, total: T * (1 + 2 * c.search.repeats * c.search.sparsities.length) };
  const opt = optimizerOf(c.train);

  /** Trains a network (already holding its start weights) and reports it; returns its final test accuracy. */
  const trainOne = async (
    net: ReturnType<typeof buildMlp>,
    series: { arm: string; sparsity: number; repeat: number },
    extra: Record<string, number>,
  ) => {
    const r = await trainSeries({
      ctx,
      net,
      series,
      optimizer: opt,
      iterations: T,
      batchSize: c.train.batch_size,
      evalEvery: c.train.eval_every,
      train,
      test,
      rng: root.fork('data-order'),
      budget,
      label: `${series.arm} · ${(100 * series.sparsity).toFixed(0)}% sparse · repeat ${series.repeat + 1}`,
      extra: () => {
        const v = evaluate(tf, net, val);
        return { val_loss: v.loss, val_acc: v.acc };
      },
    });
    const acc = r.final.values.test_acc;
    const curve = r.history.map((p) => ({ step: p.step, value: p.values.test_acc }));
    ctx.emit({
      type: 'summary',
      series: { ...series, kind: 'single' },
      values: {
        final_test_acc: acc,
        best_val_acc: Math.max(...r.history.map((p) => p.values.val_acc ?? NaN)),
        steps_to_converge: stepsToFractionOfFinal(curve, c.search.converged_fraction) ?? NaN,
        parameters: net.size(),
        test_examples: test.n,
        ...extra,
      },
    });
    return { acc, steps: stepsToFractionOfFinal(curve, c.search.converged_fraction) ?? NaN };
  };

  try {
    const dense = await trainOne(parent, { arm: 'dense', sparsity: 0, repeat: 0 }, {});
    ctx.emit({
      type: 'summary',
      series: { arm: 'dense', sparsity: 0, kind: 'mean' },
      values: { final_test_acc: dense.acc, steps_to_converge: dense.steps, repeats: 1 },
    });
    for (const s of c.search.sparsities) {
      const widths = prunedWidths(c.model.hidden, s);
      const net = buildMlp(tf, {
        input: data.inputShape[0],
        hidden: widths,
        classes: data.numClasses,
        init: c.model.init,
        activation,
        rng: root.fork('scratch'),
      });
      const results: Record<'searched' | 'random', { acc: number[]; steps: number[] }> = {
        searched: { acc: [], steps: [] },
        random: { acc: [], steps: [] },
      };
      try {
        const valLoss = (kept: number[][]) => {
          writeDense(tf, net, extractSubnetwork(theta0, kept));
          return evaluate(tf, net, val).loss;
        };
        for (let r = 0; r < c.search.repeats; r++) {
          const ranked = randomSearch(
            c.search.candidates,
            (i) => randomKeptUnits(c.model.hidden, s, root.fork(`search-${s}-${r}-${i}`)),
            valLoss,
          );
          const best = ranked[0];
          const scores = ranked.map((x) => x.score);
          ctx.emit({
            type: 'phase',
            step: 0,
            series: { arm: 'searched', sparsity: s, repeat: r },
            label: `sparsity ${(100 * s).toFixed(0)}%, search ${r + 1}: best of ${c.search.candidates} masks has validation loss ${best.score.toFixed(4)} at init (median ${scores[Math.floor(scores.length / 2)].toFixed(4)}, worst ${scores[scores.length - 1].toFixed(4)})`,
          });
          writeDense(tf, net, extractSubnetwork(theta0, best.candidate));
          const a = await trainOne(
            net,
            { arm: 'searched', sparsity: s, repeat: r },
            { init_val_loss: best.score, candidates: c.search.candidates },
          );
          results.searched.acc.push(a.acc);
          results.searched.steps.push(a.steps);

          const rnd = randomKeptUnits(c.model.hidden, s, root.fork(`random-${s}-${r}`));
          const score = valLoss(rnd);
          const b = await trainOne(net, { arm: 'random', sparsity: s, repeat: r }, { init_val_loss: score });
          results.random.acc.push(b.acc);
          results.random.steps.push(b.steps);
        }
      } finally {
        net.dispose();
      }
      const eq = tost(results.searched.acc, results.random.acc, c.search.margin);
      for (const arm of ['searched', 'random'] as const) {
        const acc = summarize(results[arm].acc);
        const steps = summarize(results[arm].steps);
        ctx.emit({
          type: 'summary',
          series: { arm, sparsity: s, kind: 'mean' },
          values: {
            final_test_acc: acc.mean,
            final_test_acc_sd: acc.sd,
            steps_to_converge: steps.mean,
            repeats: acc.n,
            ...(arm === 'searched' && eq
              ? {
                  diff_vs_random: eq.diff,
                  tost_p: eq.p,
                  ci90_low: eq.low,
                  ci90_high: eq.high,
                  equivalent: eq.equivalent ? 1 : 0,
                  margin: eq.margin,
                }
              : {}),
          },
        });
      }
    }
  } finally {
    parent.dispose();
    splits.dispose();
  }
});
