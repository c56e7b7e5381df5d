/**
 * Supermask continual learning on PermutedMNIST (supermask.ts, data/tasks.ts), one fresh multitask
 * net per arm from the same seed (same weights, same initial scores, same permutations):
 *   for each task t:
 *     mask phase    train task t's scores (Adam, `mask.lr`), weights fixed; the top-`density` of
 *                   |scores| per layer is the mask (straight-through gradient); then cache it;
 *     weight phase  (`ssnet`, `exssnet`) train the weights under task t's mask, frozen outside
 *                   m_t (ssnet) or outside m_t ∧ ¬(m_0 ∨ … ∨ m_{t−1}) (exssnet);
 *     evaluate every task j ≤ t with its own mask: the accuracy matrix row t
 *     (summaries { kind: 'matrix', arm, after_task: t, task: j }).
 * At the end: the final accuracy per task ({ kind: 'final' }) and per arm the average accuracy,
 * backward transfer and forgetting (src/core/stats/continual.ts), and how much of each mask was
 * exclusive.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors, mlpSizes } from '../../trainer/data/index';
import { evaluate, train, type TensorSplit } from '../../trainer/loop';
import { createOptimizer } from '../../trainer/optim';
import { buildSupermaskMlp, exclusiveMask, type SupermaskMlp } from '../../trainer/supermask';
import { taskPermutations } from '../../trainer/data/tasks';
import { averageAccuracy, averageForgetting, backwardTransfer } from '../../core/stats/continual';
import type { ExssnetConfig } from './schema';
import { exssnet } from './index';

type Arm = ExssnetConfig['arms'][number];

export const recipe = defineRecipe(exssnet, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train: trainSplit, test } = splits;
  const K = c.tasks.count;
  const sizes = mlpSizes(data, c.model.hidden);
  const perms = taskPermutations(K, sizes[0], root.fork('permutations'));
  const weightSteps = (arm: Arm) => (arm === 'supsup' ? 0 : c.weights.iterations);
  const budget = { done: 0, total: c.arms.reduce((s, a) => s + K * (c.mask.iterations + weightSteps(a)), 0) };
  try {
    for (const arm of c.arms) {
      const sm = buildSupermaskMlp(tf, {
        sizes,
        tasks: K,
        density: c.model.density,
        rng: root.fork('net'),
        permutations: perms,
      });
      try {
        await runArm(ctx, arm, sm, trainSplit, test, budget, weightSteps(arm));
      } finally {
        sm.dispose();
      }
    }
  } finally {
    splits.dispose();
  }
});

async function runArm(
  ctx: RecipeContext<ExssnetConfig>,
  arm: Arm,
  sm: SupermaskMlp,
  trainSplit: TensorSplit,
  test: TensorSplit,
  budget: { done: number; total: number },
  weightIterations: number,
): Promise<void> {
  const c = ctx.config;
  const { tf } = ctx;
  const K = c.tasks.count;
  const R: number[][] = [];
  const exclusiveShare: number[] = [];
  const phase = async (task: number, kind: 'mask' | 'weights', steps: number) => {
    const net = sm.net(task, kind === 'mask' ? 'scores' : 'weights');
    const series = { arm, task, phase: kind };
    const opt = createOptimizer(tf, { name: 'adam', lr: kind === 'mask' ? c.mask.lr : c.weights.lr }, net.variables());
    let freeze: Map<string, tfNs.Tensor> | undefined;
    if (kind === 'weights') {
      const own = sm.masksOf(task);
      const earlier = Array.from({ length: task }, (_, j) => sm.masksOf(j));
      const editable = own.map((m, l) =>
        arm === 'exssnet'
          ? exclusiveMask(
              m,
              earlier.map((e) => e[l]),
            )
          : m,
      );
      const kept = own.reduce((s, m) => s + m.reduce((a, b) => a + b, 0), 0);
      const free = editable.reduce((s, m) => s + m.reduce((a, b) => a + b, 0), 0);
      exclusiveShare.push(free / kept);
      freeze = new Map(sm.weights.map((w, l) => [w.name, tf.tensor(editable[l], w.shape)]));
    }
    const start = budget.done;
    const label = `${arm} · task ${task + 1}/${K} · ${kind === 'mask' ? 'mask' : 'weights'}`;
    try {
      const r = await train({
        tf,
        net,
        optimizer: opt,
        train: trainSplit,
        test,
        endStep: steps,
        batchSize: c.train.batch_size,
        evalEvery: c.train.eval_every,
        rng: createRng(ctx.seed).fork(`data-order-${task}`),
        shouldStop: ctx.shouldStop,
        freeze,
        // New scores after every update: the top-k thresholds are recomputed on the next forward.
        afterUpdate: kind === 'mask' ? () => sm.invalidate() : undefined,
        onStep: (s) => {
          budget.done = start + s;
          if (s % 50 === 0) ctx.progress(budget.done, budget.total, label);
        },
        onEval: (p) => ctx.emit({ type: 'metric', step: p.step, series, values: p.values }),
      });
      if (r.stopped) throw new StopRequested();
    } finally {
      opt.dispose();
      freeze?.forEach((t) => t.dispose());
    }
  };

  for (let t = 0; t < K; t++) {
    await phase(t, 'mask', c.mask.iterations);
    sm.cacheMasks(t);
    if (weightIterations > 0) await phase(t, 'weights', weightIterations);
    const row: number[] = [];
    for (let j = 0; j <= t; j++) {
      const acc = evaluate(tf, sm.net(j, 'eval'), test).acc;
      row.push(acc);
      ctx.emit({ type: 'summary', series: { arm, kind: 'matrix', after_task: t, task: j }, values: { test_acc: acc } });
    }
    R.push(row);
    ctx.log(`${arm}: after task ${t + 1}, accuracies ${row.map((a) => (100 * a).toFixed(1)).join(' / ')}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const last = R[K - 1];
  last.forEach((acc, j) =>
    ctx.emit({ type: 'summary', series: { arm, kind: 'final', task: j }, values: { test_acc: acc } }),
  );
  ctx.emit({
    type: 'summary',
    series: { arm, kind: 'arm', density: c.model.density },
    values: {
      average_accuracy: averageAccuracy(R),
      backward_transfer: K > 1 ? backwardTransfer(R) : NaN,
      average_forgetting: K > 1 ? averageForgetting(R) : NaN,
      task0_drop: R[0][0] - last[0],
      mean_exclusive_share: exclusiveShare.length
        ? exclusiveShare.reduce((a, b) => a + b, 0) / exclusiveShare.length
        : NaN,
      last_exclusive_share: exclusiveShare.length ? exclusiveShare[exclusiveShare.length - 1] : NaN,
      test_examples: test.n,
    },
  });
}
