/**
 * The NUPES config (Yvinec et al. 2023): train a small MLP once, then quantize its weights after
 * training (no retraining) at several bit widths with a uniform grid and with the power quantizer
 * sgn(w)|w|^a, whose exponent is searched per layer data-free (weight reconstruction) or data-driven
 * (each layer's outputs on a few calibration images). The recipe reads exactly these keys
 * (src/papers/nupes/recipe.ts).
 *
 * Defaults are our laptop setting: LeNet-300-100 on 20,000 Fashion-MNIST images, 2,000 Adam steps
 * (~40 s on one core), then 6 bit widths × 3 quantizers of forward passes over 5,000 test images.
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

export const SEARCHES = ['data_free', 'data_driven'] as const;

export const nupesSchema = Type.Object(
  {
    paper: paperKey('nupes'),
    name: nameKey('lenet-300-100 power-exponent ptq'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20000, test: 5000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'he_normal', activation: 'relu' }),
    train: iterationsTrainBlock(
      { optimizer: 'adam', lr: 1e-3, batchSize: 128, iterations: 2000, evalEvery: 250 },
      'How the float network is trained once, before any quantization.',
    ),
    quant: Block(
      {
        bits: Type.Array(Type.Integer({ minimum: 2, maximum: 8 }), {
          minItems: 1,
          maxItems: 7,
          uniqueItems: true,
          default: [2, 3, 4, 5, 6, 8],
          description:
            'Weight bit widths to quantize to, each on its own (signed, symmetric: 3 bits = 7 levels −3…3 times the scale). Activations stay in float here.',
        }),
        searches: Type.Array(StringEnum(SEARCHES, { description: 'An exponent search.' }), {
          uniqueItems: true,
          default: ['data_free', 'data_driven'],
          description:
            '`data_free`: per layer, the exponent a that best reconstructs the weights (PowerQuant). `data_driven`: per layer, in order, the a that best reproduces the layer’s outputs on `calibration` training images, earlier layers already quantized. The uniform quantizer (a = 1) always runs as the baseline.',
        }),
        exponent_min: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.2,
          description: 'Smallest exponent a searched. a < 1 crowds the levels near zero, where most weights are.',
        }),
        exponent_max: Type.Number({
          exclusiveMinimum: 0,
          maximum: 2,
          default: 1,
          description: 'Largest exponent a searched (1 = uniform).',
        }),
        grid: Type.Integer({
          minimum: 2,
          maximum: 400,
          default: 80,
          description: 'Intervals of the exponent grid between `exponent_min` and `exponent_max`.',
        }),
        calibration: Type.Integer({
          minimum: 1,
          maximum: 10000,
          default: 256,
          description: 'Training images whose layer outputs the data-driven search matches.',
        }),
        figure_bits: Type.Integer({
          minimum: 2,
          maximum: 8,
          default: 3,
          description: 'The bit width whose error-vs-exponent curves are drawn (one curve per layer).',
        }),
      },
      { description: 'Post-training weight quantization: bit widths and the exponent searches.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'A NUPES experiment (power-exponent post-training quantization).',
  },
);

export type NupesConfig = Static<typeof nupesSchema>;
