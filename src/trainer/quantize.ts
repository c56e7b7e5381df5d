/**
 * Post-training weight quantizers on host arrays (no tfjs): symmetric uniform quantization and the
 * power-function quantizer of PowerQuant / NUPES (Yvinec et al. 2023): quantize sgn(w)·|w/s|^a on a
 * uniform grid and map back with the inverse power, so the levels crowd near zero when a < 1, where
 * bell-shaped weight distributions put most of their mass. a = 1 is the uniform quantizer. The
 * exponent is searched per layer, either data-free (weight reconstruction error, PowerQuant §3) or on
 * a layer's outputs for a few inputs (data-driven).
 */

/** Largest |w|: the symmetric quantizer's scale (the range is [−s, s]). */
export function maxAbs(w: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) m = Math.max(m, Math.abs(w[i]));
  return m;
}

/** Positive levels of a signed b-bit symmetric grid: 2^(b−1) − 1 (3 for 3 bits: −3..3). */
export function levels(bits: number): number {
  if (!(Number.isInteger(bits) && bits >= 2 && bits <= 16))
    throw new RangeError(`bits must be an integer in 2..16, got ${bits}`);
  return 2 ** (bits - 1) - 1;
}

/**
 * Quantize–dequantize with the power quantizer: q = round(|w/s|^a · L) (L = levels(bits)), then
 * ŵ = sgn(w) · s · (q/L)^(1/a). Returns the dequantized weights (what the network computes with).
 */
export function powerQuantize(w: ArrayLike<number>, bits: number, a: number, scale = maxAbs(w)): Float32Array {
  if (!(a > 0)) throw new RangeError(`the exponent a must be > 0, got ${a}`);
  const L = levels(bits);
  const out = new Float32Array(w.length);
  if (scale === 0) return out;
  const inv = 1 / a;
  for (let i = 0; i < w.length; i++) {
    const u = Math.min(1, Math.abs(w[i]) / scale);
    const q = Math.round(Math.pow(u, a) * L);
    out[i] = Math.sign(w[i]) * scale * Math.pow(q / L, inv);
  }
  return out;
}

/** Mean squared difference. */
export function mse(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return a.length ? s / a.length : 0;
}

/** Exponents a in [lo, hi] on a grid of `steps` intervals (PowerQuant searches a in (0, 1]). */
export function exponentGrid(lo = 0.2, hi = 1, steps = 80): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => lo + ((hi - lo) * i) / steps);
}

/** The exponent on the grid minimising `error(a)`, with the error there (ties: the larger a, i.e. closer to uniform). */
export function searchExponent(error: (a: number) => number, grid = exponentGrid()): { a: number; error: number } {
  let best = { a: grid[0], error: Infinity };
  for (const a of grid) {
    const e = error(a);
    if (e <= best.error) best = { a, error: e };
  }
  return best;
}

/** Data-free search: the exponent that best reconstructs the weights themselves. */
export function searchExponentDataFree(
  w: ArrayLike<number>,
  bits: number,
  grid?: number[],
): { a: number; error: number } {
  const s = maxAbs(w);
  return searchExponent((a) => mse(w, powerQuantize(w, bits, a, s)), grid);
}

/** Distinct values after quantization (≤ 2·levels + 1): a check that the grid really has b bits. */
export function distinctValues(w: ArrayLike<number>): number {
  return new Set(Array.from(w as ArrayLike<number>, (x) => Math.fround(x))).size;
}
