/**
 * Recipe for `paper: presto`. Plain TypeScript, no tensors: per intercept setting, independent
 * replications of the §4.1 simulation (experiment.ts), a running mean per method as metrics, and one
 * summary per method and setting.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { median } from '../../core/estimate/calibrate';
import { createRng } from '../../trainer/rng';
import { summarize } from '../../core/stats';
import { presto } from './index';
import { METHODS, runReplication, type PrestoSettings, type Replication } from './experiment';
import type { PrestoConfig } from './schema';

export function settingsFor(c: PrestoConfig, intercepts: number[]): PrestoSettings {
  return {
    n: c.data.n,
    p: c.data.p,
    K: c.data.classes,
    intercepts,
    beta: c.data.beta,
    devSize: c.data.dev_size,
    devProb: c.data.dev_prob,
    lambdas: c.fit.lambdas,
    lambdaMinRatio: c.fit.lambda_min_ratio,
    folds: c.fit.folds,
  };
}

export const recipe = defineRecipe(presto, async (ctx) => {
  const c = ctx.config;
  const rng = createRng(ctx.seed);
  const total = c.data.intercepts.length * c.replications;
  let done = 0;
  for (const intercepts of c.data.intercepts) {
    const s = settingsFor(c, intercepts);
    const rare = intercepts[s.K - 2];
    const reps: Replication[] = [];
    const cpu0 = process.cpuUsage();
    for (let r = 0; r < c.replications; r++) {
      if (ctx.shouldStop()) throw new StopRequested();
      // One stream per setting and replication: adding replications never changes earlier ones.
      reps.push(runReplication(s, rng.fork(`${intercepts.join(',')}/${r}`)));
      for (const arm of METHODS)
        ctx.emit({
          type: 'metric',
          step: r + 1,
          series: { arm, rare_intercept: rare },
          values: { rare_prob_mse: summarize(reps.map((x) => x.mse[arm])).mean },
        });
      ctx.progress(++done, total, `α_${s.K - 1} = ${rare} · replication ${r + 1}/${c.replications}`);
      await new Promise((resolve) => setImmediate(resolve)); // let stop requests and IPC through
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuPerRep = (cpu.user + cpu.system) / 1e6 / reps.length;
    const prestoMse = reps.map((x) => x.mse.presto);
    for (const arm of METHODS) {
      const m = summarize(reps.map((x) => x.mse[arm]));
      const wins = reps.filter((x) => x.mse.presto < x.mse[arm]).length;
      ctx.emit({
        type: 'summary',
        series: { arm, rare_intercept: rare },
        values: {
          rare_prob_mse: m.mean,
          rare_prob_mse_se: m.n > 1 ? m.sd / Math.sqrt(m.n) : 0,
          // PRESTO's MSE over this arm's, as a ratio of means, and how often PRESTO wins a replication.
          presto_ratio: summarize(prestoMse).mean / m.mean,
          presto_wins: arm === 'presto' ? 0 : wins / reps.length,
          rare_events: summarize(reps.map((x) => x.rareCount)).mean,
          replications: reps.length,
          ...(arm === 'presto'
            ? {
                lambda_ratio_median: median(reps.map((x) => x.lambdaRatio)),
                proportional_odds_selected: reps.filter((x) => x.lambdaRatio === 1).length / reps.length,
                cpu_s_per_replication: cpuPerRep,
                loss_evaluations_per_replication: summarize(reps.map((x) => x.evaluations)).mean,
              }
            : {}),
        },
      });
    }
  }
});
