import { defineRecipe } from '../../trainer/recipe';
import { thresholdout } from './index';
/**
 * Recipe for `paper: thresholdout`. Plain TypeScript (no tensors are needed): repetitions of the
 * adaptive feature-selection experiment, averaged, emitted as one curve per arm × measured-on set.
 */
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { runRep, meanStd, type ExperimentSettings, type RepResult } from './experiment';
import type { ThresholdoutConfig } from './schema';

const ARMS = ['standard', 'thresholdout'] as const;
const SETS = ['train', 'holdout', 'fresh'] as const;
/** The k at which the notes' [sim] numbers were read, per condition (the summaries report these). */
const REFERENCE_K: Record<string, number> = { no_signal: 100, signal: 300 };

export function settingsFrom(c: ThresholdoutConfig): ExperimentSettings {
  return {
    n: c.data.n,
    d: c.data.d,
    signalVars: c.data.signal_vars,
    signalBias: c.data.signal_bias,
    selectionFilter: c.analysis.selection_filter,
    ks: [...c.analysis.k].sort((a, b) => a - b),
    threshold: c.thresholdout.threshold,
    sigma: c.thresholdout.sigma,
    noise: c.thresholdout.noise_dist,
    budget: c.thresholdout.budget ?? Infinity,
  };
}

export const recipe = defineRecipe(thresholdout, async (ctx) => {
  const c = ctx.config;
  const s = settingsFrom(c);
  const reps = c.analysis.reps;
  const conditions = c.data.conditions;
  const total = conditions.length * reps;
  const rng = createRng(ctx.seed);
  let done = 0;

  for (const condition of conditions) {
    const results: RepResult[] = [];
    for (let r = 0; r < reps; r++) {
      if (ctx.shouldStop()) throw new StopRequested();
      // One stream per repetition: changing reps or the condition list never shifts another rep's data.
      results.push(runRep(s, condition === 'signal', rng.fork(`${condition}/${r}`)));
      ctx.progress(++done, total, `${condition.replace('_', ' ')} · rep ${r + 1}/${reps}`);
      await new Promise((resolve) => setImmediate(resolve)); // let stop requests and IPC through
    }
    emitCondition(ctx, s, condition, results);
  }
});

function emitCondition(ctx: RecipeContext, s: ExperimentSettings, condition: string, results: RepResult[]): void {
  for (const arm of ARMS) {
    const means: Record<string, number[]> = { train: [], holdout: [], fresh: [] };
    s.ks.forEach((k, i) => {
      for (const set of SETS) {
        const st = meanStd(results.map((r) => r[arm][i][set]));
        means[set].push(st.mean);
        if (st.count === 0) continue; // budget spent in every rep: nothing honest to draw
        ctx.emit({
          type: 'metric',
          step: k,
          series: { arm, measured_on: set, condition },
          values: { acc: st.mean, acc_std: st.std, reps_answered: st.count },
        });
      }
    });
    // Where the reported holdout accuracy first sits 3 standard errors of a fresh estimate above fresh data.
    const se = 0.5 / Math.sqrt(s.n);
    const firstOverfit = s.ks.findIndex((k, i) => k > 0 && means.holdout[i] - means.fresh[i] > 3 * se);
    if (firstOverfit >= 0) {
      ctx.emit({
        type: 'phase',
        step: s.ks[firstOverfit],
        series: { arm, condition },
        label: 'holdout overfitted (reported > fresh + 3 s.e.)',
      });
    }
    if (arm === 'thresholdout') {
      const exhausted = results.map((r) => r.exhaustedAtK).filter((k): k is number => k !== undefined);
      if (exhausted.length)
        ctx.emit({
          type: 'phase',
          step: Math.min(...exhausted),
          series: { arm, condition },
          label: `budget spent (in ${exhausted.length}/${results.length} reps)`,
        });
    }
    const wantK = REFERENCE_K[condition];
    const idx = s.ks.includes(wantK) ? s.ks.indexOf(wantK) : s.ks.length - 1;
    ctx.emit({
      type: 'summary',
      series: { arm, condition },
      values: {
        k: s.ks[idx],
        train_acc: means.train[idx],
        holdout_acc: means.holdout[idx],
        fresh_acc: means.fresh[idx],
        holdout_minus_fresh: means.holdout[idx] - means.fresh[idx],
        over_threshold_per_rep: arm === 'thresholdout' ? meanStd(results.map((r) => r.overThreshold)).mean : 0,
      },
    });
  }
}
