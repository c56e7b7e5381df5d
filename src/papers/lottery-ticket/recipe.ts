/**
 * Iterative magnitude pruning with rewinding (Frankle & Carbin 2019, §2 and Algorithm 1 iterated):
 *   round 0: train the dense net from θ₀ (arm `ticket`, density 1), keeping θ_k (k = `rewind_to`);
 *   round r: prune `rate.hidden` of each hidden layer's surviving weights and `rate.output` of the
 *            output layer's, by magnitude of the previous ticket's trained weights; reset the survivors
 *            to θ_k; retrain (arm `ticket`). Controls at the same masks: `random_reinit` (fresh draw from
 *            the init distribution, the paper's comparison) and `random_mask` (a random mask with the same
 *            per-layer counts, from θ_k).
 * Every training uses the same data order, so arms differ only in what the paper varies.
 * Only the ticket chain is sequential: a round's controls feed nothing later, so when the run has arm
 * workers (ctx.arms) they train in another process while the next round's ticket trains here, with the
 * same numbers as in order (each control is a function of the config, the seed and the masks).
 * Metric events: { arm, round, density } every `eval_every`; one summary per (round, arm) with the
 * early-stop iteration (minimum validation loss) and the test accuracy there. With `train.patience`,
 * a training goes past `iterations` until that minimum is `patience` old (or `max_iterations`), so it
 * lies inside training; the summary says when it is still at the last evaluation
 * (`early_stop_at_end` = 1: only a lower bound). Tickets are pruned from their weights at `iterations`
 * whatever the extension, so the chain of masks is the fixed-horizon one.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageTensors, type ImageTensors } from '../../trainer/data/index';
import { mlpFor, reinitialize, type Net } from '../../trainer/model';
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
import { train, type StepHook } from '../../trainer/loop';
import type { LotteryTicketConfig } from './schema';
import { lotteryTicket } from './index';

type Arm = 'ticket' | 'random_reinit' | 'random_mask';
type Ctx = RecipeContext<LotteryTicketConfig>;
type Control = Exclude<Arm, 'ticket'>;

/** What every training of a run shares: the data on the backend, the net, the seed's streams. */
interface Setup {
  c: LotteryTicketConfig;
  splits: ImageTensors;
  net: Net;
  root: Rng;
  T: number;
  /** Where an extension by `train.patience` stops at the latest. */
  maxT: number;
  k: number;
}

function setUp(ctx: Ctx, quiet = false): Setup {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => !quiet && ctx.log(m));
  const { data } = splits;
  if (!data.val && !quiet)
    ctx.log(
      'No validation split (data.val): the early-stop iteration is taken at the minimum of the test loss instead.',
      'warn',
    );
  const net = mlpFor(tf, c.model, data, root.fork('init'));
  const T = c.train.iterations;
  const maxT = Math.max(T, c.train.max_iterations ?? 4 * T);
  return { c, splits, net, root, T, maxT, k: Math.min(c.prune.rewind_to, T) };
}

function tearDown(s: Setup): void {
  s.net.dispose();
  s.splits.dispose();
}

/**
 * Trains the net as it stands for one (round, arm): masks applied, a fresh optimizer, the run's data
 * order; emits its metric events and its summary. `onSteps` hears the steps taken so far.
 */
