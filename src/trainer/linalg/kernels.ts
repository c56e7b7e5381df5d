/**
 * Kernels as functions of inner products, so the large products (X·Xᵀ) can be formed by tfjs and the
 * elementwise maps done here: the RBF kernel, the infinite-width kernel (NNGP) of deep erf or ReLU
 * networks, and kernel–target / kernel–kernel alignments. Pure TypeScript, Float64.
 *
 * NNGP recursion (Neal 1996; Lee et al. 2018; neural_tangents' `stax.Dense`/`Erf`/`Relu` with the
 * standard W_std/√fan_in scaling): Σ¹(x, x') = σ_w² ⟨x, x'⟩/d + σ_b²; then per hidden layer
 * Σ^{l+1} = σ_w² E[φ(u)φ(v)] + σ_b² with (u, v) ~ N(0, Σ^l), where
 *   erf:  E = (2/π) arcsin(2Σ₁₂ / √((1 + 2Σ₁₁)(1 + 2Σ₂₂)))                      (Williams 1997)
 *   relu: E = √(Σ₁₁Σ₂₂) (sin θ + (π − θ) cos θ) / 2π,  cos θ = Σ₁₂/√(Σ₁₁Σ₂₂)   (Cho & Saul 2009)
 */

export interface DenseLayerVariance {
  /** σ_w²: the weights' variance times fan-in (W_std²). */
  wVar: number;
  /** σ_b²: the bias variance (b_std²). */
  bVar: number;
}

export type NngpActivation = 'erf' | 'relu';

export interface KernelBlock {
  /** Diagonal for the rows' inputs (a values). */
  diagA: Float64Array;
  /** Diagonal for the columns' inputs (b values). */
  diagB: Float64Array;
  /** a×b cross covariance, row-major. */
  cross: Float64Array;
}

function expectation(act: NngpActivation, s11: number, s22: number, s12: number): number {
  if (act === 'erf') {
    const r = (2 * s12) / Math.sqrt((1 + 2 * s11) * (1 + 2 * s22));
    return (2 / Math.PI) * Math.asin(Math.max(-1, Math.min(1, r)));
  }
  const norm = Math.sqrt(s11 * s22);
  if (!(norm > 0)) return 0;
  const c = Math.max(-1, Math.min(1, s12 / norm));
  const theta = Math.acos(c);
  return (norm * (Math.sin(theta) + (Math.PI - theta) * c)) / (2 * Math.PI);
}

/**
 * The NNGP covariance of the network's output between input sets A and B, from their inner products:
 * `ipA` = ⟨a, a⟩ per row of A, `ipB` likewise, `ipAB` the a×b matrix of ⟨a_i, b_j⟩, `inputDim` = d.
 * `layers` are the dense layers in order, the last one being the readout (no activation after it).
 */
export function nngpKernel(
  ipA: ArrayLike<number>,
  ipB: ArrayLike<number>,
  ipAB: ArrayLike<number>,
  inputDim: number,
  layers: DenseLayerVariance[],
  act: NngpActivation,
): KernelBlock {
  const a = ipA.length;
  const b = ipB.length;
  if (ipAB.length !== a * b)
    throw new RangeError(`nngpKernel: cross products have ${ipAB.length} entries, expected ${a}×${b}`);
  if (layers.length < 1) throw new RangeError('nngpKernel: at least the readout layer is needed');
  const [first, ...rest] = layers;
  const diagA = Float64Array.from(ipA, (v) => (first.wVar * v) / inputDim + first.bVar);
  const diagB = Float64Array.from(ipB, (v) => (first.wVar * v) / inputDim + first.bVar);
  const cross = Float64Array.from(ipAB, (v) => (first.wVar * v) / inputDim + first.bVar);
  for (const layer of rest) {
    const nextA = diagA.map((s) => layer.wVar * expectation(act, s, s, s) + layer.bVar);
    const nextB = diagB.map((s) => layer.wVar * expectation(act, s, s, s) + layer.bVar);
    for (let i = 0; i < a; i++)
      for (let j = 0; j < b; j++)
        cross[i * b + j] = layer.wVar * expectation(act, diagA[i], diagB[j], cross[i * b + j]) + layer.bVar;
    diagA.set(nextA);
    diagB.set(nextB);
  }
  return { diagA, diagB, cross };
}

