/**
 * The work of a thresholdout run (recipe.ts → experiment.ts): no tensors, plain JavaScript. Per
 * repetition and condition: three n × d Gaussian data sets, two correlation passes over n × d, and six
 * top-k accuracy passes (2 arms × 3 sets) over n × (largest k) — so the work is ∝ values touched.
 */
import type { ThresholdoutConfig } from './schema';

/**
 * One value generated or read in JavaScript, in MACs of the unit the other papers are measured in:
 * the example (40 reps of ~26 M values) took 24.5 s here, ≈ 23 ns a value, while training ran at
 * ~9 G MACs/s on the same machine — ≈ 200 MACs a value (mostly the Gaussian draws).
 */
const JS_VALUE_COST = 200;

export function thresholdoutWork(c: ThresholdoutConfig): number {
  const n = c.data.n;
  const d = c.data.d;
  const maxK = Math.min(d, Math.max(0, ...c.analysis.k));
  const perRep = 3 * n * d + 2 * n * d + 6 * n * maxK;
  return c.analysis.reps * c.data.conditions.length * perRep * JS_VALUE_COST;
}
