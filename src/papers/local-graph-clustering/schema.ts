/**
 * Config schema of `paper: local-graph-clustering` (Back de Luca, Fountoulakis & Yang, ICLR 2024):
 * the paper's random-graph setting (a target cluster K inside a stochastic block model, labels
 * 1{i ∈ K} flipped at random, one seed node in K) at the size of our research notes (n = 2000,
 * |K| = 200, p = 0.05, q = 0.002).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, nameKey, paperKey, seedKey } from '../common/schema';

export const lgcSchema = Type.Object(
  {
    paper: paperKey('local-graph-clustering'),
    name: nameKey('noisy labels on a block model'),
    seed: seedKey(),
    graph: Block(
      {
        blocks: Type.Integer({
          minimum: 2,
          maximum: 200,
          default: 10,
          description: 'Blocks of the stochastic block model; block 0 is the target cluster K.',
        }),
        block_size: Type.Integer({ minimum: 5, maximum: 5000, default: 200, description: 'Nodes per block (|K|).' }),
        p_in: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.05,
          description: 'Edge probability inside a block (the paper’s p).',
        }),
        p_out: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.002,
          description: 'Edge probability between blocks (the paper’s q).',
        }),
      },
      { description: 'The random graph: a stochastic block model whose first block is the target cluster.' },
    ),
    labels: Block(
      {
        flip_rates: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), {
          minItems: 1,
          default: [0, 0.1, 0.2, 0.3, 0.4, 0.5],
          description: 'Probabilities that a node’s label 1{i ∈ K} is flipped; one point of the figure each.',
        }),
        epsilon: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.05,
          description:
            'Weight of an edge unless both its ends are labelled 1 (those keep weight 1): how strongly the labels steer the diffusion.',
        }),
      },
      { description: 'Noisy node labels and the label-based edge weights.' },
    ),
    diffusion: Block(
      {
        mass_factor: Type.Number({
          exclusiveMinimum: 0,
          maximum: 20,
          default: 2,
          description: 'Source mass at the seed, as a multiple of the target cluster’s volume (sum of degrees).',
        }),
        tol: Type.Number({
          exclusiveMinimum: 0,
          maximum: 0.5,
          default: 0.001,
          description: 'Stop pushing once no node holds more than (1 + tol) × its sink capacity (its degree).',
        }),
      },
      { description: 'ℓ2-norm flow diffusion from one seed node of K; the recovered cluster is its support.' },
    ),
    replications: Type.Integer({
      minimum: 1,
      maximum: 2000,
      default: 50,
      description: 'Graphs (with their labels and seed node) per flip rate.',
    }),
  },
  { additionalProperties: false },
);

export type LgcConfig = Static<typeof lgcSchema>;
