/**
 * The work of a run: per bandwidth and width, the features (n·d sigmoids), the Gram matrix (n·d² products
 * by tfjs) and its Cholesky factorization in JavaScript (d³/3, ~20× slower per operation than the
 * calibrated tfjs products), plus the predictions.
 */
import type { BandlimitedConfig } from './schema';

const JS_FACTOR = 20;

export function bandlimitedWork(c: BandlimitedConfig): number {
  const n = c.data.train;
  let perBand = 0;
  for (const w of c.model.widths) {
    const p = Math.min(w, n);
    perBand += n * w * 30 + n * p * p + JS_FACTOR * (p ** 3 / 3) + (n + c.data.test) * w * c.data.frequencies.length;
  }
  return perBand * c.model.bandwidths.length;
}
