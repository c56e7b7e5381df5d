/**
 * `paper: shrinkmatch` (Yang et al., "Shrinking Class Space for Enhanced Certainty in Semi-Supervised
 * Learning", ICCV 2023). The keys of the official code's configs (LiheYoung/ShrinkMatch,
 * STL10-SVHN/config/*.yaml) under our names: `p_cutoff` → `semi.threshold`, `uratio` → `semi.uratio`,
 * `ulb_loss_ratio` → `semi.lambda_u`, `T` → `semi.temperature`, `ema_m` → `semi.ema`. The small setting is
 * the research notes' (next-batches.md B3): an MLP on Fashion-MNIST with 4 labels per class.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, mlpModelBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const SHRINKMATCH_ARMS = ['supervised', 'fixmatch', 'shrinkmatch'] as const;

export const shrinkmatchSchema = Type.Object(
  {
    paper: paperKey('shrinkmatch'),
    name: nameKey('fmnist 4 labels/class: shrinkmatch vs fixmatch'),
    seed: seedKey(),
    data: Block(
      {
        dataset: StringEnum(['mnist', 'fashion-mnist'] as const, {
          default: 'fashion-mnist',
          description: 'Image dataset the labelled and unlabelled sets are drawn from (28×28 grey, 10 classes).',
        }),
        labels_per_class: Type.Integer({
          minimum: 1,
          maximum: 6000,
          default: 4,
          description:
            'Labelled examples per class. The paper\'s headline settings are "@40 labels" on 10 classes: 4 per class.',
        }),
        unlabeled: Type.Integer({
          minimum: 1,
          maximum: 60_000,
          default: 20_000,
          description: 'Unlabelled examples (their labels are never read).',
        }),
        test: Type.Integer({ minimum: 1, maximum: 10_000, default: 2000, description: 'Held-out test examples.' }),
      },
      { description: 'The labelled and unlabelled pools. Nothing is downloaded.' },
    ),
    model: mlpModelBlock({ hidden: [256, 256], init: 'he_normal' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.03),
        momentum: trainKeys.momentum(0.9),
        weight_decay: trainKeys.weightDecay(5e-4),
        batch_size: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 32,
          description: 'Labelled examples per step (the unlabelled batch is `semi.uratio` times larger).',
        }),
        iterations: trainKeys.iterations(1500),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Optimization of the joint labelled + unlabelled loss.' },
    ),
    semi: Block(
      {
        threshold: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.95,
          description:
            'Confidence threshold (`p_cutoff`). FixMatch keeps an unlabelled sample only if its top-1 probability clears it; ShrinkMatch removes confusion classes until the top-1, renormalized, clears it.',
        }),
        uratio: Type.Integer({
          minimum: 1,
          maximum: 64,
          default: 4,
          description: 'Unlabelled examples per labelled example in a step (`uratio`).',
        }),
        lambda_u: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 1,
          description: 'Weight of the unlabelled (consistency) loss (`ulb_loss_ratio`).',
        }),
        temperature: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.5,
          description: 'Sharpening temperature for soft pseudo-labels (`T`); unused with hard labels.',
        }),
        hard_label: Type.Boolean({
          default: true,
          description:
            'Pseudo-labels are the arg-max class (`hard_label: True` in the code) rather than sharpened probabilities.',
        }),
        ema: Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          default: 0.999,
          description: 'Decay of the weight EMA used for evaluation (`ema_m`).',
        }),
      },
      { description: 'The semi-supervised objective shared by FixMatch and ShrinkMatch.' },
    ),
    arms: Type.Array(StringEnum(SHRINKMATCH_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...SHRINKMATCH_ARMS],
      description:
        '`supervised`: labelled loss only; `fixmatch`: threshold pseudo-labels (the baseline); `shrinkmatch`: shrunk class space for uncertain samples.',
    }),
  },
  { additionalProperties: false },
);

export type ShrinkmatchConfig = Static<typeof shrinkmatchSchema>;
