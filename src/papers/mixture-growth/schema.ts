/**
 * The MixtureGrowth config (Pham et al., WACV 2024): two half-width template-mixing MLPs are trained,
 * then grown into one full-width net whose new blocks recombine the trained templates, and fine-tuned.
 * Controls: growth with random new weights, and the full-width net trained from scratch. The recipe
 * reads exactly these keys (src/papers/mixture-growth/recipe.ts).
 *
 * Defaults are our laptop setting: Fashion-MNIST 20,000/5,000; members 128 wide (grown: 256), 10
 * epochs each (1,560 steps at batch 128), 2 epochs after growth, scratch 12 epochs — about 2 minutes.
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

export const CONTROLS = ['random_growth', 'zero_growth', 'scratch'] as const;

export const mixtureGrowthSchema = Type.Object(
  {
    paper: paperKey('mixture-growth'),
    name: nameKey('template-mixing mlp 2x128 -> 256'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20000, test: 5000 }),
    model: mlpModelBlock(
      { hidden: [256, 256], init: 'he_normal', activation: 'relu' },
      {
        templates: Type.Integer({
          minimum: 1,
          maximum: 8,
          default: 2,
          description:
            'Templates per template set and layer (the code’s `num_templates_each_set` [2, 2]): each member’s layer is a linear combination of its set’s templates.',
        }),
      },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(128),
        eval_every: trainKeys.evalEvery(100),
        momentum: trainKeys.momentum(),
        weight_decay: trainKeys.weightDecay(),
      },
      { description: 'How every network is trained: the members, the grown nets and the scratch control.' },
    ),
    growth: Block(
      {
        member_iterations: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 1560,
          description:
            'Steps each half-width member trains before growth (the code’s `growth_epochs`, 200 epochs on CIFAR).',
        }),
        growth_iterations: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 312,
          description: 'Steps the grown net trains after growth (the code: 440 − 200 − 200 = 40 epochs on CIFAR).',
        }),
        lr_growing: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 1e-4,
          description: 'Learning rate after growth (the code’s `--lr_growing`, default 1e-4).',
        }),
        coefficients: StringEnum(['orthogonal', 'zero'] as const, {
          default: 'orthogonal',
          description:
            'How the new blocks’ coefficients start (the code’s `--coefs_growing`): `orthogonal` (default) = a direction the members’ coefficients do not cover; `zero` = the grown net starts as the sum of the members.',
        }),
      },
      { description: 'The two phases: members, then the grown net.' },
    ),
    controls: Type.Array(StringEnum(CONTROLS, { description: 'A control arm.' }), {
      uniqueItems: true,
      default: ['random_growth', 'scratch'],
      description:
        '`random_growth`: the same members grown with freshly drawn random weights in the new blocks (what the paper improves on). `zero_growth`: new blocks start at zero. `scratch`: the full-width net trained from scratch for `scratch_iterations`.',
    }),
    scratch_iterations: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 1875,
      description: 'Steps of the full-width net trained from scratch (the comparison at equal or more compute).',
    }),
  },
  { additionalProperties: false, required: ['paper'], description: 'A MixtureGrowth experiment.' },
);

export type MixtureGrowthConfig = Static<typeof mixtureGrowthSchema>;
