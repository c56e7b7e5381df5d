/**
 * Config schema of `paper: grokking-lazy-rich` (Kumar, Bordelon, Gershman, Pehlevan, "Grokking as the
 * transition from lazy to rich training dynamics", ICLR 2024). Keys follow the authors' notebook
 * (research notes §1): x ~ N(0, I/D), y = (β·x)²/2, f(x) = α·mean_i φ(w_i·x) with φ(z) = z + εz²/2,
 * frozen readouts, centred output f − f₀, full-batch GD on MSE with η = N/α².
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const LazyRichSchema = Type.Object(
  {
    paper: paperKey('grokking-lazy-rich'),
    name: nameKey('lazy to rich, output-scale sweep'),
    seed: seedKey(),
    data: Block(
      {
        dim: Type.Integer({
          minimum: 2,
          maximum: 2000,
          default: 100,
          description: 'D: input dimension; x ~ N(0, I/D) and y = (β·x)²/2 with β ~ N(0, I).',
        }),
        train: Type.Integer({
          minimum: 2,
          maximum: 3000,
          default: 550,
          description: 'P: training points (the paper: 550).',
        }),
        test: Type.Integer({
          minimum: 1,
          maximum: 10000,
          default: 1000,
          description: 'Test points (the paper: 1000).',
        }),
      },
      { description: 'The polynomial regression task: a single-index quadratic target in D dimensions.' },
    ),
    model: Block(
      {
        width: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 500,
          description: 'N: hidden units, w_i ~ N(0, I). Readouts are frozen (f is α times the mean of the units).',
        }),
        epsilon: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0.02,
          description:
            'ε in φ(z) = z + εz²/2. The quadratic part is what lets the network learn the target; ε = 0 makes it linear. (Fig. 4 uses 0.25.)',
        }),
        center: Type.Boolean({
          default: true,
          description:
            'Subtract the initial output f₀(x) so the network starts at 0; needed for large α, where f₀ is huge.',
        }),
      },
      { description: 'A two-layer network with frozen readouts and output scale α.' },
    ),
    train: Block(
      {
        alphas: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1000 }), {
          minItems: 1,
          maxItems: 12,
          default: [0.5, 1, 4],
          description:
            'Output scales α, one run each. Large α = lazy (kernel) dynamics; small α = rich (feature-learning). Fig. 3 sweeps 2⁻⁵…32.',
        }),
        lr_mode: StringEnum(['scaled', 'fixed'] as const, {
          default: 'scaled',
          description:
            '`scaled`: η = lr · N / α² for each α, so η·α²/N is the same across the sweep (the paper). `fixed`: η = lr for every α.',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e6,
          default: 1,
          description:
            'With `scaled`, the constant c in η = c·N/α² (the paper: 1 for Fig. 1, 0.5 for Fig. 3). With `fixed`, η itself.',
        }),
        steps: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 30000,
          description: 'Full-batch gradient descent steps per α (the paper: 100000).',
        }),
        evals_per_decade: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 10,
          description: 'Evaluations per factor of 10 in steps (log-spaced).',
        }),
        alignment: Type.Boolean({
          default: true,
          description:
            "Track the kernel–target alignment of the current NTK, two ways: the authors' notebook's (test-set kernel, column means removed: `alignment_test`) and the doubly centred one on the training set (`alignment`). Costs a P×P and a test×test kernel per evaluation.",
        }),
      },
      { description: 'Full-batch GD on the mean squared error, one run per output scale α.' },
    ),
  },
  { additionalProperties: false },
);

export type LazyRichConfig = Static<typeof LazyRichSchema>;
