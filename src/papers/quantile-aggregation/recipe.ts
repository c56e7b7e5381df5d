/**
 * Recipe for `paper: quantile-aggregation`. Plain TypeScript, no tensors: independent replications of
 * experiment.ts, a running mean of each aggregate's post-sorted WIS as metrics, and at the end per arm
 * a summary of its scores through the stages (as aggregated, sorted, conformalized), its loss per
 * quantile level, and the level-weighted aggregate's mean weights.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { quantileLevels, summarize } from '../../core/stats';
import { quantileAggregation } from './index';
import { AGGREGATES, BASE_MODELS, runReplication, type Replication, type Scores } from './experiment';
import { STAGES } from './references';
import type { SeriesTags } from '../../core/runs/events';

const mean = (xs: number[]) => summarize(xs).mean;

export const recipe = defineRecipe(quantileAggregation, async (ctx) => {
  const c = ctx.config;
  const rng = createRng(ctx.seed);
  const levels = quantileLevels(c.levels);
  const reps: Replication[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < c.replications; r++) {
    if (ctx.shouldStop()) throw new StopRequested();
    // One stream per replication: adding replications never changes earlier ones.
    reps.push(runReplication(c, rng.fork(`rep/${r}`)));
    for (const arm of AGGREGATES)
      ctx.emit({
        type: 'metric',
        step: r + 1,
        series: { arm },
        values: { wis_sorted: mean(reps.map((x) => x.scores[arm].wisSorted)) },
      });
    ctx.progress(r + 1, c.replications, `replication ${r + 1}/${c.replications}`);
    await new Promise((resolve) => setImmediate(resolve)); // let stop requests and IPC through
  }
  const cpu = process.cpuUsage(cpu0);
  const uniform = mean(reps.map((x) => x.scores.uniform.wisSorted));

  const emitScores = (series: SeriesTags, all: Scores[], extra: Record<string, number>) => {
    const m = (f: (s: Scores) => number) => mean(all.map(f));
    const wisSorted = m((s) => s.wisSorted);
    ctx.emit({
      type: 'summary',
      series,
      values: {
        wis: m((s) => s.wis),
        wis_sorted: wisSorted,
        wis_sorted_se: all.length > 1 ? summarize(all.map((s) => s.wisSorted)).sd / Math.sqrt(all.length) : 0,
        wis_conformal: m((s) => s.wisConformal),
        crossing: m((s) => s.crossing),
        coverage: m((s) => s.coverage),
        coverage_conformal: m((s) => s.coverageConformal),
        ratio_to_uniform: wisSorted / uniform,
        // Replications where sorting lowered the WIS strictly, and where it raised it (never, by the theorem).
        sort_lower_share: all.filter((s) => s.wisSorted < s.wis).length / all.length,
        sort_higher_share: all.filter((s) => s.wisSorted > s.wis + 1e-12).length / all.length,
        replications: all.length,
        ...extra,
      },
    });
    const stage = (x: number, values: Record<string, number>) =>
      // The stages figure compares the aggregates; a base model's stages are in its own summary.
      series.arm !== 'base' && ctx.emit({ type: 'summary', series: { ...series, panel: 'stages', stage: x }, values });
    stage(STAGES.raw, { wis: m((s) => s.wis) }); // raw quantiles may cross: coverage is read after sorting
    stage(STAGES.sorted, { wis: wisSorted, coverage: m((s) => s.coverage) });
    stage(STAGES.conformal, { wis: m((s) => s.wisConformal), coverage: m((s) => s.coverageConformal) });
    levels.forEach((level, k) =>
      ctx.emit({
        type: 'summary',
        series: { ...series, panel: 'levels', level },
        values: { pinball: m((s) => s.pinball[k]) },
      }),
    );
  };

  for (const arm of AGGREGATES) {
    const all = reps.map((x) => x.scores[arm]);
    const versus = (other: (typeof AGGREGATES)[number]) =>
      reps.filter((x) => x.scores.level_weighted.wisSorted < x.scores[other].wisSorted).length / reps.length;
    emitScores({ arm }, all, {
      ...(arm === 'level_weighted'
        ? {
            wins_vs_uniform: versus('uniform'),
            wins_vs_model_weighted: versus('model_weighted'),
            wins_vs_best_base: versus('best_base'),
            cpu_s_per_replication: (cpu.user + cpu.system) / 1e6 / reps.length,
            nominal: c.interval,
          }
        : {}),
      ...(arm === 'best_base'
        ? Object.fromEntries(
            BASE_MODELS.map((m) => [`chosen_${m}`, reps.filter((x) => x.bestBase === m).length / reps.length]),
          )
        : {}),
    });
  }
  for (const model of BASE_MODELS)
    emitScores(
      { arm: 'base', model },
      reps.map((x) => x.base[model]),
      {},
    );

  const K = levels.length;
  BASE_MODELS.forEach((model, m) =>
    levels.forEach((level, k) =>
      ctx.emit({
        type: 'summary',
        series: { arm: 'level_weighted', panel: 'weights', model, level },
        values: {
          weight: mean(reps.map((x) => x.levelWeights[m * K + k])),
          model_weight: mean(reps.map((x) => x.modelWeights[m * K + k])),
        },
      }),
    ),
  );
});
