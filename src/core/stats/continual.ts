/**
 * Continual-learning summaries of an accuracy matrix R, where R[i][j] is the accuracy on task j after
 * training on tasks 0..i (Lopez-Paz & Ranzato 2017, "Gradient Episodic Memory", §5: ACC and BWT;
 * Chaudhry et al. 2018 for forgetting). Rows may be ragged or hold undefined where a task was not
 * evaluated; such cells are skipped.
 */

export type AccuracyMatrix = readonly (readonly (number | undefined)[])[];

const ok = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Mean accuracy over all tasks after the last one is learned: (1/T) Σ_j R[T−1][j]. */
export function averageAccuracy(r: AccuracyMatrix): number {
  const last = r[r.length - 1] ?? [];
  const vals = last.slice(0, r.length).filter(ok);
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN;
}

/** Backward transfer: (1/(T−1)) Σ_{j<T−1} (R[T−1][j] − R[j][j]); negative = forgetting. */
export function backwardTransfer(r: AccuracyMatrix): number {
  const T = r.length;
  let sum = 0;
  let n = 0;
  for (let j = 0; j < T - 1; j++) {
    const end = r[T - 1]?.[j];
    const own = r[j]?.[j];
    if (ok(end) && ok(own)) ((sum += end - own), n++);
  }
  return n ? sum / n : NaN;
}

/** Forgetting of task j: the best accuracy it ever had before the end minus its final accuracy (≥ 0 when it dropped). */
export function forgetting(r: AccuracyMatrix, j: number): number {
  const T = r.length;
  const end = r[T - 1]?.[j];
  if (!ok(end)) return NaN;
  let best = -Infinity;
  for (let i = j; i < T - 1; i++) {
    const v = r[i]?.[j];
    if (ok(v)) best = Math.max(best, v);
  }
  return best === -Infinity ? NaN : best - end;
}

/** Mean forgetting over the tasks learned before the last (Chaudhry et al. 2018). */
export function averageForgetting(r: AccuracyMatrix): number {
  const fs: number[] = [];
  for (let j = 0; j < r.length - 1; j++) {
    const f = forgetting(r, j);
    if (ok(f)) fs.push(f);
  }
  return fs.length ? fs.reduce((a, b) => a + b, 0) / fs.length : NaN;
}
