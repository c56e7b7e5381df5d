import { defineRecipe } from '../../trainer/recipe';
import { grokkingTickets } from './index';
/**
 * grokking-tickets: modular arithmetic, full batch (one iteration = one epoch). Train the dense MLP
 * until it generalizes; take a magnitude mask keeping `prune.density` of the weights from that
 * generalized network; reset the survivors to their initial values; retrain. Controls: a random mask
 * at init with the same per-layer density, a dense net rescaled to the ticket's initial weight norm,
 * the ticket without weight decay (Minegishi et al.; notes §6(b)).
 *
 * Every arm after the dense run stops at the first evaluation where test accuracy reaches
 * `prune.generalized_accuracy` (or at 1.5× the dense epoch), so the comparison is "epochs to
 * generalize", the paper's measure. The dense run stops there too unless the mask is taken later.
 * The norm-matched controls scale the dense θ0 by one factor to the ticket's initial norm, L2 or L1,
 * summed over matrices as the official code measures it (./norms.ts). `train.l1_penalty` adds the
 * code's L1 term to the dense run only (train.py; prune.py retrains tickets without it).
 * Events: metric `{arm, density}` with train_acc/test_acc/weight_norm (global L2) and l1_norm /
 * l2_norm (the code's summed norms); phase `generalized` and `memorized`; summary per arm with
 * `generalization_epoch` (absent if it never generalized).
 */
import { modularData } from '../../trainer/data/modular';
import { toTensors } from '../../trainer/data';
import { buildEmbeddingMlp } from '../../trainer/embeddingMlp';
import type { Net } from '../../trainer/model';
import { createRng } from '../../trainer/rng';
import { restore, snapshot, snapshotTensors, type Snapshot } from '../../trainer/snapshot';
import {
  applyMasks,
  disposeMasks,
  fullMasks,
  magnitudePrune,
  maskStats,
  randomMasksLike,
  type Masks,
} from '../../trainer/masks';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import type { EvalPoint, StepBatch } from '../../trainer/loop';
import { crossEntropy } from '../../trainer/model';
import { normMatchingFactor, summedNorm } from './norms';

/** L2 norm of all weight matrices (biases excluded: they start at zero). */
export function weightNorm(net: Net): number {
  let s = 0;
  for (const l of net.layers) for (const v of l.weight.dataSync() as Float32Array) s += v * v;
  return Math.sqrt(s);
}

/** The weight matrices' values, in layer order (host copies). */
const matrices = (net: Net) => net.layers.map((l) => l.weight.dataSync() as Float32Array);

/** First evaluation at which `key` reaches `threshold`, or undefined. */
export function firstReaching(history: EvalPoint[], key: string, threshold: number): number | undefined {
  return history.find((p) => (p.values[key] ?? -Infinity) >= threshold)?.step;
}

