/**
 * The aligned rank-1 initial connectivity (our construction for the RNN; the paper's aligned case is
 * its two-layer linear analysis, §2.3 and Proposition 1, where W₁ is set from the task's statistics).
 * In the code's convention h_new = W h, W₀ = s·u vᵀ: activity along v — the direction the two evidence
 * channels push the state apart, W_in·(e₂ − e₁) — is mapped onto u, the direction that tells the two
 * choices apart at the readout, W_out(choice 2) − W_out(choice 1). So W₀ already carries the
 * task's input–output structure; s = ‖W₀‖_F of the random draw keeps the norm equal to the other arms.
 * Pure: Float64Array in, row-major N×N out.
 */

/**
 * `wIn` is [inputs, N] row-major (our h·W_in layout), `wOut` is [N, outputs]; `evidence` the two input
 * channels and `choices` the two output classes compared.
 */
export function alignedRankOne(
  wIn: ArrayLike<number>,
  wOut: ArrayLike<number>,
  n: number,
  outputs: number,
  norm: number,
  evidence: [number, number] = [1, 2],
  choices: [number, number] = [1, 2],
): Float64Array {
  const v = Float64Array.from({ length: n }, (_, j) => wIn[evidence[1] * n + j] - wIn[evidence[0] * n + j]);
  const u = Float64Array.from({ length: n }, (_, i) => wOut[i * outputs + choices[1]] - wOut[i * outputs + choices[0]]);
  const nv = Math.hypot(...v);
  const nu = Math.hypot(...u);
  if (!(nv > 0) || !(nu > 0)) throw new Error('alignedRankOne: the evidence or choice direction is zero.');
  const w = new Float64Array(n * n);
  // ‖s·u vᵀ‖_F = s·‖u‖·‖v‖ for unit u, v: s = norm.
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i * n + j] = (norm * u[i] * v[j]) / (nu * nv);
  return w;
}
