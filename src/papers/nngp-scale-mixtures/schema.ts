/**
 * `paper: nngp-scale-mixtures` (Lee, Yun, Yang, Lee, "Scale Mixtures of Neural Network Gaussian
 * Processes", ICLR 2022). Two parts, following the official code (yuneg11/Scale-Mixtures-of-NNGP):
 *
 * prior — experiments/sample.py: random networks 1 → 512 → 512 → 512 → 1 with erf, W_std 8,
 *   b_std 0.05, and a last layer whose variance σ² ~ InvGamma(α, β); 1,000 networks evaluated on 40
 *   inputs in [−π, π], the output at input 20 compared with the Student-t of ν = 2α and scale
 *   √(β/α · K(x, x)) the paper predicts (K the NNGP kernel with last-layer variance 1).
 * regression — experiments/regression.py: the inverse-gamma posterior (a Student-t process) vs the
 *   NNGP with a fixed last-layer variance, by test NLL, here on a synthetic task with outliers and an
 *   input shift (the UCI datasets are not available offline).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const ACTIVATIONS = ['erf', 'relu'] as const;

export const NngpSchema = Type.Object(
  {
    paper: paperKey('nngp-scale-mixtures'),
    name: nameKey('random networks and t-process regression'),
    seed: seedKey(),
    prior: Block(
      {
        networks: Type.Integer({
          minimum: 10,
          maximum: 20_000,
          default: 1000,
          description: 'Random networks drawn per arm (sample.py `--ensemble-size`, default 1000).',
        }),
        width: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 512,
          description: 'Units per hidden layer (sample.py: 512).',
        }),
        depth: Type.Integer({ minimum: 1, maximum: 8, default: 3, description: 'Hidden layers (sample.py: 3).' }),
        activation: StringEnum(ACTIVATIONS, {
          default: 'erf',
          description: 'Hidden activation (sample.py: `stax.Erf()`).',
        }),
        w_std: Type.Number({
          exclusiveMinimum: 0,
          default: 8,
          description: 'Hidden weights ~ N(0, w_std²/fan_in) (sample.py: W_std = 8).',
        }),
        b_std: Type.Number({
          minimum: 0,
          default: 0.05,
          description: 'Hidden biases ~ N(0, b_std²) (sample.py: 0.05).',
        }),
        alpha: Type.Number({
          exclusiveMinimum: 0,
          default: 2,
          description:
            'Shape α of the inverse-gamma prior on the last-layer variance; ν = 2α (README example: `-a 2.`).',
        }),
        beta: Type.Number({
          exclusiveMinimum: 0,
          default: 3,
          description: 'Scale β of the inverse-gamma prior (README example: `-b 3.`).',
        }),
        inputs: Type.Integer({
          minimum: 1,
          maximum: 400,
          default: 40,
          description: 'Evaluation inputs, evenly spaced on [−π, π] (sample.py `--test-num` 40).',
        }),
        input_index: Type.Integer({
          minimum: 0,
          default: 20,
          description: 'Which input the output distribution is read at (sample.py `--figure-index` 20).',
        }),
      },
      { description: 'Random networks at initialization: the output distribution at one input.' },
    ),
    regression: Block(
      {
        enabled: Type.Boolean({ default: true, description: 'Run the regression part.' }),
        dim: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 4,
          description: 'Input dimension of the synthetic task.',
        }),
        train: Type.Integer({ minimum: 10, maximum: 2000, default: 200, description: 'Training points.' }),
        test: Type.Integer({ minimum: 10, maximum: 5000, default: 500, description: 'Test points per condition.' }),
        noise: Type.Number({ minimum: 0, default: 0.1, description: 'Label noise σ on clean points.' }),
        outlier_fractions: Type.Array(Type.Number({ minimum: 0, maximum: 0.5 }), {
          minItems: 1,
          default: [0, 0.05, 0.1, 0.2],
          description: 'Fractions of training and test targets corrupted by large noise (the outlier sweep).',
        }),
        outlier_scale: Type.Number({
          exclusiveMinimum: 0,
          default: 3,
          description: 'Standard deviation of the noise added to an outlier target.',
        }),
        shifts: Type.Array(Type.Number({ exclusiveMinimum: 0 }), {
          minItems: 1,
          default: [1, 2, 3, 4],
          description:
            'Test-input scales: test x ~ N(0, shift²·I) against training x ~ N(0, I) (the input-shift sweep; 1 = no shift).',
        }),
        hidden_layers: Type.Integer({
          minimum: 1,
          maximum: 8,
          default: 1,
          description: 'NNGP depth (regression.py `-nh`, default 1).',
        }),
        activation: StringEnum(ACTIVATIONS, {
          default: 'erf',
          description: 'NNGP activation (regression.py default erf).',
        }),
        w_var: Type.Number({
          exclusiveMinimum: 0,
          default: 1,
          description: 'σ_w² of hidden layers (regression.py `-wv`, default 1).',
        }),
        b_var: Type.Number({
          minimum: 0,
          default: 0.1,
          description:
            'σ_b² of hidden layers (regression.py default 0; ours 0.1, else an erf NNGP is an odd function of x).',
        }),
        alpha: Type.Number({
          exclusiveMinimum: 0,
          default: 2,
          description: 'Inverse-gamma α (regression.py default 2).',
        }),
        beta: Type.Number({
          exclusiveMinimum: 0,
          default: 2,
          description: 'Inverse-gamma β (regression.py default 2).',
        }),
        last_layer_var: Type.Number({
          exclusiveMinimum: 0,
          default: 1,
          description: "The NNGP baseline's fixed last-layer variance (regression.py `-lv`, default 1).",
        }),
        tune: Type.Boolean({
          default: true,
          description:
            "Choose ε (both) and α, β (t-process) by NLL on a validation set first, over the grids of the authors' find.py (ε 1e-6 … 1e4, α, β ∈ {1, 2, 3}); otherwise use the values below as regression.py does.",
        }),
        validation: Type.Integer({
          minimum: 10,
          maximum: 5000,
          default: 100,
          description: 'Validation points (drawn like the training set) for the tuning.',
        }),
        epsilon: Type.Number({
          exclusiveMinimum: 0,
          default: 0.01,
          description:
            "Diagonal regularization, relative to the kernel's mean diagonal (regression.py: 10^(−6 + e/2) with e = 8 → 0.01).",
        }),
      },
      { description: 'Posterior predictive of the t-process (inverse-gamma prior) vs the NNGP, by test NLL.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Scale mixtures of NNGPs: random-network outputs and Student-t-process regression.',
  },
);

export type NngpConfig = Static<typeof NngpSchema>;
