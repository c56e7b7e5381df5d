/**
 * `paper: unsupervised-pretraining` (Ge, Tang, Fan, Jin, "On the Provable Advantage of Unsupervised
 * Pretraining", ICLR 2024): the factor-model instance of the paper's framework, generated from the seed.
 *
 *   x = A z + ε_x,  z ~ N(0, I_r),  ε_x ~ N(0, σ_x² I_d);   y = βᵀz + ε_y,  ε_y ~ N(0, σ_y²)
 *
 * Pretraining = maximum likelihood for the factor model on m unlabelled x (for isotropic noise the MLE
 * of the loading subspace is the top-r principal subspace: probabilistic PCA, Tipping & Bishop 1999);
 * downstream = least squares of y on the r pretrained features with n labels. Baseline = ridge of y on
 * x with the same n labels, λ chosen by exact leave-one-out (a strong, honest baseline).
 *
 * Default sizes are ours (the paper's experiments could not be read): d = 100, r = 5, factors of
 * strength ‖a_j‖²/σ_x² = 1 (below the level where 50 labelled points alone can see them, √(d/n) ≈ 1.4,
 * well above where 5,000 unlabelled points can, √(d/m) ≈ 0.14). Everything is plain TypeScript:
 * seconds on one core.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

const sizes = (def: number[], what: string) =>
  Type.Array(Type.Integer({ minimum: 2, maximum: 100_000 }), { minItems: 1, default: def, description: what });

export const PretrainingSchema = Type.Object(
  {
    paper: paperKey('unsupervised-pretraining'),
    name: nameKey('factor model: PCA pretraining vs supervised ridge'),
    seed: seedKey(),
    model: Block(
      {
        d: Type.Integer({ minimum: 2, maximum: 1000, default: 100, description: 'Ambient dimension of x.' }),
        r: Type.Integer({ minimum: 1, maximum: 200, default: 5, description: 'Number of latent factors z.' }),
        factor_strength: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1000,
          default: 1,
          description:
            'Signal-to-noise of each factor in x: ‖a_j‖²/σ_x². PCA finds a factor from m samples only above √(d/m) (Baik, Ben Arous & Péché 2005).',
        }),
        noise_x: Type.Number({
          exclusiveMinimum: 0,
          default: 1,
          description: 'σ_x, the noise on every coordinate of x.',
        }),
        noise_y: Type.Number({ minimum: 0, default: 0.1, description: 'σ_y, the label noise.' }),
      },
      {
        description:
          'The factor model x = A z + ε_x, y = βᵀz + ε_y. A has orthogonal columns of norm √strength·σ_x; β ~ N(0, I/r), so Var(βᵀz) ≈ 1.',
      },
    ),
    data: Block(
      {
        unlabeled: Type.Integer({
          minimum: 10,
          maximum: 100_000,
          default: 5000,
          description: 'm, unlabelled samples for pretraining in the n sweep.',
        }),
        labeled: sizes([10, 20, 50, 100, 200, 500, 1000, 2000], 'The n sweep: numbers of labelled samples.'),
        unlabeled_sweep: sizes(
          [25, 50, 100, 200, 500, 1000, 2000, 5000],
          'The m sweep (pretraining only): numbers of unlabelled samples, at n = `labeled_for_m_sweep`.',
        ),
        labeled_for_m_sweep: Type.Integer({
          minimum: 2,
          maximum: 100_000,
          default: 1000,
          description: 'n held fixed in the m sweep (large, so that the 1/m term dominates the excess risk).',
        }),
        reps: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 10,
          description: 'Repetitions per sweep point (fresh labelled and unlabelled sets; one task per run), averaged.',
        }),
      },
      { description: 'Sample sizes, swept.' },
    ),
    pretrain: Block(
      {
        method: StringEnum(['pca'] as const, {
          default: 'pca',
          description:
            '`pca`: the maximum-likelihood loading subspace of the isotropic factor model (probabilistic PCA), the MLE step of the paper.',
        }),
        rank: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 5,
          description: 'Latent dimension the pretraining fits (the model class Φ); the paper assumes the true r.',
        }),
      },
      { description: 'Unsupervised pretraining (MLE on the unlabelled x).' },
    ),
    baseline: Block(
      {
        lambdas: Type.Integer({
          minimum: 3,
          maximum: 40,
          default: 13,
          description:
            'Size of the λ grid (log-spaced, 1e-4 … 1e4 × the mean variance of x) that leave-one-out chooses from.',
        }),
      },
      { description: 'Supervised-only ridge regression of y on x.' },
    ),
    fit: Block(
      {
        window: Type.Tuple([Type.Number({ exclusiveMinimum: 0 }), Type.Number({ exclusiveMinimum: 0 })], {
          default: [20, 500],
          description:
            'n range [lo, hi] of the log-log slope fits: above the few points where the r-dimensional fit is barely determined, below where the 1/m term flattens the curve.',
        }),
      },
      { description: 'Where the excess-risk slopes are fitted.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Unsupervised pretraining (factor-model MLE) then downstream ERM, vs supervised learning alone.',
  },
);

export type PretrainingConfig = Static<typeof PretrainingSchema>;
