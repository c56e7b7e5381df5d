/**
 * The work of a run: per m and repeat, the naive scan's n·m comparisons dominate, then one FFT pass per
 * distinct character (≈ σ · 2n · log₂(2m) butterflies). ~16 MAC-eq per elementary operation (measured:
 * 2.5e8 comparisons in ~0.8 s of CPU, against ~5e9 MAC-eq/s).
 */
import type { HammingConfig } from './schema';

const OP_COST = 16;

export function hammingWork(c: HammingConfig): number {
  const n = c.text_length;
  let ops = 0;
  for (const m of c.pattern_lengths) {
    const sigma = c.alphabet.size || Math.ceil(Math.sqrt(m));
    if (c.algorithms.includes('naive')) ops += n * m;
    if (c.algorithms.includes('fft_per_char')) ops += Math.min(sigma, m) * 4 * n * Math.log2(4 * m);
    if (c.algorithms.includes('abrahamson')) ops += 4 * n * Math.sqrt(m * Math.log2(m));
  }
  return c.alphabet.distributions.length * (c.repeats + 1) * ops * OP_COST;
}
