/**
 * Proximal Newton for a smooth convex loss plus an ℓ1 penalty on some coordinates:
 *
 *   minimize  f(x) + λ · Σ_{i ∈ S} |x_i|
 *
 * Each outer step builds the quadratic model of f from its gradient and (dense) Hessian, minimizes
 * the model plus the penalty by cyclic coordinate descent (soft-thresholding on the penalized
 * coordinates), and backtracks along the resulting direction on the composite objective (Lee, Sun &
 * Saunders 2014). This is how glmnet-style solvers (and ordinalNet, which PRESTO's code modifies) fit
 * penalized likelihoods: a plain proximal gradient step would crawl on the rare-event coordinates,
 * whose curvature is ~100× smaller than the common ones'. Small dense problems only (d ≲ 200).
 *
 * `value` may return Infinity (an invalid point, e.g. a negative class probability): the line search
 * then shortens the step, so the iterates stay where f is finite as long as `x0` is.
 */

export interface SmoothObjective {
  dim: number;
  /** f(x), or Infinity where f is undefined. */
  value(x: Float64Array): number;
  /** f(x), its gradient and its Hessian (row-major dim × dim, symmetric, positive semi-definite). */
  derivatives(x: Float64Array): { value: number; grad: Float64Array; hess: Float64Array };
}

export interface ProxNewtonOptions {
  /** λ ≥ 0; Infinity pins every penalized coordinate at 0. */
  lambda: number;
  /** Which coordinates carry the ℓ1 penalty (1 = penalized). */
  penalized: Uint8Array;
  maxIter?: number;
  /** Stop when the Newton direction moves no coordinate by more than tol (default 1e-9)… */
  tol?: number;
  /** …or when a step lowers the objective by less than ftol·(1 + |F|) (default 1e-13). */
  ftol?: number;
  /** Coordinate-descent sweeps per quadratic subproblem. */
  sweeps?: number;
}

export interface ProxNewtonResult {
  x: Float64Array;
  /** Composite objective f(x) + λ‖x_S‖₁ at the solution. */
  objective: number;
  iterations: number;
  converged: boolean;
  /** Loss evaluations (line search included): an operation count for the timing tables. */
  evaluations: number;
}

export function softThreshold(z: number, t: number): number {
  if (t === Infinity) return 0;
  return z > t ? z - t : z < -t ? z + t : 0;
}

function penalty(x: Float64Array, pen: Uint8Array, lambda: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) if (pen[i]) s += Math.abs(x[i]);
  // λ = Infinity: every penalized coordinate is held at exactly 0, where the penalty is 0.
  return lambda === Infinity ? (s === 0 ? 0 : Infinity) : lambda * s;
}

/**
 * argmin_z gᵀ(z − x) + ½ (z − x)ᵀ H (z − x) + λ‖z_S‖₁ by cyclic coordinate descent, from z = x
 * (penalized coordinates thresholded first when λ = Infinity).
 */
export function solveQuadraticL1(
  x: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
  pen: Uint8Array,
  lambda: number,
  sweeps: number,
): Float64Array {
  const d = x.length;
  const z = Float64Array.from(x);
  if (lambda === Infinity) for (let i = 0; i < d; i++) if (pen[i]) z[i] = 0;
  // r = H (z − x), kept up to date as coordinates move.
  const r = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const dz = z[i] - x[i];
    if (dz !== 0) for (let j = 0; j < d; j++) r[j] += hess[j * d + i] * dz;
  }
  for (let s = 0; s < sweeps; s++) {
    let moved = 0;
    for (let i = 0; i < d; i++) {
      // A tiny ridge keeps a flat direction (e.g. a feature absent from the data) from dividing by 0.
      const a = hess[i * d + i] + 1e-10;
      const partial = grad[i] + r[i];
      const c = z[i] - partial / a;
      const zi = pen[i] ? softThreshold(c, lambda / a) : c;
      const dz = zi - z[i];
      if (dz !== 0) {
        for (let j = 0; j < d; j++) r[j] += hess[j * d + i] * dz;
        z[i] = zi;
        moved = Math.max(moved, Math.abs(dz));
      }
    }
    if (moved < 1e-12) break;
  }
  return z;
}

export function proxNewton(f: SmoothObjective, x0: ArrayLike<number>, o: ProxNewtonOptions): ProxNewtonResult {
  const { lambda, penalized: pen } = o;
  const maxIter = o.maxIter ?? 50;
  const tol = o.tol ?? 1e-9;
  const ftol = o.ftol ?? 1e-13;
  const sweeps = o.sweeps ?? 200;
  let x = Float64Array.from(x0);
  if (lambda === Infinity) for (let i = 0; i < x.length; i++) if (pen[i]) x[i] = 0;
  let evaluations = 0;
  let fx = f.value(x);
  evaluations++;
  if (!Number.isFinite(fx)) throw new Error('proxNewton: the loss is not finite at the starting point.');
  let F = fx + penalty(x, pen, lambda);
  for (let it = 1; it <= maxIter; it++) {
    const { grad, hess } = f.derivatives(x);
    evaluations++;
    const z = solveQuadraticL1(x, grad, hess, pen, lambda, sweeps);
    // Predicted decrease Δ = gᵀd + λ(‖z_S‖ − ‖x_S‖) ≤ 0 (Lee et al., eq. 2.13).
    let gd = 0;
    for (let i = 0; i < x.length; i++) gd += grad[i] * (z[i] - x[i]);
    const penZ = penalty(z, pen, lambda);
    const delta = gd + penZ - (F - fx);
    let step = 0;
    for (let i = 0; i < x.length; i++) step = Math.max(step, Math.abs(z[i] - x[i]));
    if (!(delta < 0) || step < tol) return { x, objective: F, iterations: it, converged: true, evaluations };
    let t = 1;
    let accepted = false;
    const trial = new Float64Array(x.length);
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < x.length; i++) trial[i] = x[i] + t * (z[i] - x[i]);
      const ft = f.value(trial);
      evaluations++;
      const Ft = ft + penalty(trial, pen, lambda);
      if (Number.isFinite(Ft) && Ft <= F + 1e-4 * t * delta) {
        const change = F - Ft;
        x = Float64Array.from(trial);
        fx = ft;
        F = Ft;
        accepted = true;
        if (change < ftol * (1 + Math.abs(F))) return { x, objective: F, iterations: it, converged: true, evaluations };
        break;
      }
      t /= 2;
    }
    if (!accepted) return { x, objective: F, iterations: it, converged: false, evaluations };
  }
  return { x, objective: F, iterations: maxIter, converged: false, evaluations };
}
