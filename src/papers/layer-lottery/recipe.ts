/**
 * Layer pruning at initialization on a residual MLP (residualMlp.ts, saliency.ts):
 *   1. build the full net at θ₀ and score every block on one training batch: GraSP (Σ −w⊙Hg over the
 *      block's two layers, Hg by finite differences) and SNIP (Σ |g⊙w|);
 *   2. `full`: train the full net from θ₀;
 *   3. `blocks`: for each criterion and p, remove the p blocks it ranks least useful (GraSP: highest
 *      score; SNIP: lowest; random; last: the p deepest) and train the rest from θ₀'s weights;
 *   4. `units`: for each p in unit_control, keep in every block the inner units with the lowest GraSP
 *      unit score removed (Σ over the unit's W₁ column and W₂ row), as many as make the FLOPs equal to
 *      removing p blocks, and train from θ₀.
 * Each training reports CPU time per step (process.cpuUsage: the wasm backend is single-threaded, so
 * this is robust on a shared machine where wall time is not), FLOPs, and Δ accuracy vs the full net.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe } from '../../trainer/recipe';
import { optimizerOf } from '../../trainer/optim';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors } from '../../trainer/data/index';
import type { Net } from '../../trainer/model';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { blockLayers, blocksOf, buildResidualMlp, residualSubnet } from '../../trainer/residualMlp';
import { residualMacs } from '../../core/estimate/work';
import { groupScores, groupsToRemove, weightSaliency } from '../../trainer/saliency';
import type { SeriesTags } from '../../core/runs/events';
import { layerLottery } from './index';

export const recipe = defineRecipe(layerLottery, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train, test } = splits;
  const B = c.model.blocks;
  const W = c.model.width;
  const full = buildResidualMlp(tf, {
    input: data.inputShape[0],
    width: W,
    blocks: B,
    classes: data.numClasses,
    init: c.model.init,
    rng: root.fork('init'),
  });
  const T = c.train.iterations;
  const runs = 1 + c.prune.criteria.length * c.prune.blocks_removed.length + c.prune.unit_control.length;
  const budget: StepBudget = { done: 0, total: runs * T };
  const fullMacs = residualMacs(
    data.inputShape[0],
    W,
    data.numClasses,
    Array.from({ length: B }, () => W),
  );
  let fullAcc = NaN;
  let fullCpu = NaN;
  const arms: { net: Net; series: SeriesTags; inner: number[] }[] = [];

  const trainOne = async (net: Net, series: SeriesTags, inner: number[]) => {
    const cpu0 = process.cpuUsage();
    const r = await trainSeries({
      ctx,
      net,
      series,
      optimizer: optimizerOf(c.train),
      iterations: T,
      batchSize: c.train.batch_size,
      evalEvery: c.train.eval_every,
      train,
      test,
      rng: root.fork('data-order'),
      budget,
      label: `${series.arm} · ${series.criterion ?? ''} · p=${series.blocks_removed}`,
    });
    const used = process.cpuUsage(cpu0);
    // CPU per step includes the evaluations, the same share of every arm's work.
    const cpuPerStep = (used.user + used.system) / 1000 / T;
    const macs = residualMacs(data.inputShape[0], W, data.numClasses, inner);
    const acc = r.final.values.test_acc;
    if (series.arm === 'full') ((fullAcc = acc), (fullCpu = cpuPerStep));
    ctx.emit({
      type: 'summary',
      series,
      values: {
        final_test_acc: acc,
        best_test_acc: Math.max(...r.history.map((p) => p.values.test_acc)),
        delta_vs_full: acc - fullAcc,
        cpu_ms_per_step: cpuPerStep,
        speedup_cpu: fullCpu / cpuPerStep,
        flops_ratio: fullMacs / macs,
        flops_reduction: 1 - macs / fullMacs,
        parameters: net.size(),
        test_examples: test.n,
      },
    });
  };

  try {
    // Saliencies at θ₀ on one batch of training images.
    const n = Math.min(c.prune.saliency_batch, train.n);
    const idx = root
      .fork('saliency-batch')
      .shuffle(Int32Array.from({ length: train.n }, (_, i) => i))
      .slice(0, n) as Int32Array;
    const [xb, yb] = tf.tidy(() => {
      const ix = tf.tensor1d(idx, 'int32');
      return [tf.gather(train.x, ix), tf.gather(train.y, ix)];
    });
    const scores = new Map<string, number[]>();
    let graspWeights: Map<string, Float32Array> | undefined;
    try {
      for (const crit of ['grasp', 'snip'] as const) {
        if (!c.prune.criteria.includes(crit) && !(crit === 'grasp' && c.prune.unit_control.length)) continue;
        const s = weightSaliency(tf, full, xb, yb as tfNs.Tensor2D, crit);
        if (crit === 'grasp') graspWeights = s;
        scores.set(
          crit,
          groupScores(
            s,
            blocksOf(full).map((i) => blockLayers(i)),
          ),
        );
      }
    } finally {
      xb.dispose();
      yb.dispose();
    }
    for (const [crit, s] of scores)
      ctx.log(`${crit} block scores at θ₀: ${s.map((v) => v.toExponential(3)).join(', ')}`);

    // Every pruned net copies θ₀ now, before the full net trains.
    for (const p of c.prune.blocks_removed) {
      for (const crit of c.prune.criteria) {
        const removed =
          crit === 'grasp' || crit === 'snip'
            ? groupsToRemove(scores.get(crit)!, p, crit)
            : crit === 'last'
              ? Array.from({ length: p }, (_, k) => B - p + k)
              : (root.fork(`random-${p}`).shuffle(Array.from({ length: B }, (_, k) => k)) as number[])
                  .slice(0, p)
                  .sort((a, b) => a - b);
        ctx.log(`${crit}, p=${p}: removes blocks ${removed.map((b) => b + 1).join(', ')}`);
        arms.push({
          net: residualSubnet(tf, full, removed),
          series: { arm: 'blocks', criterion: crit, blocks_removed: p, removed: removed.map((b) => b + 1).join(' ') },
          inner: Array.from({ length: B - p }, () => W),
        });
      }
    }
    for (const p of c.prune.unit_control) {
      // Same FLOPs as removing p blocks: each block keeps W·(1 − p/B) inner units.
      const keepN = Math.max(1, Math.round(W * (1 - p / B)));
      const keep = new Map<number, number[]>();
      for (const i of blocksOf(full)) {
        const [a, b] = blockLayers(i);
        const sa = graspWeights!.get(a)!;
        const sb = graspWeights!.get(b)!;
        const unit = Array.from({ length: W }, (_, u) => {
          let s = 0;
          for (let r = 0; r < W; r++) s += sa[r * W + u] + sb[u * W + r];
          return s;
        });
        // GraSP removes the highest scores: keep the lowest keepN.
        keep.set(
          i,
          unit
            .map((s, u) => ({ s, u }))
            .sort((x, y) => x.s - y.s || x.u - y.u)
            .slice(0, keepN)
            .map((x) => x.u)
            .sort((x, y) => x - y),
        );
      }
      arms.push({
        net: residualSubnet(tf, full, [], keep),
        series: { arm: 'units', criterion: 'grasp', blocks_removed: p },
        inner: Array.from({ length: B }, () => keepN),
      });
    }
    await trainOne(
      full,
      { arm: 'full', criterion: 'none', blocks_removed: 0 },
      Array.from({ length: B }, () => W),
    );
    for (const a of arms) await trainOne(a.net, a.series, a.inner);
  } finally {
    arms.forEach((a) => a.net.dispose());
    full.dispose();
    splits.dispose();
  }
});
