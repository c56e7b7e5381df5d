/**
 * `paper: oscillation-free-quant` (Liu, Liu & Cheng, "Oscillation-free Quantization for Low-bit Vision
 * Transformers", ICML 2023). Keys follow the official training scripts (nbasyl/OFQ,
 * train_scripts/deit_t/w2a2_deit_t.sh): `--wq-bitw` → `quant.weight_bits`, `--aq-bitw` → `quant.act_bits`,
 * `--wq-mode statsq|lsq` → the arms, `--boundaryRange` → `cga.boundary_range`, `--freeze_for_n_epochs` →
 * `cga.freeze_fraction` (as a share of the CGA fine-tuning). The small setting is the research notes'
 * (next-batches.md B20): 2-bit quantization-aware training of an MLP on Fashion-MNIST.
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

export const OFQ_ARMS = ['lsq', 'statsq', 'statsq_cga', 'float'] as const;

export const ofqSchema = Type.Object(
  {
    paper: paperKey('oscillation-free-quant'),
    name: nameKey('2-bit QAT: StatsQ + CGA vs LSQ'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20_000, test: 2000 }),
    model: mlpModelBlock({ hidden: [256, 256], init: 'he_normal' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adamw'),
        lr: trainKeys.lr(5.47e-4),
        weight_decay: trainKeys.weightDecay(0.05),
        batch_size: trainKeys.batchSize(128),
        iterations: trainKeys.iterations(3000),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Quantization-aware training from a float network of the same shape.' },
    ),
    quant: Block(
      {
        weight_bits: Type.Integer({
          minimum: 1,
          maximum: 8,
          default: 2,
          description: 'Weight bit width (`--wq-bitw`).',
        }),
        act_bits: Type.Integer({
          minimum: 1,
          maximum: 32,
          default: 2,
          description: 'Activation bit width (`--aq-bitw`); 32 leaves activations in float.',
        }),
        per_channel: Type.Boolean({
          default: true,
          description: 'One scale per output unit (`--wq-per-channel`) rather than per layer.',
        }),
        oscillation_window: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.2,
          description:
            'Share of training, at its end, over which level flips (a weight jumping between two quantized levels) are counted.',
        }),
      },
      { description: "The quantizers. `lsq`: learnable scale; `statsq`: scale from the weights' statistics." },
    ),
    cga: Block(
      {
        boundary_range: Type.Number({
          exclusiveMinimum: 0,
          maximum: 0.5,
          default: 0.005,
          description:
            'Confidence-guided annealing: a weight closer than this (in units of the scale) to a quantization boundary is "unconfident" and keeps training; the others are frozen (`--boundaryRange`).',
        }),
        freeze_fraction: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.1,
          description:
            'Share of the CGA fine-tuning after which confident weights are frozen (the code: `--freeze_for_n_epochs 30` of 300).',
        }),
        iterations: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 1000,
          description: 'Length of the CGA fine-tuning, in iterations.',
        }),
      },
      { description: 'Confidence-guided annealing after StatsQ training (the `statsq_cga` arm).' },
    ),
    arms: Type.Array(StringEnum(OFQ_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...OFQ_ARMS],
      description:
        '`lsq`: learnable scale (the baseline); `statsq`: statistical scale; `statsq_cga`: StatsQ then CGA; `float`: no quantization.',
    }),
  },
  { additionalProperties: false },
);

export type OfqConfig = Static<typeof ofqSchema>;
