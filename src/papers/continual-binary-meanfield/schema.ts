/**
 * `paper: continual-binary-meanfield` (Li, Huang et al., "Statistical mechanics of continual learning:
 * variational principle and mean-field potential", 2022). Binary-weight networks trained in field space:
 * each weight w = ±1 has a field θ with mean tanh(θ), the pre-activations are Gaussian (mean-field), and the
 * previous task's posterior is the next task's prior. The small setting is the research notes'
 * (next-batches.md B9): 3 permuted-MNIST tasks, a binary 784-512-10 network, against metaplasticity.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const CONTINUAL_ARMS = ['meanfield', 'metaplastic', 'naive_bnn'] as const;

export const continualSchema = Type.Object(
  {
    paper: paperKey('continual-binary-meanfield'),
    name: nameKey('permuted mnist ×3: mean-field vs metaplasticity'),
    seed: seedKey(),
    data: Block(
      {
        tasks: Type.Integer({
          minimum: 2,
          maximum: 20,
          default: 3,
          description: 'Permuted-MNIST tasks learned one after another (task 1 is unpermuted).',
        }),
        train: Type.Integer({
          minimum: 100,
          maximum: 9000,
          default: 6000,
          description: 'Training digits per task (the same digits, permuted per task).',
        }),
        test: Type.Integer({ minimum: 100, maximum: 4000, default: 2000, description: 'Test digits per task.' }),
      },
      { description: "Permuted MNIST from the mnist package's 10,000 digits." },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 4,
          default: [512],
          description: 'Hidden widths of the binary-weight network.',
        }),
      },
      { description: 'A network with ±1 weights (sign activations in the hidden layers).' },
    ),
    train: Block(
      {
        lr: trainKeys.lr(0.01),
        batch_size: trainKeys.batchSize(100),
        iterations_per_task: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 180,
          description: 'Gradient steps on each task (3 epochs of 6,000 at batch 100).',
        }),
        eval_every: trainKeys.evalEvery(60),
      },
      { description: 'Training on each task in turn (Adam on fields or hidden weights).' },
    ),
    meanfield: Block(
      {
        prior_weight: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 1,
          description: "Weight of the KL term to the previous task's posterior (the prior); 0 forgets it.",
        }),
        field_init_std: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.1,
          description: 'Standard deviation of the initial fields θ (small: weights start uncertain).',
        }),
      },
      { description: 'The variational, field-space learning of the paper.' },
    ),
    metaplastic: Block(
      {
        m: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 1.3,
          description:
            'Metaplasticity strength m of the baseline: updates that push a hidden weight toward zero are damped by 1 − tanh²(m·w_h).',
        }),
      },
      { description: 'The metaplasticity baseline (Laborieux et al. 2021).' },
    ),
    arms: Type.Array(StringEnum(CONTINUAL_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...CONTINUAL_ARMS],
      description:
        "`meanfield`: the paper's field-space learning; `metaplastic`: metaplasticity; `naive_bnn`: a binary network trained task after task.",
    }),
  },
  { additionalProperties: false },
);

export type ContinualConfig = Static<typeof continualSchema>;
