/**
 * Synthetic trial-based tasks for recurrent networks, generated from a seeded stream.
 *
 * Two-alternative forced choice ("2AF"), shaped after neurogym's PerceptualDecisionMaking-v0 with the
 * timing the connectivity-rank code uses (BioRNN_RichLazy main.py: dt = 100 ms, stimulus 700 ms,
 * decision 100 ms, so 8 steps): three inputs — a fixation cue (1 while the stimulus is on, 0 at the
 * decision step) and two evidence channels 0.5 ± coh/200 plus Gaussian noise (σ = 1/√dt = 0.1);
 * three outputs — "fixate" (label 0) during the stimulus and the correct channel (1 or 2) at the
 * decision step. Coherences are neurogym's defaults {0, 6.4, 12.8, 25.6, 51.2}%.
 */
import type { Rng } from '../rng';

export const TWO_AF = { inputs: 3, outputs: 3, coherences: [0, 6.4, 12.8, 25.6, 51.2] } as const;

export interface TrialBatch {
  /** [T, B, inputs], time-major, Float32. */
  x: Float32Array;
  /** [T, B] class labels. */
  labels: Int32Array;
  /** The correct choice per trial (1 or 2). */
  choice: Int32Array;
  steps: number;
  batch: number;
}

export function twoAfBatch(rng: Rng, batch: number, stimulusSteps = 7, noise = 0.1): TrialBatch {
  const steps = stimulusSteps + 1;
  const I = TWO_AF.inputs;
  const x = new Float32Array(steps * batch * I);
  const labels = new Int32Array(steps * batch);
  const choice = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    const c = 1 + rng.int(2);
    const coh = TWO_AF.coherences[rng.int(TWO_AF.coherences.length)];
    choice[b] = c;
    for (let t = 0; t < steps; t++) {
      const base = (t * batch + b) * I;
      const stim = t < stimulusSteps;
      x[base] = stim ? 1 : 0;
      if (stim) {
        x[base + c] = 0.5 + coh / 200 + noise * rng.normal();
        x[base + (3 - c)] = 0.5 - coh / 200 + noise * rng.normal();
      }
      labels[t * batch + b] = stim ? 0 : c;
    }
  }
  return { x, labels, choice, steps, batch };
}
