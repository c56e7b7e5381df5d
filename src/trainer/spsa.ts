/**
 * Zeroth-order training with shared randomness (SPSA as in MeZO, Malladi et al. 2023, decentralised by
 * Zelikman et al. 2023, "Just One Byte"; official code ezelikman/justonebyte app.py):
 *   - every perturbation z ~ N(0, I) over ALL parameters is drawn from a seed that names it
 *     (iteration, machine, sample), so any machine can regenerate any other machine's z;
 *   - a machine measures the projected gradient g = (L(θ + εz) − L(θ − εz)) / (2ε) on its own batch
 *     and sends only g (4 bytes as float32, 1 byte quantized);
 *   - every machine then applies the same update θ ← θ − lr·Σ_k g_k·z_k / √K over all K scalars it
 *     received (app.py `apply_all_grads`: learning_rate · grad / sqrt(num_samples), z not scaled by ε).
 * Because the update is the same sum of regenerated perturbations on every machine, the replicas stay
 * identical without ever sending weights: one simulated model stands for all of them.
 * The one-byte quantizer of the projected gradients is in ./logQuantizer.ts (pure: rules read it).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Rng } from './rng';

type Tf = typeof tfNs;

/** The parameters being perturbed, as one flat vector (variables in order). */
export interface FlatParams {
  vars: tfNs.Variable[];
  sizes: number[];
  total: number;
}

export function flatParams(vars: tfNs.Variable[]): FlatParams {
  const sizes = vars.map((v) => v.size);
  return { vars, sizes, total: sizes.reduce((a, b) => a + b, 0) };
}

/** The stream a perturbation is drawn from: a fork of the run's root named by (iteration, machine, sample). */
export function perturbationRng(root: Rng, iteration: number, machine: number, sample: number): Rng {
  return root.fork(`spsa/${iteration}/${machine}/${sample}`);
}

/** z ~ N(0, I) of the parameters' total size, from its named stream (same name ⇒ same z, anywhere). */
export function drawPerturbation(rng: Rng, total: number, out = new Float32Array(total)): Float32Array {
  for (let i = 0; i < total; i++) out[i] = rng.normal();
  return out;
}

/** Host copy of the parameters, as one flat vector. */
export function readFlat(p: FlatParams): Float32Array {
  const out = new Float32Array(p.total);
  let o = 0;
  for (const v of p.vars) {
    out.set(v.dataSync() as Float32Array, o);
    o += v.size;
  }
  return out;
}

/** Sets the parameters to `theta + scale·z` (z omitted: to theta). */
export function writeFlat(tf: Tf, p: FlatParams, theta: Float32Array, z?: Float32Array, scale = 0): void {
  let o = 0;
  for (const v of p.vars) {
    const n = v.size;
    const part = new Float32Array(n);
    for (let i = 0; i < n; i++) part[i] = theta[o + i] + (z ? scale * z[o + i] : 0);
    tf.tidy(() => v.assign(tf.tensor(part, v.shape)));
    o += n;
  }
}

/**
 * g = (L(θ + εz) − L(θ − εz)) / (2ε) for the loss `lossNow` reads from the current parameters;
 * leaves the parameters at exactly θ (rewritten from the host copy, so no drift accumulates).
 * Returns g and the mean of the two losses (the training loss the paper's code logs).
 */
export function projectedGradient(
  tf: Tf,
  p: FlatParams,
  theta: Float32Array,
  z: Float32Array,
  eps: number,
  lossNow: () => number,
): { g: number; loss: number } {
  writeFlat(tf, p, theta, z, eps);
  const plus = lossNow();
  writeFlat(tf, p, theta, z, -eps);
  const minus = lossNow();
  writeFlat(tf, p, theta);
  return { g: (plus - minus) / (2 * eps), loss: (plus + minus) / 2 };
}

/** A scalar on the wire: the seed names its perturbation, g is what was sent. */
export interface SpsaMessage {
  machine: number;
  sample: number;
  g: number;
}

/**
 * θ ← θ − lr·Σ_k g_k·z_k / √K, every z_k regenerated from its name (K = messages.length). Updates the
 * host copy `theta` in place and writes it to the parameters.
 */
export function applySpsaUpdate(
  tf: Tf,
  p: FlatParams,
  theta: Float32Array,
  root: Rng,
  iteration: number,
  messages: readonly SpsaMessage[],
  lr: number,
): void {
  if (!messages.length) return;
  const z = new Float32Array(p.total);
  const scale = lr / Math.sqrt(messages.length);
  for (const m of messages) {
    drawPerturbation(perturbationRng(root, iteration, m.machine, m.sample), p.total, z);
    const c = scale * m.g;
    for (let i = 0; i < p.total; i++) theta[i] -= c * z[i];
  }
  writeFlat(tf, p, theta);
}
