/**
 * Config schema of `paper: sensitivity-sampling` (Woodruff & Yasuda, "Sharper Bounds for ℓp Sensitivity
 * Sampling", ICML 2023): a benchmark of row sampling for ℓp subspace embeddings. For tall matrices of
 * several widths d and structures, the rows each sampling scheme needs to embed A within a distortion ε
 * (measured on test directions and an ℓp regression), set against the total sensitivity S.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const STRUCTURES = ['gaussian', 'heavy_rows', 'block'] as const;
export type Structure = (typeof STRUCTURES)[number];
export const SAMPLERS = ['sensitivity', 'root_leverage', 'uniform'] as const;
export type Sampler = (typeof SAMPLERS)[number];

export const ssSchema = Type.Object(
  {
    paper: paperKey('sensitivity-sampling'),
    name: nameKey('ℓ1 sensitivity sampling: rows needed vs S'),
    seed: seedKey(),
    p: Type.Number({
      minimum: 1,
      maximum: 3.9,
      default: 1,
      description:
        'The ℓp norm (the paper: 1 ≤ p < ∞; here below 4, where the Lewis-weight iteration converges). The law is S^{2/p} for p < 2, S^{2−2/p} for p > 2.',
    }),
    matrix: Block(
      {
        rows: Type.Integer({ minimum: 50, maximum: 20_000, default: 2000, description: 'Rows n of every matrix A.' }),
        dims: Type.Array(Type.Integer({ minimum: 1, maximum: 200 }), {
          minItems: 1,
          default: [5, 10, 20, 40],
          description: 'Column counts d (one matrix per d and structure).',
        }),
        structures: Type.Array(StringEnum(STRUCTURES, {}), {
          minItems: 1,
          uniqueItems: true,
          default: ['gaussian', 'heavy_rows', 'block'],
          description:
            'Matrix structures: `gaussian` (i.i.d. N(0,1), S ≈ 1.25√d for p = 1), `heavy_rows` (Gaussian plus d rows h·‖A_j‖₁·e_j, S ∝ d), `block` (block-diagonal, S = d exactly with one column per block).',
        }),
        heavy_weight: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1000,
          default: 1,
          description:
            'h of `heavy_rows`: heavy row j is h × the ℓp norm of column j elsewhere, so its sensitivity is at least h^p/(1 + h^p).',
        }),
        block_width: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 1,
          description: 'Columns per diagonal block of `block` (1: every row has one nonzero; S = d).',
        }),
      },
      { description: 'The matrices A (n × d) whose column space is embedded.' },
    ),
    lewis: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 20,
          description: 'Fixed-point iterations of the ℓp Lewis weights (each contracts by |1 − p/2|).',
        }),
      },
      { description: 'Lewis weights: the change of density behind the sensitivity estimates.' },
    ),
    sensitivity: Block(
      {
        check_rows: Type.Integer({
          minimum: 1,
          maximum: 500,
          default: 12,
          description:
            'Rows whose exact sensitivity is computed (one IRLS each), drawn ∝ their estimate: an unbiased importance estimate of the total sensitivity S and the estimate’s accuracy.',
        }),
        irls_iterations: Type.Integer({
          minimum: 5,
          maximum: 1000,
          default: 60,
          description: 'IRLS iterations per exact sensitivity and per full regression.',
        }),
      },
      { description: 'Sensitivities: every row’s is estimated (a lower bound); a few are computed exactly.' },
    ),
    sampling: Block(
      {
        methods: Type.Array(StringEnum(SAMPLERS, {}), {
          minItems: 1,
          uniqueItems: true,
          default: ['sensitivity', 'root_leverage', 'uniform'],
          description:
            'Row samplers: ∝ the estimated ℓp sensitivities (the paper’s subject), ∝ leverage^{p/2} (root leverage for p = 1, the paper’s ≈ d bound), and uniform.',
        }),
        distortion: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.2,
          description: 'Target ε: the rows needed are the fewest whose median distortion over trials is ≤ ε.',
        }),
        directions: Type.Integer({
          minimum: 1,
          maximum: 5000,
          default: 200,
          description: 'Gaussian test directions x on which |‖SAx‖_p^p / ‖Ax‖_p^p − 1| is measured.',
        }),
        sensitive_directions: Type.Integer({
          minimum: 0,
          maximum: 1000,
          default: 50,
          description:
            'Also test the directions of the rows with the largest estimated sensitivity (where sampling is weakest).',
        }),
        trials: Type.Integer({
          minimum: 1,
          maximum: 101,
          default: 5,
          description: 'Independent samples per size; the median distortion over them is compared with ε.',
        }),
        bisections: Type.Integer({
          minimum: 0,
          maximum: 12,
          default: 4,
          description: 'Bisections in log m after doubling brackets the rows needed (4: within a factor 2^{1/16}).',
        }),
        max_draws: Type.Number({
          minimum: 0.1,
          maximum: 20,
          default: 4,
          description:
            'The search stops at this many × n draws (with replacement; beyond 1 × n the sample is no smaller than A, but the count still measures the sampler). A matrix not embedded by then is reported as a lower bound.',
        }),
        regression: Type.Boolean({
          default: true,
          description:
            'Also count the ℓp regression objective: (‖Ax̃ − b‖ / ‖Ax* − b‖)^p − 1 for x̃ fitted on the sample, b = Ax₀ + Laplace noise.',
        }),
      },
      { description: 'How the rows needed for distortion ε are found.' },
    ),
  },
  { additionalProperties: false },
);

export type SsConfig = Static<typeof ssSchema>;
