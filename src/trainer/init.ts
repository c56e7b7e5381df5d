/**
 * Weight initializers, drawn from our seeded RNG on the host side (not tf.randomNormal) so a run's
 * initial weights are the same on every backend and a "random reinit" control can draw a fresh
 * sample from exactly the distribution the original was drawn from.
 */
import type { Rng } from './rng';

export type InitName =
  | 'glorot_normal'
  | 'glorot_uniform'
  | 'kaiming_normal'
  | 'kaiming_uniform'
  | 'he_normal'
  | 'he_uniform'
  | 'lecun_normal'
  | 'signed_constant'
  | 'torch_linear'
  | 'zeros';

export const INIT_NAMES: readonly InitName[] = [
  'glorot_normal',
  'glorot_uniform',
  'kaiming_normal',
  'kaiming_uniform',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'signed_constant',
  'torch_linear',
  'zeros',
];

/** Fan-in and fan-out of a dense [in, out] or conv [kh, kw, inC, outC] weight. */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length === 4) {
    const receptive = shape[0] * shape[1];
    return { fanIn: receptive * shape[2], fanOut: receptive * shape[3] };
  }
  const n = shape.reduce((a, b) => a * b, 1);
  return { fanIn: n, fanOut: n };
}

/**
 * Truncated normal (re-drawn beyond 2σ) rescaled so the variance is the target one — the
 * convention of TF's glorot_normal/variance_scaling, which the lottery-ticket paper's code used.
 */
function truncatedNormal(rng: Rng, std: number): number {
  const scaled = std / 0.8796256610342398; // std of a standard normal truncated to [-2, 2]
  for (;;) {
    const z = rng.normal();
    if (z >= -2 && z <= 2) return z * scaled;
  }
}

/** Gain for ReLU networks, as in He et al. 2015 and PyTorch's calculate_gain('relu'). */
const RELU_GAIN = Math.SQRT2;

export function initWeights(name: InitName | string, shape: readonly number[], rng: Rng): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  const { fanIn, fanOut } = fans(shape);
  switch (name) {
    case 'glorot_normal': {
      const std = Math.sqrt(2 / (fanIn + fanOut));
      for (let i = 0; i < n; i++) out[i] = truncatedNormal(rng, std);
      break;
    }
    case 'glorot_uniform': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * limit;
      break;
    }
    case 'kaiming_normal':
    case 'he_normal': {
      const std = RELU_GAIN / Math.sqrt(fanIn);
      for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
      break;
    }
    case 'kaiming_uniform':
    case 'he_uniform': {
      const limit = RELU_GAIN * Math.sqrt(3 / fanIn);
      for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * limit;
      break;
    }
    case 'lecun_normal': {
      // Keras' lecun_normal: truncated normal with variance 1/fan_in.
      const std = 1 / Math.sqrt(fanIn);
      for (let i = 0; i < n; i++) out[i] = truncatedNormal(rng, std);
      break;
    }
    case 'signed_constant': {
      // SupSup/ExSSNeT: every weight is ±gain/√fan_in, sign drawn at random.
      const c = RELU_GAIN / Math.sqrt(fanIn);
      for (let i = 0; i < n; i++) out[i] = rng.next() < 0.5 ? -c : c;
      break;
    }
    case 'torch_linear': {
      // PyTorch nn.Linear's default (kaiming_uniform with a = √5): U(±1/√fan_in). The init of the
      // official code of papers written in PyTorch that never call an initializer themselves.
      const limit = 1 / Math.sqrt(fanIn);
      for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * limit;
      break;
    }
    case 'zeros':
      break;
    default:
      throw new Error(`Unknown initializer "${name}". Use one of: ${INIT_NAMES.join(', ')}.`);
  }
  return out;
}
