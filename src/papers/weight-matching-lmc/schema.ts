/**
 * The weight-matching / linear-mode-connectivity config (Ito et al.; Ainsworth et al.'s git re-basin
 * weight matching). Two MLPs of the same architecture are trained from different seeds; B's hidden
 * units are permuted to match A; the loss along the straight line between them is measured before
 * (naive) and after (permuted) matching.
 *
 * Defaults are our small setting (notes: /work/shared/papers/pruning-lottery.md §9(b)): two
 * 784-256-256-10 MLPs on 8,000 MNIST digits, Adam 1e-3, batch 100, 2,000 iterations each
 * (= 25 epochs; 200,000 samples ≈ 60–70 s per model with the wasm backend), then matching (a few
 * seconds), 2 × 25 path evaluations on 8,000 + 2,000 digits (forward only, ≈ 20 s) and six SVDs
 * (≈ 5 s): about 3 minutes in all.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  Block,
  StringEnum,
  imageDataBlock,
  mlpModelBlock,
  nameKey,
  paperKey,
  seedKey,
  trainKeys,
} from '../common/schema';

export const weightMatchingSchema = Type.Object(
  {
    paper: paperKey('weight-matching-lmc'),
    name: nameKey('two width-256 MLPs, weight matching'),
    seed: seedKey(),
    seeds: Block(
      {
        a: Type.Integer({
          minimum: 0,
          maximum: 2 ** 31 - 1,
          default: 1,
          description:
            "Model A's number: with the run's `seed` it sets A's initial weights and data order (another `seed` gives another pair of networks).",
        }),
        b: Type.Integer({
          minimum: 0,
          maximum: 2 ** 31 - 1,
          default: 2,
          description:
            "Model B's number: with the run's `seed` it sets B's initial weights and data order. It must differ from `a`, or the two models are the same network and there is nothing to match.",
        }),
      },
      {
        description:
          "The two independently trained models. `seed` (top level) drives the data split and the matching order; these drive each model's init and batch order.",
      },
    ),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 2000 }),
    model: mlpModelBlock({ hidden: [256, 256], init: 'he_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(100),
        iterations: trainKeys.iterations(2000),
        eval_every: trainKeys.evalEvery(200),
        momentum: trainKeys.momentum(),
        weight_decay: trainKeys.weightDecay(),
      },
      { description: 'How each of the two models is trained (both the same way, only the seed differs).' },
    ),
    matching: Block(
      {
        method: StringEnum(['weight'] as const, {
          default: 'weight',
          description:
            "`weight`: weight matching — per hidden layer, the permutation of B's units that maximises Σ⟨W_A, π(W_B)⟩, solved as a linear assignment, layers visited in random order until no layer improves (git re-basin §3.2).",
        }),
        max_iter: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 100,
          description:
            'Passes over all hidden layers before giving up (a pass without improvement ends the search earlier). The reference code uses 100.',
        }),
      },
      { description: 'How B is permuted to line up with A.' },
    ),
    interpolation: Block(
      {
        points: Type.Integer({
          minimum: 3,
          maximum: 201,
          default: 25,
          description:
            'Evenly spaced λ in [0, 1], both ends included: θ(λ) = (1−λ)·θ_A + λ·θ_B. The reference code uses 25.',
        }),
        lambdas: Type.Optional(
          Type.Array(Type.Number({ minimum: 0, maximum: 1 }), {
            minItems: 3,
            maxItems: 201,
            description:
              'Explicit λ values instead of `points`. Must include 0 and 1: the barrier is measured against the two end points.',
          }),
        ),
      },
      { description: 'Where along the straight line between the two models the loss and accuracy are measured.' },
    ),
    analysis: Block(
      {
        singular_vectors: Type.Boolean({
          default: true,
          description:
            "Compare the singular vectors of A's and B's weight matrices rank by rank, before and after matching (Ito et al.: matching aligns the directions with large singular values). Costs a few seconds per layer.",
        }),
      },
      { description: 'Extra measurements beside the loss path.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description:
      'Linear mode connectivity after permutation-based weight matching (Ito et al.; Ainsworth et al. 2023).',
  },
);

export type WeightMatchingConfig = Static<typeof weightMatchingSchema>;

/** The λ grid a config asks for (explicit list, sorted and de-duplicated, or `points` evenly spaced). */
export function lambdaGrid(c: { interpolation?: { points?: number; lambdas?: number[] } }): number[] {
  const explicit = c.interpolation?.lambdas;
  if (Array.isArray(explicit) && explicit.length > 0) return [...new Set(explicit)].sort((a, b) => a - b);
  const n = c.interpolation?.points ?? 25;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : i / (n - 1)));
}
