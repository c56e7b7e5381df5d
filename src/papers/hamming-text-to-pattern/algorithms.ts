/**
 * Text-to-pattern Hamming distances: HD[i] = #{ j < m : T[i + j] ≠ P[j] } for every shift
 * i = 0 … n − m. Three exact algorithms the paper (Chan, Jin, Vassilevska Williams & Xu, SODA 2024)
 * measures itself against — its own O(n√m) algorithm (hashing, bit-packed FFT, recursion) is not
 * implemented here. Each returns its operation count beside the distances, so a timing table can
 * show work that the machine's load does not distort.
 */
import { crossCorrelation } from '../../trainer/algorithms/fft';

export interface HammingResult {
  distances: Int32Array;
  /** Elementary operations: comparisons, match increments, or FFT butterflies (size · log2 size per FFT). */
  ops: number;
  heavyChars: number;
}

/** O(nm): compare every shift position by position. */
export function naiveHamming(text: Int32Array, pattern: Int32Array): HammingResult {
  const n = text.length;
  const m = pattern.length;
  const distances = new Int32Array(Math.max(0, n - m + 1));
  for (let i = 0; i + m <= n; i++) {
    let d = 0;
    for (let j = 0; j < m; j++) if (text[i + j] !== pattern[j]) d++;
    distances[i] = d;
  }
  return { distances, ops: distances.length * m, heavyChars: 0 };
}

/** Matches of one character at every shift, by FFT correlation of its indicators; adds into `matches`. */
function addFftMatches(text: Int32Array, pattern: Int32Array, c: number, matches: Float64Array): number {
  const a = Float64Array.from(text, (v) => (v === c ? 1 : 0));
  const b = Float64Array.from(pattern, (v) => (v === c ? 1 : 0));
  const r = crossCorrelation(a, b);
  for (let i = 0; i < matches.length; i++) matches[i] += Math.round(r.values[i]);
  return r.ffts * r.size * Math.log2(r.size) + text.length;
}

function positionsByChar(pattern: Int32Array): Map<number, number[]> {
  const pos = new Map<number, number[]>();
  pattern.forEach((c, j) => {
    const list = pos.get(c);
    if (list) list.push(j);
    else pos.set(c, [j]);
  });
  return pos;
}

function toDistances(matches: Float64Array, m: number): Int32Array {
  return Int32Array.from(matches, (v) => m - v);
}

/** O(σ_P · n log m): one FFT correlation per distinct character of the pattern (Fischer & Paterson). */
export function perCharFftHamming(text: Int32Array, pattern: Int32Array): HammingResult {
  const m = pattern.length;
  const matches = new Float64Array(Math.max(0, text.length - m + 1));
  let ops = 0;
  const chars = positionsByChar(pattern);
  for (const c of chars.keys()) ops += addFftMatches(text, pattern, c, matches);
  return { distances: toDistances(matches, m), ops, heavyChars: chars.size };
}

/**
 * Abrahamson (SICOMP 1987), O(n√(m log m)): characters occurring more than τ = √(m log m) times in
 * the pattern ("heavy", at most m/τ of them) by FFT; every other text position adds one match per
 * occurrence of its character in the pattern (at most τ each).
 */
export function abrahamsonHamming(text: Int32Array, pattern: Int32Array, thresholdFactor = 1): HammingResult {
  const n = text.length;
  const m = pattern.length;
  const tau = thresholdFactor * Math.sqrt(m * Math.max(1, Math.log2(m)));
  const matches = new Float64Array(Math.max(0, n - m + 1));
  const chars = positionsByChar(pattern);
  let ops = 0;
  let heavy = 0;
  const light = new Map<number, number[]>();
  for (const [c, list] of chars) {
    if (list.length > tau) {
      heavy++;
      ops += addFftMatches(text, pattern, c, matches);
    } else light.set(c, list);
  }
  const last = n - m;
  for (let j = 0; j < n; j++) {
    const list = light.get(text[j]);
    if (!list) continue;
    for (const p of list) {
      const i = j - p;
      if (i >= 0 && i <= last) matches[i]++;
    }
    ops += list.length;
  }
  return { distances: toDistances(matches, m), ops: ops + n, heavyChars: heavy };
}

export const ALGORITHMS = {
  naive: naiveHamming,
  fft_per_char: perCharFftHamming,
  abrahamson: abrahamsonHamming,
} as const;
export type AlgorithmId = keyof typeof ALGORITHMS;
