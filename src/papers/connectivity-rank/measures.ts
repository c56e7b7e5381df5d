/**
 * The laziness measures of the connectivity-rank code (BioRNN_RichLazy main.py, after training): the
 * cosine between two Gram or kernel matrices (formed by tfjs in the recipe), Σ K·K₀ / (‖K‖_F ‖K₀‖_F) (its representation and
 * tangent-kernel alignments), and the sign similarity of two activity arrays. Pure.
 */

/** Σ a·b / (‖a‖ ‖b‖): 1 when one matrix is a positive multiple of the other. */
export function matrixCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`matrixCosine: sizes ${a.length} and ${b.length} differ.`);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/** Fraction of entries whose sign (−1, 0, +1) is the same in both arrays: for ReLU activity, active vs silent. */
export function signSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Math.sign(a[i]) === Math.sign(b[i])) same++;
  return same / a.length;
}
