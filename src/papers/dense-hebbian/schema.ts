/**
 * Config schema of `paper: dense-hebbian` (Agliari, Albanese, Alemanno, Alessandrelli, Barra, Giannotti,
 * Lotito, Pedreschi; "Dense Hebbian neural networks: a replica symmetric picture of supervised
 * learning"): random ±1 archetypes, M examples of quality r per archetype, P-body Hebbian couplings
 * from the class averages, Glauber Monte Carlo. Sizes are ours (the paper's were not read).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, nameKey, paperKey, seedKey } from '../common/schema';

export const denseHebbianSchema = Type.Object(
  {
    paper: paperKey('dense-hebbian'),
    name: nameKey('dense vs pairwise Hebbian retrieval'),
    seed: seedKey(),
    network: Block(
      {
        units: Type.Integer({ minimum: 10, maximum: 5000, default: 200, description: 'Binary units N.' }),
        dense_p: Type.Integer({
          minimum: 3,
          maximum: 10,
          default: 4,
          description: 'Interaction order P of the dense network (even in the paper’s analysis); compared with P = 2.',
        }),
      },
      { description: 'The networks compared: pairwise (P = 2, Hopfield) and dense (P-body) Hebbian couplings.' },
    ),
    data: Block(
      {
        archetypes: Type.Array(Type.Integer({ minimum: 1, maximum: 2000 }), {
          minItems: 1,
          default: [5, 40],
          description: 'Numbers K of stored archetypes (the load K/N); one panel each.',
        }),
        quality: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.3,
          description: 'Example quality r: each entry of an example equals the archetype’s with probability (1 + r)/2.',
        }),
        examples: Type.Array(Type.Integer({ minimum: 1, maximum: 10000 }), {
          minItems: 1,
          default: [1, 2, 5, 10, 15, 20, 30, 50, 70, 100, 200],
          description: 'Numbers M of examples per archetype (the x axis).',
        }),
      },
      { description: 'The supervised dataset: M noisy examples of each of K random archetypes, averaged per class.' },
    ),
    dynamics: Block(
      {
        beta: Type.Number({
          exclusiveMinimum: 0,
          default: 10,
          description: 'Inverse temperature β of the Glauber dynamics (fast noise); large = nearly deterministic.',
        }),
        sweeps: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 30,
          description: 'Monte Carlo sweeps (N updates each).',
        }),
        start_noise: Type.Number({
          minimum: 0,
          maximum: 0.5,
          default: 0.1,
          description: 'Fraction of the archetype’s units flipped in the starting state (the cue).',
        }),
        tested: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 3,
          description: 'Archetypes retrieved per network.',
        }),
      },
      { description: 'Retrieval: Glauber Monte Carlo from a corrupted archetype.' },
    ),
    replications: Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 20,
      description: 'Independent datasets (archetypes and examples) per point.',
    }),
  },
  { additionalProperties: false },
);

export type DenseHebbianConfig = Static<typeof denseHebbianSchema>;
