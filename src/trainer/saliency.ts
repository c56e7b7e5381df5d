/**
 * Pruning-at-initialization saliencies on a `Net`, per weight and summed over groups of layers:
 *   SNIP  (Lee et al. 2019):   S = |g ⊙ w|, g = ∂L/∂w on a batch; low scores are pruned.
 *   GraSP (Wang et al. 2020):  S = −w ⊙ Hg (H the Hessian of L); the paper removes the HIGHEST scores
 *                              (their removal least reduces the gradient flow gᵀg).
 * Hg needs second-order autodiff, which tfjs 4.22 computes wrongly through ReLU/tanh nets
 * (next-batches.md §2: `tf.grads(g·v)` errors of the size of the result), so it is taken by central
 * finite differences of the gradient along g: Hg ≈ [∇L(w + εg) − ∇L(w − εg)] / 2ε — two extra
 * gradients, exact for quadratic losses, O(ε²) otherwise.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { crossEntropy, type Net } from './model';

type Tf = typeof tfNs;

/** Host copies of ∂L/∂v for each variable, by variable name. */
export function gradientsOf(tf: Tf, loss: () => tfNs.Scalar, vars: tfNs.Variable[]): Map<string, Float32Array> {
  const { value, grads } = tf.variableGrads(loss, vars);
  const out = new Map<string, Float32Array>();
  for (const v of vars) out.set(v.name, Float32Array.from(grads[v.name].dataSync() as Float32Array));
  value.dispose();
  Object.values(grads).forEach((g) => g.dispose());
  return out;
}

/**
 * H·g at the current point by central differences of the gradient (see the file comment), where g is
 * the gradient there. `relStep` sets ε so that ‖εg‖ = relStep · max(‖w‖, 1): small enough for the O(ε²)
 * error, large enough that float32 differences do not cancel. Returns g and Hg by variable name; the
 * variables are restored exactly (their values are saved and written back).
 */
export function gradientAndHg(
  tf: Tf,
  loss: () => tfNs.Scalar,
  vars: tfNs.Variable[],
  relStep = 1e-3,
): { g: Map<string, Float32Array>; hg: Map<string, Float32Array>; eps: number } {
  const saved = new Map(vars.map((v) => [v.name, Float32Array.from(v.dataSync() as Float32Array)]));
  const g = gradientsOf(tf, loss, vars);
  let gNorm = 0;
  let wNorm = 0;
  for (const v of vars) {
    for (const x of g.get(v.name)!) gNorm += x * x;
    for (const x of saved.get(v.name)!) wNorm += x * x;
  }
  gNorm = Math.sqrt(gNorm);
  const hg = new Map<string, Float32Array>();
  if (gNorm === 0) {
    for (const v of vars) hg.set(v.name, new Float32Array(v.size));
    return { g, hg, eps: 0 };
  }
  const eps = (relStep * Math.max(Math.sqrt(wNorm), 1)) / gNorm;
  const shifted = (sign: number) => {
    for (const v of vars) {
      const w = saved.get(v.name)!;
      const d = g.get(v.name)!;
      const x = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) x[i] = w[i] + sign * eps * d[i];
      tf.tidy(() => v.assign(tf.tensor(x, v.shape)));
    }
    return gradientsOf(tf, loss, vars);
  };
  try {
    const plus = shifted(1);
    const minus = shifted(-1);
    for (const v of vars) {
      const p = plus.get(v.name)!;
      const m = minus.get(v.name)!;
      const out = new Float32Array(p.length);
      for (let i = 0; i < p.length; i++) out[i] = (p[i] - m[i]) / (2 * eps);
      hg.set(v.name, out);
    }
  } finally {
    for (const v of vars) tf.tidy(() => v.assign(tf.tensor(saved.get(v.name)!, v.shape)));
  }
  return { g, hg, eps };
}

export type Criterion = 'snip' | 'grasp';

/** Per-layer weight saliencies of `net` on one batch (x, one-hot y), by layer name. Biases are not scored. */
export function weightSaliency(
  tf: Tf,
  net: Net,
  x: tfNs.Tensor,
  y: tfNs.Tensor2D,
  criterion: Criterion,
): Map<string, Float32Array> {
  const loss = () => crossEntropy(tf, net.forward(x), y);
  const weights = net.layers.map((l) => l.weight);
  const out = new Map<string, Float32Array>();
  if (criterion === 'snip') {
    const g = gradientsOf(tf, loss, weights);
    for (const l of net.layers) {
      const w = l.weight.dataSync();
      const gl = g.get(l.weight.name)!;
      out.set(
        l.name,
        Float32Array.from(gl, (gi, i) => Math.abs(gi * w[i])),
      );
    }
    return out;
  }
  // GraSP differentiates through all weights (biases stay at their values), as in its code.
  const { hg } = gradientAndHg(tf, loss, weights);
  for (const l of net.layers) {
    const w = l.weight.dataSync();
    const h = hg.get(l.weight.name)!;
    out.set(
      l.name,
      Float32Array.from(h, (hi, i) => -w[i] * hi),
    );
  }
  return out;
}

/** Sums saliencies over named groups of layers (a residual block = its two layers; a unit = its row and column). */
export function groupScores(scores: Map<string, Float32Array>, groups: string[][]): number[] {
  return groups.map((names) =>
    names.reduce((s, n) => {
      const a = scores.get(n);
      if (!a) throw new Error(`No saliency for layer "${n}".`);
      let t = 0;
      for (let i = 0; i < a.length; i++) t += a[i];
      return s + t;
    }, 0),
  );
}

/**
 * Which groups to remove: the `p` least salient for SNIP (low |g⊙w| matters least), the `p` with the
 * HIGHEST score for GraSP (Wang et al. 2020 remove the largest −w⊙Hg). Ties go to the later group.
 */
export function groupsToRemove(scores: number[], p: number, criterion: Criterion): number[] {
  const order = scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (criterion === 'grasp' ? b.s - a.s : a.s - b.s) || b.i - a.i);
  return order
    .slice(0, p)
    .map((o) => o.i)
    .sort((a, b) => a - b);
}
