/**
 * `paper: bandlimited-random-weights` (Li, Sonoda, Cao, Wang, Liang, "How Powerful are Shallow Neural
 * Networks with Bandlimited Random Weights?", ICML 2023). The model is the paper's
 * g(x) = Σ_j c_j σ(a_j·x − b_j) with (a_j, b_j) drawn once from Q and frozen, and only c fitted
 * (Step I / Step II of its random training method); Q = U[−λ, λ] for both a and b here (whether the
 * paper bounds b by the same λ could not be confirmed), σ = sigmoid, c by ridge with a tiny λ.
 * Targets sin(2πkx) on [−1, 1]: the frequency k is the "complexity of the target". Sizes are ours
 * (the paper's "two toy examples for 1D function regression" could not be read).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const BandlimitedSchema = Type.Object(
  {
    paper: paperKey('bandlimited-random-weights'),
    name: nameKey('bandlimited random features, sin(2πkx)'),
    seed: seedKey(),
    model: Block(
      {
        activation: StringEnum(['sigmoid', 'tanh', 'relu', 'cos'] as const, {
          default: 'sigmoid',
          description: 'σ of the hidden units σ(a·x − b).',
        }),
        widths: Type.Array(Type.Integer({ minimum: 1, maximum: 4000 }), {
          minItems: 1,
          default: [25, 50, 100, 200, 400, 800],
          description: 'Hidden widths d (nested: the first d units of one draw), the x axis.',
        }),
        bandwidths: Type.Array(Type.Number({ exclusiveMinimum: 0 }), {
          minItems: 1,
          default: [0.5, 1, 5, 10, 30, 100],
          description: 'λ values: a_j, b_j ~ U[−λ, λ]. Small λ = a narrow band of slopes and offsets.',
        }),
      },
      { description: 'The random hidden layer: (a, b) ~ Q, frozen.' },
    ),
    data: Block(
      {
        frequencies: Type.Array(Type.Number({ exclusiveMinimum: 0 }), {
          minItems: 1,
          default: [1, 4],
          description: 'Targets f(x) = sin(2πkx) on [−1, 1], one per k: higher k = a more complex target.',
        }),
        train: Type.Integer({
          minimum: 10,
          maximum: 10_000,
          default: 1000,
          description: 'Training points, uniform on [−1, 1].',
        }),
        test: Type.Integer({
          minimum: 10,
          maximum: 10_000,
          default: 1000,
          description: 'Test points, an even grid on [−1, 1].',
        }),
        noise: Type.Number({
          minimum: 0,
          default: 0,
          description: 'Gaussian label noise on training targets (0: the approximation question).',
        }),
      },
      { description: '1-D regression data.' },
    ),
    fit: Block(
      {
        rel_lambda: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1e-8,
          description:
            "Ridge on the output weights, relative to the Gram matrix's mean diagonal: small, so errors measure approximation, not regularization.",
        }),
      },
      { description: 'Step II: the output weights c by ridge regression.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description:
      'Shallow random networks with bounded hidden parameters: approximation error vs width, per bandwidth λ.',
  },
);

export type BandlimitedConfig = Static<typeof BandlimitedSchema>;
