/**
 * The reproduction table for `npm run repro -- random-search-sparse`: per sparsity the searched and
 * random masks' mean accuracy (± sd over the repeats), their difference with its 90% interval and the
 * TOST p-value at the run's margin (equivalent = "no better and no worse than random"), and the steps
 * to converge; then the claims as numbers for the seed-spread rule. Over seeds, the equivalence claim
 * is the pair of one-sided tests Δ > −m and Δ < +m on each seed's mean difference — a TOST over seeds.
 * Pure: reads events.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsRows, equivalenceTests, type ClaimCheck } from '../common/claims';
import { percentCell as pct, pointsCell as pp, summaryEvents } from '../common/tables';

const means = (events: RunEvent[]) => summaryEvents(events, 'mean');
const at = (ms: SummaryEvent[], arm: string, s: number) =>
  ms.find((m) => m.series.arm === arm && Number(m.series.sparsity) === s)?.values;

export function reproTable(events: RunEvent[]): string {
  const ms = means(events);
  if (!ms.length) return 'No summary events in this run: it stopped before the dense parent finished.';
  const dense = at(ms, 'dense', 0);
  const sparsities = [...new Set(ms.map((m) => Number(m.series.sparsity)))].filter((s) => s > 0).sort((a, b) => a - b);
  const lines = [
    `Dense parent: ${pct(dense?.final_test_acc)} test accuracy, ${dense?.steps_to_converge ?? '—'} steps to 97% of it.`,
    '',
    '| node sparsity | searched: acc (± sd) | random: acc (± sd) | searched − random [90% CI] | TOST p (margin) | equivalent | steps to converge: searched / random |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of sparsities) {
    const a = at(ms, 'searched', s);
    const b = at(ms, 'random', s);
    if (!a || !b) continue;
    lines.push(
      `| ${pct(s, 0)} | ${pct(a.final_test_acc)} (± ${pp(a.final_test_acc_sd).replace('+', '')}, n=${a.repeats}) | ${pct(b.final_test_acc)} (± ${pp(b.final_test_acc_sd).replace('+', '')}, n=${b.repeats}) | ${pp(a.diff_vs_random)} [${pp(a.ci90_low)}, ${pp(a.ci90_high)}] | ${Number.isFinite(a.tost_p) ? a.tost_p.toFixed(3) : '—'} (±${(100 * (a.margin ?? NaN)).toFixed(1)} pp) | ${a.equivalent === 1 ? 'yes' : a.equivalent === 0 ? 'not shown' : '—'} | ${Math.round(a.steps_to_converge)} / ${Math.round(b.steps_to_converge)} |`,
    );
  }
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const ms = means(events);
  const dense = at(ms, 'dense', 0);
  const out: ClaimCheck[] = [];
  for (const s of [...new Set(ms.map((m) => Number(m.series.sparsity)))].filter((x) => x > 0).sort((x, y) => x - y)) {
    const a = at(ms, 'searched', s);
    const b = at(ms, 'random', s);
    if (!a || !b) continue;
    const margin = a.margin ?? 0.01;
    out.push({
      id: `no-better-${s}`,
      claim: `${(100 * s).toFixed(0)}% sparse: searched masks are equivalent to random ones within ±${(100 * margin).toFixed(1)} pp`,
      tests: equivalenceTests('searched − random', a.final_test_acc - b.final_test_acc, margin),
    });
    out.push({
      id: `no-faster-${s}`,
      claim: `${(100 * s).toFixed(0)}% sparse: searched masks do not converge faster (steps to 97% of final within ±15% of random's)`,
      tests: [
        {
          label: 'searched ÷ random steps',
          value: a.steps_to_converge / b.steps_to_converge,
          op: '>',
          threshold: 0.85,
          digits: 2,
        },
        {
          label: 'searched ÷ random steps',
          value: a.steps_to_converge / b.steps_to_converge,
          op: '<',
          threshold: 1.15,
          digits: 2,
        },
      ],
    });
    if (dense && s <= 0.5)
      out.push({
        id: `keeps-performance-${s}`,
        claim: `${(100 * s).toFixed(0)}% sparse: random masks stay within 2 pp of the dense parent`,
        tests: [
          {
            label: 'dense − random',
            value: dense.final_test_acc - b.final_test_acc,
            op: '<',
            threshold: 0.02,
            points: true,
          },
        ],
      });
  }
  return out;
}
