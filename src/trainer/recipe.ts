/**
 * The contract between the trainer's run loop and a paper's recipe (`src/papers/<id>/recipe.ts`).
 * A recipe composes the building blocks in `src/trainer/` (data, models, masks, optimizers, loop);
 * it reports through `emit` and `progress`, checks `shouldStop()` between steps, and never touches
 * the run folder's bookkeeping files itself.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Static, TSchema } from '@sinclair/typebox';
import type { MetricEvent, PhaseEvent, SummaryEvent } from '../core/runs/events';
import type { ArmPool } from './arms/pool';
import type { TypedPaperDefinition } from '../core/paper';

type Emitted = Omit<MetricEvent, 'time'> | Omit<SummaryEvent, 'time'> | Omit<PhaseEvent, 'time'>;

export interface RecipeContext<C = unknown> {
  /** tfjs with the run's backend already set and ready. */
  tf: typeof tfNs;
  /** The config, validated against the paper's schema, with the schema's defaults filled in. */
  config: C;
  seed: number;
  runDir: string;
  backend: string;
  /** Appends to metrics.jsonl (flushed) and streams to the host. `time` is added here. */
  emit: (event: Emitted) => void;
  /** Progress for the status bar and CLI progress bar; `label` e.g. "round 3/7 · ticket". */
  progress: (done: number, total: number, label: string) => void;
  log: (message: string, level?: 'info' | 'warn' | 'error') => void;
  /** True once a stop was asked for: finish the current step and return (throwing StopRequested is fine too). */
  shouldStop: () => boolean;
  /** Saves named tensors under `weights/<name>/` in tfjs's save format. */
  saveTensors: (name: string, tensors: Record<string, tfNs.Tensor>) => Promise<void>;
  /**
   * Other processes for arms that do not feed the rest of the recipe (arms/pool.ts); absent where the
   * run cannot fork (in-process tests) or has one core: then run those arms in order as before.
   */
  arms?: ArmPool;
}

export class StopRequested extends Error {
  constructor() {
    super('stop requested');
  }
}

/** A recipe as the trainer runs it, whatever its paper's config type. */
export type Recipe = (ctx: RecipeContext) => Promise<void>;

/**
 * A paper's recipe, typed by the paper's schema: `ctx.config` is `Static<S>`.
 *
 *   export const recipe = defineRecipe(lotteryTicket, async (ctx) => { ctx.config.prune.rounds … });
 *
 * The trainer re-validates the config with the same paper's schema before it calls the recipe
 * (src/trainer/main.ts), which is what makes the narrowing here sound.
 */
export function defineRecipe<S extends TSchema>(
  paper: TypedPaperDefinition<S>,
  run: (ctx: RecipeContext<Static<S>>) => Promise<void>,
): Recipe {
  return async (ctx) => {
    const id = (ctx.config as { paper?: unknown } | null)?.paper;
    if (id !== paper.id) throw new Error(`The ${paper.id} recipe was given a config for paper "${String(id)}".`);
    return run({ ...ctx, config: ctx.config });
  };
}
