/**
 * Iterative soft shrinkage (ISS-P, Wang et al. ICCV 2023; code `basicsr/pruner/ist_pruner.py` `_iht`):
 * after an optimizer step, in every layer (local comparison) the `fraction` of weights with the
 * smallest magnitude is MULTIPLIED by `alpha` (`ist_ratio`, 0.99 by default in `options.py`); nothing
 * is frozen, so a shrunk weight can grow back. alpha = 0 is iterative hard thresholding (IHT).
 *
 * The set is chosen by a magnitude threshold from a JS quickselect over the layer (or over a uniform
 * subsample of it, as the code's `IST-fast` does for large layers). Each call also reports how much of
 * the shrunk set is new since the previous call (the mask-flip rate) — the structure ISS-P keeps
 * learning, where a static mask never changes.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Layer } from './model';
import { magnitudeThreshold } from '../core/stats/select';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface ShrinkReport {
  /** Per layer: the magnitude threshold used and the share of the shrunk set that was not in it last time. */
  layers: Record<string, { threshold: number; shrunk: number; flipRate: number }>;
  /** Over all layers: new members of the shrunk sets ÷ their total size (NaN on the first call). */
  flipRate: number;
}

export interface SoftShrinkOptions {
  /** Fraction of each layer shrunk (ISS-P's pruning ratio `pr`). */
  fraction: number;
  /** Multiplier of the shrunk weights: 0 = IHT, 0.99 = the code's default `ist_ratio`. */
  alpha: number;
  /** Estimate thresholds from this many uniformly drawn weights per layer (IST-fast); all weights when absent. */
  sample?: number;
  rng?: Rng;
}

export class SoftShrinker {
  private previous = new Map<string, Uint8Array>();
  private calls = 0;

  constructor(
    private readonly tf: Tf,
    private readonly layers: Layer[],
    private readonly o: SoftShrinkOptions,
  ) {
    if (!(o.fraction >= 0 && o.fraction < 1))
      throw new RangeError(`shrink fraction must be in [0, 1), got ${o.fraction}`);
    if (!(o.alpha >= 0 && o.alpha < 1)) throw new RangeError(`alpha must be in [0, 1), got ${o.alpha}`);
  }

  /** One shrinkage of every layer. Reads each weight once and writes it back once. */
  step(): ShrinkReport {
    const report: ShrinkReport = { layers: {}, flipRate: NaN };
    let fresh = 0;
    let total = 0;
    let compared = false;
    this.calls++;
    for (const l of this.layers) {
      const w = Float32Array.from(l.weight.dataSync() as Float32Array);
      const pick = this.o.rng
        ? (
            (r) => (n: number) =>
              r.int(n)
          )(this.o.rng.fork(`${l.name}-${this.calls}`))
        : undefined;
      const t = magnitudeThreshold(
        w,
        this.o.fraction,
        this.o.sample && pick ? { size: this.o.sample, pick } : undefined,
      );
      const set = new Uint8Array(w.length);
      let shrunk = 0;
      for (let i = 0; i < w.length; i++) {
        if (Math.abs(w[i]) <= t) {
          w[i] *= this.o.alpha;
          set[i] = 1;
          shrunk++;
        }
      }
      const prev = this.previous.get(l.name);
      let added = 0;
      if (prev) for (let i = 0; i < set.length; i++) if (set[i] && !prev[i]) added++;
      this.previous.set(l.name, set);
      const tf = this.tf;
      tf.tidy(() => l.weight.assign(tf.tensor(w, l.weight.shape)));
      report.layers[l.name] = { threshold: t, shrunk, flipRate: prev && shrunk ? added / shrunk : NaN };
      if (prev) {
        compared = true;
        fresh += added;
        total += shrunk;
      }
    }
    report.flipRate = compared && total ? fresh / total : NaN;
    return report;
  }
}
