/**
 * Recipe for `paper: local-graph-clustering`. Plain TypeScript: for each flip rate, independent
 * replications (graph, labels, seed node), the three methods' F1, and one summary per method.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { summarize } from '../../core/stats';
import { localGraphClustering } from './index';
import { METHODS, runReplication, type LgcReplication, type LgcSettings } from './experiment';
import type { LgcConfig } from './schema';

export function settingsOf(c: LgcConfig): LgcSettings {
  return {
    blocks: c.graph.blocks,
    blockSize: c.graph.block_size,
    pIn: c.graph.p_in,
    pOut: c.graph.p_out,
    epsilon: c.labels.epsilon,
    massFactor: c.diffusion.mass_factor,
    tol: c.diffusion.tol,
  };
}

export const recipe = defineRecipe(localGraphClustering, async (ctx) => {
  const c = ctx.config;
  const s = settingsOf(c);
  const rng = createRng(ctx.seed);
  const total = c.labels.flip_rates.length * c.replications;
  let done = 0;
  for (const flip of c.labels.flip_rates) {
    const reps: LgcReplication[] = [];
    const cpu0 = process.cpuUsage();
    for (let r = 0; r < c.replications; r++) {
      if (ctx.shouldStop()) throw new StopRequested();
      // Replication r draws the same graph and seed node at every flip rate: only the labels differ.
      reps.push(runReplication(s, flip, rng.fork(`rep/${r}`)));
      ctx.progress(++done, total, `flip ${flip} · replication ${r + 1}/${c.replications}`);
      if (r % 10 === 9) await new Promise((resolve) => setImmediate(resolve)); // let stop requests through
    }
    const cpu = process.cpuUsage(cpu0);
    for (const arm of METHODS) {
      const f1 = summarize(reps.map((x) => x.f1[arm]));
      const support = arm === 'labels' ? undefined : summarize(reps.map((x) => x.touched[arm]));
      ctx.emit({
        type: 'summary',
        series: { arm, flip },
        values: {
          f1: f1.mean,
          f1_se: f1.n > 1 ? f1.sd / Math.sqrt(f1.n) : 0,
          precision: summarize(reps.map((x) => x.precision[arm])).mean,
          recall: summarize(reps.map((x) => x.recall[arm])).mean,
          // The weighted arm's F1 minus this arm's, paired by replication (0 for the weighted arm).
          weighted_minus: summarize(reps.map((x) => x.f1.weighted - x.f1[arm])).mean,
          replications: reps.length,
          ...(support
            ? { support: support.mean, pushes: summarize(reps.map((x) => x.pushes[arm as 'weighted'])).mean }
            : {}),
          ...(arm === 'weighted' ? { cpu_ms_per_replication: (cpu.user + cpu.system) / 1e3 / reps.length } : {}),
        },
      });
    }
  }
});
