/**
 * Reproduction table for `npm run repro -- quantile-aggregation`: per aggregate and base model, the WIS
 * through the stages, its ratio to uniform averaging, quantile crossings, coverage before and after
 * conformal calibration; and the claims as numbers the seed runner can judge. Pure: reads events.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

const f4 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));
const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));

/** The per-arm (and per-base-model) summaries: no panel tag. */
function rows(events: RunEvent[]): SummaryEvent[] {
  return events.filter((e): e is SummaryEvent => e.type === 'summary' && e.series.panel === undefined);
}

const find = (sums: SummaryEvent[], arm: string) => sums.find((s) => s.series.arm === arm)?.values;

const PAPER: Record<string, string> = {
  level_weighted: 'best of the four (flexible weights)',
  model_weighted: 'between',
  uniform: 'worse than flexible weights',
  best_base: 'worse than the aggregates',
};

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sums = rows(events);
  const lw = find(sums, 'level_weighted');
  const mw = find(sums, 'model_weighted');
  const bb = find(sums, 'best_base');
  if (!lw) return [];
  const ratio = (o: Record<string, number> | undefined) => (o ? lw.wis_sorted / o.wis_sorted : NaN);
  return [
    {
      id: 'qa-level-vs-uniform',
      claim:
        'Level-weighted aggregation: WIS ≤ 0.95 × uniform averaging (notes B11; the paper: flexible weights beat uniform)',
      tests: [
        { label: 'level-weighted / uniform WIS', value: lw.ratio_to_uniform, op: '<=', threshold: 0.95, digits: 3 },
      ],
    },
    {
      id: 'qa-level-vs-model',
      claim:
        'Weights that vary over levels beat one weight per model (the paper: flexibility over quantile levels helps)',
      tests: [{ label: 'level-weighted / model-weighted WIS', value: ratio(mw), op: '<', threshold: 1, digits: 4 }],
    },
    {
      id: 'qa-beats-best-base',
      claim: 'The level-weighted aggregate beats the best single base model chosen on validation (the paper’s tables)',
      tests: [{ label: 'level-weighted / best base WIS', value: ratio(bb), op: '<', threshold: 1, digits: 4 }],
    },
    {
      id: 'qa-sorting',
      claim:
        'Post-sorting never raises the WIS and lowers it on every replication of the level-weighted aggregate (paper: "can only improve")',
      tests: [
        {
          label: 'share of replications sorting lowered WIS',
          value: lw.sort_lower_share,
          op: '>=',
          threshold: 1,
          percent: true,
        },
        {
          label: 'share of (aggregate, replication) pairs sorting raised WIS',
          value: Math.max(
            ...['level_weighted', 'model_weighted', 'uniform', 'best_base'].map(
              (a) => find(sums, a)?.sort_higher_share ?? NaN,
            ),
          ),
          op: '<=',
          threshold: 0,
          percent: true,
        },
      ],
    },
    {
      id: 'qa-conformal-coverage',
      claim:
        'Conformalized intervals of the level-weighted aggregate cover their nominal level ± 2 points (notes B11: 90 ± 2%)',
      tests: [
        {
          label: 'coverage after conformal − nominal',
          value: lw.coverage_conformal - lw.nominal,
          op: '>',
          threshold: -0.02,
          points: true,
        },
        {
          label: 'coverage after conformal − nominal',
          value: lw.coverage_conformal - lw.nominal,
          op: '<',
          threshold: 0.02,
          points: true,
        },
      ],
    },
  ];
}

export function reproTable(events: RunEvent[]): string {
  const sums = rows(events);
  if (!sums.length) return 'No summaries in this run: it stopped before the last replication finished.';
  const out = [
    '| forecast | WIS as aggregated | WIS post-sorted | WIS conformal | / uniform | crossing points | coverage (sorted) | coverage (conformal) | sorting lowered WIS | paper |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of sums) {
    const v = s.values;
    const name = s.series.arm === 'base' ? `base: ${String(s.series.model)}` : String(s.series.arm);
    out.push(
      `| ${name} | ${f4(v.wis)} | ${f4(v.wis_sorted)} | ${f4(v.wis_conformal)} | ${f3(v.ratio_to_uniform)} | ${f3(v.crossing)} | ${f3(v.coverage)} | ${f3(v.coverage_conformal)} | ${f3(v.sort_lower_share)} | ${PAPER[String(s.series.arm)] ?? ''} |`,
    );
  }
  const lw = find(sums, 'level_weighted');
  const bb = find(sums, 'best_base');
  if (lw)
    out.push(
      '',
      `Level-weighted wins a replication against uniform ${f3(lw.wins_vs_uniform)}, model-weighted ${f3(lw.wins_vs_model_weighted)}, best base ${f3(lw.wins_vs_best_base)} of the time; CPU ${f3(lw.cpu_s_per_replication)} s per replication.`,
    );
  if (bb)
    out.push(
      `Best base model chosen on validation: ${Object.entries(bb)
        .filter(([k, x]) => k.startsWith('chosen_') && x > 0)
        .map(([k, x]) => `${k.slice(7)} ${f3(x)}`)
        .join(', ')}.`,
    );
  return out.concat('', claimsMarkdown(reproClaims(events))).join('\n');
}
