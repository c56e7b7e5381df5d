/**
 * Recipe for `paper: dense-hebbian`. Plain TypeScript: for each load K and number of examples M,
 * replications of (dataset, pairwise retrieval, dense retrieval) on the same dataset; one summary per
 * arm, K and M, plus the ceiling set by the class averages themselves.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { summarize } from '../../core/stats';
import { denseHebbian } from './index';
import { drawDataset, runTrial, type HebbianSettings } from './experiment';

/** Mattis magnetization that counts as retrieval (the usual 0.9 of the retrieval literature). */
export const RETRIEVED = 0.9;

export const recipe = defineRecipe(denseHebbian, async (ctx) => {
  const c = ctx.config;
  const rng = createRng(ctx.seed);
  const total = c.data.archetypes.length * c.data.examples.length;
  let done = 0;
  for (const K of c.data.archetypes)
    for (const M of c.data.examples) {
      if (ctx.shouldStop()) throw new StopRequested();
      const base: Omit<HebbianSettings, 'P'> = {
        N: c.network.units,
        K,
        M,
        r: c.data.quality,
        beta: c.dynamics.beta,
        sweeps: c.dynamics.sweeps,
        startNoise: c.dynamics.start_noise,
        tested: c.dynamics.tested,
      };
      const m: Record<'pairwise' | 'dense' | 'ceiling', number[]> = { pairwise: [], dense: [], ceiling: [] };
      let updates = 0;
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < c.replications; r++) {
        const stream = rng.fork(`K${K}/M${M}/${r}`);
        const data = drawDataset(base.N, K, M, base.r, stream.fork('data'));
        // Both networks see the same dataset and the same cues (the dynamics stream is forked alike).
        for (const [arm, P] of [
          ['pairwise', 2],
          ['dense', c.network.dense_p],
        ] as const) {
          const t = runTrial({ ...base, P }, data, stream.fork('dynamics'));
          m[arm].push(...t.magnetization);
          if (arm === 'dense') m.ceiling.push(...t.ceiling);
          updates += t.updates;
        }
      }
      const cpu = process.cpuUsage(cpu0);
      for (const arm of ['dense', 'pairwise', 'ceiling'] as const) {
        const s = summarize(m[arm]);
        ctx.emit({
          type: 'summary',
          series: { arm, K, M },
          values: {
            magnetization: s.mean,
            magnetization_se: s.n > 1 ? s.sd / Math.sqrt(s.n) : 0,
            retrieved: m[arm].filter((v) => v >= RETRIEVED).length / m[arm].length,
            trials: s.n,
            ...(arm === 'dense' ? { updates, cpu_s: (cpu.user + cpu.system) / 1e6 } : {}),
          },
        });
      }
      ctx.progress(++done, total, `K = ${K} · M = ${M}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
});