/**
 * The RBF kernel exp(−‖a − b‖²/(2σ²)) from inner products (as the inductive-bias code's `rbf_kernel`,
 * σ = 1 there). Squared distances are clamped at 0 against rounding in float32 products.
 */
export function rbfFromInnerProducts(
  ipA: ArrayLike<number>,
  ipB: ArrayLike<number>,
  ipAB: ArrayLike<number>,
  sigma: number,
): Float64Array {
  const a = ipA.length;
  const b = ipB.length;
  const out = new Float64Array(a * b);
  const s = 1 / (2 * sigma * sigma);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) out[i * b + j] = Math.exp(-Math.max(0, ipA[i] + ipB[j] - 2 * ipAB[i * b + j]) * s);
  return out;
}

/**
 * Uncentred alignment ⟨K₁, K₂⟩_F / (‖K₁‖_F ‖K₂‖_F) of two kernels on the same points: 1 when one is a
 * positive multiple of the other. The tangent-kernel and representation alignments of the
 * connectivity-rank code (BioRNN_RichLazy main.py: `sum(Kf*K0)/norm(Kf)/norm(K0)`).
 */
export function kernelAlignment(k1: ArrayLike<number>, k2: ArrayLike<number>): number {
  if (k1.length !== k2.length) throw new RangeError('kernelAlignment: kernels of different sizes');
  let dot = 0;
  let n1 = 0;
  let n2 = 0;
  for (let i = 0; i < k1.length; i++) {
    dot += k1[i] * k2[i];
    n1 += k1[i] * k1[i];
    n2 += k2[i] * k2[i];
  }
  return n1 > 0 && n2 > 0 ? dot / Math.sqrt(n1 * n2) : 0;
}

/**
 * Centred kernel–target alignment A = ỹᵀK̃ỹ / (‖K̃‖_F ‖ỹ‖²), K̃ = HKH, ỹ = y − ȳ (H the centring
 * matrix), centred on both sides as in Cortes et al. 2012: near 1 when the kernel's top direction is
 * the target. Kumar et al.'s notebook (`kalignment`) centres one side only: `columnCentredAlignment`.
 */
export function centredAlignment(k: ArrayLike<number>, p: number, y: ArrayLike<number>): number {
  // K̃ = K − row means − column means + grand mean (K symmetric, so row means = column means).
  const rowMean = new Float64Array(p);
  let grand = 0;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += k[i * p + j];
    rowMean[i] = s / p;
    grand += s;
  }
  grand /= p * p;
  return alignmentOf(p, y, (i, j) => k[i * p + j] - rowMean[i] - rowMean[j] + grand);
}

/** ỹᵀK̃ỹ / (‖K̃‖_F ‖ỹ‖²) for a centred kernel given entry by entry. */
function alignmentOf(p: number, y: ArrayLike<number>, centred: (i: number, j: number) => number): number {
  let yMean = 0;
  for (let i = 0; i < p; i++) yMean += y[i] / p;
  let num = 0,
    fro = 0,
    yy = 0;
  for (let i = 0; i < p; i++) {
    const yi = y[i] - yMean;
    yy += yi * yi;
    for (let j = 0; j < p; j++) {
      const kc = centred(i, j);
      fro += kc * kc;
      num += yi * kc * (y[j] - yMean);
    }
  }
  return fro > 0 && yy > 0 ? num / (Math.sqrt(fro) * yy) : 0;
}

/**
 * Kernel–target alignment as Kumar et al.'s notebook computes it (`kalignment`: `Kc = K - K.mean(axis=0)`):
 * only the column means are removed, K̃ = K − 1 mᵀ with m_j = mean_i K_ij, and A = ỹᵀK̃ỹ / (‖K̃‖_F ‖ỹ‖²).
 * The numerator equals ỹᵀKỹ (ỹ sums to zero); the norm keeps the kernel's row-constant part, so A is
 * smaller than the doubly centred value wherever K has a large mean (K = yyᵀ gives ‖ỹ‖ / ‖y‖, not 1).
 */
export function columnCentredAlignment(k: ArrayLike<number>, p: number, y: ArrayLike<number>): number {
  const colMean = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) colMean[j] += k[i * p + j] / p;
  return alignmentOf(p, y, (i, j) => k[i * p + j] - colMean[j]);
}
