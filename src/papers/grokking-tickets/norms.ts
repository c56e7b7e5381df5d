/**
 * Weight norms as the official code measures them (Grokking-Tickets utils.py `get_weight_norm`): the
 * norm of each weight matrix, summed over matrices (the code then divides by their count, which
 * cancels in every ratio below). The norm-matched controls scale every matrix of the dense θ0 by ONE
 * factor (model.py `set_weight_ratio`) so that this sum equals the ticket's at initialisation: L2 in
 * prune.py's `same_norm_init` (`l2_weight_ratio`), L1 for the abstract's "same L1 … norms". One
 * factor cannot match both norms at once, hence two controls. Pure: arrays in, numbers out.
 */

/** Σ over matrices of ‖W‖_p (p = 1: sum of |w|; p = 2: the Frobenius norm). */
export function summedNorm(matrices: readonly ArrayLike<number>[], p: 1 | 2): number {
  let total = 0;
  for (const m of matrices) {
    let s = 0;
    for (let i = 0; i < m.length; i++) s += p === 1 ? Math.abs(m[i]) : m[i] * m[i];
    total += p === 1 ? s : Math.sqrt(s);
  }
  return total;
}

/**
 * The factor that brings the dense matrices' summed p-norm to the target's (the masked ticket at
 * init): summedNorm(target, p) / summedNorm(dense, p). Norms are homogeneous, so scaling every dense
 * matrix by it makes the two sums equal.
 */
export function normMatchingFactor(
  target: readonly ArrayLike<number>[],
  dense: readonly ArrayLike<number>[],
  p: 1 | 2,
): number {
  const d = summedNorm(dense, p);
  return d > 0 ? summedNorm(target, p) / d : 1;
}
