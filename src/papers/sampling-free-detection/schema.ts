/**
 * `paper: sampling-free-detection` (Chen et al., "Is Heuristic Sampling Necessary in Training Deep Object
 * Detectors?", IEEE TIP 2021). The paper's detectors (RetinaNet, FCOS, Faster/Mask R-CNN on COCO/VOC,
 * official code ChenJoya/sampling-free) are out of reach; the keys here describe the research notes'
 * stand-in (next-batches.md C3): MNIST digits on blank canvases, objectness per grid cell, so that
 * positives are rare as anchors are.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const SAMPLING_FREE_ARMS = ['sampling_free', 'focal', 'bce'] as const;

export const samplingFreeSchema = Type.Object(
  {
    paper: paperKey('sampling-free-detection'),
    name: nameKey('digit canvases: sampling-free vs focal loss'),
    seed: seedKey(),
    data: Block(
      {
        canvas: Type.Integer({
          minimum: 28,
          maximum: 512,
          default: 56,
          description: 'Side of a square canvas, in pixels; digits are 28×28.',
        }),
        grid: Type.Integer({
          minimum: 1,
          maximum: 64,
          default: 7,
          description: 'Cells per side of the detection grid; each cell predicts objectness.',
        }),
        digits_per_canvas: Type.Integer({
          minimum: 1,
          maximum: 16,
          default: 1,
          description: 'Digits pasted on each canvas (their centres mark positive cells).',
        }),
        train: Type.Integer({ minimum: 10, maximum: 50_000, default: 4000, description: 'Training canvases.' }),
        test: Type.Integer({ minimum: 10, maximum: 10_000, default: 1000, description: 'Test canvases.' }),
      },
      { description: "Canvases generated from the mnist package's digits (nothing downloaded)." },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 8,
          default: [64],
          description: 'Hidden units of the per-cell head (shared by every cell, a patch layer).',
        }),
      },
      { description: "A shared per-cell classifier over each cell's pixels." },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.01),
        momentum: trainKeys.momentum(0.9),
        weight_decay: trainKeys.weightDecay(1e-4),
        batch_size: trainKeys.batchSize(32),
        iterations: trainKeys.iterations(1500),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Optimization (SGD with momentum, as maskrcnn-benchmark trains).' },
    ),
    loss: Block(
      {
        focal_alpha: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.25,
          description: 'Focal loss weight of positives α (the `focal` arm).',
        }),
        focal_gamma: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 2,
          description: 'Focal loss focusing exponent γ; 0 is plain cross-entropy.',
        }),
        prior_init: Type.Boolean({
          default: true,
          description:
            'Sampling-free: start the objectness bias at −log((1 − π)/π), π the fraction of positive cells in the data, so the first gradients are not swamped by negatives.',
        }),
        guided_scaling: Type.Boolean({
          default: true,
          description:
            "Sampling-free: scale the classification loss so its gradient magnitude matches the regression loss's, instead of re-weighting samples.",
        }),
      },
      {
        description:
          "The arms' losses. `bce`: plain cross-entropy on every cell; `focal`: focal loss; `sampling_free`: cross-entropy with prior init and loss scaling.",
      },
    ),
    arms: Type.Array(StringEnum(SAMPLING_FREE_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...SAMPLING_FREE_ARMS],
      description: 'Which losses to train, each from the same initialization and data.',
    }),
  },
  { additionalProperties: false },
);

export type SamplingFreeConfig = Static<typeof samplingFreeSchema>;
