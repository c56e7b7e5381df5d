import { defineRecipe } from '../../trainer/recipe';
import { rethinkingPruning } from './index';
/**
 * rethinking-pruning: train the full MLP, prune whole hidden units by the L1 norm of their incoming
 * weights, then obtain a trained small network three ways — fine-tune the survivors, or train the
 * small architecture from scratch for the same iterations (Scratch-E) or the same compute (Scratch-B)
 * (Liu et al. 2019; notes §2(b)).
 *
 * Events: metric `{arm: full|finetune|scratch_e|scratch_b, ratio}`; summary per (arm, ratio) with
 * `final_test_acc`, `best_test_acc`, `iterations`; the full model is `{arm: full, ratio: 0}`.
 */
import { loadImageTensors } from '../../trainer/data';
import { buildMlp, type Net } from '../../trainer/model';
import { evaluate, type EvalPoint } from '../../trainer/loop';
import { createRng } from '../../trainer/rng';
import { trainSeries, type SeriesRun, type StepBudget } from '../../trainer/trainSeries';
import { checkActivation, readDense, writeDense } from '../../trainer/denseLayers';
import { extractSubnetwork, prunedWidths, scratchBIterations, selectUnitsByL1 } from '../../trainer/neuronPruning';
import { mlpMacs } from '../../core/estimate/work';
import type { RethinkingConfig } from './schema';

/** Steps the whole recipe will take, for the progress bar (Scratch-B dominates). */
export function plannedSteps(c: RethinkingConfig, input: number, classes: number): number {
  const full = mlpMacs([input, ...c.model.hidden, classes]);
  let total = c.train.iterations;
  for (const r of c.prune.ratios) {
    const small = mlpMacs([input, ...prunedWidths(c.model.hidden, r), classes]);
    if (c.regimes.includes('finetune')) total += c.finetune.iterations;
    if (c.regimes.includes('scratch_e')) total += c.train.iterations;
    if (c.regimes.includes('scratch_b')) total += scratchBIterations(c.train.iterations, full, small);
  }
  return total;
}

export const recipe = defineRecipe(rethinkingPruning, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => ctx.log(m));
  const { data, train, test } = splits;
  const input = data.inputShape[0];
  const classes = data.numClasses;
  const activation = checkActivation(c.model.activation);
  const budget: StepBudget = { done: 0, total: plannedSteps(c, input, classes) };
  const root = createRng(ctx.seed);
  const sgd = {
    name: c.train.optimizer,
    lr: c.train.lr,
    momentum: c.train.momentum,
    weight_decay: c.train.weight_decay,
  };
  const common = { ctx, batchSize: c.train.batch_size, evalEvery: c.train.eval_every, train, test, budget };
  const summarize = (series: Record<string, string | number>, history: EvalPoint[], extra: Record<string, number>) =>
    ctx.emit({
      type: 'summary',
      series: series as { arm: string },
      values: {
        final_test_acc: history[history.length - 1].values.test_acc,
        best_test_acc: history.reduce((m, p) => Math.max(m, p.values.test_acc), -Infinity),
        ...extra,
      },
    });
  const small = (hidden: number[], seedLabel: string): Net =>
    buildMlp(tf, { input, hidden, classes, init: c.model.init, activation, rng: root.fork(seedLabel) });

  const nets: Net[] = [];
  try {
    const full = small(c.model.hidden, 'full-init');
    nets.push(full);
    const theta0 = readDense(full);
    const fullRun = await trainSeries({
      ...common,
      net: full,
      series: { arm: 'full', ratio: 0 },
      optimizer: sgd,
      iterations: c.train.iterations,
      lrDrops: c.train.lr_drops,
      rng: root.fork('batches-full'),
      label: 'full model',
    });
    const flopsFull = mlpMacs([input, ...c.model.hidden, classes]);
    summarize({ arm: 'full', ratio: 0 }, fullRun.history, { iterations: c.train.iterations, flops: flopsFull });
    const trained = readDense(full);

    for (const ratio of c.prune.ratios) {
      const kept = selectUnitsByL1(trained, ratio);
      const hidden = kept.map((k) => k.length);
      const flops = mlpMacs([input, ...hidden, classes]);
      const pct = `${Math.round(ratio * 100)}% pruned`;
      ctx.log(
        `${pct}: hidden ${JSON.stringify(c.model.hidden)} → ${JSON.stringify(hidden)}, FLOPs ×${(flopsFull / flops).toFixed(2)} fewer`,
      );
      const run = async (
        arm: string,
        net: Net,
        o: Pick<SeriesRun, 'optimizer' | 'iterations' | 'lrDrops'>,
        extra: Record<string, number>,
      ) => {
        const series = { arm, ratio };
        const r = await trainSeries({
          ...common,
          ...o,
          net,
          series,
          rng: root.fork(`batches-${arm}-${ratio}`),
          label: `${pct} · ${arm.replace('_', '-')}`,
        });
        summarize(series, r.history, { iterations: o.iterations, flops, ...extra });
      };

      if (c.regimes.includes('finetune')) {
        const net = small(hidden, `unused-${ratio}`);
        nets.push(net);
        writeDense(tf, net, extractSubnetwork(trained, kept));
        // What pruning alone costs, before any fine-tuning: the paper's "pruned" column.
        const pruned = evaluate(tf, net, test);
        ctx.emit({
          type: 'phase',
          step: 0,
          series: { arm: 'finetune', ratio },
          label: `pruned: ${(pruned.acc * 100).toFixed(2)}% before fine-tuning`,
        });
        await run(
          'finetune',
          net,
          { optimizer: { ...sgd, lr: c.finetune.lr }, iterations: c.finetune.iterations },
          { accuracy_after_pruning: pruned.acc },
        );
      }
      const scratchNet = (arm: string): Net => {
        const net = small(hidden, `${arm}-init-${ratio}`);
        nets.push(net);
        // `original`: the full model's initial values of the surviving units (the lottery-ticket control).
        if (c.scratch_init === 'original') writeDense(tf, net, extractSubnetwork(theta0, kept));
        return net;
      };
      if (c.regimes.includes('scratch_e')) {
        await run(
          'scratch_e',
          scratchNet('scratch_e'),
          { optimizer: sgd, iterations: c.train.iterations, lrDrops: c.train.lr_drops },
          {},
        );
      }
      if (c.regimes.includes('scratch_b')) {
        const iters = scratchBIterations(c.train.iterations, flopsFull, flops);
        await run(
          'scratch_b',
          scratchNet('scratch_b'),
          { optimizer: sgd, iterations: iters, lrDrops: c.train.lr_drops },
          { flops_ratio: flopsFull / flops },
        );
      }
      // Free the small nets of this ratio before the next.
      while (nets.length > 1) nets.pop()!.dispose();
    }
  } finally {
    nets.forEach((n) => n.dispose());
    splits.dispose();
  }
});
