/**
 * Order statistics without sorting: the k-th smallest of n values in O(n) expected time (Hoare's
 * quickselect with a median-of-three pivot). Per-step thresholds (soft shrinkage, supermask top-k)
 * need the k-th smallest |w| of a few hundred thousand weights every step; a full sort costs ~4× more
 * and `tf.topk` on wasm costs one to two training steps (measured, next-batches.md §2).
 *
 * Pure: works on a copy, so the caller's array is untouched.
 */

/** The k-th smallest value (0-based: k = 0 is the minimum) of `values`. Throws on an empty array or k out of range. */
export function kthSmallest(values: ArrayLike<number>, k: number): number {
  const n = values.length;
  if (n === 0) throw new RangeError('kthSmallest of an empty array');
  if (!(k >= 0 && k < n && Number.isInteger(k))) throw new RangeError(`k = ${k} is outside 0..${n - 1}`);
  const a = Float64Array.from(values);
  return selectInPlace(a, k);
}

/** The same, on an array it may reorder (no copy). */
export function selectInPlace(a: Float64Array | Float32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot, so sorted or constant inputs stay linear.
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // [lo..j] ≤ pivot ≤ [i..hi]; entries between j and i equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array | Float32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * The magnitude below which `fraction` of `values` lie: the k-th smallest |v| with k = round(fraction·n) − 1,
 * so that exactly round(fraction·n) values satisfy |v| ≤ threshold when magnitudes are distinct.
 * `fraction` ≤ 0 gives −Infinity (nothing is below), ≥ 1 gives +Infinity.
 *
 * `sample` (optional) estimates the threshold from a uniform subsample of that many values, as the
 * ISS-P code's `IST-fast` does for large layers (README "Efficiency"); `pick` draws indices in [0, n).
 */
export function magnitudeThreshold(
  values: ArrayLike<number>,
  fraction: number,
  sample?: { size: number; pick: (n: number) => number },
): number {
  const n = values.length;
  const count = Math.round(fraction * n);
  if (count <= 0) return -Infinity;
  if (count >= n) return Infinity;
  if (sample && sample.size < n) {
    const m = sample.size;
    const a = new Float64Array(m);
    for (let i = 0; i < m; i++) a[i] = Math.abs(values[sample.pick(n)]);
    const k = Math.min(m - 1, Math.max(0, Math.round(fraction * m) - 1));
    return selectInPlace(a, k);
  }
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.abs(values[i]);
  return selectInPlace(a, count - 1);
}
