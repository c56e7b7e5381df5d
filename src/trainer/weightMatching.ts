/**
 * Permutation-based weight matching between two MLPs (Ainsworth et al. 2023, "Git Re-Basin", §3.2;
 * analysed by Ito et al.): find permutations of B's hidden units that make B's weights as close as
 * possible to A's, layer by layer, by coordinate descent where each step is one linear assignment.
 * Permuting hidden units never changes what B computes, so any loss barrier left on the linear path
 * between A and π(B) is not a symmetry artefact.
 *
 * Plain TypeScript over Float32Arrays (no tfjs): the recipe reads weights out with `dataSync()`.
 * Layout: `kernel` is row-major [fanIn, fanOut], as tfjs's dense kernel (y = x·W + b).
 */
import { solveAssignmentMax } from './linalg/assignment';

export interface DenseLayer {
  kernel: Float32Array;
  bias: Float32Array;
  fanIn: number;
  fanOut: number;
}

/** perms[l][j] = the unit of B's hidden layer l that is put in A's position j. One per hidden layer. */
export type Permutations = Int32Array[];

export interface MatchResult {
  perms: Permutations;
  /** Coordinate-descent passes over all layers (a pass with no improvement ends the search). */
  iterations: number;
  /** Σ_l ⟨W_l^A, π(W^B)_l⟩ + ⟨b_l^A, π(b^B)_l⟩ at the end: the quantity maximized. */
  objective: number;
}

export function checkSameArchitecture(a: DenseLayer[], b: DenseLayer[]): void {
  if (a.length !== b.length) throw new Error(`weight matching: models have ${a.length} and ${b.length} layers`);
  a.forEach((la, l) => {
    const lb = b[l];
    if (la.fanIn !== lb.fanIn || la.fanOut !== lb.fanOut) {
      throw new Error(`weight matching: layer ${l} is ${la.fanIn}→${la.fanOut} in A but ${lb.fanIn}→${lb.fanOut} in B`);
    }
    if (l > 0 && a[l - 1].fanOut !== la.fanIn)
      throw new Error(`weight matching: layer ${l - 1} does not feed layer ${l}`);
  });
}

export function identityPerms(layers: DenseLayer[]): Permutations {
  return layers.slice(0, -1).map((l) => Int32Array.from({ length: l.fanOut }, (_, i) => i));
}

/** B's weights with its hidden units permuted: the same function, rearranged to line up with A. */
export function applyPermutations(layers: DenseLayer[], perms: Permutations): DenseLayer[] {
  return layers.map((layer, l) => {
    const inPerm = l > 0 ? perms[l - 1] : undefined;
    const outPerm = l < layers.length - 1 ? perms[l] : undefined;
    const { fanIn, fanOut } = layer;
    const kernel = new Float32Array(fanIn * fanOut);
    const bias = new Float32Array(fanOut);
    for (let i = 0; i < fanIn; i++) {
      const si = inPerm ? inPerm[i] : i;
      for (let j = 0; j < fanOut; j++) kernel[i * fanOut + j] = layer.kernel[si * fanOut + (outPerm ? outPerm[j] : j)];
    }
    for (let j = 0; j < fanOut; j++) bias[j] = layer.bias[outPerm ? outPerm[j] : j];
    return { kernel, bias, fanIn, fanOut };
  });
}

/**
 * Similarity between A's units and B's units of hidden layer l, given the other layers' current
 * permutations: S[j][k] = ⟨incoming weights of A_j, incoming of B_k⟩ + a_j·b_k + ⟨outgoing of A_j, outgoing of B_k⟩.
 */
function similarity(a: DenseLayer[], b: DenseLayer[], perms: Permutations, l: number): Float64Array {
  const n = a[l].fanOut;
  const s = new Float64Array(n * n);
  const inA = a[l];
  const inB = b[l];
  const inPerm = l > 0 ? perms[l - 1] : undefined;
  for (let i = 0; i < inA.fanIn; i++) {
    const rowA = i * n;
    const rowB = (inPerm ? inPerm[i] : i) * n;
    for (let j = 0; j < n; j++) {
      const x = inA.kernel[rowA + j];
      if (x === 0) continue;
      const sj = j * n;
      for (let k = 0; k < n; k++) s[sj + k] += x * inB.kernel[rowB + k];
    }
  }
  for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) s[j * n + k] += inA.bias[j] * inB.bias[k];
  const outA = a[l + 1];
  const outB = b[l + 1];
  const m = outA.fanOut;
  const outPerm = l + 1 < perms.length ? perms[l + 1] : undefined;
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      let acc = 0;
      for (let o = 0; o < m; o++) acc += outA.kernel[j * m + o] * outB.kernel[k * m + (outPerm ? outPerm[o] : o)];
      s[j * n + k] += acc;
    }
  }
  return s;
}

