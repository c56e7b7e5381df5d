/**
 * `paper: pv-rnn` (Ahmadi & Tani, "A Novel Predictive-Coding-Inspired Variational RNN Model for Online
 * Prediction and Recognition", Neural Computation 2019). A multiple-timescale RNN with Gaussian latent units
 * whose posteriors are adaptive vectors per training sequence; the meta-prior w weighs the KL term against
 * reconstruction; error regression infers latents for unseen sequences from prediction errors. The small
 * setting is the research notes' (next-batches.md B6): sequences of a 2-state probabilistic automaton,
 * a sweep over w.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const PVRNN_ARMS = ['pvrnn', 'no_error_regression'] as const;

const perLayer = (def: number[], minimum: number, maximum: number, description: string) =>
  Type.Array(Type.Number({ minimum, maximum }), { minItems: 1, maxItems: 4, default: def, description });

export const pvrnnSchema = Type.Object(
  {
    paper: paperKey('pv-rnn'),
    name: nameKey('2-state automaton: meta-prior sweep'),
    seed: seedKey(),
    data: Block(
      {
        switch_prob: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.3,
          description: 'Probability that the automaton switches state at each step.',
        }),
        sequences: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 20,
          description: 'Training sequences (each gets its own adaptive posterior vectors).',
        }),
        length: Type.Integer({ minimum: 2, maximum: 10_000, default: 100, description: 'Steps per sequence.' }),
      },
      { description: 'Sequences with hidden probabilistic structure.' },
    ),
    model: Block(
      {
        d_units: perLayer([20, 10], 1, 1024, 'Deterministic units per layer, bottom layer first.'),
        z_units: perLayer([2, 1], 1, 256, 'Gaussian latent units per layer.'),
        tau: perLayer([2, 8], 1, 1000, 'Time constant of each layer (multiple timescales: larger is slower).'),
      },
      { description: 'The multiple-timescale variational RNN.' },
    ),
    train: Block(
      { lr: trainKeys.lr(1e-3), iterations: trainKeys.iterations(2000), eval_every: trainKeys.evalEvery(200) },
      { description: 'Maximizing the weighted lower bound (Adam, full BPTT).' },
    ),
    meta_priors: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 100 }), {
      minItems: 1,
      maxItems: 10,
      default: [1e-4, 1e-3, 1e-2, 1e-1, 1],
      description: 'Meta-prior values w to train, one run each: the weight of the KL term in the lower bound.',
    }),
    error_regression: Block(
      {
        window: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 10,
          description: 'Past steps whose prediction errors update the latent posteriors.',
        }),
        iterations: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 50,
          description: 'Updates of the posteriors per time step.',
        }),
        lr: Type.Number({ exclusiveMinimum: 0, maximum: 10, default: 0.1, description: 'Step size of those updates.' }),
      },
      { description: 'Online inference on unseen sequences by error regression.' },
    ),
    arms: Type.Array(StringEnum(PVRNN_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...PVRNN_ARMS],
      description:
        '`pvrnn`: prediction with error regression; `no_error_regression`: the same network predicting from its prior alone.',
    }),
  },
  { additionalProperties: false },
);

export type PvrnnConfig = Static<typeof pvrnnSchema>;
