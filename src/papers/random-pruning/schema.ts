/**
 * The Unreasonable Effectiveness of Random Pruning (Liu et al., ICLR 2022), at MLP scale: static
 * random masks at several densities and layerwise ratios, across network widths, each compared with
 * the dense network of the same width (pruning-lottery.md §3 (b)).
 *
 * Runs = widths × (1 dense + densities × layerwise). Defaults: 4 × (1 + 2 × 2) = 20 trainings of
 * 3,000 iterations × 128 examples (38 epochs of 10,000 images, the learning rate ×0.1 at 50% and 75%
 * as in the paper's schedule). Sparse networks converge more slowly than dense ones, so a short budget
 * measures training speed rather than the gap the paper is about: at 1,000 constant-rate iterations
 * the gap grew with width, at 3,000 with the drops it shrinks at 5% density. On the wasm backend a
 * 784-256-256-10 step takes ~13 ms, ×0.5 ~7 ms, ×0.25 ~4 ms, ×0.125 ~3 ms: 397 s in all for the
 * example on the shared 2-core machine.
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

export const LAYERWISE = ['er', 'erk', 'uniform'] as const;

export const randomPruningSchema = Type.Object(
  {
    paper: paperKey('random-pruning'),
    name: nameKey('random static masks vs width'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 10_000, test: 10_000 }),
    model: mlpModelBlock({ hidden: [256, 256], init: 'he_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('sgd'),
        lr: trainKeys.lr(0.05),
        momentum: trainKeys.momentum(0.9),
        weight_decay: trainKeys.weightDecay(5e-4),
        batch_size: trainKeys.batchSize(128),
        iterations: trainKeys.iterations(3000),
        eval_every: trainKeys.evalEvery(500),
        lr_drops: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          maxItems: 8,
          uniqueItems: true,
          default: [0.5, 0.75],
          description:
            'Fractions of each run at which the learning rate is multiplied by 0.1. The paper: [0.5, 0.75] (epochs 80 and 120 of 160). Without drops the final accuracy is one noisy SGD iterate, and gaps of a point or two between networks cannot be read.',
        }),
      },
      { description: 'How every network (dense and sparse, every width) is trained.' },
    ),
    mask: Block(
      {
        densities: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), {
          minItems: 1,
          maxItems: 12,
          uniqueItems: true,
          default: [0.2, 0.05],
          description:
            "Fractions of weights KEPT, one sparse network per value (0.05 = keep 5%). The paper's `density`, default 0.05.",
        }),
        layerwise: Type.Array(StringEnum(LAYERWISE, { description: 'A layerwise ratio.' }), {
          minItems: 1,
          uniqueItems: true,
          default: ['er', 'uniform'],
          description:
            "How the overall density is shared between layers (the paper's `sparse_init`). `uniform`: every layer at the same density. `er` (Erdős–Rényi): layer density ∝ (n_in + n_out)/(n_in·n_out), so small layers stay denser. `erk`: the same with kernel dimensions, identical to `er` for an MLP.",
        }),
        erk_power_scale: Type.Number({
          exclusiveMinimum: 0,
          maximum: 2,
          default: 1,
          description: "Exponent on the ER/ERK layer factor (`erk_power_scale`); 1 is the paper's.",
        }),
        rescale_init: Type.Boolean({
          default: false,
          description:
            "Rescale each unit's kept initial weights by √(fan-in / kept inputs), so its pre-activation variance at init is that of `model.init` on the dense net (He init computed with the unit's actual, masked fan-in). Without it a mask at density d shrinks every layer's signal by about √d and low-density nets start near chance. `false` is the paper's code: masks are applied after a normal init, without rescaling.",
        }),
      },
      { description: 'The static random masks: drawn once at initialisation from the seed and never changed (`fix`).' },
    ),
    widths: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 16 }), {
      minItems: 1,
      maxItems: 8,
      uniqueItems: true,
      default: [0.125, 0.25, 0.5, 1],
      description:
        'Width multipliers applied to every hidden layer of `model.hidden` (×0.5 of [256, 256] is [128, 128]). The claim is about the gap to dense closing as networks widen; the narrowest networks are the ones that lose most, in the paper and here.',
    }),
    controls: Type.Array(StringEnum(['dense'] as const, { description: 'A control arm.' }), {
      uniqueItems: true,
      default: ['dense'],
      description:
        '`dense`: the unpruned network at each width, the reference every sparse result is compared with (sparse − dense accuracy).',
    }),
  },
  { additionalProperties: false, required: ['paper'], description: 'A random-pruning experiment.' },
);

export type RandomPruningConfig = Static<typeof randomPruningSchema>;