/** ⟨A, π(B)⟩ summed over all kernels and biases. */
export function matchingObjective(a: DenseLayer[], b: DenseLayer[], perms: Permutations): number {
  const pb = applyPermutations(b, perms);
  let total = 0;
  a.forEach((la, l) => {
    for (let k = 0; k < la.kernel.length; k++) total += la.kernel[k] * pb[l].kernel[k];
    for (let k = 0; k < la.bias.length; k++) total += la.bias[k] * pb[l].bias[k];
  });
  return total;
}

/**
 * Coordinate descent over hidden layers in a seeded random order (as the re-basin code does), each
 * step the exact optimum for one layer with the others fixed; stops after a pass without improvement
 * or `maxIter` passes. `random` returns uniform numbers in [0, 1).
 */
export function weightMatching(a: DenseLayer[], b: DenseLayer[], random: () => number, maxIter = 100): MatchResult {
  checkSameArchitecture(a, b);
  const perms = identityPerms(a);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    const order = perms.map((_, l) => l);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let improved = false;
    for (const l of order) {
      const n = a[l].fanOut;
      const s = similarity(a, b, perms, l);
      let current = 0;
      for (let j = 0; j < n; j++) current += s[j * n + perms[l][j]];
      const best = solveAssignmentMax(s, n, n);
      // Relative threshold: float noise must not keep the loop alive.
      if (best.total > current + 1e-9 * Math.max(1, Math.abs(current))) {
        perms[l] = best.rowToCol;
        improved = true;
      }
    }
    if (!improved) {
      iterations++;
      break;
    }
  }
  return { perms, iterations, objective: matchingObjective(a, b, perms) };
}

/** (1−λ)·A + λ·B, layer by layer. */
export function interpolateLayers(a: DenseLayer[], b: DenseLayer[], lambda: number): DenseLayer[] {
  checkSameArchitecture(a, b);
  const mix = (x: Float32Array, y: Float32Array): Float32Array => {
    const out = new Float32Array(x.length);
    for (let k = 0; k < x.length; k++) out[k] = (1 - lambda) * x[k] + lambda * y[k];
    return out;
  };
  return a.map((la, l) => ({
    kernel: mix(la.kernel, b[l].kernel),
    bias: mix(la.bias, b[l].bias),
    fanIn: la.fanIn,
    fanOut: la.fanOut,
  }));
}

/** ‖A_l − B_l‖₂ per layer, kernel and bias together. */
export function layerDistances(a: DenseLayer[], b: DenseLayer[]): number[] {
  return a.map((la, l) => {
    let s = 0;
    for (let k = 0; k < la.kernel.length; k++) s += (la.kernel[k] - b[l].kernel[k]) ** 2;
    for (let k = 0; k < la.bias.length; k++) s += (la.bias[k] - b[l].bias[k]) ** 2;
    return Math.sqrt(s);
  });
}

/**
 * The loss barrier of a path sampled at `lambdas` (which must include 0 and 1):
 * max_λ [L(λ) − ((1−λ)·L(0) + λ·L(1))] — the standard definition (Frankle et al. 2020; Entezari et al. 2022).
 */
export function lossBarrier(lambdas: number[], losses: number[]): number {
  const i0 = lambdas.indexOf(0);
  const i1 = lambdas.indexOf(1);
  if (i0 < 0 || i1 < 0) throw new Error('loss barrier: the λ grid must include both end points 0 and 1');
  let barrier = -Infinity;
  lambdas.forEach((lam, i) => {
    barrier = Math.max(barrier, losses[i] - ((1 - lam) * losses[i0] + lam * losses[i1]));
  });
  return barrier;
}