async function trainArm(
  ctx: Ctx,
  s: Setup,
  arm: Arm,
  round: number,
  density: number,
  m: Masks,
  startStep: number,
  onSteps: (done: number) => void,
  at?: StepHook[],
): Promise<void> {
  const { tf } = ctx;
  const { c, net } = s;
  const series = { arm, round, density };
  const opt = createOptimizer(
    tf,
    { name: c.train.optimizer, lr: c.train.lr, momentum: c.train.momentum, weight_decay: c.train.weight_decay },
    net.variables(),
  );
  try {
    applyMasks(tf, net, m);
    const r = await train({
      tf,
      net,
      optimizer: opt,
      masks: round > 0 ? m : undefined,
      train: s.splits.train,
      val: s.splits.val,
      test: s.splits.test,
      startStep,
      endStep: s.T,
      extendWhileImproving: c.train.patience > 0 ? { patience: c.train.patience, maxStep: s.maxT } : undefined,
      batchSize: c.train.batch_size,
      evalEvery: c.train.eval_every,
      rng: s.root.fork('data-order'),
      shouldStop: ctx.shouldStop,
      at,
      onStep: (step) => onSteps(step - startStep),
      onEval: (p) => ctx.emit({ type: 'metric', step: p.step, series, values: p.values }),
    });
    if (r.stopped) throw new StopRequested();
    // The minimum at the last evaluation: the validation loss was still falling when training ended.
    const atEnd = r.earlyStop.step === r.final.step && r.final.step > startStep;
    if (atEnd)
      ctx.emit({
        type: 'phase',
        step: r.final.step,
        series,
        label: `early stop at the last iteration (${r.final.step}): the validation loss was still falling, so this is only a lower bound`,
      });
    ctx.emit({
      type: 'summary',
      series,
      values: {
        density,
        early_stop_iter: r.earlyStop.step,
        early_stop_at_end: atEnd ? 1 : 0,
        iterations_trained: r.final.step,
        test_examples: s.splits.test.n,
        test_acc_at_early_stop: r.earlyStop.values.test_acc,
        val_loss_at_early_stop: r.earlyStop.values.val_loss,
        final_test_acc: r.final.values.test_acc,
        final_train_loss: r.final.values.train_loss ?? NaN,
      },
    });
  } finally {
    opt.dispose();
  }
}

/**
 * A control of round r at the ticket's masks: `random_reinit` trains fresh weights from iteration 0;
 * `random_mask` trains a random mask with the same per-layer counts from θ_k. Nothing later reads
 * what it trains, so it may run in another process (the `control` arm below).
 */
async function trainControl(
  ctx: Ctx,
  s: Setup,
  arm: Control,
  round: number,
  density: number,
  masks: Masks,
  rewindPoint: Snapshot,
  onSteps: (done: number) => void,
): Promise<void> {
  const { tf } = ctx;
  if (arm === 'random_reinit') {
    reinitialize(tf, s.net, s.c.model.init, s.root.fork(`reinit-${round}`));
    await trainArm(ctx, s, arm, round, density, masks, 0, onSteps);
  } else {
    const rm = randomMasksLike(tf, masks, s.root.fork(`random-mask-${round}`));
    try {
      restore(tf, s.net, rewindPoint);
      await trainArm(ctx, s, arm, round, density, rm, s.k, onSteps);
    } finally {
      disposeMasks(rm);
    }
  }
}

/** What a worker needs to train one control: host copies of the masks and of θ_k. */
interface ControlJob {
  arm: Control;
  round: number;
  density: number;
  masks: [string, Float32Array, number[]][];
  rewindPoint: Snapshot;
}

/** A worker keeps its data and net between the controls it trains (one run per worker). */
let workerSetup: Setup | undefined;

/** Arms the trainer may hand to other processes (src/trainer/arms/pool.ts). */
export const arms = {
  // A worker's context carries the config the run's trainer validated (sent with the job's init).
  control: async (workerCtx: RecipeContext, payload: unknown) => {
    const ctx = workerCtx as Ctx;
    const job = payload as ControlJob;
    const s = (workerSetup ??= setUp(ctx, true));
    const masks: Masks = new Map(job.masks.map(([name, m, shape]) => [name, ctx.tf.tensor(m, shape)]));
    try {
      await trainControl(ctx, s, job.arm, job.round, job.density, masks, job.rewindPoint, (d) =>
        ctx.progress(d, s.T, `${job.arm} round ${job.round}`),
      );
    } finally {
      disposeMasks(masks);
    }
  },
};

