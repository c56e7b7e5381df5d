/**
 * Log-spaced evaluation steps, for runs whose phenomenon spans decades of steps (grokking's late
 * drop, the random walk of ‖w − w₀‖): dense where things change fast, sparse later. Pure arithmetic,
 * shared by the recipes that evaluate on it and by their work estimates.
 */

/** Steps 1–10, then `perDecade` log-spaced steps per factor of 10, and the last step. */
export function evalSteps(total: number, perDecade: number): number[] {
  const out = new Set<number>();
  for (let s = 1; s <= Math.min(10, total); s++) out.add(s);
  for (let k = perDecade; ; k++) {
    const s = Math.round(10 ** (k / perDecade));
    if (s > total) break;
    if (s > 10) out.add(s);
  }
  out.add(total);
  return [...out].sort((a, b) => a - b);
}
