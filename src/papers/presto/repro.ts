/**
 * Reproduction table for `npm run repro -- presto`: per intercept setting, each method's mean MSE of
 * the rare-class probability, PRESTO's ratio to it and how often PRESTO wins a replication; the
 * paper's claim (PRESTO below both baselines) as numbers the seed runner can judge. Pure: reads events.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

/** MSEs in units of 10⁻⁴, fixed-point so the seed runner can average them cell by cell. */
const e4 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : (x * 1e4).toFixed(3));
const f2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2));

function summaries(events: RunEvent[]): SummaryEvent[] {
  return events.filter((e): e is SummaryEvent => e.type === 'summary');
}

function settings(sums: SummaryEvent[]): number[] {
  return [...new Set(sums.map((s) => Number(s.series.rare_intercept)))].sort((a, b) => a - b);
}

const find = (sums: SummaryEvent[], arm: string, rare: number) =>
  sums.find((s) => s.series.arm === arm && Number(s.series.rare_intercept) === rare)?.values;

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sums = summaries(events);
  return settings(sums).map((rare) => ({
    id: `presto-beats-both-${rare}`,
    claim: `α_{K−1} = ${rare}: PRESTO's rare-probability MSE is below proportional odds' and logistic regression's (§4.1, abstract)`,
    tests: (['proportional_odds', 'logistic'] as const).map((arm) => ({
      label: `PRESTO / ${arm.replace('_', ' ')} MSE`,
      value: find(sums, arm, rare)?.presto_ratio ?? NaN,
      op: '<' as const,
      threshold: 1,
      digits: 2,
    })),
  }));
}

export function reproTable(events: RunEvent[]): string {
  const sums = summaries(events);
  if (!sums.length) return 'No summaries in this run: it stopped before the first intercept setting finished.';
  const out = [
    '| α_{K−1} | rare events / data set | PRESTO MSE (×10⁻⁴) | proportional odds MSE (×10⁻⁴) | logistic MSE (×10⁻⁴) | PRESTO / PO | PRESTO / logistic | PRESTO wins vs PO | PRESTO wins vs logistic | λ/λ_max (median) | paper |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const rare of settings(sums)) {
    const pr = find(sums, 'presto', rare);
    const po = find(sums, 'proportional_odds', rare);
    const lg = find(sums, 'logistic', rare);
    out.push(
      `| ${rare} | ${f2(pr?.rare_events)} | ${e4(pr?.rare_prob_mse)} | ${e4(po?.rare_prob_mse)} | ${e4(lg?.rare_prob_mse)} | ${f2(po?.presto_ratio)} | ${f2(lg?.presto_ratio)} | ${f2(po?.presto_wins)} | ${f2(lg?.presto_wins)} | ${f2(pr?.lambda_ratio_median)} | PRESTO lowest (ordering; values not read) |`,
    );
  }
  const pr = sums.find((s) => s.series.arm === 'presto')?.values;
  if (pr?.cpu_s_per_replication !== undefined)
    out.push(
      '',
      `CPU per replication (first setting): ${pr.cpu_s_per_replication.toFixed(2)} s, ${Math.round(pr.loss_evaluations_per_replication ?? 0)} loss evaluations.`,
    );
  return out.concat('', claimsMarkdown(reproClaims(events))).join('\n');
}
