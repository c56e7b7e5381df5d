/**
 * Config schema of `paper: thresholdout` (Dwork et al., "The reusable holdout", Science 2015).
 * Keys and defaults follow the authors' experiment code (thresholdout.py in the Science supplement;
 * research notes §13): T = 4/√n, σ = 1/√n, a 1/√n selection filter, 20 signal variables shifted by
 * 6/√n. The paper's own algorithm adds Laplace noise and a budget B, so both are keys here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const ThresholdoutSchema = Type.Object(
  {
    paper: paperKey('thresholdout'),
    name: nameKey('reusable holdout'),
    seed: seedKey(),
    data: Block(
      {
        n: Type.Integer({
          minimum: 50,
          maximum: 20000,
          default: 2000,
          description: 'Points in EACH of the training, holdout and fresh sets (the paper: 10000).',
        }),
        d: Type.Integer({
          minimum: 10,
          maximum: 20000,
          default: 2000,
          description: 'Gaussian features per point (the paper: 10000).',
        }),
        signal_vars: Type.Integer({
          minimum: 0,
          default: 20,
          description: 'Features correlated with the label in the `signal` condition (the paper: 20).',
        }),
        signal_bias: Type.Number({
          minimum: 0,
          default: 6,
          description: 'Shift of each signal feature toward the label, in units of 1/√n (the paper: 6).',
        }),
        conditions: Type.Array(StringEnum(['no_signal', 'signal'] as const, {}), {
          minItems: 1,
          uniqueItems: true,
          default: ['no_signal', 'signal'],
          description: 'Which panels to run: labels independent of every feature, and/or a few real signal features.',
        }),
      },
      {
        description:
          'Synthetic data: n points with d Gaussian features and uniform ±1 labels, drawn three times (training, holdout, fresh).',
      },
    ),
    analysis: Block(
      {
        k: Type.Array(Type.Integer({ minimum: 0 }), {
          minItems: 1,
          default: [0, 10, 20, 30, 45, 70, 100, 150, 200, 250, 300, 400, 500],
          description: 'Numbers of selected features at which the classifier is built and scored (the x axis).',
        }),
        selection_filter: Type.Number({
          exclusiveMinimum: 0,
          default: 1,
          description:
            'Keep features whose |correlation| is at least this/√n on training AND holdout, with the same sign (1 in the code).',
        }),
        reps: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 20,
          description: 'Independent repetitions averaged per point (the paper: 100).',
        }),
      },
      { description: 'The adaptive analysis: select features on training + holdout, build top-k sign classifiers.' },
    ),
    thresholdout: Block(
      {
        threshold: Type.Number({
          exclusiveMinimum: 0,
          default: 0.0894,
          description: 'T, absolute. The paper uses 4/√n (0.0894 for n = 2000): rescale it when n changes.',
        }),
        sigma: Type.Number({
          exclusiveMinimum: 0,
          default: 0.02236,
          description: 'σ, the noise scale, absolute. The paper uses 1/√n (0.02236 for n = 2000).',
        }),
        noise_dist: StringEnum(['gaussian', 'laplace'] as const, {
          default: 'gaussian',
          description:
            "`gaussian`: the authors' experiment code. `laplace`: the algorithm as stated in the paper (threshold re-drawn with Lap(2σ), comparison Lap(4σ), answer Lap(σ)).",
        }),
        budget: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
          default: null,
          description:
            'Over-threshold answers allowed before the holdout is spent; null = unbounded (as in the experiment code).',
        }),
      },
      { description: 'The reusable holdout mechanism the second arm reads the holdout through.' },
    ),
  },
  { additionalProperties: false },
);

export type ThresholdoutConfig = Static<typeof ThresholdoutSchema>;
