/**
 * The sign similarity of the connectivity-rank code (BioRNN_RichLazy main.py L388); its kernel and
 * representation alignments are `kernelAlignment` of src/trainer/linalg/kernels.ts. Pure.
 */

/** Fraction of entries whose sign (−1, 0, +1) is the same in both arrays: for ReLU activity, active vs silent. */
export function signSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Math.sign(a[i]) === Math.sign(b[i])) same++;
  return same / a.length;
}
