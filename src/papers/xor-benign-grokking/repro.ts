/**
 * Reproduction table for `npm run repro -- xor-benign-grokking`: train and clean-test accuracy at the
 * steps the notes' [sim] reports, and whether the flipped labels stay fitted. Pure: reads events.
 */
import type { MetricEvent, RunEvent, SummaryEvent } from '../../core/runs/events';
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
  if (sum) {
    const overfit1 = sum.train_acc_step1 === 1 && sum.test_acc_step1 < 0.65;
    const later = sum.test_acc_final >= 0.95 && (sum.flipped_fit_final ?? 1) === 1 && sum.train_acc_final === 1;
    out.push('', '| claim (Xu et al., abstract) | this run |', '|---|---|');
    out.push(
      `| after one step: 100% train accuracy, near-chance test accuracy | train ${pct(sum.train_acc_step1)}, test ${pct(sum.test_acc_step1)} → ${overfit1 ? 'reproduced' : 'NOT reproduced'} |`,
    );
    out.push(
      `| later: near-optimal test accuracy while the ${sum.flipped_labels} flipped labels stay fitted | test ${pct(sum.test_acc_final)}, flipped fitted ${pct(sum.flipped_fit_final)}${sum.generalize_step ? `, ≥ 95% from step ${sum.generalize_step}` : ''} → ${later ? 'reproduced' : 'NOT reproduced'} |`,
    );
  }
  return out.join('\n');
}
