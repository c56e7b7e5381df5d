/**
 * The ISS-P config (Wang et al., ICCV 2023), transplanted from super-resolution to classification:
 * a sparse MLP trained from scratch where, after every optimizer step, the smallest-magnitude fraction
 * of each layer is multiplied by α (ISS-P) or zeroed (IHT, α = 0) during a pruning phase, then the
 * hard mask is fixed and training continues; against a static random mask of the same per-layer
 * sparsity. The recipe reads exactly these keys (src/papers/iss-p/recipe.ts).
 *
 * Defaults: LeNet-300-100 on 20,000 Fashion-MNIST images, Adam 1e-3, batch 64, 1,500 steps of which
 * 1,000 prune; sparsity 95% and 99%; ISS-P at α 0.99 and 0.95, IHT and a static mask — about 4 minutes.
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

export const METHODS = ['iss_p', 'iht', 'static'] as const;

export const issPSchema = Type.Object(
  {
    paper: paperKey('iss-p'),
    name: nameKey('lenet-300-100 iss-p vs iht'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20000, test: 5000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'he_normal', activation: 'relu' }),
    train: iterationsTrainBlock(
      { optimizer: 'adam', lr: 1e-3, batchSize: 64, iterations: 1500, evalEvery: 100 },
      'How every arm is trained (the same initialisation and data order for all).',
    ),
    prune: Block(
      {
        ratios: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          minItems: 1,
          maxItems: 6,
          uniqueItems: true,
          default: [0.95, 0.99],
          description: 'Pruning ratios `pr`: the fraction of each layer’s weights REMOVED (0.99 keeps 1%).',
        }),
        methods: Type.Array(StringEnum(METHODS, { description: 'A method.' }), {
          minItems: 1,
          uniqueItems: true,
          default: ['iss_p', 'iht', 'static'],
          description:
            '`iss_p`: multiply the smallest `pr` of each layer by α after every step (nothing frozen). `iht`: the same with α = 0 (iterative hard thresholding). `static`: a random mask with the same per-layer ratio, fixed from the start.',
        }),
        alphas: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), {
          minItems: 1,
          maxItems: 4,
          uniqueItems: true,
          default: [0.99, 0.95],
          description:
            'ISS-P’s shrink factors α (`--ist_ratio`: 0.99 by default in the code, 0.95 in its README commands).',
        }),
        prune_iterations: Type.Integer({
          minimum: 1,
          maximum: 10_000_000,
          default: 1000,
          description:
            'Length of the pruning phase; afterwards the hard mask (the smallest `pr` zeroed) is fixed and training continues (Fig. 1: prune, then fine-tune).',
        }),
        shrink_every: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 1,
          description: 'Shrink after every this many steps. The code shrinks after every iteration (1).',
        }),
        threshold_sample: Type.Integer({
          minimum: 0,
          maximum: 10_000_000,
          default: 0,
          description:
            'Estimate each layer’s threshold from this many uniformly drawn weights (the code’s `IST-fast`); 0 = exact, from every weight.',
        }),
        skip_output: Type.Boolean({
          default: true,
          description: 'Leave the output layer dense (the code skips the SR tail, `--skip_layers *tail*`).',
        }),
        grad_norm_every: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 25,
          description: 'Record each layer’s gradient norm every this many steps (the code’s "gradient throughput").',
        }),
      },
      { description: 'Soft shrinkage, its controls and how their structure is measured.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'An ISS-P experiment (transplanted to classification).',
  },
);

export type IssPConfig = Static<typeof issPSchema>;
