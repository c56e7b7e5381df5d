/**
 * Thin singular value decomposition A = U·diag(S)·Vᵀ of a dense m×n matrix, by one-sided Jacobi
 * (Hestenes) rotations. tfjs has no SVD; at the sizes Paperlab uses (≤ 1000×1000 weight matrices)
 * one-sided Jacobi is simple, accurate to working precision even for small singular values, and
 * fast enough (a few seconds for 784×512).
 *
 * Pure TypeScript, Float64 throughout.
 */

export interface Svd {
  /** m×k, row-major, orthonormal columns (k = min(m, n)). */
  U: Float64Array;
  /** k singular values, descending, ≥ 0. */
  S: Float64Array;
  /** n×k, row-major, orthonormal columns. */
  V: Float64Array;
  m: number;
  n: number;
  k: number;
}

export interface SvdOptions {
  /** Sweeps over all column pairs before giving up (convergence is usually 6–12 sweeps). */
  maxSweeps?: number;
  /** Relative orthogonality below which a pair is left alone. */
  tolerance?: number;
}

/** `a` is row-major m×n. */
export function svd(a: ArrayLike<number>, m: number, n: number, options: SvdOptions = {}): Svd {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m <= 0 || n <= 0) {
    throw new RangeError(`svd: shape must be positive integers (got ${m}×${n})`);
  }
  if (a.length !== m * n) throw new RangeError(`svd: expected ${m * n} entries for ${m}×${n}, got ${a.length}`);
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k])) throw new RangeError(`svd: entry ${k} is ${a[k]}; the matrix must be finite`);
  }
  if (m >= n) return tallSvd(a, m, n, options);
  // Work on the tall transpose (Jacobi rotates columns; fewer columns = fewer pairs), then swap U and V.
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  const r = tallSvd(t, n, m, options);
  return { U: r.V, S: r.S, V: r.U, m, n, k: r.k };
}

function tallSvd(a: ArrayLike<number>, m: number, n: number, options: SvdOptions): Svd {
  const maxSweeps = options.maxSweeps ?? 60;
  const tol = options.tolerance ?? 1e-15;
  // Columns stored contiguously: every rotation touches two whole columns.
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = a[i * n + j];
    cols.push(c);
  }
  const vcols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(n);
    c[j] = 1;
    vcols.push(c);
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = dot(cols[j], cols[j]);

  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const alpha = norms[p];
        const beta = norms[q];
        if (alpha === 0 || beta === 0) continue;
        const gamma = dot(cols[p], cols[q]);
        if (Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // The rotation that zeroes the (p,q) entry of AᵀA (choose the smaller angle for stability).
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(cols[p], cols[q], c, s);
        rotate(vcols[p], vcols[q], c, s);
        norms[p] = alpha - t * gamma;
        norms[q] = beta + t * gamma;
      }
    }
    // Norms are updated incrementally above; refresh them so rounding cannot accumulate across sweeps.
    for (let j = 0; j < n; j++) norms[j] = dot(cols[j], cols[j]);
    if (!rotated) break;
  }

  const sigma = cols.map((c) => Math.sqrt(dot(c, c)));
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => sigma[y] - sigma[x] || x - y);
  const k = n;
  const U = new Float64Array(m * k);
  const S = new Float64Array(k);
  const V = new Float64Array(n * k);
  const scale = sigma[order[0]] || 1;
  const uColumns: Float64Array[] = [];
  for (let r = 0; r < k; r++) {
    const j = order[r];
    S[r] = sigma[j];
    let u: Float64Array;
    if (sigma[j] > scale * 1e-13) {
      u = cols[j].map((x) => x / sigma[j]);
    } else {
      // A (numerically) zero singular value leaves its left vector free: complete the basis so U stays orthonormal.
      u = completeBasis(uColumns, m);
    }
    uColumns.push(u);
    for (let i = 0; i < m; i++) U[i * k + r] = u[i];
    for (let i = 0; i < n; i++) V[i * k + r] = vcols[j][i];
  }
  return { U, S, V, m, n, k };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

function rotate(x: Float64Array, y: Float64Array, c: number, s: number): void {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    x[i] = c * xi - s * yi;
    y[i] = s * xi + c * yi;
  }
}

/** A unit vector orthogonal to `basis`, by Gram–Schmidt on the standard basis vector that survives best. */
function completeBasis(basis: Float64Array[], m: number): Float64Array {
  let best: Float64Array | undefined;
  let bestNorm = -1;
  for (let e = 0; e < m; e++) {
    const v = new Float64Array(m);
    v[e] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const d = dot(v, b);
        for (let i = 0; i < m; i++) v[i] -= d * b[i];
      }
    }
    const nv = Math.sqrt(dot(v, v));
    if (nv > bestNorm) {
      bestNorm = nv;
      best = v;
    }
    if (nv > 0.5) break;
  }
  return best!.map((x) => x / bestNorm);
}

/** Reconstructs U·diag(S)·Vᵀ as a row-major m×n matrix (tests, sanity checks). */
export function reconstruct(d: Svd): Float64Array {
  const out = new Float64Array(d.m * d.n);
  for (let i = 0; i < d.m; i++) {
    for (let j = 0; j < d.n; j++) {
      let s = 0;
      for (let r = 0; r < d.k; r++) s += d.U[i * d.k + r] * d.S[r] * d.V[j * d.k + r];
      out[i * d.n + j] = s;
    }
  }
  return out;
}

/** Column r of a row-major matrix with `k` columns. */
export function column(mat: Float64Array, rows: number, k: number, r: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = mat[i * k + r];
  return out;
}
