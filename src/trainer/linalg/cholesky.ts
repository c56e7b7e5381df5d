/**
 * Cholesky factorization and solves for symmetric positive-definite systems, in plain TypeScript
 * (tfjs has no solve). Used for kernel regression with a network's initial NTK (grokking-lazy-rich),
 * at sizes up to a few thousand: O(n³/3) flops, Float64 throughout.
 */

/** Lower-triangular L (row-major n×n) with A = L·Lᵀ. Throws a RangeError naming the failing pivot. */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`cholesky: size must be a positive integer (got ${n})`);
  if (a.length !== n * n) throw new RangeError(`cholesky: expected ${n * n} entries for ${n}×${n}, got ${a.length}`);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) {
          throw new RangeError(
            `cholesky: the matrix is not positive definite (pivot ${i} is ${s}); add a small ridge to the diagonal`,
          );
        }
        l[ri + i] = Math.sqrt(s);
      } else {
        l[ri + j] = s / l[rj + j];
      }
    }
  }
  return l;
}

/** Solves (L·Lᵀ)x = b given the factor from `cholesky`. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  if (b.length !== n) throw new RangeError(`choleskySolve: right-hand side has ${b.length} entries, expected ${n}`);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * z[k];
    z[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

export interface KernelRegression {
  /** Predictions at the query points. */
  predictions: Float64Array;
  /** The ridge actually added to the diagonal (grown until the factorization succeeded). */
  ridge: number;
}

/**
 * (Near-)ridgeless kernel regression: predictions = K_qt (K_tt + λI)⁻¹ y. λ starts at `relRidge` × the
 * mean diagonal and grows ×10 until K_tt + λI factors (float32 kernels can be barely indefinite).
 * `kTrain` is p×p, `kQuery` is q×p, both row-major.
 */
export function kernelRegression(
  kTrain: ArrayLike<number>,
  p: number,
  kQuery: ArrayLike<number>,
  q: number,
  y: ArrayLike<number>,
  relRidge = 1e-10,
): KernelRegression {
  if (kQuery.length !== q * p)
    throw new RangeError(`kernelRegression: query kernel has ${kQuery.length} entries, expected ${q}×${p}`);
  let meanDiag = 0;
  for (let i = 0; i < p; i++) meanDiag += kTrain[i * p + i] / p;
  let ridge = relRidge * meanDiag;
  for (let attempt = 0; ; attempt++) {
    const a = Float64Array.from(kTrain);
    for (let i = 0; i < p; i++) a[i * p + i] += ridge;
    try {
      const coef = choleskySolve(cholesky(a, p), p, y);
      const predictions = new Float64Array(q);
      for (let i = 0; i < q; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += kQuery[i * p + j] * coef[j];
        predictions[i] = s;
      }
      return { predictions, ridge };
    } catch (e) {
      if (attempt >= 12) throw e;
      ridge = ridge > 0 ? ridge * 10 : 1e-12;
    }
  }
}
