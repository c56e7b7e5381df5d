/**
 * Train longer, generalize better (Hoffer, Hubara, Soudry; NeurIPS 2017) at MLP scale: the large-batch
 * generalization gap and its three remedies — √ learning-rate scaling, Ghost Batch Normalization and
 * regime adaptation (dynamics-random-weights.md §7, code: eladhoffer/bigBatch).
 *
 * Arms are cumulative, as in the paper's Table 1: sb, lb, +lr, +gbn, +ra. With the defaults
 * (10,000 images, 10 epochs, B = 1024, small batch 128): four arms see 100,000 samples each and the
 * regime-adapted arm 8× as many, 1.2M samples in all, ≈ 7 minutes at ~3,000 samples/s.
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

export const ARMS = ['sb', 'lb', 'lb_lr', 'lb_lr_gbn', 'lb_lr_gbn_ra'] as const;

export const trainLongerSchema = Type.Object(
  {
    paper: paperKey('train-longer'),
    name: nameKey('large batch: sqrt lr, ghost bn, regime adaptation'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 10_000, test: 2000 }),
    model: mlpModelBlock(
      { hidden: [256, 256, 256], init: 'he_normal', activation: 'relu' },
      {
        batch_norm: Type.Boolean({
          default: true,
          description:
            "Batch normalization after each hidden layer (needed by ghost batch norm; the paper's F1 model has it).",
        }),
      },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.1),
        momentum: trainKeys.momentum(0.9),
        weight_decay: trainKeys.weightDecay(1e-4),
        epochs: Type.Integer({
          minimum: 1,
          maximum: 10_000,
          default: 10,
          description:
            'Training length in epochs (passes over data.train) for the small-batch regime; regime adaptation multiplies it for large batches.',
        }),
        lr_drop_epochs: Type.Array(Type.Integer({ minimum: 1 }), {
          maxItems: 8,
          default: [],
          description:
            "Epochs at which the learning rate is multiplied by 0.1 (the paper's regime: 10, 20, 30 for F1).",
        }),
        eval_every_epochs: Type.Integer({
          minimum: 1,
          default: 1,
          description: 'Evaluate on the test set every this many epochs.',
        }),
        grad_clip: Type.Number({
          minimum: 0,
          default: 5,
          description: 'Clip the gradient norm to this value (the code clips at 5); 0 = no clipping.',
        }),
      },
      { description: 'The small-batch training regime: the reference the large-batch arms adapt from.' },
    ),
    large_batch: Block(
      {
        small_batch: Type.Integer({
          minimum: 1,
          maximum: 65_536,
          default: 128,
          description: 'The small batch b of the baseline (`sb`) and the batch `train.lr` is tuned for.',
        }),
        batch_size: Type.Integer({
          minimum: 1,
          maximum: 65_536,
          default: 1024,
          description: 'The large batch B of the `lb…` arms.',
        }),
        ghost_batch: Type.Integer({
          minimum: 1,
          maximum: 65_536,
          default: 128,
          description:
            "Ghost batch size g: batch-norm statistics are computed over chunks of g examples of the large batch (the code's `--mini-batch-size`). Must divide batch_size.",
        }),
        lr_scaling: StringEnum(['sqrt', 'linear', 'none'] as const, {
          default: 'sqrt',
          description:
            "How the large-batch learning rate follows from `train.lr`: × √(B/b) (the paper's, `lr_bb_fix`), × B/b (linear, the later Goyal et al. rule) or unchanged.",
        }),
        regime_adaptation: Type.Boolean({
          default: true,
          description:
            "The `…_ra` arm trains ⌈B/g⌉ times as many epochs and moves the LR drops by the same factor, as the authors' code does (`regime_bb_fix`: ⌈batch_size / mini_batch_size⌉, g = ghost_batch). With g = small_batch (the paper's setting) it makes as many updates as small-batch training.",
        }),
      },
      { description: "The large-batch arms and the paper's remedies." },
    ),
    arms: Type.Array(StringEnum(ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...ARMS],
      description:
        'Which runs to train, cumulative as in Table 1: `sb` small batch; `lb` large batch, same lr; `lb_lr` + scaled lr; `lb_lr_gbn` + ghost batch norm; `lb_lr_gbn_ra` + regime adaptation.',
    }),
  },
  { additionalProperties: false, required: ['paper'], description: 'A train-longer (large-batch) experiment.' },
);

export type TrainLongerConfig = Static<typeof trainLongerSchema>;
