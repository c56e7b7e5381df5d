/**
 * Continual-learning task streams built from one image dataset. PermutedMNIST (Goodfellow et al. 2013;
 * the SupSup and ExSSNeT benchmark): task t applies one fixed random permutation to the pixels of
 * every image, so all tasks share labels and difficulty but not input structure. The permutations
 * depend on the seed alone; the model applies them in its forward pass (a gather of the input
 * columns), so no per-task copy of the data is made.
 */
import type { Rng } from '../rng';

/** `tasks` pixel permutations of `dim` features; with `identityFirst`, task 0 sees the original images. */
export function taskPermutations(tasks: number, dim: number, rng: Rng, identityFirst = false): Int32Array[] {
  return Array.from({ length: tasks }, (_, t) => {
    const p = Int32Array.from({ length: dim }, (_, i) => i);
    return identityFirst && t === 0 ? p : (rng.fork(`task${t}`).shuffle(p) as Int32Array);
  });
}

/** Applies a permutation to one row-major batch of flat inputs on the host (tests and small data). */
export function permuteRows(x: Float32Array, dim: number, perm: Int32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let r = 0; r < x.length / dim; r++) for (let i = 0; i < dim; i++) out[r * dim + i] = x[r * dim + perm[i]];
  return out;
}
