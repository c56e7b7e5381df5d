/**
 * Divergence, decided once for every recipe where all their curves pass: the trainer's `emit`.
 * A loss that becomes NaN or ±∞ means training has diverged, and every later number is meaningless —
 * JSON would even write it as `null` and the run would end `completed`. Only loss metrics count
 * (`loss`, `train_loss`, `val_loss`, `test_mse`, `barrier_train_loss`…): a recipe may report NaN for a
 * quantity that is undefined at some point (a spread over one sample, a ratio over zero) and that is
 * no reason to stop. A NaN loss at step 0, before any update, is a placeholder (a loss not measured
 * yet), not a divergence.
 */
import type { RunEvent, SeriesTags } from './events';

/** Metric keys that are losses: the quantities whose blow-up is divergence. */
export const LOSS_KEY = /(^|_)(loss|mse)$/;

export class DivergedError extends Error {
  constructor(
    readonly step: number,
    readonly key: string,
    readonly value: number,
    series: SeriesTags,
  ) {
    const tags = Object.entries(series)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ');
    super(
      `Training diverged at step ${step} (loss ${key} = ${formatValue(value)}${tags ? `; ${tags}` : ''}). ` +
        'Lower train.lr (or add warm-up / gradient clipping where the paper allows); the curves up to this step are kept.',
    );
    this.name = 'DivergedError';
  }
}

function formatValue(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
}

/** Watches the events of one run and names the first diverged loss. */
export class DivergenceWatch {
  /** Series × loss keys that have had a finite value. */
  private finite = new Set<string>();

  /** The divergence this event shows, or undefined. Call it for every event, in order. */
  check(e: RunEvent): DivergedError | undefined {
    if (e.type !== 'metric') return undefined;
    let seriesKey: string | undefined;
    for (const key in e.values) {
      if (!LOSS_KEY.test(key)) continue;
      const v = e.values[key];
      if (typeof v !== 'number') continue;
      seriesKey ??= JSON.stringify(e.series);
      const id = `${seriesKey}\u0001${key}`;
      if (Number.isFinite(v)) {
        this.finite.add(id);
        continue;
      }
      if (e.step > 0 || this.finite.has(id)) return new DivergedError(e.step, key, v, e.series);
    }
    return undefined;
  }
}
