/**
 * `paper: bnn-surrogates-bo` (Li, Rudner & Wilson, "A Study of Bayesian Neural Network Surrogates for
 * Bayesian Optimization", ICLR 2024). Bayesian optimization with a GP surrogate against BNN surrogates:
 * infinite-width BNNs (NNGP), deep ensembles, deep kernel learning (HMC is out of reach here). The small
 * setting is the research notes' (next-batches.md B13): Branin (2-D) and a 20-D test function, 40
 * evaluations, expected improvement on random candidates.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const BO_ARMS = ['gp', 'nngp', 'deep_ensemble', 'random_search'] as const;
export const BO_FUNCTIONS = ['branin', 'hartmann6', 'ackley', 'levy'] as const;
/** Test functions defined in one dimension only; the others take any `dim`. */
export const FIXED_DIM: Partial<Record<(typeof BO_FUNCTIONS)[number], number>> = { branin: 2, hartmann6: 6 };

export const boSchema = Type.Object(
  {
    paper: paperKey('bnn-surrogates-bo'),
    name: nameKey('branin: GP vs NNGP vs deep ensemble'),
    seed: seedKey(),
    problem: Block(
      {
        function: StringEnum(BO_FUNCTIONS, {
          default: 'branin',
          description:
            'The test function to minimize. `branin` is 2-D, `hartmann6` 6-D; `ackley` and `levy` take any `dim`.',
        }),
        dim: Type.Integer({ minimum: 1, maximum: 200, default: 2, description: 'Input dimension.' }),
        noise: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0,
          description: 'Standard deviation of Gaussian noise on each evaluation.',
        }),
      },
      { description: 'The black-box objective.' },
    ),
    bo: Block(
      {
        initial_points: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 10,
          description: 'Uniformly random evaluations before the surrogate is used.',
        }),
        evaluations: Type.Integer({
          minimum: 2,
          maximum: 10_000,
          default: 40,
          description: 'Total evaluations of the objective, initial points included.',
        }),
        acquisition: StringEnum(['ei', 'ucb'] as const, {
          default: 'ei',
          description: 'Acquisition function: expected improvement or upper confidence bound.',
        }),
        candidates: Type.Integer({
          minimum: 10,
          maximum: 1_000_000,
          default: 2000,
          description: 'Random candidates the acquisition is maximized over at each step.',
        }),
      },
      { description: 'The Bayesian-optimization loop.' },
    ),
    gp: Block(
      {
        kernel: StringEnum(['rbf', 'matern52'] as const, {
          default: 'matern52',
          description: 'GP kernel, with hyperparameters fitted by marginal likelihood.',
        }),
      },
      { description: 'The standard GP surrogate.' },
    ),
    ensemble: Block(
      {
        members: Type.Integer({ minimum: 1, maximum: 50, default: 5, description: 'Networks in the deep ensemble.' }),
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 1024 }), {
          minItems: 1,
          maxItems: 4,
          default: [50, 50],
          description: 'Hidden widths of each member.',
        }),
        iterations: trainKeys.iterations(500),
      },
      { description: 'The deep-ensemble surrogate (mean and spread of the members).' },
    ),
    nngp: Block(
      {
        depth: Type.Integer({
          minimum: 1,
          maximum: 10,
          default: 3,
          description: 'Hidden layers of the infinite-width ReLU network whose NNGP kernel is used.',
        }),
      },
      { description: 'The infinite-width BNN surrogate.' },
    ),
    arms: Type.Array(StringEnum(BO_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...BO_ARMS],
      description: 'Surrogates to run, each on the same initial points; `random_search` uses none.',
    }),
  },
  { additionalProperties: false },
);

export type BoConfig = Static<typeof boSchema>;
