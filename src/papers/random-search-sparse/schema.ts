/**
 * The random-search-sparse config (Farahani 2024, "Random Search as a Baseline for Sparse Neural
 * Network Architecture Search"): node masks over an MLP parent, the best of N random candidates by a
 * criterion measured before training, trained from the parent's initial weights, against random masks
 * of the same sparsity and the dense parent. Only the abstract could be read, so the parent, the
 * criterion and the budget are our reading (pruning-lottery.md §4, next-batches.md §A1).
 * The recipe reads exactly these keys (src/papers/random-search-sparse/recipe.ts).
 *
 * Defaults: LeNet-300-100 on the 10,000 mnist digits (8,000 / 1,000 / 1,000), Adam 1.2e-3, 1,000
 * steps at batch 64; per sparsity 4 independent searches of 32 candidates and 4 random masks —
 * about 3 minutes.
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
  iterationsTrainBlock,
} from '../common/schema';

export const randomSearchSparseSchema = Type.Object(
  {
    paper: paperKey('random-search-sparse'),
    name: nameKey('lenet-300-100 node-mask search'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, val: 1000, test: 1000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'glorot_normal', activation: 'relu' }),
    train: iterationsTrainBlock(
      { optimizer: 'adam', lr: 1.2e-3, batchSize: 64, iterations: 1000, evalEvery: 50 },
      'How every network (dense parent, searched and random masks) is trained: the same for all.',
    ),
    search: Block(
      {
        sparsities: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          minItems: 1,
          maxItems: 8,
          uniqueItems: true,
          default: [0.5, 0.9],
          description: 'Node sparsities: the fraction of units REMOVED from every hidden layer (0.9 keeps 10%).',
        }),
        candidates: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 32,
          description: 'Random node masks drawn and scored per search; the best is trained.',
        }),
        criterion: StringEnum(['val_loss_at_init'] as const, {
          default: 'val_loss_at_init',
          description:
            '`val_loss_at_init`: the candidate with the lowest validation loss at its initial weights (our reading of "better initialized sub-networks … positioned more advantageously in the loss landscape").',
        }),
        repeats: Type.Integer({
          minimum: 1,
          maximum: 32,
          default: 4,
          description:
            'Independent searches (each with its own candidates) and as many random masks, per sparsity: the samples the equivalence test compares.',
        }),
        margin: Type.Number({
          exclusiveMinimum: 0,
          maximum: 0.2,
          default: 0.01,
          description:
            'Equivalence margin on test accuracy (0.01 = ±1 pp): "no better than random" means the difference is inside it (TOST, α = 0.05).',
        }),
        converged_fraction: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.97,
          description:
            'A network has "converged" at the first evaluation reaching this fraction of its final test accuracy.',
        }),
      },
      { description: 'The node-mask search and how its result is compared with random masks.' },
    ),
  },
  { additionalProperties: false, required: ['paper'], description: 'A random-search-sparse experiment.' },
);

export type RandomSearchSparseConfig = Static<typeof randomSearchSparseSchema>;
