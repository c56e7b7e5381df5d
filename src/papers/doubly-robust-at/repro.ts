/**
 * The reproduction table for `npm run repro -- doubly-robust-at`, from one run's events: per arm the
 * clean, average robust and worst-class robust accuracy (evaluation PGD on test digits) and which class
 * is worst; then the claims as numbers (`reproClaims`, the notes' thresholds): the reweighted arm's
 * worst class is ≥ 2 pp more robust than plain AT's, at ≤ 1 pp lower average robust accuracy. Pure.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';
import { pct } from '../common/repro';

function arms(events: RunEvent[]): Map<string, SummaryEvent['values']> {
  const m = new Map<string, SummaryEvent['values']>();
  for (const e of events)
    if (e.type === 'summary' && e.series.stat === undefined) m.set(String(e.series.arm), e.values);
  return m;
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const a = arms(events);
  const done = a.get('done');
  const at = a.get('at');
  if (!done || !at) return [];
  return [
    {
      id: 'weakest-class',
      claim: 'instance reweighting makes the weakest class more robust',
      tests: [
        {
          label: 'worst class, DONE − AT',
          value: done.worst_class_robust_acc - at.worst_class_robust_acc,
          op: '>=',
          threshold: 0.02,
          points: true,
        },
      ],
    },
    {
      id: 'average-kept',
      claim: 'without losing average robustness',
      tests: [
        {
          label: 'average, AT − DONE',
          value: at.robust_acc - done.robust_acc,
          op: '<=',
          threshold: 0.01,
          points: true,
        },
      ],
    },
  ];
}

export function reproTable(events: RunEvent[]): string {
  const a = arms(events);
  const rows = ['done', 'at', 'standard'].filter((k) => a.has(k));
  if (!rows.length) return 'No arm finished training in this run.';
  const perClass = new Map<string, number[]>();
  for (const e of events)
    if (e.type === 'summary' && e.series.stat === 'per_class') {
      const list = perClass.get(String(e.series.arm)) ?? [];
      list[Number(e.series.class)] = e.values.robust_acc;
      perClass.set(String(e.series.arm), list);
    }
  const lines = [
    '| arm | clean accuracy | robust accuracy (average) | worst class | its robust accuracy |',
    '|---|---|---|---|---|',
  ];
  for (const k of rows) {
    const v = a.get(k)!;
    lines.push(
      `| ${k} | ${pct(v.clean_acc)} | ${pct(v.robust_acc)} | ${v.worst_class} | ${pct(v.worst_class_robust_acc)} |`,
    );
  }
  if (perClass.size) {
    lines.push('', `| robust accuracy per class | ${[...Array(10).keys()].join(' | ')} |`, `|---|${'---|'.repeat(10)}`);
    for (const k of rows)
      if (perClass.has(k))
        lines.push(
          `| ${k} | ${perClass
            .get(k)!
            .map((x) => pct(x))
            .join(' | ')} |`,
        );
  }
  lines.push(
    '',
    '| the paper (abstract; tables not read) | this run |',
    '|---|---|',
    `| better average robust performance than the baselines | DONE ${pct(a.get('done')?.robust_acc)} vs AT ${pct(a.get('at')?.robust_acc)} |`,
    `| better robustness on the weakest data points | worst class: DONE ${pct(a.get('done')?.worst_class_robust_acc)} vs AT ${pct(a.get('at')?.worst_class_robust_acc)} |`,
    '',
    claimsMarkdown(reproClaims(events)),
  );
  return lines.join('\n');
}
