/**
 * Config schema of `paper: quantile-aggregation` (Fakoor, Kim, Mueller, Smola, Tibshirani, "Flexible
 * Model Aggregation for Quantile Regression", arXiv 2103.00083). The paper aggregates base
 * quantile regressors fitted on 34 benchmark data sets; here the data are a synthetic heteroscedastic,
 * skewed regression (our research notes' falsifiable version) so the run needs no download. Paper values
 * quoted in descriptions are from the authors' code (amazon-science/quantile-aggregation):
 * QUANTILE_LIST = 1% … 99% and CV_RATIO = 0.8 in nested_base_quantile_models.py.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const NOISES = ['chi_squared', 'gaussian'] as const;

export const quantileAggregationSchema = Type.Object(
  {
    paper: paperKey('quantile-aggregation'),
    name: nameKey('Quantile aggregation, heteroscedastic skewed noise'),
    seed: seedKey(),
    data: Block(
      {
        train: Type.Integer({
          minimum: 50,
          maximum: 20000,
          default: 1000,
          description: 'Points the four base quantile models are fitted on.',
        }),
        val: Type.Integer({
          minimum: 20,
          maximum: 20000,
          default: 500,
          description:
            'Held-out points the aggregation weights are fitted on (the authors hold out 20% of the training data: CV_RATIO = 0.8).',
        }),
        calibration: Type.Integer({
          minimum: 1,
          maximum: 20000,
          default: 500,
          description: 'Held-out points that set the conformal widening of each central interval.',
        }),
        test: Type.Integer({
          minimum: 50,
          maximum: 50000,
          default: 2000,
          description: 'Points every forecast is scored on (WIS, coverage).',
        }),
        features: Type.Integer({
          minimum: 1,
          maximum: 20,
          default: 3,
          description: 'Input dimension d; x uniform on [−1, 1]^d. The mean uses x₁ and x₂, the noise scale x₁.',
        }),
        noise: StringEnum(NOISES, {
          default: 'chi_squared',
          description:
            'Noise shape: a standardized χ² (right-skewed, so the upper and lower quantiles need different models) or Gaussian.',
        }),
        noise_df: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 3,
          description: 'Degrees of freedom of the χ² noise (skewness √(8/df)); ignored for Gaussian noise.',
        }),
        noise_sd: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.2,
          description: 'Noise standard deviation at x₁ = −1.',
        }),
        hetero: Type.Number({
          minimum: 0,
          maximum: 20,
          default: 3,
          description: 'Heteroscedasticity: the noise sd grows linearly in x₁ to noise_sd · (1 + hetero) at x₁ = 1.',
        }),
      },
      {
        description:
          'The synthetic regression task and its splits (train → base models, val → weights, calibration → conformal, test → scores).',
      },
    ),
    levels: Type.Integer({
      minimum: 3,
      maximum: 199,
      default: 19,
      description: 'Number K of quantile levels, k/(K + 1) for k = 1 … K (the authors: 99, i.e. 1% … 99%).',
    }),
    interval: Type.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      default: 0.9,
      description:
        'Nominal coverage of the central interval whose coverage is reported, before and after conformal calibration.',
    }),
    replications: Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 20,
      description: 'Independent data sets (each with its own base models, weights and calibration).',
    }),
    base: Block(
      {
        knn_k: Type.Integer({
          minimum: 2,
          maximum: 2000,
          default: 60,
          description: 'Neighbours of the k-nearest-neighbour model, whose quantiles are those of its neighbours’ y.',
        }),
        random_features: Type.Integer({
          minimum: 4,
          maximum: 1024,
          default: 64,
          description:
            'Random Fourier features of the shallow network whose multi-quantile head is trained by the pinball loss.',
        }),
        bandwidth: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 2,
          description: 'Frequency scale of the random Fourier features (weights ~ N(0, bandwidth²)).',
        }),
        iterations: Type.Integer({
          minimum: 10,
          maximum: 20000,
          default: 300,
          description:
            'Full-batch Adam steps of each pinball-loss fit (linear quantile regression and the network head).',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.05,
          description: 'Adam step size of the pinball-loss fits, decaying linearly to 0.',
        }),
      },
      {
        description:
          'The four base quantile models: linear quantile regression, k-nearest neighbours, a conditional Gaussian and a random-feature network with a multi-quantile head.',
      },
    ),
    aggregation: Block(
      {
        iterations: Type.Integer({
          minimum: 10,
          maximum: 20000,
          default: 300,
          description: 'Full-batch Adam steps fitting the aggregation weights on the validation split.',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.1,
          description: 'Adam step size of the weight fit (on the softmax logits), decaying linearly to 0.',
        }),
      },
      { description: 'Fitting the convex aggregation weights (softmax over the base models) by the pinball loss.' },
    ),
  },
  { additionalProperties: false },
);

export type QuantileAggregationConfig = Static<typeof quantileAggregationSchema>;
