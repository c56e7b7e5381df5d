/**
 * The layer-lottery config (Jordao et al. 2023), on a residual MLP standing in for ResNet32/CIFAR-10:
 * score the residual blocks at initialization (GraSP, SNIP; random and "last p" as controls), remove
 * the p least useful blocks and train the shallower net from the same θ₀; compare with the full net
 * and with unit pruning at init to the same FLOPs. The recipe reads exactly these keys
 * (src/papers/layer-lottery/recipe.ts).
 *
 * Defaults: Fashion-MNIST 20,000 / 5,000; residual MLP 784 → 128, 6 blocks, head; Adam 1e-3, batch
 * 128, 1,000 steps; p ∈ {2, 4} × 4 criteria + unit pruning at p = 4's FLOPs — about 6 minutes.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  Block,
  INITS,
  StringEnum,
  imageDataBlock,
  nameKey,
  paperKey,
  seedKey,
  iterationsTrainBlock,
} from '../common/schema';

export const CRITERIA = ['grasp', 'snip', 'random', 'last'] as const;

export const layerLotterySchema = Type.Object(
  {
    paper: paperKey('layer-lottery'),
    name: nameKey('residual mlp, 6 blocks, layer pruning at init'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20000, test: 5000 }),
    model: Block(
      {
        arch: StringEnum(['residual_mlp'] as const, {
          default: 'residual_mlp',
          description:
            '`residual_mlp`: a stem 784 → width, `blocks` residual blocks h ← h + W₂·relu(W₁h), a linear head. Layer pruning needs residual blocks (removing one leaves a valid net).',
        }),
        width: Type.Integer({
          minimum: 2,
          maximum: 4096,
          default: 128,
          description: 'Width of the residual stream and of each block.',
        }),
        blocks: Type.Integer({
          minimum: 2,
          maximum: 64,
          default: 6,
          description: 'Residual blocks (2 weight layers each).',
        }),
        init: StringEnum(INITS, { default: 'he_normal', description: 'Weight initialisation (biases start at 0).' }),
      },
      { description: 'The residual network whose blocks are scored and removed.' },
    ),
    train: iterationsTrainBlock(
      { optimizer: 'adam', lr: 1e-3, batchSize: 128, iterations: 1000, evalEvery: 100 },
      'How every network (full, pruned) is trained: the same for all, from the same θ₀.',
    ),
    prune: Block(
      {
        blocks_removed: Type.Array(Type.Number({ minimum: 0 }), {
          minItems: 1,
          maxItems: 16,
          uniqueItems: true,
          default: [2, 4],
          description:
            'p: how many residual BLOCKS to remove — a count, not a fraction (the paper’s "pruning density p").',
        }),
        criteria: Type.Array(StringEnum(CRITERIA, { description: 'A block-scoring criterion.' }), {
          minItems: 1,
          uniqueItems: true,
          default: ['grasp', 'snip', 'random', 'last'],
          description:
            'How blocks are chosen at θ₀: `grasp` (sum of −w⊙Hg over the block; the highest are removed, Hg by finite differences), `snip` (sum of |g⊙w|; the lowest are removed), `random`, `last` (the p deepest blocks).',
        }),
        unit_control: Type.Array(Type.Integer({ minimum: 1 }), {
          uniqueItems: true,
          default: [4],
          description:
            'For each p here, a control that instead prunes the blocks’ inner units (GraSP unit scores, the same share in every block) to the FLOPs that removing p blocks saves — the paper’s filter-pruning tickets.',
        }),
        saliency_batch: Type.Integer({
          minimum: 1,
          maximum: 10000,
          default: 512,
          description: 'Training images the saliencies are computed on (one batch).',
        }),
      },
      { description: 'Which blocks are removed at initialization and how.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'A layer-lottery experiment (residual MLP stand-in).',
  },
);

export type LayerLotteryConfig = Static<typeof layerLotterySchema>;
