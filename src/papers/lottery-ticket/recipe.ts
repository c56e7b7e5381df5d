/**
 * Iterative magnitude pruning with rewinding (Frankle & Carbin 2019, §2 and Algorithm 1 iterated):
 *   round 0: train the dense net from θ₀ (arm `ticket`, density 1), keeping θ_k (k = `rewind_to`);
 *   round r: prune `rate.hidden` of each hidden layer's surviving weights and `rate.output` of the
 *            output layer's, by magnitude of the previous ticket's trained weights; reset the survivors
 *            to θ_k; retrain (arm `ticket`). Controls at the same masks: `random_reinit` (fresh draw from
 *            the init distribution, the paper's comparison) and `random_mask` (a random mask with the same
 *            per-layer counts, from θ_k).
 * Every training uses the same data order, so arms differ only in what the paper varies.
 * Metric events: { arm, round, density } every `eval_every`; one summary per (round, arm) with the
 * early-stop iteration (minimum validation loss) and the test accuracy there.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { loadImageData, toTensors } from '../../trainer/data/index';
import { buildMlp, reinitialize, type Activation, type Net } from '../../trainer/model';
import {
  applyMasks,
  disposeMasks,
  fullMasks,
  magnitudePrune,
  maskStats,
  randomMasksLike,
  ratesByRole,
  type Masks,
} from '../../trainer/masks';
import { createOptimizer } from '../../trainer/optim';
import { restore, snapshot, snapshotTensors, type Snapshot } from '../../trainer/snapshot';
import { train, type TensorSplit } from '../../trainer/loop';
import type { LotteryTicketConfig } from './schema';
import { lotteryTicket } from './index';

type Arm = 'ticket' | 'random_reinit' | 'random_mask';

interface Split3 {
  train: TensorSplit;
  val?: TensorSplit;
  test: TensorSplit;
}

export const recipe = defineRecipe(lotteryTicket, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  if (!data.val)
    ctx.log(
      'No validation split (data.val): the early-stop iteration is taken at the minimum of the test loss instead.',
      'warn',
    );
  const splits: Split3 = {
    train: toTensors(tf, data.train, data),
    val: data.val ? toTensors(tf, data.val, data) : undefined,
    test: toTensors(tf, data.test, data),
  };
  const net = buildMlp(tf, {
    input: data.inputShape[0],
    hidden: c.model.hidden,
    classes: data.numClasses,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng: root.fork('init'),
  });
  const T = c.train.iterations;
  const k = Math.min(c.prune.rewind_to, T);
  const R = c.prune.rounds;
  const controls = (c.controls ?? []) as Arm[];
  // Ticket and random-mask arms retrain from θ_k (T − k iterations); random reinit trains from scratch.
  const perRound = T - k + controls.reduce((n, a) => n + (a === 'random_reinit' ? T : T - k), 0);
  const budget = { done: 0, total: T + R * perRound };
  ctx.log(
    `LeNet-${c.model.hidden.join('-')}: ${net.size()} parameters; ${R} rounds × (ticket + ${controls.length} controls); ${budget.total} iterations in all`,
  );

  let masks = fullMasks(tf, net);
  let rewindPoint: Snapshot = snapshot(net); // θ₀, replaced by θ_k when k > 0
  const rates = ratesByRole(c.prune.rate);

  const trainArm = async (arm: Arm, round: number, density: number, m: Masks, startStep: number): Promise<void> => {
    const series = { arm, round, density };
    const opt = createOptimizer(
      tf,
      { name: c.train.optimizer, lr: c.train.lr, momentum: c.train.momentum, weight_decay: c.train.weight_decay },
      net.variables(),
    );
    const label = `round ${round}/${R} · ${arm} · ${(density * 100).toFixed(1)}% weights`;
    const startDone = budget.done;
    try {
      applyMasks(tf, net, m);
      const r = await train({
        tf,
        net,
        optimizer: opt,
        masks: round > 0 ? m : undefined,
        ...splits,
        startStep,
        endStep: T,
        batchSize: c.train.batch_size,
        evalEvery: c.train.eval_every,
        rng: root.fork('data-order'),
        shouldStop: ctx.shouldStop,
        at: round === 0 && k > 0 ? { step: k, fn: () => (rewindPoint = snapshot(net)) } : undefined,
        onStep: (s) => {
          budget.done = startDone + (s - startStep);
          ctx.progress(budget.done, budget.total, `${label} · iter ${s}/${T}`);
        },
        onEval: (p) => ctx.emit({ type: 'metric', step: p.step, series, values: p.values }),
      });
      if (r.stopped) throw new StopRequested();
      ctx.emit({
        type: 'summary',
        series,
        values: {
          density,
          early_stop_iter: r.earlyStop.step,
          test_acc_at_early_stop: r.earlyStop.values.test_acc,
          val_loss_at_early_stop: r.earlyStop.values.val_loss,
          final_test_acc: r.final.values.test_acc,
          final_train_loss: r.final.values.train_loss ?? NaN,
        },
      });
    } finally {
      opt.dispose();
    }
  };

  try {
    // Round 0: the dense network, from θ₀.
    await trainArm('ticket', 0, 1, masks, 0);
    let trained = snapshot(net);
    for (let round = 1; round <= R; round++) {
      restore(tf, net, trained);
      const next = magnitudePrune(tf, net, masks, rates, c.prune.scope);
      disposeMasks(masks);
      masks = next;
      const stats = maskStats(masks);
      const density = stats.density;
      ctx.emit({
        type: 'phase',
        step: k,
        series: { arm: 'ticket', round, density },
        label: `pruned to ${(density * 100).toFixed(1)}% of weights, rewound to iteration ${k}`,
      });
      ctx.log(
        `round ${round}: ${stats.kept}/${stats.total} weights kept (${Object.entries(stats.perLayer)
          .map(([n, s]) => `${n} ${((100 * s.kept) / s.total).toFixed(1)}%`)
          .join(', ')})`,
      );

      restore(tf, net, rewindPoint);
      await trainArm('ticket', round, density, masks, k);
      trained = snapshot(net);

      for (const arm of controls) {
        if (arm === 'random_reinit') {
          reinitialize(tf, net, c.model.init, root.fork(`reinit-${round}`));
          await trainArm(arm, round, density, masks, 0);
        } else if (arm === 'random_mask') {
          const rm = randomMasksLike(tf, masks, root.fork(`random-mask-${round}`));
          try {
            restore(tf, net, rewindPoint);
            await trainArm(arm, round, density, rm, k);
          } finally {
            disposeMasks(rm);
          }
        }
      }
    }
    // Final artefacts: the last ticket's weights and masks, and the rewind point they reset to.
    restore(tf, net, trained);
    await saveWeights(ctx, net, masks, rewindPoint);
  } finally {
    disposeMasks(masks);
    net.dispose();
    for (const s of [splits.train, splits.val, splits.test]) if (s) (s.x.dispose(), s.y.dispose());
  }
});

async function saveWeights(
  ctx: RecipeContext<LotteryTicketConfig>,
  net: Net,
  masks: Masks,
  rewindPoint: Snapshot,
): Promise<void> {
  const { tf } = ctx;
  const finalTensors: Record<string, tfNs.Tensor> = {};
  for (const l of net.layers)
    ((finalTensors[`${l.name}/weight`] = l.weight), (finalTensors[`${l.name}/bias`] = l.bias));
  await ctx.saveTensors('final', finalTensors);
  await ctx.saveTensors('masks', Object.fromEntries([...masks].map(([n, m]) => [`${n}/mask`, m])));
  const rewind = snapshotTensors(tf, rewindPoint);
  try {
    await ctx.saveTensors('rewind', rewind);
  } finally {
    Object.values(rewind).forEach((t) => t.dispose());
  }
}
