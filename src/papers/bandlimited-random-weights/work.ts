/**
 * The work of a run: per bandwidth and width, the features (n·d sigmoids), the Gram matrix (n·d² products
 * by tfjs) and its Cholesky factorization in JavaScript (d³/3, ~20× slower per operation than the
 * calibrated tfjs products), plus the predictions.
 */
import { num } from '../../core/estimate/work';
import type { BandlimitedConfig } from './schema';

const JS_FACTOR = 20;

export function bandlimitedWork(c: BandlimitedConfig): number {
  const n = num(c.data.train);
  let perBand = 0;
  for (const w of c.model.widths) {
    const p = Math.min(num(w), n);
    perBand +=
      n * num(w) * 30 +
      n * p * p +
      JS_FACTOR * (p ** 3 / 3) +
      (n + num(c.data.test)) * num(w) * c.data.frequencies.length;
  }
  return perBand * c.model.bandwidths.length;
}
