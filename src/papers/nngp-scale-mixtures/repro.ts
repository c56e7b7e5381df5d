/**
 * The reproduction table for `npm run repro -- nngp-scale-mixtures`: the output distributions' tests
 * per arm, the regression NLLs per outlier fraction and input shift, and the claims measured on the
 * run (`reproClaims`). Pure: reads events.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

const f = (x: number | undefined, d = 3) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const p = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : x < 1e-3 ? x.toExponential(1) : x.toFixed(3);

const sums = (events: RunEvent[]) => events.filter((e): e is SummaryEvent => e.type === 'summary');
const prior = (events: RunEvent[], arm: string) =>
  sums(events).find((s) => s.series.part === 'prior' && s.series.arm === arm)?.values;
const reg = (events: RunEvent[], sweep: string, tag: string) => {
  const rows = new Map<number, Record<string, SummaryEvent['values']>>();
  for (const s of sums(events)) {
    if (s.series.part !== 'regression' || s.series.sweep !== sweep) continue;
    const x = Number(s.series[tag]);
    const row = rows.get(x) ?? {};
    row[String(s.series.arm)] = s.values;
    rows.set(x, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]);
};

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const ig = prior(events, 'invgamma');
  const gp = prior(events, 'nngp');
  const out: ClaimCheck[] = [];
  if (ig && gp) {
    out.push(
      {
        id: 'invgamma-is-student-t',
        claim: 'inverse-gamma last-layer variance: outputs follow the predicted Student-t (KS p > 0.05)',
        tests: [{ label: 'KS p vs Student-t(2α)', value: ig.ks_predicted_p, op: '>', threshold: 0.05, digits: 3 }],
      },
      {
        id: 'invgamma-not-gaussian',
        claim: 'and are not Gaussian: a Gaussian of the same variance is rejected (KS p < 0.05)',
        tests: [{ label: 'KS p vs matched Gaussian', value: ig.ks_gaussian_p, op: '<', threshold: 0.05, digits: 4 }],
      },
      {
        id: 'nngp-is-gaussian',
        claim: 'fixed last-layer variance: outputs follow the NNGP Gaussian (KS p > 0.05)',
        tests: [{ label: 'KS p vs N(0, K(x, x))', value: gp.ks_predicted_p, op: '>', threshold: 0.05, digits: 3 }],
      },
    );
  }
  const last = (rows: ReturnType<typeof reg>) => rows[rows.length - 1];
  const o = last(reg(events, 'outliers', 'outlier_fraction'));
  if (o?.[1].invgamma && o[1].nngp)
    out.push({
      id: 'robust-to-outliers',
      claim: `t-process test NLL below the NNGP's with ${(100 * o[0]).toFixed(0)}% outliers`,
      tests: [
        {
          label: 'NNGP NLL − t-process NLL',
          value: o[1].nngp.nll - o[1].invgamma.nll,
          op: '>',
          threshold: 0,
          digits: 3,
        },
      ],
    });
  const s = last(reg(events, 'shift', 'shift'));
  if (s?.[1].invgamma && s[1].nngp)
    out.push({
      id: 'robust-to-shift',
      claim: `t-process test NLL below the NNGP's at a ×${s[0]} input shift`,
      tests: [
        {
          label: 'NNGP NLL − t-process NLL',
          value: s[1].nngp.nll - s[1].invgamma.nll,
          op: '>',
          threshold: 0,
          digits: 3,
        },
      ],
    });
  return out;
}

export function reproTable(events: RunEvent[]): string {
  const ig = prior(events, 'invgamma');
  const gp = prior(events, 'nngp');
  if (!ig && !gp) return 'No summary events in this run: it stopped before the first arm finished.';
  const out = [
    '| arm | predicted law | sample var | predicted var | excess kurtosis | KS p vs predicted | KS p vs matched Gaussian | inputs where the predicted law is not rejected |',
    '|---|---|---|---|---|---|---|---|',
  ];
  if (gp)
    out.push(
      `| nngp (σ² = 1) | N(0, ${f(gp.nngp_var, 4)}) | ${f(gp.sample_var, 4)} | ${f(gp.nngp_var, 4)} | ${f(gp.excess_kurtosis, 2)} | ${p(gp.ks_predicted_p)} | ${p(gp.ks_gaussian_p)} | ${f(100 * gp.predicted_pass_fraction, 0)}% |`,
    );
  if (ig)
    out.push(
      `| invgamma | t(ν = ${f(ig.t_df, 1)}, scale ${f(ig.t_scale, 4)}) | ${f(ig.sample_var, 4)} | ${ig.t_df > 2 ? f((ig.t_scale ** 2 * ig.t_df) / (ig.t_df - 2), 4) : '∞'} | ${f(ig.excess_kurtosis, 2)} | ${p(ig.ks_predicted_p)} | ${p(ig.ks_gaussian_p)} | ${f(100 * ig.predicted_pass_fraction, 0)}% |`,
    );
  for (const [sweep, tag, label] of [
    ['outliers', 'outlier_fraction', 'outlier fraction'],
    ['shift', 'shift', 'test input scale'],
  ] as const) {
    const rows = reg(events, sweep, tag);
    if (!rows.length) continue;
    out.push(
      '',
      `| ${label} | NNGP NLL | t-process NLL | NNGP RMSE | t-process RMSE | NNGP ε | t-process ε, α, β |`,
      '|---|---|---|---|---|---|---|',
    );
    for (const [x, r] of rows)
      out.push(
        `| ${x} | ${f(r.nngp?.nll)} | ${f(r.invgamma?.nll)} | ${f(r.nngp?.rmse)} | ${f(r.invgamma?.rmse)} | ${p(r.nngp?.epsilon)} | ${p(r.invgamma?.epsilon)}, ${r.invgamma?.alpha ?? '—'}, ${r.invgamma?.beta ?? '—'} |`,
      );
  }
  out.push('', claimsMarkdown(reproClaims(events)));
  return out.join('\n');
}
