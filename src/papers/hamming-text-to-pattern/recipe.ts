/**
 * Recipe for `paper: hamming-text-to-pattern`: for each pattern length, one random text and pattern,
 * each algorithm run once to warm the JIT and then `repeats` times with its CPU time measured; the
 * median, the operation count and whether every algorithm returned the same distances are emitted,
 * then the fitted exponent of m per algorithm.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { median } from '../../core/estimate/calibrate';
import { createRng } from '../../trainer/rng';
import { fitPowerLaw } from '../../core/stats';
import { hammingTextToPattern } from './index';
import { ALGORITHMS, type HammingResult } from './algorithms';
import { randomString, sampler } from './data';

function cpuMs(f: () => HammingResult): { ms: number; result: HammingResult } {
  const t0 = process.cpuUsage();
  const result = f();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1e3, result };
}

export const recipe = defineRecipe(hammingTextToPattern, async (ctx) => {
  const c = ctx.config;
  const rng = createRng(ctx.seed);
  const ms = [...c.pattern_lengths].sort((a, b) => a - b);
  const total = ms.length * c.algorithms.length * c.alphabet.distributions.length;
  let done = 0;
  for (const alphabet of c.alphabet.distributions) {
    const points: Record<string, { m: number; ms: number; ops: number }[]> = {};
    for (const m of ms) {
      const size = c.alphabet.size || Math.ceil(Math.sqrt(m));
      const draw = sampler(size, alphabet, rng.fork(`${alphabet}/m${m}`));
      const text = randomString(c.text_length, draw);
      const pattern = randomString(m, draw);
      let reference: Int32Array | undefined;
      for (const arm of c.algorithms) {
        if (ctx.shouldStop()) throw new StopRequested();
        const run = () =>
          arm === 'abrahamson'
            ? ALGORITHMS.abrahamson(text, pattern, c.abrahamson_threshold)
            : ALGORITHMS[arm](text, pattern);
        const warm = cpuMs(run); // JIT warm-up: not counted
        const times: number[] = [];
        for (let r = 0; r < c.repeats; r++) times.push(cpuMs(run).ms);
        const { distances, ops, heavyChars } = warm.result;
        reference ??= distances;
        const agrees = distances.length === reference.length && distances.every((v, i) => v === reference![i]);
        const t = median(times);
        (points[arm] ??= []).push({ m, ms: t, ops });
        ctx.emit({
          type: 'summary',
          series: { arm, m, kind: 'time', alphabet },
          values: {
            cpu_ms: t,
            cpu_ms_min: Math.min(...times),
            ops,
            heavy_chars: heavyChars,
            alphabet: size,
            agrees: agrees ? 1 : 0,
          },
        });
        ctx.progress(++done, total, `${alphabet} · m = ${m} · ${arm}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const arm of c.algorithms) {
      const p = points[arm] ?? [];
      const time = fitPowerLaw(
        p.map((x) => x.m),
        p.map((x) => x.ms),
      );
      const ops = fitPowerLaw(
        p.map((x) => x.m),
        p.map((x) => x.ops),
      );
      const last = p.at(-1);
      const naiveLast = points.naive?.at(-1);
      ctx.emit({
        type: 'summary',
        series: { arm, kind: 'fit', alphabet },
        values: {
          time_exponent: time?.slope ?? NaN,
          time_exponent_low: time?.slopeLow ?? NaN,
          time_exponent_high: time?.slopeHigh ?? NaN,
          ops_exponent: ops?.slope ?? NaN,
          largest_m: last?.m ?? NaN,
          speedup_vs_naive_at_largest_m: last && naiveLast ? naiveLast.ms / last.ms : NaN,
        },
      });
    }
  }
});
