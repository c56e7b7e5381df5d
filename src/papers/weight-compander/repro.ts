/**
 * The reproduction table for `npm run repro -- weight-compander`: per arm the final test and train
 * accuracy, the share of near-zero effective weights and their spread, the learned hyperparameters;
 * then the abstract's claims as numbers (the notes' prediction sizes, next-batches.md §A9). Pure.
 */
import type { RunEvent } from '../../core/runs/events';
import { claimsRows, type ClaimCheck } from '../common/claims';
import { percentCell as pct } from '../common/tables';

function arms(events: RunEvent[]): Map<string, Record<string, number>> {
  const m = new Map<string, Record<string, number>>();
  for (const e of events)
    if (e.type === 'summary' && e.series.kind === undefined) m.set(String(e.series.arm), e.values);
  return m;
}

export function reproTable(events: RunEvent[]): string {
  const a = arms(events);
  if (!a.size) return 'No summary events in this run: it stopped before the first arm finished.';
  const lines = [
    '| arm | final test acc | final train acc | near-zero share | weight std | learned a / b per layer |',
    '|---|---|---|---|---|---|',
  ];
  for (const arm of ['baseline', 'wc_fixed', 'wc_learned']) {
    const v = a.get(arm);
    if (!v) continue;
    const learned =
      arm === 'wc_learned'
        ? Object.keys(v)
            .filter((k) => k.startsWith('a_layer'))
            .sort()
            .map((k) => `${v[k].toFixed(2)} / ${v[k.replace('a_', 'b_')].toFixed(2)}`)
            .join(', ')
        : '—';
    lines.push(
      `| ${arm.replace(/_/g, ' ')} | ${pct(v.final_test_acc)} | ${pct(v.final_train_acc)} | ${pct(v.near_zero_share, 1)} | ${v.weight_std.toFixed(4)} | ${learned} |`,
    );
  }
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const a = arms(events);
  const base = a.get('baseline');
  if (!base) return [];
  const out: ClaimCheck[] = [];
  for (const arm of ['wc_learned', 'wc_fixed']) {
    const v = a.get(arm);
    if (!v) continue;
    const name = arm === 'wc_learned' ? 'learned' : 'fixed';
    out.push({
      id: `${arm}-improves`,
      claim: `the compander (${name}) on top of weight decay raises test accuracy by ≥ 0.5 pp`,
      tests: [
        {
          label: `${name} − baseline`,
          value: v.final_test_acc - base.final_test_acc,
          op: '>=',
          threshold: 0.005,
          points: true,
        },
      ],
    });
    out.push({
      id: `${arm}-fewer-near-zero`,
      claim: `the compander (${name}) at least halves the share of near-zero effective weights`,
      tests: [
        {
          label: `${name} share ÷ baseline share`,
          value: v.near_zero_share / base.near_zero_share,
          op: '<=',
          threshold: 0.5,
          digits: 2,
        },
      ],
    });
  }
  return out;
}
