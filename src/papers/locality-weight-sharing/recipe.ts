/**
 * Recipe for `paper: locality-weight-sharing`. Per k: one DSD task (signal from the seed), a test set,
 * and nested training sets (the first n of the largest). Every (model, k, n) trains a fresh network
 * from the same initialization stream by full-batch Adam through the shared loop; its test accuracy
 * is a summary { arm, k, n }. Then per (model, k): n* = the samples to reach the target accuracy
 * (interpolated in log n), a summary { arm, k } that the sample-complexity figure plots against k.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { buildPatchNet } from '../../trainer/patchLayers';
import { createOptimizer } from '../../trainer/optim';
import { train, evaluate } from '../../trainer/loop';
import { toTensors } from '../../trainer/data/index';
import { dsdSample, dsdTask } from '../../trainer/data/dsd';
import { crossingLogX } from '../../core/stats';
import { localityWeightSharing } from './index';

export const recipe = defineRecipe(localityWeightSharing, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const d = c.task.patch_dim;
  const ns = [...c.task.samples].sort((a, b) => a - b);
  const nMax = ns[ns.length - 1];
  const total = c.task.patches.length * c.models.length * ns.length;
  let done = 0;
  for (const k of c.task.patches) {
    const task = dsdTask(k, d, c.task.noise, root.fork(`task/${k}`));
    const trainSet = dsdSample(task, nMax, root.fork(`train/${k}`));
    const testSplit = toTensors(tf, dsdSample(task, c.task.test, root.fork(`test/${k}`)), { numClasses: 2 });
    try {
      for (const arm of c.models) {
        const accs: number[] = [];
        for (const n of ns) {
          if (ctx.shouldStop()) throw new StopRequested();
          const split = { x: trainSet.x.slice(0, n * k * d), labels: trainSet.labels.slice(0, n), n };
          const tr = toTensors(tf, split, { numClasses: 2 });
          const net = buildPatchNet(tf, {
            kind: arm,
            patches: k,
            patchDim: d,
            channels: c.model.channels,
            classes: 2,
            rng: root.fork(`init/${arm}/${k}`),
          });
          const opt = createOptimizer(tf, { name: 'adam', lr: c.train.lr }, net.variables());
          try {
            const r = await train({
              tf,
              net,
              optimizer: opt,
              train: tr,
              endStep: c.train.steps,
              batchSize: n,
              evalEvery: c.train.steps,
              rng: root.fork(`order/${arm}/${k}/${n}`),
              shouldStop: ctx.shouldStop,
            });
            if (r.stopped) throw new StopRequested();
            const acc = evaluate(tf, net, testSplit).acc;
            const trainAcc = evaluate(tf, net, tr).acc;
            accs.push(acc);
            ctx.emit({ type: 'summary', series: { arm, k, n }, values: { test_acc: acc, train_acc: trainAcc } });
          } finally {
            opt.dispose();
            net.dispose();
            tr.x.dispose();
            tr.y.dispose();
          }
          ctx.progress(++done, total, `k = ${k} · ${arm} · n = ${n}`);
        }
        const nStar = crossingLogX(ns, accs, c.task.target_accuracy);
        ctx.emit({
          type: 'summary',
          series: { arm, k, curve: 'n_star' },
          values: { n_star: nStar ?? NaN, reached: nStar === undefined ? 0 : 1 },
        });
        ctx.log(`k = ${k}, ${arm}: n* = ${nStar === undefined ? `not reached by ${nMax}` : nStar.toFixed(0)}`);
      }
    } finally {
      testSplit.x.dispose();
      testSplit.y.dispose();
    }
  }
});