export const recipe = defineRecipe(grokkingTickets, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const p = c.data.modulus;
  const data = modularData(
    {
      p,
      op: c.data.task === 'modular_subtraction' ? 'subtract' : 'add',
      fracTrain: c.data.train_fraction,
      symmetric: c.data.symmetric,
    },
    ctx.seed,
  );
  const train = toTensors(tf, data.train, data);
  const test = toTensors(tf, data.test, data);
  ctx.log(`${data.name}: ${data.train.n} training pairs, ${data.test.n} test pairs (full batch)`);
  const threshold = c.prune.generalized_accuracy;
  const density = c.prune.density;
  const arms = ['dense', 'ticket', ...c.controls];
  const budget: StepBudget = { done: 0, total: arms.length * c.train.iterations };
  const root = createRng(ctx.seed);
  const net = buildEmbeddingMlp(tf, {
    vocab: p,
    embedding: c.model.embedding_dim,
    hidden: c.model.hidden,
    classes: p,
    init: c.model.init,
    weightScale: c.model.weight_scale,
    combine: c.model.arch === 'only_mlp' ? 'sum' : 'concat',
    rng: root.fork('init'),
  });
  const theta0 = snapshot(net);
  const masks: Masks[] = [];
  const adamw = (wd: number) => ({ name: c.train.optimizer, lr: c.train.lr, weight_decay: wd, beta2: 0.98 });

  // Arms after the dense run stop at 1.5× the dense generalization epoch: an arm that has not
  // generalized by then is not faster than dense, which is the question; past it we spend time for nothing.
  let armCap = c.train.iterations;
  const runArm = async (
    arm: string,
    armDensity: number,
    opts: {
      masks?: Masks;
      weightDecay?: number;
      runFull?: boolean;
      at?: { step: number; fn: () => void };
      l1?: number;
    } = {},
  ) => {
    // The code's lp_reg with lp = 1: the mean over weight matrices of their L1 norm, times l1_penalty.
    const l1 = opts.l1 ?? 0;
    const objective =
      l1 > 0
        ? (b: StepBatch) =>
            tf.add(
              crossEntropy(tf, net.forward(b.x), b.y),
              tf.mul(tf.addN(net.layers.map((l) => tf.sum(tf.abs(l.weight)))), l1 / net.layers.length),
            ) as ReturnType<typeof crossEntropy>
        : undefined;
    const series = { arm, density: armDensity };
    const r = await trainSeries({
      ctx,
      net,
      series,
      optimizer: adamw(opts.weightDecay ?? c.train.weight_decay),
      iterations: arm === 'dense' ? c.train.iterations : armCap,
      batchSize: data.train.n,
      evalEvery: c.train.eval_every,
      train,
      test,
      trainEval: train,
      masks: opts.masks,
      rng: root.fork(`batches-${arm}`),
      budget,
      label: arm.replace(/_/g, ' '),
      extra: () => {
        const ws = matrices(net);
        return { weight_norm: weightNorm(net), l1_norm: summedNorm(ws, 1), l2_norm: summedNorm(ws, 2) };
      },
      loop: { objective },
      // The mask checkpoint of `final`/`iteration` needs the dense run to continue past generalization.
      until: opts.runFull ? undefined : (pt) => (pt.values.test_acc ?? 0) >= threshold,
      at: opts.at,
    });
    const gen = firstReaching(r.history, 'test_acc', threshold);
    const mem = firstReaching(r.history, 'train_acc', threshold);
    if (mem !== undefined)
      ctx.emit({ type: 'phase', step: mem, series, label: `memorized (train acc ≥ ${threshold * 100}%)` });
    if (gen !== undefined)
      ctx.emit({ type: 'phase', step: gen, series, label: `generalized (test acc ≥ ${threshold * 100}%)` });
    const values: Record<string, number> = {
      final_test_acc: r.final.values.test_acc,
      final_train_acc: r.final.values.train_acc,
      epochs_trained: r.final.step,
      initial_weight_norm: r.history[0].values.weight_norm,
    };
    if (gen !== undefined) values.generalization_epoch = gen;
    if (mem !== undefined) values.memorization_epoch = mem;
    if (gen !== undefined) values.test_acc_at_generalization = r.history.find((h) => h.step === gen)!.values.test_acc;
    ctx.emit({ type: 'summary', series, values });
    return { r, gen };
  };

  try {
    // 1. Dense, recording the weights the mask is taken from.
    let maskSource: Snapshot | undefined;
    const mode = c.prune.mask_from;
    const dense = await runArm('dense', 1, {
      l1: c.train.l1_penalty,
      runFull: mode !== 'generalized',
      at:
        mode === 'iteration'
          ? { step: c.prune.mask_iteration ?? 0, fn: () => (maskSource = snapshot(net)) }
          : undefined,
    });
    if (mode !== 'iteration' || !maskSource) maskSource = snapshot(net);
    if (dense.gen !== undefined) {
      armCap = Math.min(
        c.train.iterations,
        Math.max(c.train.eval_every, Math.ceil((1.5 * dense.gen) / c.train.eval_every) * c.train.eval_every),
      );
      budget.total = budget.done + (arms.length - 1) * armCap;
      ctx.log(`dense generalized at epoch ${dense.gen}; the other arms train for at most ${armCap} epochs (1.5× that)`);
    }
    if (mode !== 'iteration' && dense.gen === undefined) {
      ctx.log(
        `The dense network did not reach ${threshold * 100}% test accuracy in ${c.train.iterations} epochs: the mask comes from its final weights, which is not a grokking ticket. Raise train.iterations.`,
        'warn',
      );
      ctx.emit({
        type: 'phase',
        step: dense.r.final.step,
        series: { arm: 'dense', density: 1 },
        label: 'did not generalize: mask taken from the final weights',
      });
    }

    // 2. The ticket: magnitude mask over all weight matrices together (scope global) or per layer.
    restore(tf, net, maskSource);
    const start = fullMasks(tf, net);
    const ticketMasks = magnitudePrune(
      tf,
      net,
      start,
      () => 1 - density,
      c.prune.scope === 'global' ? 'global' : 'layerwise',
    );
    disposeMasks(start);
    masks.push(ticketMasks);
    const stats = maskStats(ticketMasks);
    ctx.log(
      `ticket keeps ${stats.kept.toLocaleString('en-US')} of ${stats.total.toLocaleString('en-US')} weights (${(stats.density * 100).toFixed(1)}%): ${Object.entries(
        stats.perLayer,
      )
        .map(([n, s]) => `${n} ${((s.kept / s.total) * 100).toFixed(1)}%`)
        .join(', ')}`,
    );
    const fromInit = () => {
      if (c.prune.reinitialize) restore(tf, net, theta0);
      else restore(tf, net, maskSource!);
    };
    fromInit();
    applyMasks(tf, net, ticketMasks);
    const ticketStart = matrices(net).map((m) => m.slice());
    await runArm('ticket', stats.density, { masks: ticketMasks });
    const trainedTicket = snapshotTensors(tf, snapshot(net));
    await ctx.saveTensors('ticket_final', trainedTicket);
    Object.values(trainedTicket).forEach((t) => t.dispose());

    for (const control of c.controls) {
      if (control === 'random_mask') {
        const m = randomMasksLike(tf, ticketMasks, root.fork('random-mask'));
        masks.push(m);
        restore(tf, net, theta0);
        applyMasks(tf, net, m);
        await runArm('random_mask', stats.density, { masks: m });
      } else if (control === 'norm_matched_dense' || control === 'norm_matched_dense_l1') {
        // A dense θ0 scaled to the ticket's initial norm: is the ticket just a smaller-norm start?
        const p = control === 'norm_matched_dense_l1' ? 1 : 2;
        restore(tf, net, theta0);
        const scale = normMatchingFactor(ticketStart, matrices(net), p);
        tf.tidy(() => net.layers.forEach((l) => l.weight.assign(tf.mul(l.weight, scale))));
        ctx.log(
          `norm-matched dense (L${p}): θ0 × ${scale.toFixed(3)} (summed L${p} norm ${summedNorm(ticketStart, p).toFixed(2)}, the ticket's at init)`,
        );
        await runArm(control, 1);
      } else if (control === 'ticket_no_weight_decay') {
        fromInit();
        applyMasks(tf, net, ticketMasks);
        await runArm('ticket_no_weight_decay', stats.density, { masks: ticketMasks, weightDecay: 0 });
      }
    }
    await ctx.saveTensors('ticket_mask', Object.fromEntries([...ticketMasks].map(([name, m]) => [`mask/${name}`, m])));
  } finally {
    masks.forEach(disposeMasks);
    net.dispose();
    for (const s of [train, test]) (s.x.dispose(), s.y.dispose());
  }
});
