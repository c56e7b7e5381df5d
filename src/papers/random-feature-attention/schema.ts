/**
 * `paper: random-feature-attention` (Fu, Guo, Bai, Mei, "What can a Single Attention Layer Learn? A
 * Study Through the Random Features Lens", NeurIPS 2023). One attention layer with a query x₀ and N
 * keys x_i, M heads whose query–key matrices W_m are random and frozen and whose value matrices are
 * trained (a ridge readout on the features (1/N) Σ_i σ(x̃₀ᵀW_m x̃_i) x̃_i, x̃ = [x; 1]); against a
 * two-layer random-feature MLP on the concatenated input with the same number of features.
 * Sizes, targets, σ and the W distributions are ours: the paper's simulation settings could not be read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const TARGETS = ['qk_square', 'qk_cube', 'keys_square'] as const;

export const RfaSchema = Type.Object(
  {
    paper: paperKey('random-feature-attention'),
    name: nameKey('random-feature attention vs random-feature MLP'),
    seed: seedKey(),
    data: Block(
      {
        dim: Type.Integer({
          minimum: 1,
          maximum: 64,
          default: 8,
          description: 'd, dimension of the query and of each key.',
        }),
        keys: Type.Integer({ minimum: 1, maximum: 64, default: 8, description: 'N, keys per example.' }),
        samples: Type.Array(Type.Integer({ minimum: 10, maximum: 20_000 }), {
          minItems: 1,
          default: [125, 250, 500, 1000, 2000, 4000],
          description: 'The n sweep: training examples.',
        }),
        validation: Type.Integer({
          minimum: 10,
          maximum: 20_000,
          default: 1000,
          description: 'Examples for choosing the ridge λ.',
        }),
        test: Type.Integer({ minimum: 10, maximum: 20_000, default: 2000, description: 'Test examples.' }),
        targets: Type.Array(StringEnum(TARGETS, { description: 'A target.' }), {
          minItems: 1,
          uniqueItems: true,
          default: ['qk_square', 'keys_square'],
          description:
            'Permutation-invariant targets, s_i = √d⟨x₀, x_i⟩: `qk_square` (1/N)Σ s_i², `qk_cube` (1/N)Σ s_i³ (query–key interactions), `keys_square` (1/N)Σ (√d⟨β, x_i⟩)² (keys alone).',
        }),
      },
      { description: "x₀, x_i ~ N(0, I/d); targets are symmetric in the keys, as the paper's function class." },
    ),
    model: Block(
      {
        heads: Type.Integer({
          minimum: 1,
          maximum: 1024,
          default: 64,
          description: 'M, attention heads; features = M·(d + 1).',
        }),
        activation: StringEnum(['relu', 'sigmoid', 'tanh'] as const, {
          default: 'relu',
          description: 'σ of the attention scores and of the MLP units.',
        }),
        qk_std: Type.Number({ exclusiveMinimum: 0, default: 0.5, description: 'W_m entries ~ N(mean, qk_std²).' }),
        qk_mean: Type.Number({
          minimum: 0,
          default: 1,
          description:
            "The biased arm's mean: W_m = qk_mean·√d·I (on the x block) + noise. The paper: a non-zero mean helps for some targets.",
        }),
      },
      { description: 'The random-feature attention layer and its baselines.' },
    ),
    fit: Block(
      {
        rel_lambdas: Type.Array(Type.Number({ exclusiveMinimum: 0 }), {
          minItems: 1,
          default: [1e-6, 1e-4, 1e-2, 1],
          description:
            "Ridge λ grid (relative to the Gram's mean diagonal), chosen per model, n and target on the validation set.",
        }),
      },
      { description: 'The trained value matrices: a ridge readout.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Random-feature attention (frozen W_QK, trained values) against a random-feature MLP, by sample size.',
  },
);

export type RfaConfig = Static<typeof RfaSchema>;
