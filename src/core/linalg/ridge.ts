/**
 * Ridge regression on the host, in Float64, for random-feature models and linear probes: the
 * products that form a Gram matrix are done by tfjs where they are large (src/trainer/randomFeatures.ts)
 * and handed here as XᵀX and Xᵀy; the factorization and the solve are plain TypeScript (tfjs has no
 * solve). Also leave-one-out selection of λ for small problems, where the hat matrix is cheap.
 */
import { cholesky, choleskySolve } from './cholesky';

export interface RidgeSolution {
  coef: Float64Array;
  /** The ridge actually used (grown ×10 from the asked one until the system factored). */
  lambda: number;
}

/**
 * Solves (XᵀX + λI) w = Xᵀy given the p×p Gram (row-major) and Xᵀy. A float32 Gram can be barely
 * indefinite at tiny λ, so λ grows ×10 (at most 12 times) until the Cholesky factorization succeeds;
 * the λ used is returned so a caller can report it.
 */
export function ridgeSolve(gram: ArrayLike<number>, p: number, xty: ArrayLike<number>, lambda: number): RidgeSolution {
  if (gram.length !== p * p) throw new RangeError(`ridgeSolve: Gram has ${gram.length} entries, expected ${p}×${p}`);
  if (xty.length !== p) throw new RangeError(`ridgeSolve: Xᵀy has ${xty.length} entries, expected ${p}`);
  let lam = lambda;
  for (let attempt = 0; ; attempt++) {
    const a = Float64Array.from(gram);
    for (let i = 0; i < p; i++) a[i * p + i] += lam;
    try {
      return { coef: choleskySolve(cholesky(a, p), p, xty), lambda: lam };
    } catch (e) {
      if (attempt >= 12) throw e;
      lam = lam > 0 ? lam * 10 : 1e-12;
    }
  }
}

/** XᵀX (d×d) and Xᵀy of a row-major n×d matrix, in Float64 (for d up to a few hundred). */
export function normalEquations(x: ArrayLike<number>, n: number, d: number, y: ArrayLike<number>) {
  const xtx = new Float64Array(d * d);
  const xty = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const r = i * d;
    for (let a = 0; a < d; a++) {
      const xa = x[r + a];
      if (xa === 0) continue;
      xty[a] += xa * y[i];
      for (let b = a; b < d; b++) xtx[a * d + b] += xa * x[r + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) xtx[a * d + b] = xtx[b * d + a];
  return { xtx, xty };
}

/** Predictions X·w for a row-major n×d matrix. */
export function predict(x: ArrayLike<number>, n: number, d: number, w: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < d; a++) s += x[i * d + a] * w[a];
    out[i] = s;
  }
  return out;
}

export interface LooRidge {
  lambda: number;
  /** Leave-one-out mean squared error at the chosen λ. */
  looMse: number;
  coef: Float64Array;
  /** LOO error of every λ tried, in order. */
  path: { lambda: number; looMse: number }[];
}

/**
 * Ridge with λ chosen by exact leave-one-out error over a grid: the LOO residual of point i is
 * r_i / (1 − h_ii), with h_ii = x_iᵀ(XᵀX + λI)⁻¹x_i (Allen 1974). X is n×d row-major, d small (≤ a few
 * hundred): O(n d²) per λ. A strong baseline: it never gets to see the test set.
 */
export function ridgeLoo(
  x: ArrayLike<number>,
  n: number,
  d: number,
  y: ArrayLike<number>,
  lambdas: number[],
): LooRidge {
  const { xtx, xty } = normalEquations(x, n, d, y);
  let best: LooRidge | undefined;
  const path: { lambda: number; looMse: number }[] = [];
  for (const lam of lambdas) {
    const a = Float64Array.from(xtx);
    for (let i = 0; i < d; i++) a[i * d + i] += lam;
    let l: Float64Array;
    try {
      l = cholesky(a, d);
    } catch {
      path.push({ lambda: lam, looMse: Infinity });
      continue;
    }
    const coef = choleskySolve(l, d, xty);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.prototype.slice.call(x, i * d, (i + 1) * d) as number[];
      const z = choleskySolve(l, d, row);
      let h = 0;
      let fit = 0;
      for (let a2 = 0; a2 < d; a2++) {
        h += row[a2] * z[a2];
        fit += row[a2] * coef[a2];
      }
      const r = (y[i] - fit) / Math.max(1e-12, 1 - h);
      sse += r * r;
    }
    const looMse = sse / n;
    path.push({ lambda: lam, looMse });
    if (!best || looMse < best.looMse) best = { lambda: lam, looMse, coef, path };
  }
  if (!best) throw new RangeError('ridgeLoo: no λ in the grid gave a positive-definite system');
  return { ...best, path };
}
