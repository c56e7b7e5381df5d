/** Random texts and patterns over an alphabet of `size` characters, uniform or Zipf (frequency ∝ 1/rank). */
import type { Rng } from '../../trainer/rng';

export function sampler(size: number, distribution: 'uniform' | 'zipf', rng: Rng): () => number {
  if (distribution === 'uniform') return () => rng.int(size);
  const cdf = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) cdf[k] = total += 1 / (k + 1);
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function randomString(length: number, draw: () => number): Int32Array {
  return Int32Array.from({ length }, draw);
}
