/**
 * The adversarial-power-law config (Cubuk, Zoph, Schoenholz & Le, "Intriguing Properties of
 * Adversarial Examples", 2017/ICLR-W 2018). The recipe trains each model of `arms`, attacks
 * `data.test` points with one-step FGSM at `attack.eps_count` log-spaced ε (one input gradient per
 * point serves every ε), fits error = a·ε^b on the points whose error lies in the fit window, and
 * repeats the sweep with step l.l. and PGD on the MLP for the attack-universality check.
 *
 * Cost on one wasm core (shared/papers/next-batches.md §2): the MLP arms ~20–40 s each; LeNet-5 costs
 * 16–20× an MLP step, so it trains `train.cnn_iterations` (600) steps and is attacked by one-step
 * methods only; PGD-k runs on the MLP alone (k gradients per ε).
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

export const MODEL_ARMS = ['linear', 'mlp', 'mlp_shuffled', 'lenet5', 'mlp_low_entropy'] as const;
export type ModelArm = (typeof MODEL_ARMS)[number];
export const UNIVERSALITY_ATTACKS = ['step_ll', 'pgd'] as const;

export const adversarialPowerLawSchema = Type.Object(
  {
    paper: paperKey('adversarial-power-law'),
    name: nameKey('fgsm error vs epsilon, four models'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 1000 }),
    arms: Type.Array(
      StringEnum(MODEL_ARMS, {
        description:
          '`linear`: softmax regression on pixels. `mlp`: the MLP of `model`. `mlp_shuffled`: the same MLP trained to memorise `shuffled.train` examples with permuted labels. `lenet5`: LeNet-5 (conv 6-16, k5, fc 120-84). `mlp_low_entropy`: the MLP with an entropy penalty (the paper\'s "reducing prediction entropy").',
      }),
      {
        minItems: 1,
        uniqueItems: true,
        default: ['linear', 'mlp', 'mlp_shuffled', 'lenet5'],
        description:
          'The models whose adversarial error is swept. The claim is about their exponents: the same for every model, though their error levels differ.',
      },
    ),
    model: mlpModelBlock({ hidden: [300, 100], init: 'glorot_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(1500),
        cnn_iterations: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 600,
          description:
            'Training steps of the `lenet5` arm (a conv step costs 16–20× an MLP step on wasm, so it gets fewer).',
        }),
        eval_every: trainKeys.evalEvery(250),
      },
      { description: 'How the clean models are trained (the `shuffled` block overrides the memorising arm).' },
    ),
    shuffled: Block(
      {
        train: Type.Integer({
          minimum: 10,
          maximum: 60_000,
          default: 2000,
          description: 'Training examples whose labels are permuted at random (the first ones of `data.train`).',
        }),
        iterations: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 4000,
          description: 'Steps for the shuffled-label MLP: enough to fit the random labels (it must memorise them).',
        }),
      },
      {
        description:
          "The network trained on randomly shuffled labels (one of the paper's model families). It is at chance on test digits, so it is attacked on the examples it memorised, with their shuffled labels.",
      },
    ),
    low_entropy: Block(
      {
        weight: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 1,
          description: 'β in CE + β·H(softmax): a penalty on the mean prediction entropy.',
        }),
      },
      { description: 'The `mlp_low_entropy` arm.' },
    ),
    attack: Block(
      {
        eps_min: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1e-3,
          description: 'Smallest ε, in pixel units (inputs are in [0, 1]).',
        }),
        eps_max: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.3,
          description: 'Largest ε, in pixel units.',
        }),
        eps_count: Type.Integer({
          minimum: 2,
          maximum: 60,
          default: 15,
          description: 'Number of log-spaced ε between eps_min and eps_max.',
        }),
        base: StringEnum(['initially_correct', 'all'] as const, {
          default: 'initially_correct',
          description:
            '`initially_correct`: adversarial error = fraction of the correctly classified points the attack flips. `all`: plain error on attacked inputs (clean mistakes count at every ε).',
        }),
        fit_min_error: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.01,
          description:
            'Lower edge of the fit window: points with smaller error are too noisy (a few flips out of 1,000).',
        }),
        fit_max_error: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.3,
          description: 'Upper edge of the fit window: the power law is a small-ε law; the error saturates beyond.',
        }),
        universality: Type.Array(StringEnum(UNIVERSALITY_ATTACKS, { description: 'An attack run on the `mlp` arm.' }), {
          uniqueItems: true,
          default: ['step_ll', 'pgd'],
          description: 'Attacks beside FGSM on the MLP: the exponent should not depend on the attack.',
        }),
        pgd_steps: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 10,
          description: 'PGD steps per ε (step 2.5·ε/k, random start in the ε-ball).',
        }),
      },
      { description: 'The ε sweep, the error definition and the power-law fit window.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Adversarial error vs ε across models (Cubuk et al. 2017).',
  },
);

export type AdversarialPowerLawConfig = Static<typeof adversarialPowerLawSchema>;

/** The log-spaced ε grid of a config. */
export function epsilonGrid(a: { eps_min: number; eps_max: number; eps_count: number }): number[] {
  const lo = Math.log(a.eps_min);
  const hi = Math.log(a.eps_max);
  return Array.from({ length: a.eps_count }, (_, i) => Math.exp(lo + ((hi - lo) * i) / Math.max(1, a.eps_count - 1)));
}
