/**
 * The five arms of Hoffer et al.'s Table 1 as concrete training plans (batch, ghost batch, learning
 * rate, epochs, LR-drop epochs). Pure: the recipe trains them and the tests check the arithmetic.
 */
import type { TrainLongerConfig } from './schema';

export interface ArmPlan {
  arm: string;
  /** Position in Table 1 order (x of the summary figure). */
  index: number;
  batch: number;
  /** Examples per batch-norm statistic: = batch for ordinary BN. */
  ghost: number;
  lr: number;
  epochs: number;
  lrDrops: number[];
  /** One line for logs and the dashboard. */
  describe: string;
}

export const ARM_ORDER = ['sb', 'lb', 'lb_lr', 'lb_lr_gbn', 'lb_lr_gbn_ra'] as const;

export function lrScale(mode: string, big: number, small: number): number {
  if (mode === 'sqrt') return Math.sqrt(big / small);
  if (mode === 'linear') return big / small;
  return 1;
}

/**
 * The regime-adaptation factor, as the authors' code computes it (bigBatch main_gbn.py, regime_bb_fix):
 * epochs and every LR-drop epoch × ⌈B / mini-batch⌉, where the code's `--mini-batch-size` is the ghost
 * batch g (it is also the batch the learning rate was tuned for there: the code has no separate b). With
 * g = b, as in the paper and our example, this is B/b and the large batch makes as many updates as the
 * small one; with g ≠ b it follows the code, not "as many updates as SB" (the rule regime-compute says so).
 */
export function regimeFactor(c: TrainLongerConfig): number {
  return Math.max(1, Math.ceil(c.large_batch.batch_size / c.large_batch.ghost_batch));
}

export function armPlans(c: TrainLongerConfig): ArmPlan[] {
  const b = c.large_batch.small_batch;
  const B = c.large_batch.batch_size;
  const g = c.model.batch_norm ? c.large_batch.ghost_batch : B;
  const scaled = c.train.lr * lrScale(c.large_batch.lr_scaling, B, b);
  const E = c.train.epochs;
  const drops = c.train.lr_drop_epochs;
  const ra = c.large_batch.regime_adaptation ? regimeFactor(c) : 1;
  const plans: Record<string, Omit<ArmPlan, 'arm' | 'index' | 'describe'>> = {
    sb: { batch: b, ghost: b, lr: c.train.lr, epochs: E, lrDrops: drops },
    lb: { batch: B, ghost: B, lr: c.train.lr, epochs: E, lrDrops: drops },
    lb_lr: { batch: B, ghost: B, lr: scaled, epochs: E, lrDrops: drops },
    lb_lr_gbn: { batch: B, ghost: g, lr: scaled, epochs: E, lrDrops: drops },
    lb_lr_gbn_ra: {
      batch: B,
      ghost: g,
      lr: scaled,
      epochs: E * ra,
      lrDrops: drops.map((d) => d * ra),
    },
  };
  return ARM_ORDER.filter((a) => c.arms.includes(a)).map((arm) => {
    const p = plans[arm];
    const describe = `${arm}: batch ${p.batch}${p.ghost !== p.batch ? `, ghost ${p.ghost}` : ''}, lr ${+p.lr.toPrecision(3)}, ${p.epochs} epochs`;
    return { arm, index: ARM_ORDER.indexOf(arm), ...p, describe };
  });
}

/**
 * Batch sizes of one epoch, as PyTorch's DataLoader (drop_last = False) gives them: full batches, then
 * the remainder. With ghost batch norm the remainder is trimmed to a multiple of the ghost batch (and
 * dropped if smaller than one), since every ghost batch needs `ghost` examples.
 */
export function epochBatches(n: number, batch: number, ghost: number): number[] {
  const sizes = Array.from({ length: Math.floor(n / batch) }, () => batch);
  const rest = n % batch;
  const usable = ghost < batch ? rest - (rest % ghost) : rest;
  if (usable > 0) sizes.push(usable);
  return sizes;
}

export function updatesPerEpoch(n: number, batch: number, ghost = batch): number {
  return epochBatches(n, batch, ghost).length;
}
