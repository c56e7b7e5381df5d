/**
 * Recipe for `paper: unsupervised-pretraining`. One factor-model task per run (from the seed); for each
 * labelled size n (at m unlabelled) and each unlabelled size m (at n = labeled_for_m_sweep), `reps`
 * fresh draws of the data. Summaries per sweep point and arm: the excess risk over the Bayes risk —
 * computed exactly for the linear predictors both methods produce (no test-set noise, which would
 * swamp excess risks of 10⁻³) — averaged over the repetitions (and its sd), plus the pretrained subspace's error and the ridge
 * λ the baseline chose; and the same downstream fit on the true factor subspace (`oracle`, pretraining
 * with m = ∞), which isolates the C_Ψ/n term of the paper's bound. Plain TypeScript: no tensors.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { summarize } from '../../core/stats';
import { unsupervisedPretraining } from './index';
import {
  bayesRisk,
  excessRisk,
  fitPretrained,
  fitSupervised,
  makeTask,
  pcaSubspace,
  sample,
  subspaceError,
  trueSubspace,
} from './experiment';

export const recipe = defineRecipe(unsupervisedPretraining, async (ctx) => {
  const c = ctx.config;
  const root = createRng(ctx.seed);
  const task = makeTask(c.model, root.fork('task'));
  const bayes = bayesRisk(task);
  const d = c.model.d;
  const rank = c.pretrain.rank;
  const ns = [...c.data.labeled].sort((a, b) => a - b);
  const ms = [...c.data.unlabeled_sweep].sort((a, b) => a - b);
  const total = c.data.reps * (ns.length + ms.length);
  let done = 0;
  ctx.log(
    `factor model d = ${d}, r = ${c.model.r}, strength ${c.model.factor_strength}; Bayes risk ${bayes.toFixed(4)}`,
  );
  ctx.emit({ type: 'summary', series: { arm: 'task' }, values: { bayes_risk: bayes } });

  const tick = async (label: string) => {
    if (ctx.shouldStop()) throw new StopRequested();
    ctx.progress(++done, total, label);
    await new Promise((r) => setImmediate(r));
  };

  for (const n of ns) {
    const pre: number[] = [];
    const sup: number[] = [];
    const orc: number[] = [];
    const sub: number[] = [];
    const lam: number[] = [];
    for (let rep = 0; rep < c.data.reps; rep++) {
      const rng = root.fork(`n${n}/rep${rep}`);
      const unl = sample(task, c.data.unlabeled, rng.fork('unlabeled'));
      const lab = sample(task, n, rng.fork('labeled'));
      const pca = pcaSubspace(unl.x, unl.n, d, rank);
      sub.push(subspaceError(pca.u, task, rank));
      pre.push(excessRisk(task, fitPretrained(pca, rank, lab, d)));
      if (rank === c.model.r) orc.push(excessRisk(task, fitPretrained(trueSubspace(task), rank, lab, d)));
      const s = fitSupervised(lab, d, c.baseline.lambdas);
      lam.push(s.lambda);
      sup.push(excessRisk(task, s));
      await tick(`n = ${n} · rep ${rep + 1}/${c.data.reps}`);
    }
    const p = summarize(pre);
    const s = summarize(sup);
    ctx.emit({
      type: 'summary',
      series: { arm: 'pretrain', sweep: 'n', n, m: c.data.unlabeled },
      values: { excess: p.mean, excess_sd: p.sd, subspace_error: summarize(sub).mean },
    });
    ctx.emit({
      type: 'summary',
      series: { arm: 'supervised', sweep: 'n', n },
      values: { excess: s.mean, excess_sd: s.sd, lambda: summarize(lam).mean },
    });
    if (orc.length)
      ctx.emit({
        type: 'summary',
        series: { arm: 'oracle', sweep: 'n', n },
        values: { excess: summarize(orc).mean, excess_sd: summarize(orc).sd },
      });
    ctx.log(`n = ${n}: excess risk pretrain ${p.mean.toPrecision(3)}, supervised ${s.mean.toPrecision(3)}`);
  }

  const nFixed = c.data.labeled_for_m_sweep;
  for (const m of ms) {
    const pre: number[] = [];
    const sub: number[] = [];
    for (let rep = 0; rep < c.data.reps; rep++) {
      const rng = root.fork(`m${m}/rep${rep}`);
      const unl = sample(task, m, rng.fork('unlabeled'));
      const lab = sample(task, nFixed, rng.fork('labeled'));
      const pca = pcaSubspace(unl.x, unl.n, d, rank);
      sub.push(subspaceError(pca.u, task, rank));
      pre.push(excessRisk(task, fitPretrained(pca, rank, lab, d)));
      await tick(`m = ${m} · rep ${rep + 1}/${c.data.reps}`);
    }
    const p = summarize(pre);
    ctx.emit({
      type: 'summary',
      series: { arm: 'pretrain', sweep: 'm', m, n: nFixed },
      values: { excess: p.mean, excess_sd: p.sd, subspace_error: summarize(sub).mean },
    });
  }
});
