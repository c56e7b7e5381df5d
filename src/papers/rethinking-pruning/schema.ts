/**
 * The rethinking-pruning config (Liu, Sun, Zhou, Huang, Darrell, ICLR 2019): structured pruning to a
 * predefined smaller architecture, then three ways to get a trained small network — fine-tune the
 * pruned weights, or train the small architecture from scratch for the same iterations (Scratch-E)
 * or for the same compute (Scratch-B).
 *
 * Defaults are our small setting (notes: /work/shared/papers/pruning-lottery.md §2(b)): LeNet-300-100
 * on 8,000 MNIST digits, SGD 0.05 with momentum 0.9 and weight decay 1e-4, batch 64, LR ×0.1 at 50% and
 * 75% of each run (the paper's schedule shape). Full model: 2,000 iterations (16 epochs); fine-tuning:
 * 500 (a quarter, like the paper's 40 of 160 epochs); Scratch-E: 2,000; Scratch-B: 2,000 × FLOPs ratio
 * = 4,238 at 50% and 8,738 at 75% of units removed. About 20,000 steps in all, most of them on the
 * small networks: ≈ 4–5 minutes with the wasm backend on an idle machine (steps of small nets cost
 * nearly as much as large ones: per-step overhead dominates).
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

export const REGIMES = ['finetune', 'scratch_e', 'scratch_b'] as const;

export const rethinkingSchema = Type.Object(
  {
    paper: paperKey('rethinking-pruning'),
    name: nameKey('lenet-300-100, L1 neuron pruning'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 2000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'he_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.05),
        momentum: Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          default: 0.9,
          description: 'Heavy-ball momentum for `sgd` (the paper: 0.9). Ignored by adam/adamw.',
        }),
        weight_decay: trainKeys.weightDecay(1e-4),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(2000),
        eval_every: trainKeys.evalEvery(250),
        lr_drops: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          maxItems: 8,
          default: [0.5, 0.75],
          description:
            'Fractions of each run at which the learning rate is multiplied by 0.1. The paper: [0.5, 0.75] (epochs 80 and 120 of 160, and the same fractions of a longer Scratch-B run).',
        }),
      },
      {
        description:
          'How the full model is trained; Scratch-E and Scratch-B use the same settings (Scratch-B for more iterations).',
      },
    ),
    prune: Block(
      {
        method: StringEnum(['l1_neuron'] as const, {
          default: 'l1_neuron',
          description:
            "`l1_neuron`: remove whole hidden units with the smallest L1 norm of incoming weights (Li et al. 2017's L1-norm filter pruning, applied to neurons) — a predefined target architecture.",
        }),
        ratios: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          minItems: 1,
          maxItems: 8,
          uniqueItems: true,
          default: [0.5, 0.75],
          description:
            "Pruning ratios: the fraction of each hidden layer's UNITS removed (0.75 = keep a quarter of the neurons). One pruned architecture per ratio.",
        }),
      },
      { description: 'Which small architecture(s) the full model is pruned to.' },
    ),
    finetune: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 10_000_000,
          default: 500,
          description:
            'Iterations of fine-tuning the pruned weights (the paper fine-tunes 40 epochs after 160 of training: a quarter).',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.001,
          description:
            'Constant learning rate of fine-tuning: small, as fine-tuning starts from trained weights (Li et al. 2017 retrain at 0.001).',
        }),
      },
      { description: 'The fine-tuned arm: the pruned model keeps its trained weights and trains a little more.' },
    ),
    regimes: Type.Array(StringEnum(REGIMES, { description: 'A way of obtaining the trained small model.' }), {
      uniqueItems: true,
      minItems: 1,
      default: [...REGIMES],
      description:
        "`finetune`: prune the trained full model and fine-tune. `scratch_e`: train the small architecture from a fresh random init for as many iterations as the full model. `scratch_b`: the same but for the full model's compute (iterations × FLOPs(full)/FLOPs(pruned)).",
    }),
    scratch_init: StringEnum(['fresh', 'original'] as const, {
      default: 'fresh',
      description:
        "`fresh`: scratch runs draw new random weights (the paper). `original`: they start from the full model's initial values of the surviving units — a lottery-ticket-style control (§6).",
    }),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Rethinking the Value of Network Pruning (Liu et al., ICLR 2019).',
  },
);

export type RethinkingConfig = Static<typeof rethinkingSchema>;
