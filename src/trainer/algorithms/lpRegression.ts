/**
 * ℓp regression by iteratively reweighted least squares (IRLS), and ℓp sensitivities of the rows of a
 * tall matrix A (n × d, row-major Float64) — the blocks of sensitivity-sampling.
 *
 * IRLS minimizes ‖Bz − y‖_p^p (1 ≤ p < ∞) by solving weighted least squares with weights
 * max(|r_i|, δ)^{p−2} from the current residuals (Osborne's classic scheme; for p = 1 it is Weiszfeld-
 * like and converges to the δ-smoothed optimum, within a relative ~δ of the ℓ1 optimum).
 *
 * The ℓp sensitivity of row i is σ_i = sup_x |a_i·x|^p / ‖Ax‖_p^p. Its exact value is 1 / min{‖Ax‖_p^p :
 * a_i·x = 1}, an ℓp regression once the constraint eliminates one coordinate (one IRLS per row: too dear
 * for every row of a large matrix). `sensitivityLowerBounds` evaluates the ratio at one good direction per
 * row, x_i = (AᵀW^{1−2/p}A)⁻¹a_i with W the ℓp Lewis weights: a certified lower bound, exact for
 * block-diagonal matrices with one column per block, within a factor of a few on Gaussian matrices.
 */
import { choleskySolve } from '../linalg/cholesky';
import { gramFactor, weightedGram } from '../linalg/lewis';

/** Σ_i |v_i|^p. */
export function lpPower(v: ArrayLike<number>, p: number): number {
  let s = 0;
  if (p === 1) for (let i = 0; i < v.length; i++) s += Math.abs(v[i]);
  else for (let i = 0; i < v.length; i++) s += Math.abs(v[i]) ** p;
  return s;
}

/** A·x for row-major A (n × d). */
export function matVec(a: ArrayLike<number>, n: number, d: number, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * d;
    for (let j = 0; j < d; j++) s += a[r + j] * x[j];
    out[i] = s;
  }
  return out;
}

export interface IrlsOptions {
  maxIter?: number;
  /** Stop when an iteration lowers the objective by less than tol × objective (default 1e-10). */
  tol?: number;
  /** Residual floor δ relative to the mean |y| (default 1e-9): weights are max(|r|, δ)^{p−2}. */
  delta?: number;
  /** Starting point (default: the least-squares solution). */
  x0?: ArrayLike<number>;
}

export interface IrlsResult {
  x: Float64Array;
  /** ‖Bx − y‖_p^p at the returned x (the best iterate). */
  objective: number;
  iterations: number;
}

/** argmin_x ‖Bx − y‖_p^p by IRLS, for B (n × d) row-major. Returns the best iterate seen. */
export function irlsLp(
  b: ArrayLike<number>,
  n: number,
  d: number,
  y: ArrayLike<number>,
  p: number,
  o: IrlsOptions = {},
): IrlsResult {
  if (!(p >= 1)) throw new RangeError(`irlsLp: p must be ≥ 1 (got ${p})`);
  const maxIter = o.maxIter ?? 100;
  const tol = o.tol ?? 1e-10;
  const meanAbs = lpPower(y, 1) / Math.max(1, n);
  const delta = (o.delta ?? 1e-9) * (meanAbs > 0 ? meanAbs : 1);
  const weights = new Float64Array(n);
  const solve = (diag?: Float64Array) => {
    const rhs = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const w = diag ? diag[i] : 1;
      const r = i * d;
      for (let j = 0; j < d; j++) rhs[j] += w * b[r + j] * y[i];
    }
    return choleskySolve(gramFactor(weightedGram(b, n, d, diag), d), d, rhs);
  };
  let x = o.x0 ? Float64Array.from(o.x0) : solve();
  const residual = (z: Float64Array) => {
    const r = matVec(b, n, d, z);
    for (let i = 0; i < n; i++) r[i] -= y[i];
    return r;
  };
  let r = residual(x);
  let best = { x, objective: lpPower(r, p) };
  let iterations = 0;
  if (p === 2) return { ...best, iterations };
  for (; iterations < maxIter;) {
    for (let i = 0; i < n; i++) weights[i] = Math.max(Math.abs(r[i]), delta) ** (p - 2);
    x = solve(weights);
    iterations++;
    r = residual(x);
    const objective = lpPower(r, p);
    const improved = best.objective - objective;
    if (objective < best.objective) best = { x, objective };
    if (improved <= tol * best.objective) break;
  }
  return { ...best, iterations };
}

/**
 * The exact ℓp sensitivity of row i, 1 / min{‖Ax‖_p^p : a_i·x = 1}: the constraint fixes the coordinate
 * k where |a_ik| is largest, x_k = (1 − Σ_{j≠k} a_ij x_j)/a_ik, leaving an unconstrained ℓp regression
 * in the other d − 1 coordinates, solved by IRLS. 0 for a zero row.
 */
export function exactSensitivity(
  a: ArrayLike<number>,
  n: number,
  d: number,
  i: number,
  p: number,
  o: IrlsOptions = {},
): number {
  const row = Array.from({ length: d }, (_, j) => a[i * d + j]);
  let k = 0;
  for (let j = 1; j < d; j++) if (Math.abs(row[j]) > Math.abs(row[k])) k = j;
  if (row[k] === 0) return 0;
  const c = new Float64Array(n); // A·x at z = 0: the column k scaled so that a_i·x = 1
  for (let t = 0; t < n; t++) c[t] = a[t * d + k] / row[k];
  if (d === 1) return 1 / lpPower(c, p);
  const m = d - 1;
  const design = new Float64Array(n * m);
  for (let t = 0; t < n; t++) {
    let col = 0;
    for (let j = 0; j < d; j++) if (j !== k) design[t * m + col++] = a[t * d + j] - c[t] * row[j];
  }
  const target = c.map((v) => -v); // min ‖c + Dz‖ = min ‖Dz − (−c)‖
  return 1 / irlsLp(design, n, m, target, p, o).objective;
}

export interface SensitivityBounds {
  /** |a_i·x_i|^p / ‖Ax_i‖_p^p ≤ σ_i. */
  lower: Float64Array;
  /** The direction x_i of each row (row-major n × d), for testing an embedding where it is weakest. */
  directions: Float64Array;
}

/**
 * Lower bounds on every row's ℓp sensitivity from the Lewis direction x_i = (AᵀW^{1−2/p}A)⁻¹a_i,
 * given the Lewis weights W (O(n²d)).
 */
export function sensitivityLowerBounds(
  a: ArrayLike<number>,
  n: number,
  d: number,
  p: number,
  lewis: ArrayLike<number>,
): SensitivityBounds {
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) scale[i] = lewis[i] > 0 ? lewis[i] ** (1 - 2 / p) : 0;
  const l = gramFactor(weightedGram(a, n, d, scale), d);
  const directions = new Float64Array(n * d);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = choleskySolve(
      l,
      d,
      Array.from({ length: d }, (_, j) => a[i * d + j]),
    );
    directions.set(x, i * d);
    const ax = matVec(a, n, d, x);
    const total = lpPower(ax, p);
    lower[i] = total > 0 ? Math.abs(ax[i]) ** p / total : 0;
  }
  return { lower, directions };
}
