/**
 * `paper: dataset-distillation-trajectories` (Shen et al., "Efficient Dataset Distillation through Alignment
 * with Smooth and High-Quality Expert Trajectories", 2023). Trajectory matching (MTT): synthetic images are
 * trained so that a few steps on them move a network from an expert's epoch t to near its epoch t + M. The
 * paper smooths the experts (clipping loss, gradient penalty), initializes the images representatively and
 * balances the inner loss. Keys follow the MTT method's parameters (images per class, synthetic steps N,
 * expert epochs M, latest start epoch T⁺); the small setting is the research notes' (next-batches.md B22).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const DD_ARMS = ['smooth_experts', 'plain_experts', 'random_real'] as const;

export const ddSchema = Type.Object(
  {
    paper: paperKey('dataset-distillation-trajectories'),
    name: nameKey('mnist 10 ipc: smooth vs plain experts'),
    seed: seedKey(),
    data: Block(
      {
        dataset: StringEnum(['mnist', 'fashion-mnist'] as const, {
          default: 'mnist',
          description: 'The dataset distilled (28×28 grey, 10 classes).',
        }),
        ipc: Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'Synthetic images per class.' }),
        train: Type.Integer({
          minimum: 100,
          maximum: 60_000,
          default: 8000,
          description: 'Real training images the experts train on.',
        }),
        test: Type.Integer({
          minimum: 100,
          maximum: 10_000,
          default: 2000,
          description: 'Test images for the networks trained on the distilled set.',
        }),
      },
      { description: 'Real data and the size of the distilled set.' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 3,
          default: [128],
          description: 'Hidden widths of the MLP (experts, students and evaluation).',
        }),
      },
      { description: 'The network (hand-written gradients, so that the inner loop can be differentiated).' },
    ),
    experts: Block(
      {
        count: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 5,
          description: 'Expert trajectories (networks trained on real data, a snapshot per epoch).',
        }),
        epochs: Type.Integer({
          minimum: 2,
          maximum: 200,
          default: 10,
          description: 'Epochs of each expert trajectory.',
        }),
        lr: trainKeys.lr(0.01),
        clip_loss: Type.Boolean({
          default: true,
          description: 'Smooth experts: the clipping loss that limits how fast parameters change.',
        }),
        gradient_penalty: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 0.1,
          description: 'Smooth experts: weight of the gradient penalty (by finite differences here).',
        }),
      },
      { description: 'The expert trajectories to match.' },
    ),
    distill: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 500,
          description: 'Outer updates of the synthetic images.',
        }),
        syn_steps: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 20,
          description: 'N: student steps on synthetic data per outer update.',
        }),
        expert_epochs: Type.Integer({
          minimum: 1,
          maximum: 50,
          default: 2,
          description: 'M: expert epochs the N student steps should cover.',
        }),
        max_start_epoch: Type.Integer({
          minimum: 0,
          maximum: 200,
          default: 5,
          description: 'T⁺: the latest expert epoch a match may start from.',
        }),
        lr_img: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e5,
          default: 100,
          description: 'Learning rate of the synthetic pixels.',
        }),
        init: StringEnum(['representative', 'real', 'noise'] as const, {
          default: 'representative',
          description:
            'Synthetic image initialization: representative real images (near class centres), random real images, or noise.',
        }),
        balanced_inner_loss: Type.Boolean({
          default: true,
          description: 'Balance the inner-loop loss across classes.',
        }),
      },
      { description: 'Trajectory matching.' },
    ),
    arms: Type.Array(StringEnum(DD_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...DD_ARMS],
      description:
        "`smooth_experts`: matching smoothed experts with the paper's additions; `plain_experts`: plain MTT; `random_real`: ipc random real images per class, not distilled.",
    }),
  },
  { additionalProperties: false },
);

export type DdConfig = Static<typeof ddSchema>;
