/**
 * `paper: monotone-dbm` (Feng, Winston & Kolter, "Monotone deep Boltzmann machines", TMLR 2023). A deep Boltzmann
 * machine with arbitrary intra-layer weights, parameterized (as monotone DEQs are) so that W = (1 − m)I −
 * AᵀA + B − Bᵀ is strongly monotone: the mean-field fixed point exists, is unique, and a damped
 * operator-splitting iteration finds it. The small setting is the research notes' (next-batches.md B17):
 * binarized 14×14 MNIST with label units, joint completion of occluded digits and classification.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const MDBM_ARMS = ['monotone', 'unconstrained'] as const;

export const monotoneDbmSchema = Type.Object(
  {
    paper: paperKey('monotone-dbm'),
    name: nameKey('binarized 14×14 mnist: monotone vs unconstrained'),
    seed: seedKey(),
    data: Block(
      {
        side: Type.Integer({
          minimum: 4,
          maximum: 28,
          default: 14,
          description: 'Digits are pooled to side × side and binarized at 0.5.',
        }),
        train: Type.Integer({
          minimum: 100,
          maximum: 9000,
          default: 6000,
          description: 'Training digits (mnist package).',
        }),
        test: Type.Integer({ minimum: 100, maximum: 4000, default: 1000, description: 'Test digits.' }),
        occlusion: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.5,
          description: 'Share of each test image hidden (its lower part) for joint completion and classification.',
        }),
      },
      { description: 'Binary images with 10 label units, all nodes of one Boltzmann machine.' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 4,
          default: [256],
          description: 'Units of each hidden layer (each with intra-layer connections).',
        }),
      },
      { description: 'The deep Boltzmann machine.' },
    ),
    meanfield: Block(
      {
        m: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.1,
          description: 'Strong-monotonicity margin m in W = (1 − m)I − AᵀA + B − Bᵀ.',
        }),
        damping: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.5,
          description: 'Step size α of the damped operator-splitting iteration.',
        }),
        max_iters: Type.Integer({
          minimum: 1,
          maximum: 10_000,
          default: 50,
          description: 'Mean-field iterations allowed at inference.',
        }),
        tol: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1e-4,
          description: 'Relative residual at which the fixed point counts as converged.',
        }),
        unroll: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 20,
          description: 'Iterations unrolled (and backpropagated through) in training.',
        }),
      },
      { description: 'Mean-field inference and how it is trained.' },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(1500),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Training of A, B and the biases.' },
    ),
    arms: Type.Array(StringEnum(MDBM_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...MDBM_ARMS],
      description: '`monotone`: the monotone parameterization; `unconstrained`: a free W of the same size.',
    }),
  },
  { additionalProperties: false },
);

export type MonotoneDbmConfig = Static<typeof monotoneDbmSchema>;
