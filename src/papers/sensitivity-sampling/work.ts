/**
 * The work of a run, in MAC-equivalents: per matrix, Lewis weights (iterations × 2nd²), the sensitivity
 * estimates (n²d), the exact rows (check_rows × IRLS × nd²), the test directions (n·d·T); per sampler,
 * about (log₂(n/d) + bisections) sizes × trials samples of ≤ n rows over T directions plus a regression
 * on the sample (m·d² per IRLS step), × OP_COST MAC-equivalents per scalar operation (measured: the
 * example's 3.2e10 operations took 28 s of one core, against ~5e9 MAC-eq/s).
 */
import type { SsConfig } from './schema';

const OP_COST = 4;

export function ssWork(c: SsConfig): number {
  const n = c.matrix.rows;
  const t = c.sampling.directions + c.sampling.sensitive_directions;
  const irls = c.sensitivity.irls_iterations;
  let work = 0;
  for (const d of new Set(c.matrix.dims)) {
    const perMatrix =
      c.lewis.iterations * 2 * n * d * d + n * n * d + c.sensitivity.check_rows * irls * n * d * d + n * d * t;
    const sizes = Math.max(1, Math.log2(n / Math.max(1, d))) + c.sampling.bisections;
    const m = Math.min(n, 20 * d); // a typical size at the search's end
    const perSample = m * t + (c.sampling.regression ? (irls / 2) * (m * d * d + n * d) : 0);
    work += perMatrix + c.sampling.methods.length * sizes * c.sampling.trials * perSample;
  }
  return c.matrix.structures.length * work * OP_COST;
}
