/**
 * Config schema of `paper: presto` (Faletto & Bien, ICML 2023). Keys and defaults follow the authors'
 * 4_1_sparse_diffs.R (n = 2500, p = 10, K = 4, intercepts (0,3,5) / (0,3.5,5.5) / (0,4,6), β = 1,
 * dev_size = 0.5, dev_prob = 1/3, 100 simulations) and getLambdaFusedPolr (nLambda = 20,
 * lambdaMinRatio = 0.01) in Simulations/method_functions.R.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, nameKey, paperKey, seedKey } from '../common/schema';

export const prestoSchema = Type.Object(
  {
    paper: paperKey('presto'),
    name: nameKey('PRESTO, sparse differences'),
    seed: seedKey(),
    data: Block(
      {
        n: Type.Integer({
          minimum: 100,
          maximum: 20000,
          default: 2500,
          description: 'Observations per replication (the paper: 2500).',
        }),
        p: Type.Integer({
          minimum: 1,
          maximum: 50,
          default: 10,
          description: 'Features, uniform on [−1, 1] (the paper: 10).',
        }),
        classes: Type.Integer({
          minimum: 3,
          maximum: 8,
          default: 4,
          description: 'Ordered categories K; the last one is the rare event (the paper: 4).',
        }),
        intercepts: Type.Array(Type.Array(Type.Number(), { minItems: 2 }), {
          minItems: 1,
          default: [
            [0, 3, 5],
            [0, 3.5, 5.5],
            [0, 4, 6],
          ],
          description:
            'The boundary intercepts α_1 < … < α_{K−1}, one list per setting; the last one sets how rare the last class is (the paper: (0,3,5), (0,3.5,5.5), (0,4,6)).',
        }),
        beta: Type.Number({
          default: 1,
          description: 'Value of each non-zero weight of the first boundary (the paper: 1).',
        }),
        dev_size: Type.Number({
          minimum: 0,
          maximum: 5,
          default: 0.5,
          description:
            'Size of each non-zero difference between adjacent boundaries’ weights, with a random sign (the paper: 0.5).',
        }),
        dev_prob: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.3333,
          description:
            'Probability that a weight of the first boundary is non-zero, and that each difference is non-zero (the paper: 1/3).',
        }),
      },
      { description: 'The relaxed proportional-odds model with sparse random differences (model_functions.R).' },
    ),
    replications: Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 20,
      description: 'Independent data sets per intercept setting (the paper: 100).',
    }),
    fit: Block(
      {
        lambdas: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 20,
          description: 'Points on PRESTO’s λ path, log-spaced from λ_max (the paper’s code: nLambda = 20).',
        }),
        lambda_min_ratio: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.01,
          description:
            'Smallest λ as a fraction of λ_max, the λ at which PRESTO is proportional odds (the code: 0.01).',
        }),
        folds: Type.Integer({
          minimum: 2,
          maximum: 20,
          default: 5,
          description: 'Cross-validation folds that choose λ by held-out log-likelihood.',
        }),
      },
      { description: 'How PRESTO’s penalty λ is chosen.' },
    ),
  },
  { additionalProperties: false },
);

export type PrestoConfig = Static<typeof prestoSchema>;
