/**
 * Ridge regression on the host, in Float64, for random-feature models and linear probes: the
 * products that form a Gram matrix are done by tfjs where they are large (src/trainer/randomFeatures.ts)
 * and handed here as XᵀX and Xᵀy; the factorization and the solve are plain TypeScript (tfjs has no
 * solve). Also leave-one-out selection of λ for small problems, where the hat matrix is cheap.
 */
import { cholesky, choleskySolve } from './cholesky';
import { svd } from './svd';

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

/** As ridgeSolve, for several right-hand sides sharing one factorization (targets fitted on the same features). */
export function ridgeSolveMany(
  gram: ArrayLike<number>,
  p: number,
  rhs: ArrayLike<number>[],
  lambda: number,
): { coefs: Float64Array[]; lambda: number } {
  if (gram.length !== p * p)
    throw new RangeError(`ridgeSolveMany: Gram has ${gram.length} entries, expected ${p}×${p}`);
  let lam = lambda;
  for (let attempt = 0; ; attempt++) {
    const a = Float64Array.from(gram);
    for (let i = 0; i < p; i++) a[i * p + i] += lam;
    let l: Float64Array;
    try {
      l = cholesky(a, p);
    } catch (e) {
      if (attempt >= 12) throw e;
      lam = lam > 0 ? lam * 10 : 1e-12;
      continue;
    }
    return { coefs: rhs.map((b) => choleskySolve(l, p, b)), lambda: lam };
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
 * e_i / (1 − h_ii) with H = X(XᵀX + λI)⁻¹Xᵀ (Allen 1974). Through one thin SVD X = U S Vᵀ every λ
 * costs O(n·k): with g_k = λ/(s_k² + λ), 1 − h_ii = Σ_k U_ik² g_k + (1 − Σ_k U_ik²) and
 * e_i = Σ_k U_ik g_k (Uᵀy)_k + (y_i − Σ_k U_ik (Uᵀy)_k) — both without the cancellation that makes
 * r_i/(1 − h_ii) meaningless when n ≤ d and λ is small (every point fitted, h_ii → 1).
 * X is n×d row-major (d up to a few hundred). A strong baseline: it never sees the test set.
 *
 * `intercept`: X and y were centred by the caller and the model has an unpenalized intercept, so the
 * hat matrix gains 11ᵀ/n and 1 − h_ii loses 1/n (without it, an interpolating fit on centred data
 * would look perfect out of sample).
 */
export function ridgeLoo(
  x: ArrayLike<number>,
  n: number,
  d: number,
  y: ArrayLike<number>,
  lambdas: number[],
  intercept = false,
): LooRidge {
  const one = intercept ? 1 - 1 / n : 1;
  const { U, S, V, k } = svd(x, n, d);
  const uty = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += U[i * k + q] * y[i];
    uty[q] = s;
  }
  // Per point: its squared norm in U's span and its residual outside it (λ-independent parts).
  const inSpan = new Float64Array(n);
  const outside = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let u2 = 0;
    let proj = 0;
    for (let q = 0; q < k; q++) {
      u2 += U[i * k + q] ** 2;
      proj += U[i * k + q] * uty[q];
    }
    inSpan[i] = u2;
    outside[i] = y[i] - proj;
  }
  const path: { lambda: number; looMse: number }[] = [];
  let best = -1;
  for (const lam of lambdas) {
    const g = Float64Array.from(S, (s) => (s * s + lam > 0 ? lam / (s * s + lam) : 1));
    let sse = 0;
    for (let i = 0; i < n; i++) {
      let denom = one - inSpan[i];
      let e = outside[i];
      for (let q = 0; q < k; q++) {
        const uiq = U[i * k + q];
        denom += uiq * uiq * g[q];
        e += uiq * g[q] * uty[q];
      }
      sse += denom > 1e-14 ? (e / denom) ** 2 : Infinity;
    }
    path.push({ lambda: lam, looMse: sse / n });
    if (best < 0 || sse / n < path[best].looMse) best = path.length - 1;
  }
  if (best < 0 || !Number.isFinite(path[best].looMse))
    throw new RangeError('ridgeLoo: no λ in the grid gave a finite leave-one-out error');
  const lam = path[best].lambda;
  // w = V diag(s/(s² + λ)) Uᵀy
  const coef = new Float64Array(d);
  for (let q = 0; q < k; q++) {
    const f = S[q] * S[q] + lam > 0 ? (S[q] * uty[q]) / (S[q] * S[q] + lam) : 0;
    for (let a = 0; a < d; a++) coef[a] += V[a * k + q] * f;
  }
  return { lambda: lam, looMse: path[best].looMse, coef, path };
}
