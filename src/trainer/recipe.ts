/**
 * The contract between the trainer's run loop and a paper's recipe (`src/papers/<id>/recipe.ts`).
 * A recipe composes the building blocks in `src/trainer/` (data, models, masks, optimizers, loop);
 * it reports through `emit` and `progress`, checks `shouldStop()` between steps, and never touches
 * the run folder's bookkeeping files itself.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { MetricEvent, PhaseEvent, SummaryEvent } from '../core/runs/events';
import type { ArmPool } from './arms/pool';

type Emitted = Omit<MetricEvent, 'time'> | Omit<SummaryEvent, 'time'> | Omit<PhaseEvent, 'time'>;

export interface RecipeContext {
  /** tfjs with the run's backend already set and ready. */
  tf: typeof tfNs;
  /** The validated config with the schema's defaults filled in. */
  config: any;
  seed: number;
  runDir: string;
  backend: string;
  /** Appends to metrics.jsonl (flushed) and streams to the host. `time` is added here. */
  emit(event: Emitted): void;
  /** Progress for the status bar and CLI progress bar; `label` e.g. "round 3/7 · ticket". */
  progress(done: number, total: number, label: string): void;
  log(message: string, level?: 'info' | 'warn' | 'error'): void;
  /** True once a stop was asked for: finish the current step and return (throwing StopRequested is fine too). */
  shouldStop(): boolean;
  /** Saves named tensors under `weights/<name>/` in tfjs's save format. */
  saveTensors(name: string, tensors: Record<string, tfNs.Tensor>): Promise<void>;
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

export type Recipe = (ctx: RecipeContext) => Promise<void>;
