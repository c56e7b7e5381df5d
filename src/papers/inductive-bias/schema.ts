/**
 * `paper: inductive-bias` (Boopathy, Yue, Hwang, Iyer, Fiete, "Towards Exact Computation of Inductive
 * Bias", IJCAI 2024). The inductive bias needed to reach a target error ε with a fixed training set is
 * −log P(error ≤ ε) over hypotheses that fit the training data; the official code
 * (FieteLab/Exact-Inductive-Bias) samples hypotheses, fits a scaled noncentral χ² with location 0 to
 * their test errors and reads the log-CDF at ε (utils.py L5–15). Two hypothesis spaces, as the code:
 * MLPs trained with Adam on MSE to one-hot labels (nn_inductive_bias.py), and functions of an RBF-kernel
 * GP conditioned on the training data (kernel_inductive_bias.py). Sizes are ours.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const InductiveBiasSchema = Type.Object(
  {
    paper: paperKey('inductive-bias'),
    name: nameKey('MNIST vs Fashion-MNIST, MLP and RBF kernel'),
    seed: seedKey(),
    data: Block(
      {
        datasets: Type.Array(StringEnum(['mnist', 'fashion-mnist'] as const, { description: 'A task.' }), {
          minItems: 1,
          maxItems: 2,
          uniqueItems: true,
          default: ['mnist', 'fashion-mnist'],
          description:
            'Tasks compared, each with the same training budget. The first sets the reference target (`target.quantile`).',
        }),
        train: Type.Integer({
          minimum: 10,
          maximum: 4000,
          default: 1000,
          description: 'Training examples: the fixed data budget every hypothesis must fit.',
        }),
        test: Type.Integer({
          minimum: 10,
          maximum: 4000,
          default: 1000,
          description: 'Test examples on which each hypothesis’s error (MSE to one-hot labels) is measured.',
        }),
      },
      { description: 'Image classification tasks (28×28 grey, 10 classes), labels one-hot.' },
    ),
    nn: Block(
      {
        trials: Type.Integer({
          minimum: 3,
          maximum: 1000,
          default: 50,
          description: 'Sampled networks (random init and data order each) per task: `num_trials` of the code.',
        }),
        width: Type.Integer({ minimum: 1, maximum: 2048, default: 64, description: 'Units per hidden layer.' }),
        depth: Type.Integer({
          minimum: 0,
          maximum: 8,
          default: 0,
          description: 'Extra width×width hidden layers after the first (the code’s `depth`; 0 = one hidden layer).',
        }),
        epochs: Type.Integer({ minimum: 1, maximum: 200, default: 2, description: 'Passes over the training set.' }),
        batch_size: Type.Integer({ minimum: 1, maximum: 4000, default: 32, description: 'Examples per Adam step.' }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.001,
          description: 'Adam learning rate (the code: 1e-3).',
        }),
      },
      { description: 'The neural-network hypothesis space: ReLU MLPs trained with Adam on MSE to one-hot labels.' },
    ),
    kernel: Block(
      {
        enabled: Type.Boolean({ default: true, description: 'Also sample the RBF-kernel hypothesis space.' }),
        sigma: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 1,
          description:
            'RBF length scale σ in exp(−‖x − x′‖²/2σ²), on inputs rescaled to mean squared norm 1 (the code: σ = 1).',
        }),
        samples: Type.Integer({
          minimum: 3,
          maximum: 5000,
          default: 200,
          description: 'Functions drawn from the GP posterior per task (the code: 10,000).',
        }),
      },
      {
        description:
          'The kernel hypothesis space: f ~ GP(0, k_RBF) conditioned to interpolate the training labels, one independent function per class.',
      },
    ),
    target: Block(
      {
        quantile: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.05,
          description:
            "The reference target ε*: this quantile of the first task's sampled network errors (fixed before any result was seen).",
        }),
        factors: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 10 }), {
          minItems: 1,
          default: [0.6, 0.8, 1, 1.25, 1.5],
          description: 'Targets ε = factor × ε*, the same absolute ε for every task and space (the x axis).',
        }),
      },
      { description: 'Target errors at which the inductive bias −log P(error ≤ ε) is read.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Inductive bias required to reach a target test error, per task and hypothesis space.',
  },
);

export type InductiveBiasConfig = Static<typeof InductiveBiasSchema>;
