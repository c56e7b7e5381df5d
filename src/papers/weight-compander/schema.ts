/**
 * The weight-compander config (Cakaj, Mehnert & Yang 2023): the same MLP trained with weight decay
 * alone (baseline) and with every weight reparameterized through a compander w = σ·g(θ/σ), with g's
 * hyperparameters fixed or learned. The paper's own g could not be read (only its abstract), so both
 * families offered are ours (src/trainer/reparam.ts) and the run is a stand-in until it is confirmed.
 * The recipe reads exactly these keys (src/papers/weight-compander/recipe.ts).
 *
 * Defaults: 784-256-256-10 on 10,000 Fashion-MNIST images, Adam with L2 5e-4, 12 epochs (940 steps at
 * batch 128) — a setting that overfits a little, which a regularizer needs — about 3 minutes.
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

export const WC_ARMS = ['wc_fixed', 'wc_learned'] as const;

export const weightCompanderSchema = Type.Object(
  {
    paper: paperKey('weight-compander'),
    name: nameKey('784-256-256-10 weight compander'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 10000, test: 5000 }),
    model: mlpModelBlock({ hidden: [256, 256], init: 'glorot_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(128),
        iterations: trainKeys.iterations(940),
        eval_every: trainKeys.evalEvery(94),
        momentum: trainKeys.momentum(),
        weight_decay: trainKeys.weightDecay(5e-4),
      },
      {
        description:
          'How every arm is trained. Weight decay applies to the parameters θ (and biases), never to the compander’s own hyperparameters.',
      },
    ),
    compander: Block(
      {
        family: StringEnum(['mu_law', 'tanh'] as const, {
          default: 'mu_law',
          description:
            'The reparameterization g, in units of the layer’s initial std σ (w = σ·g(θ/σ)). OURS, not the paper’s (its function could not be read): `mu_law` g(u) = sgn(u)·a·ln(1 + b|u|); `tanh` g(u) = a·tanh(b·u) + c·u.',
        }),
        a: Type.Number({ exclusiveMinimum: 0, maximum: 100, default: 1.5, description: 'g’s scale a.' }),
        b: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 1.5,
          description: 'g’s steepness b: the slope at 0 is a·b (+ c).',
        }),
        c: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0.1,
          description: '`tanh` only: the linear leak c that keeps g invertible and unbounded.',
        }),
        arms: Type.Array(StringEnum(WC_ARMS, { description: 'A compander arm.' }), {
          minItems: 1,
          uniqueItems: true,
          default: ['wc_fixed', 'wc_learned'],
          description:
            'Compander arms beside the baseline (weight decay alone, always run): `wc_fixed` keeps a, b, c; `wc_learned` learns them per layer (the paper’s extension).',
        }),
      },
      { description: 'The weight reparameterization.' },
    ),
    analysis: Block(
      {
        near_zero: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.01,
          description:
            'Effective weights with |w| below this count as "near zero" (the share the paper says regularized nets shrink).',
        }),
        histogram_range: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.25,
          description: 'The weight histogram covers [−range, range]; weights outside are counted in the end bins.',
        }),
        histogram_bins: Type.Integer({
          minimum: 4,
          maximum: 400,
          default: 50,
          description: 'Bins of the weight histogram.',
        }),
      },
      { description: 'What is measured on the trained effective weights.' },
    ),
  },
  { additionalProperties: false, required: ['paper'], description: 'A weight-compander experiment.' },
);

export type WeightCompanderConfig = Static<typeof weightCompanderSchema>;
