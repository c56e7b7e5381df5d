/**
 * Nelder–Mead simplex minimization, for small maximum-likelihood fits (the noncentral χ² of
 * inductive-bias has three parameters). scipy's `ncx2.fit` uses the same method (`optimize.fmin`),
 * so a fit here follows the same path as the paper's code. Derivative-free: the likelihoods here are
 * sums of special functions whose derivatives we do not want to write by hand.
 */

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (default: 5% of |x0|, or 0.00025 where x0 is 0, as scipy). */
  step?: number[];
  maxIterations?: number;
  /** Stop when the simplex's function values and vertices are this close (scipy's xatol / fatol). */
  xTolerance?: number;
  fTolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/** Minimizes f from x0. Non-finite values are treated as +∞ (outside the domain). */
export function nelderMead(f: (x: number[]) => number, x0: number[], o: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const maxIt = o.maxIterations ?? 200 * n;
  const xtol = o.xTolerance ?? 1e-6;
  const ftol = o.fTolerance ?? 1e-8;
  const g = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: g(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] += o.step?.[i] ?? (x0[i] !== 0 ? 0.05 * x0[i] : 0.00025);
    simplex.push({ x, v: g(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0];
    const worst = simplex[n];
    let spread = 0;
    for (const s of simplex.slice(1))
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(s.x[i] - best.x[i]));
    if (spread <= xtol && Math.abs(worst.v - best.v) <= ftol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k].x[i] / n;
    const reflected = combine(centroid, worst.x, -1);
    const vr = g(reflected);
    if (vr < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ve = g(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
      continue;
    }
    if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
    const vc = g(contracted);
    if (vc < (outside ? vr : worst.v)) {
      simplex[n] = { x: contracted, v: vc };
      continue;
    }
    // Shrink towards the best vertex.
    for (let k = 1; k <= n; k++) {
      const x = combine(best.x, simplex[k].x, 0.5);
      simplex[k] = { x, v: g(x) };
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, iterations: it, converged };
}
