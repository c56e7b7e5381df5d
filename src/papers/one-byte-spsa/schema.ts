/**
 * The one-byte-spsa config (Zelikman, Huang, Liang, Haber & Goodman 2023, "Just One Byte (per
 * gradient)"; code ezelikman/justonebyte app.py). A small MLP is pretrained with backprop on MNIST,
 * the task is shifted, and the pretrained net is fine-tuned three ways: SPSA whose machines exchange
 * float32 projected gradients, the same with one-byte quantized ones, and backprop (the reference,
 * which would send a whole gradient). Machines are simulated in one process: each measures
 * `perturbations` projected gradients per step on its own shard of the data; all apply the same
 * update from the shared seeds, so one model stands for every replica.
 *
 * Cost: per step, machines × perturbations × 2 forward passes of `batch_size` examples plus
 * regenerating the perturbations (2 × parameters normal draws each).
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

export const SPSA_ARMS = ['spsa_one_byte', 'spsa_float', 'backprop'] as const;
export type SpsaArm = (typeof SPSA_ARMS)[number];

export const oneByteSpsaSchema = Type.Object(
  {
    paper: paperKey('one-byte-spsa'),
    name: nameKey('4 machines, one byte per perturbation'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 2000 }),
    model: mlpModelBlock({ hidden: [32], init: 'he_normal', activation: 'relu' }),
    pretrain: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(1000),
      },
      { description: 'Backprop pretraining on the original task (the "pretrained model" that is fine-tuned).' },
    ),
    shift: Block(
      {
        kind: StringEnum(['invert', 'relabel'] as const, {
          default: 'relabel',
          description:
            'The new task. `relabel`: digit d is labelled (d + 1) mod 10 — the features stay useful, the read-out must change. `invert`: pixels x → 1 − x with the same labels — the first layer must change.',
        }),
      },
      { description: 'How the fine-tuning task differs from the pretraining one.' },
    ),
    arms: Type.Array(StringEnum(SPSA_ARMS, { description: 'A fine-tuning method.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['spsa_one_byte', 'spsa_float', 'backprop'],
      description:
        '`spsa_one_byte`: projected gradients sent as one byte. `spsa_float`: sent as float32. `backprop`: the reference that sends a full gradient.',
    }),
    spsa: Block(
      {
        machines: Type.Integer({ minimum: 1, maximum: 64, default: 4, description: 'Simulated machines.' }),
        perturbations: Type.Integer({
          minimum: 1,
          maximum: 256,
          default: 8,
          description: 'Projected gradients each machine measures per step (app.py `gradient_acc_steps`).',
        }),
        steps: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1000, description: 'Fine-tuning steps.' }),
        batch_size: trainKeys.batchSize(64),
        eps: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1e-3,
          description: 'Perturbation scale ε in g = (L(θ + εz) − L(θ − εz)) / 2ε (app.py default 1e-3).',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 1e-2,
          description: 'Step size in θ ← θ − lr·Σ g_k z_k / √K (K = machines × perturbations).',
        }),
        log_step: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.125,
          description: 'Resolution of ln|g| in the one-byte code (app.py: 1/16).',
        }),
        max_power: Type.Integer({
          minimum: 1,
          maximum: 1024,
          default: 63,
          description:
            'Largest |code|: codes run from −max_power to max_power, plus a sign bit. 63 fits sign + code in 8 bits; app.py uses 127, which needs 9.',
        }),
        eval_every: trainKeys.evalEvery(200),
      },
      { description: 'Zeroth-order fine-tuning with shared randomness.' },
    ),
    backprop: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.05),
      },
      {
        description:
          'The backprop reference: the same steps, one batch of `spsa.batch_size` per machine per step (data-parallel).',
      },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Decentralised SPSA fine-tuning with one-byte projected gradients (Zelikman et al. 2023).',
  },
);

export type OneByteSpsaConfig = Static<typeof oneByteSpsaSchema>;
