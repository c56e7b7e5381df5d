/**
 * How well two weight matrices' singular vectors line up, rank by rank. Ito et al. argue that a
 * permutation changes a layer's singular vectors but not its singular values, and that weight matching
 * works by aligning the directions with LARGE singular values (the ones that dominate the function).
 * Plain TypeScript (uses the Jacobi SVD in trainer/linalg).
 */
import { svd } from './linalg/svd';
import type { DenseLayer } from './weightMatching';

export interface RankAlignment {
  /** 0-based rank (0 = largest singular value). */
  rank: number;
  sigmaA: number;
  sigmaB: number;
  /** |⟨u_A, u_B⟩|: output-unit side (the side a hidden layer's permutation acts on). */
  cosLeft: number;
  /** |⟨v_A, v_B⟩|: input side. */
  cosRight: number;
}

/** The kernel as the conventional W[out, in] (rows = output units), in Float64. */
function outByIn(layer: DenseLayer): Float64Array {
  const { fanIn, fanOut, kernel } = layer;
  const w = new Float64Array(fanIn * fanOut);
  for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) w[j * fanIn + i] = kernel[i * fanOut + j];
  return w;
}

/** Singular vectors are defined up to sign, so cosines are taken in absolute value. */
export function singularAlignment(a: DenseLayer, b: DenseLayer): RankAlignment[] {
  if (a.fanIn !== b.fanIn || a.fanOut !== b.fanOut) throw new Error('singular alignment: layers differ in shape');
  const m = a.fanOut;
  const n = a.fanIn;
  const da = svd(outByIn(a), m, n);
  const db = svd(outByIn(b), m, n);
  const k = da.k;
  const out: RankAlignment[] = [];
  for (let r = 0; r < k; r++) {
    let cu = 0;
    for (let i = 0; i < m; i++) cu += da.U[i * k + r] * db.U[i * k + r];
    let cv = 0;
    for (let i = 0; i < n; i++) cv += da.V[i * k + r] * db.V[i * k + r];
    out.push({ rank: r, sigmaA: da.S[r], sigmaB: db.S[r], cosLeft: Math.abs(cu), cosRight: Math.abs(cv) });
  }
  return out;
}
