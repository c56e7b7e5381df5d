/**
 * Config schema of `paper: rs2` (Okanovic et al., "Repeated Random Sampling for Minimizing the
 * Time-to-Accuracy of Learning", ICLR 2024). Keys follow the reference code (research notes §8):
 * a per-round subset ratio r, sampling without replacement across rounds, equal rounds for every
 * method, SGD + Nesterov, and a cosine schedule of T_max = rounds·⌈rN/b⌉ iterations.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  Block,
  StringEnum,
  imageDataBlock,
  mlpModelBlock,
  nameKey,
  paperKey,
  seedKey,
  trainKeys,
} from '../common/schema';

export const METHODS = ['rs2', 'rs2_wr', 'static', 'full'] as const;

export const Rs2Schema = Type.Object(
  {
    paper: paperKey('rs2'),
    name: nameKey('rs2 vs static subset vs full data'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 2000 }),
    model: mlpModelBlock({ hidden: [256, 128], init: 'he_normal' }),
    train: Block(
      {
        optimizer: StringEnum(['sgd'] as const, {
          default: 'sgd',
          description: 'SGD with (Nesterov) momentum, as in the reference code.',
        }),
        lr: trainKeys.lr(0.1),
        lr_min: Type.Number({
          minimum: 0,
          default: 1e-4,
          description: 'η_min of the cosine schedule (the code: 1e-4).',
        }),
        momentum: Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          default: 0.9,
          description: 'Momentum (the code: 0.9).',
        }),
        nesterov: Type.Boolean({ default: true, description: 'Nesterov momentum (the code: true).' }),
        weight_decay: trainKeys.weightDecay(5e-4),
        batch_size: trainKeys.batchSize(64),
        rounds: Type.Integer({
          minimum: 1,
          maximum: 10_000,
          default: 30,
          description:
            "Rounds (passes over one round's subset), the same for every method: the paper compares methods at equal rounds.",
        }),
        cosine_steps: Type.Union([Type.Literal('auto'), Type.Integer({ minimum: 1 })], {
          default: 'auto',
          description:
            'Length T_max of the cosine schedule in iterations. `auto` = rounds·⌈rN/b⌉ for each ratio (the code); a number only fits one ratio.',
        }),
      },
      { description: 'Training: every method runs the same number of rounds; only what a round contains differs.' },
    ),
    sampling: Block(
      {
        ratios: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), {
          minItems: 1,
          maxItems: 12,
          default: [0.01, 0.05, 0.1, 0.2],
          description: 'Subset ratios r: the fraction of the training set one round sees (the paper sweeps 1%…90%).',
        }),
        methods: Type.Array(StringEnum(METHODS, {}), {
          minItems: 1,
          uniqueItems: true,
          default: ['rs2', 'static', 'full'],
          description:
            '`rs2`: a new subset each round, without replacement across rounds. `rs2_wr`: a new subset each round, drawn independently. `static`: one fixed random subset. `full`: all data each round (runs once, ratio 1).',
        }),
      },
      { description: 'What each round trains on.' },
    ),
  },
  { additionalProperties: false },
);

export type Rs2Config = Static<typeof Rs2Schema>;