export const recipe = defineRecipe(lotteryTicket, async (ctx) => {
  const { tf } = ctx;
  const s = setUp(ctx);
  const { c, net, T, k } = s;
  const R = c.prune.rounds;
  const controls = (c.controls ?? []) as Control[];
  // Ticket and random-mask arms retrain from θ_k (T − k iterations); random reinit trains from scratch.
  const stepsOf = (a: Arm, round: number) => (a === 'random_reinit' || round === 0 ? T : T - k);
  const perRound = stepsOf('ticket', 1) + controls.reduce((n, a) => n + stepsOf(a, 1), 0);
  const total = T + R * perRound;
  const pool = controls.length && R > 0 ? ctx.arms : undefined;
  ctx.log(
    `LeNet-${c.model.hidden.join('-')}: ${net.size()} parameters; ${R} rounds × (ticket + ${controls.length} controls); ${total} iterations in all` +
      (pool
        ? `; controls train in ${pool.size} other process${pool.size > 1 ? 'es' : ''} beside the ticket chain`
        : ''),
  );

  // Progress: steps of finished trainings, plus those of each training under way (here or in a worker).
  let finished = 0;
  const live = new Map<string, number>();
  let label = '';
  // Trainings extended by `patience` run past their planned steps: the bar waits at the end meanwhile.
  const report = () =>
    ctx.progress(Math.min(total, finished + [...live.values()].reduce((a, b) => a + b, 0)), total, label);
  const tracked = (key: string, steps: number, run: (onSteps: (d: number) => void) => Promise<void>) =>
    run((d) => (live.set(key, d), report())).then(() => {
      live.delete(key);
      finished += steps;
      report();
    });

  let masks = fullMasks(tf, net);
  let rewindPoint: Snapshot = snapshot(net); // θ₀, replaced by θ_k when k > 0
  const rates = ratesByRole(c.prune.rate);
  // Controls handed to workers: settled promises, the first failure kept to be thrown here.
  const pending: Promise<void>[] = [];
  let controlError: Error | undefined;

  // The weights the next round prunes: the ticket's at iteration T, even when training went on past T.
  let trained: Snapshot | undefined;
  const ticket = (round: number, density: number, startStep: number) => {
    label = `round ${round}/${R} · ticket · ${(density * 100).toFixed(1)}% weights`;
    const at: StepHook[] = [{ step: T, fn: () => (trained = snapshot(net)) }];
    if (round === 0 && k > 0) at.push({ step: k, fn: () => (rewindPoint = snapshot(net)) });
    return tracked(`ticket ${round}`, stepsOf('ticket', round), (on) =>
      trainArm(ctx, s, 'ticket', round, density, masks, startStep, (d) => on(d), at),
    );
  };

  try {
    // Round 0: the dense network, from θ₀.
    await ticket(0, 1, 0);
    for (let round = 1; round <= R; round++) {
      if (controlError) throw controlError;
      restore(tf, net, trained!);
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
          .map(([n, st]) => `${n} ${((100 * st.kept) / st.total).toFixed(1)}%`)
          .join(', ')})`,
      );

      if (pool) {
        // This round's controls go to a worker now and train while the next ticket trains here.
        const job = (arm: Control): ControlJob => ({
          arm,
          round,
          density,
          masks: [...masks].map(([name, m]) => [name, Float32Array.from(m.dataSync() as Float32Array), [...m.shape]]),
          rewindPoint,
        });
        for (const arm of controls) {
          const key = `${arm} ${round}`;
          const steps = stepsOf(arm, round);
          const done = tracked(key, steps, (on) => pool.run('control', job(arm), { onProgress: on }));
          pending.push(
            done.catch((e: unknown) => void (controlError ??= e instanceof Error ? e : new Error(String(e)))),
          );
        }
      }

      restore(tf, net, rewindPoint);
      await ticket(round, density, k);

      if (!pool)
        for (const arm of controls) {
          label = `round ${round}/${R} · ${arm} · ${(density * 100).toFixed(1)}% weights`;
          await tracked(`${arm} ${round}`, stepsOf(arm, round), (on) =>
            trainControl(ctx, s, arm, round, density, masks, rewindPoint, on),
          );
        }
    }
    label = 'controls of the last round';
    await Promise.all(pending);
    if (controlError) throw controlError;
    // Final artefacts: the last ticket's weights and masks, and the rewind point they reset to.
    restore(tf, net, trained!);
    await saveWeights(ctx, net, masks, rewindPoint);
  } finally {
    disposeMasks(masks);
    tearDown(s);
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
