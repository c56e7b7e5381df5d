/**
 * Reproduction table for `npm run repro -- xor-benign-grokking`: train and clean-test accuracy at the
 * steps the notes' [sim] reports, and whether the flipped labels stay fitted. Pure: reads events.
 */
import type { MetricEvent, RunEvent, SummaryEvent } from '../../core/runs/events';
import { holds, type ClaimCheck } from '../../core/repro/claims';
import { references } from './references';

const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(1)}%`);

export function reproTable(events: RunEvent[]): string {
  const metrics = events.filter((e): e is MetricEvent => e.type === 'metric');
  const at = (on: string, step: number) =>
    metrics.find((m) => m.series.measured_on === on && m.step === step)?.values.acc;
  const steps = [...new Set(metrics.map((m) => m.step))].filter((s) => s >= 1).sort((a, b) => a - b);
  if (!steps.length) return 'No training steps in this run.';
  const show = [1, 2, 10, 100, 500, 1000].filter((s) => steps.includes(s));
  if (!show.includes(steps.at(-1)!)) show.push(steps.at(-1)!);
  const simTest = (s: number) => references.find((r) => r.series?.measured_on === 'test_clean' && r.x === s)?.y;
  const out = [
    "| step | train acc (noisy labels) | flipped labels fitted | clean test acc | notes' sim clean test |",
    '|---|---|---|---|---|',
  ];
  for (const s of show)
    out.push(
      `| ${s} | ${pct(at('train', s))} | ${pct(at('flipped', s))} | ${pct(at('test_clean', s))} | ${pct(simTest(s))} |`,
    );
  const sum = events.find((e): e is SummaryEvent => e.type === 'summary')?.values;
  const claims = reproClaims(events);
  if (sum && claims.length) {
    const verdict = (id: string) =>
      claims.find((c) => c.id === id)!.tests.every((t) => holds(t, t.value)) ? 'reproduced' : 'NOT reproduced';
    out.push('', '| claim (Xu et al., abstract) | this run |', '|---|---|');
    out.push(
      `| ${claims[0].claim} | train ${pct(sum.train_acc_step1)}, test ${pct(sum.test_acc_step1)} → ${verdict('overfit-at-step-1')} |`,
    );
    out.push(
      `| ${claims[1].claim.replace('the flipped labels', `the ${sum.flipped_labels} flipped labels`)} | test ${pct(sum.test_acc_final)}, flipped fitted ${pct(sum.flipped_fit_final)}${sum.generalize_step ? `, ≥ 95% from step ${sum.generalize_step}` : ''} → ${verdict('generalizes-later')} |`,
    );
  }
  return out.join('\n');
}

/**
 * The abstract's two claims as numbers (src/core/repro/claims.ts): after one step every training
 * label is fitted while clean test accuracy is below 65%; at the end the test accuracy is ≥ 95% with
 * every training label, flipped ones included, still fitted.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sum = events.find((e): e is SummaryEvent => e.type === 'summary')?.values;
  if (!sum) return [];
  return [
    {
      id: 'overfit-at-step-1',
      claim: 'after one step: 100% train accuracy, near-chance test accuracy',
      tests: [
        { label: 'train acc at step 1', value: sum.train_acc_step1, op: '>=', threshold: 1, percent: true },
        { label: 'clean test acc at step 1', value: sum.test_acc_step1, op: '<', threshold: 0.65, percent: true },
      ],
    },
    {
      id: 'generalizes-later',
      claim: 'later: near-optimal test accuracy while the flipped labels stay fitted',
      tests: [
        { label: 'final clean test acc', value: sum.test_acc_final, op: '>=', threshold: 0.95, percent: true },
        { label: 'flipped labels fitted', value: sum.flipped_fit_final ?? 1, op: '>=', threshold: 1, percent: true },
        { label: 'final train acc', value: sum.train_acc_final, op: '>=', threshold: 1, percent: true },
      ],
    },
  ];
}
