/**
 * The doubly-robust-at config (Sow, Lin, Wang & Liang, "Doubly Robust Instance-Reweighted Adversarial
 * Training", ICLR 2024). Adversarial training on PGD examples, with each example of a batch weighted by
 * the KL-regularised DRO weights w ∝ exp(ℓ_adv / r) (the closed form of the inner maximisation over
 * the simplex), against plain adversarial training (uniform weights); robustness is measured per class
 * with a stronger PGD on test digits, since the paper's second claim is about the weakest class.
 *
 * Cost on one wasm core: every training step takes `attack.steps` input gradients of the batch (PGD),
 * one more forward for the weights, and the update; evaluation runs `eval.steps`-step PGD on `eval.points`.
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

export const AT_ARMS = ['done', 'at', 'standard'] as const;

const pgdBlock = (d: { eps: number; steps: number; step_size: number }, description: string) =>
  Block(
    {
      eps: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        default: d.eps,
        description: 'ℓ∞ radius ε, in pixel units (inputs in [0, 1]).',
      }),
      steps: Type.Integer({ minimum: 1, maximum: 200, default: d.steps, description: 'PGD steps k.' }),
      step_size: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        default: d.step_size,
        description: 'Step α of each signed ascent step.',
      }),
      random_start: Type.Boolean({
        default: true,
        description: 'Start from a uniform draw in the ε-ball (Madry et al. 2018).',
      }),
    },
    { description },
  );

export const doublyRobustAtSchema = Type.Object(
  {
    paper: paperKey('doubly-robust-at'),
    name: nameKey('KL-DRO instance weights vs plain adversarial training'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 1000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'he_normal', activation: 'relu' }),
    arms: Type.Array(StringEnum(AT_ARMS, { description: 'A training method.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['done', 'at'],
      description:
        "`done`: adversarial training with KL-DRO instance weights (our stand-in for the paper's DONE). `at`: plain PGD adversarial training (uniform weights). `standard`: no attack.",
    }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(1500),
        eval_every: trainKeys.evalEvery(300),
      },
      { description: 'The outer minimisation: every arm trains with these settings.' },
    ),
    attack: pgdBlock(
      { eps: 0.1, steps: 10, step_size: 0.025 },
      'The PGD attack that makes the training batches (the inner maximisation).',
    ),
    done: Block(
      {
        r: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e6,
          default: 1,
          description:
            'KL regularisation r: weights ∝ exp(ℓ_adv / r) within a batch. r → ∞ gives plain AT; small r puts the weight on the hardest examples.',
        }),
      },
      { description: 'The instance weights of the `done` arm.' },
    ),
    eval: Block(
      {
        ...pgdBlock({ eps: 0.1, steps: 20, step_size: 0.0125 }, '').properties,
        points: Type.Integer({
          minimum: 10,
          maximum: 10_000,
          default: 1000,
          description: 'Test digits attacked at each evaluation (the first ones of data.test).',
        }),
      },
      { description: 'The stronger PGD used to measure robustness, per class, at every evaluation.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Doubly robust instance-reweighted adversarial training (Sow et al., ICLR 2024).',
  },
);

export type DoublyRobustAtConfig = Static<typeof doublyRobustAtSchema>;
