/**
 * Config schema of `paper: xor-benign-grokking` (Xu, Wang, Frei, Vardi, Hu, "Benign Overfitting and
 * Grokking in ReLU Networks for XOR Cluster Data", ICLR 2024). Keys follow the paper's setting
 * (research notes §2): XOR clusters ±μ₁ (label +1) and ±μ₂ (label −1) plus N(0, I_d) noise, labels
 * flipped with rate η, a two-layer ReLU network whose second layer is fixed at ±1/√m, trained by
 * full-batch gradient descent on the logistic loss from a small initialization. The paper's own
 * numeric settings are unconfirmed; the defaults are the notes' simulation, which shows the effect.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const XorSchema = Type.Object(
  {
    paper: paperKey('xor-benign-grokking'),
    name: nameKey('xor clusters, benign overfitting'),
    seed: seedKey(),
    data: Block(
      {
        d: Type.Integer({
          minimum: 2,
          maximum: 100_000,
          default: 20_000,
          description: 'Input dimension. The theory needs d ≫ n (high-dimensional, nearly orthogonal noise).',
        }),
        n: Type.Integer({
          minimum: 4,
          maximum: 2000,
          default: 40,
          description: 'Training points (all four clusters together).',
        }),
        test: Type.Integer({
          minimum: 4,
          maximum: 5000,
          default: 500,
          description: 'Clean (unflipped) test points, drawn from the four clusters equally.',
        }),
        mu_norm_sq: Type.Number({
          exclusiveMinimum: 0,
          default: 2500,
          description:
            "‖μ‖², the squared norm of both cluster means (signal strength). The notes' sim: 2500 grokks; ≥ 3500 generalizes by step 2; 1870 is too weak.",
        }),
        means_cosine: Type.Number({
          minimum: -1,
          maximum: 1,
          default: 0,
          description: 'Cosine between μ₁ and μ₂. The paper assumes orthogonal means (0).',
        }),
        label_flip: Type.Number({
          minimum: 0,
          exclusiveMaximum: 0.5,
          default: 0.1,
          description: 'η: each training label is flipped independently with this probability. Test labels are clean.',
        }),
        flip_mode: StringEnum(['independent', 'stratified'] as const, {
          default: 'independent',
          description:
            "`independent`: each training label flips with probability η (the paper's model). `stratified`: exactly round(η·n/4) flips in every cluster, so the flips add no net linear direction. At n = 40 the independent count ranges about 1–8 and moves the grokking time a lot (research notes §2 sim; our seed 1 flips 6 and reaches only 89% clean test by step 1000).",
        }),
        clusters: StringEnum(['balanced', 'random'] as const, {
          default: 'balanced',
          description:
            '`balanced`: exactly n/4 training points per cluster. `random`: each point picks a cluster at random (a small cluster may never be learned).',
        }),
      },
      { description: 'XOR cluster data: x = ±μ₁ + ξ (label +1) or ±μ₂ + ξ (label −1), ξ ~ N(0, I_d).' },
    ),
    model: Block(
      {
        width: Type.Integer({
          minimum: 2,
          maximum: 4096,
          default: 200,
          description: 'm: hidden ReLU units. Second-layer weights are fixed at ±1/√m (half of each sign).',
        }),
        init_scale: Type.Number({
          exclusiveMinimum: 0,
          default: 1e-4,
          description:
            'ω_init: first-layer weights start N(0, ω_init²). The theory needs it much smaller than the step size.',
        }),
      },
      { description: 'Two-layer ReLU network f(x) = Σ_j a_j ReLU(w_j·x), only the first layer trained.' },
    ),
    train: Block(
      {
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 0.08,
          description: 'α: step size of full-batch gradient descent on the mean logistic loss.',
        }),
        steps: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 1000,
          description: 'Gradient descent steps (each on the whole training set).',
        }),
        evals_per_decade: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 15,
          description: 'Evaluations per factor of 10 in steps (log-spaced; steps 1–10 are always evaluated).',
        }),
      },
      { description: 'Full-batch gradient descent on the logistic loss.' },
    ),
  },
  { additionalProperties: false },
);

export type XorConfig = Static<typeof XorSchema>;
