/**
 * Recipe for `paper: sensitivity-sampling`: for each structure and width d, one matrix, its Lewis
 * weights, sensitivity estimates and total sensitivity S; for each sampler, the fewest rows that embed it
 * within ε. Then, per sampler, the power law of rows needed in S^{2/p} and in d, and both together.
 * Plain TypeScript (no tfjs): the blocks are in src/trainer/linalg and src/trainer/algorithms.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { fitLinearModel, fitScaling } from '../../core/stats';
import { sensitivitySampling } from './index';
import { lawExponent, makeMatrix, makeTestbed, rowsNeeded, samplerProbabilities, scoreMatrix } from './experiment';

interface Point {
  s: number;
  d: number;
  rows: number;
}

export const recipe = defineRecipe(sensitivitySampling, async (ctx) => {
  const c = ctx.config;
  const rng = createRng(ctx.seed);
  const n = c.matrix.rows;
  const law = lawExponent(c.p);
  const dims = [...new Set(c.matrix.dims)].sort((x, y) => x - y);
  const total = dims.length * c.matrix.structures.length;
  const points: Record<string, Point[]> = {};
  let done = 0;
  for (const structure of c.matrix.structures) {
    for (const d of dims) {
      if (ctx.shouldStop()) throw new StopRequested();
      const cpu0 = process.cpuUsage();
      const r = rng.fork(`${structure}/d${d}`);
      const a = makeMatrix(structure, n, d, c.p, c.matrix, r.fork('matrix'));
      const scores = scoreMatrix(a, n, d, c, r.fork('exact'));
      const bed = makeTestbed(a, n, d, c, scores, r.fork('tests'));
      const scoreMs = process.cpuUsage(cpu0);
      ctx.emit({
        type: 'summary',
        // The matrix's scores are what the sensitivity sampler draws from: its arm (every event has one).
        series: { kind: 'matrix', arm: 'sensitivity', structure, d },
        values: {
          S: scores.s,
          S_lower: scores.sLower,
          S_law: scores.s ** law,
          exact_over_estimate: scores.ratio,
          max_sensitivity: Math.max(...scores.estimate),
          lewis_sum: scores.lewis.reduce((s, v) => s + v, 0),
          lewis_last_change: scores.lewisChange,
          leverage_sum: scores.leverage.reduce((s, v) => s + v, 0),
          cpu_ms: (scoreMs.user + scoreMs.system) / 1e3,
        },
      });
      for (const arm of c.sampling.methods) {
        const cap = Math.max(2 * d, Math.round(c.sampling.max_draws * n));
        const found = rowsNeeded(bed, samplerProbabilities(arm, scores, c.p), c, cap, r.fork(`sample/${arm}`));
        (points[arm] ??= []).push({ s: scores.s, d, rows: found.rows });
        ctx.emit({
          type: 'summary',
          series: { kind: 'rows', arm, structure, d },
          values: {
            rows_needed: Number.isFinite(found.rows) ? found.rows : cap,
            censored: Number.isFinite(found.rows) ? 0 : 1,
            distortion: found.distortion,
            evaluations: found.evaluations,
            S: scores.s,
            S_law: scores.s ** law,
            rows_over_S_law: found.rows / scores.s ** law,
          },
        });
        await new Promise((resolve) => setImmediate(resolve)); // let a stop request through
      }
      ctx.progress(++done, total, `${structure} · d = ${d}`);
    }
  }
  for (const arm of c.sampling.methods) {
    const pts = (points[arm] ?? []).filter((q) => Number.isFinite(q.rows));
    const onLaw = fitScaling(
      pts.map((q) => q.s ** law),
      pts.map((q) => q.rows),
    );
    const onD = fitScaling(
      pts.map((q) => q.d),
      pts.map((q) => q.rows),
    );
    const both = fitLinearModel(
      [pts.map((q) => Math.log10(q.s ** law)), pts.map((q) => Math.log10(q.d))],
      pts.map((q) => Math.log10(q.rows)),
    );
    const [, cs, cd] = both?.coefficients ?? [];
    ctx.emit({
      type: 'summary',
      series: { kind: 'fit', arm },
      values: {
        points: pts.length,
        censored: (points[arm] ?? []).length - pts.length,
        law_slope: onLaw?.slope ?? NaN,
        law_low: onLaw?.slopeLow ?? NaN,
        law_high: onLaw?.slopeHigh ?? NaN,
        law_r2: onLaw?.r2 ?? NaN,
        d_slope: onD?.slope ?? NaN,
        d_low: onD?.slopeLow ?? NaN,
        d_high: onD?.slopeHigh ?? NaN,
        both_s: cs?.estimate ?? NaN,
        both_s_low: cs?.low ?? NaN,
        both_s_high: cs?.high ?? NaN,
        both_d: cd?.estimate ?? NaN,
        both_d_low: cd?.low ?? NaN,
        both_d_high: cd?.high ?? NaN,
        law_exponent: law,
      },
    });
  }
});
