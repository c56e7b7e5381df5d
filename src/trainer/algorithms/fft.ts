/**
 * Cross-correlation of long real sequences by FFT, in blocks (overlap-save), on fft.js (radix-4, MIT).
 * c[k] = Σ_i a[k + i] · b[i] for k = 0 … len(a) − len(b): the count of matching positions per shift
 * when a and b are 0/1 indicators — the FFT step of text-to-pattern Hamming distances.
 */
import FFT from 'fft.js';

export interface Correlation {
  values: Float64Array;
  /** FFTs of size `size` performed: the operation count is ffts · size · log2(size). */
  ffts: number;
  size: number;
}

function nextPow2(x: number): number {
  let p = 4;
  while (p < x) p *= 2;
  return p;
}

export function crossCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, blockSize?: number): Correlation {
  const n = a.length;
  const m = b.length;
  const outLen = n - m + 1;
  if (m === 0 || outLen <= 0) return { values: new Float64Array(Math.max(0, outLen)), ffts: 0, size: 0 };
  // FFT size L ≥ 2m: each block yields L − m + 1 shifts without wrap-around.
  const L = nextPow2(Math.max(blockSize ?? 0, 2 * m));
  const step = L - m + 1;
  const fft = new FFT(L);
  const complexIn = fft.createComplexArray() as number[];
  const bSpec = fft.createComplexArray() as number[];
  const aSpec = fft.createComplexArray() as number[];
  const prod = fft.createComplexArray() as number[];
  const back = fft.createComplexArray() as number[];
  // Spectrum of b, zero-padded; correlation multiplies by its conjugate.
  for (let i = 0; i < L; i++) {
    complexIn[2 * i] = i < m ? b[i] : 0;
    complexIn[2 * i + 1] = 0;
  }
  fft.transform(bSpec, complexIn);
  let ffts = 1;
  const values = new Float64Array(outLen);
  for (let s = 0; s < outLen; s += step) {
    for (let i = 0; i < L; i++) {
      complexIn[2 * i] = s + i < n ? a[s + i] : 0;
      complexIn[2 * i + 1] = 0;
    }
    fft.transform(aSpec, complexIn);
    for (let k = 0; k < L; k++) {
      const [ar, ai, br, bi] = [aSpec[2 * k], aSpec[2 * k + 1], bSpec[2 * k], -bSpec[2 * k + 1]];
      prod[2 * k] = ar * br - ai * bi;
      prod[2 * k + 1] = ar * bi + ai * br;
    }
    fft.inverseTransform(back, prod);
    ffts += 2;
    for (let k = 0; k < step && s + k < outLen; k++) values[s + k] = back[2 * k];
  }
  return { values, ffts, size: L };
}
