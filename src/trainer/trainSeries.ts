/**
 * One training run of one series, reported the way every pruning recipe reports it: metric events
 * tagged with the series, progress in a shared step budget, stop checks, and an optional step
 * learning-rate schedule (×`factor` at fractions of the run — the rethinking-pruning paper's 50%/75%).
 * A thin layer over `train()` in loop.ts so each recipe does not re-write the same bookkeeping.
 */
import type { SeriesTags } from '../core/runs/events';
import type { RecipeContext } from './recipe';
import { StopRequested } from './recipe';
import { evaluate, train, type EvalPoint, type TensorSplit, type TrainOptions } from './loop';
import type { Net } from './model';
import type { Masks } from './masks';
import { createOptimizer, type Optimizer, type OptimizerConfig } from './optim';
import type { Rng } from './rng';

/** Steps done / total over the whole recipe, for `ctx.progress`. */
export interface StepBudget {
  done: number;
  total: number;
}

export interface SeriesRun {
  ctx: RecipeContext;
  net: Net;
  series: SeriesTags;
  optimizer: OptimizerConfig;
  iterations: number;
  batchSize: number;
  evalEvery: number;
  train: TensorSplit;
  test: TensorSplit;
  /** Evaluated on every `evalEvery` too (e.g. train accuracy for grokking); reported as train_eval_* values. */
  trainEval?: TensorSplit;
  masks?: Masks;
  rng: Rng;
  budget: StepBudget;
  /** Fractions of the run at which the learning rate is multiplied by `lrFactor` (default 0.1). */
  lrDrops?: number[];
  lrFactor?: number;
  /** Words for the progress label, e.g. "scratch-B · 75% pruned". */
  label: string;
  /** Stop early once this returns true for an evaluation (e.g. test accuracy reached 1). */
  until?: (p: EvalPoint) => boolean;
  /** Extra values per evaluation (e.g. the weight norm), added to each metric event. */
  extra?: (p: EvalPoint) => Record<string, number>;
  /** Called once when this step is reached (before the step is taken), e.g. to snapshot weights. */
  at?: { step: number; fn: () => void };
  /**
   * Builds the optimizer from the series' config (whose `lr` the drops lower in place): e.g. one
   * optimizer for the weights and another, without weight decay, for reparameterization parameters.
   * Default: one optimizer over `net.variables()`.
   */
  makeOptimizer?: (cfg: OptimizerConfig) => Optimizer;
  /** The loop's plug points, passed through (objective, batch transform, weight hooks, freezing, gradient norms). */
  loop?: Pick<TrainOptions, 'objective' | 'transformBatch' | 'afterUpdate' | 'freeze' | 'gradNorms'>;
}

export interface SeriesResult {
  history: EvalPoint[];
  final: EvalPoint;
  /** Steps actually taken (fewer than `iterations` when `until` fired). */
  steps: number;
}

/** Trains with the loop, segment by segment when the learning rate drops; throws StopRequested on stop. */
export async function trainSeries(o: SeriesRun): Promise<SeriesResult> {
  const { ctx, net } = o;
  const drops = [...new Set(o.lrDrops ?? [])].filter((f) => f > 0 && f < 1).sort((a, b) => a - b);
  const bounds = [...drops.map((f) => Math.round(f * o.iterations)), o.iterations].filter(
    (b, i, a) => b > 0 && (i === 0 || b > a[i - 1]),
  );
  // A zero-length run still evaluates its starting point once.
  if (bounds.length === 0) bounds.push(Math.max(0, o.iterations));
  const cfg: OptimizerConfig = { ...o.optimizer };
  const opt = o.makeOptimizer ? o.makeOptimizer(cfg) : createOptimizer(ctx.tf, cfg, net.variables());
  const history: EvalPoint[] = [];
  let start = 0;
  let reached = false;
  let atFired = false;
  const at = o.at ? { step: o.at.step, fn: () => (atFired ? undefined : ((atFired = true), o.at!.fn())) } : undefined;
  const startDone = o.budget.done;
  try {
    for (let s = 0; s < bounds.length && !reached; s++) {
      // The optimizer reads its config at every step, so lowering cfg.lr keeps its momentum state.
      cfg.lr = o.optimizer.lr * Math.pow(o.lrFactor ?? 0.1, s);
      const end = bounds[s];
      const r = await train({
        ...o.loop,
        tf: ctx.tf,
        net,
        optimizer: opt,
        masks: o.masks,
        train: o.train,
        test: o.test,
        startStep: start,
        endStep: end,
        batchSize: o.batchSize,
        evalEvery: o.evalEvery,
        rng: o.rng,
        at,
        shouldStop: () => ctx.shouldStop() || reached,
        onStep: (step) => {
          o.budget.done = startDone + step;
          if (step % 50 === 0) ctx.progress(o.budget.done, o.budget.total, o.label);
        },
        onEval: (p) => {
          // The segment's first evaluation repeats the previous segment's last one: keep one.
          if (history.length && history[history.length - 1].step === p.step) return;
          const values: Record<string, number> = { ...p.values, lr: cfg.lr };
          if (o.trainEval) {
            const t = evaluate(ctx.tf, net, o.trainEval);
            values.train_eval_loss = t.loss;
            values.train_acc = t.acc;
          }
          if (o.extra) Object.assign(values, o.extra(p));
          const point = { step: p.step, values };
          history.push(point);
          ctx.emit({ type: 'metric', step: p.step, series: o.series, values });
          if (o.until?.(point)) reached = true;
        },
      });
      if (r.stopped && !reached) throw new StopRequested();
      start = end;
      // Let IPC (stop requests, progress) through between segments.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    opt.dispose();
  }
  const final = history[history.length - 1];
  o.budget.done = startDone + o.iterations;
  ctx.progress(o.budget.done, o.budget.total, o.label);
  return { history, final, steps: final.step };
}
