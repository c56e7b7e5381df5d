/**
 * The reproduction table for `npm run repro -- iss-p` (transplanted to classification): per pruning
 * ratio the final test accuracy of ISS-P (each α), IHT and the static mask, with the mean gradient
 * norm over the pruning phase; then the claims as numbers (next-batches.md §A3's prediction for this
 * setting: at 99% ISS-P ≥ IHT + 1 pp and ≥ static + 1 pp; at 95% the gaps ≤ 1 pp). Pure.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsRows, type ClaimCheck, type ClaimTest } from '../common/claims';
import { percentCell as pct, summaryEvents } from '../common/tables';

const armKey = (s: SummaryEvent) => (s.series.arm === 'iss_p' ? `iss_p α=${s.series.alpha}` : String(s.series.arm));

const sums = (events: RunEvent[]) => summaryEvents(events);

export function reproTable(events: RunEvent[]): string {
  const ss = sums(events);
  if (!ss.length) return 'No summary events in this run: it stopped before the first network finished.';
  const keys = [...new Set(ss.map(armKey))];
  const ratios = [...new Set(ss.map((s) => Number(s.series.ratio)))].sort((a, b) => a - b);
  const head = ['pruning ratio', ...keys.map((k) => `${k}: acc (grad norm)`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of ratios)
    lines.push(
      `| ${(100 * r).toFixed(0)}% | ${keys
        .map((k) => {
          const v = ss.find((s) => armKey(s) === k && Number(s.series.ratio) === r)?.values;
          return v
            ? `${pct(v.final_test_acc)} (${Number.isFinite(v.mean_grad_norm_prune_phase) ? v.mean_grad_norm_prune_phase.toFixed(3) : '—'})`
            : '—';
        })
        .join(' | ')} |`,
    );
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const ss = sums(events);
  const out: ClaimCheck[] = [];
  const get = (arm: string, ratio: number, alpha?: number) =>
    ss.find(
      (s) =>
        s.series.arm === arm &&
        Number(s.series.ratio) === ratio &&
        (alpha === undefined || Number(s.series.alpha) === alpha),
    )?.values;
  const ratios = [...new Set(ss.map((s) => Number(s.series.ratio)))].sort((a, b) => a - b);
  const alphas = [...new Set(ss.filter((s) => s.series.arm === 'iss_p').map((s) => Number(s.series.alpha)))].sort(
    (a, b) => b - a,
  );
  const alpha = alphas[0];
  if (alpha === undefined) return out;
  for (const r of ratios) {
    const isp = get('iss_p', r, alpha);
    const iht = get('iht', r);
    const st = get('static', r);
    if (!isp) continue;
    const high = r >= 0.99;
    const tests = [
      ...(iht ? [{ label: `ISS-P(α=${alpha}) − IHT`, value: isp.final_test_acc - iht.final_test_acc }] : []),
      ...(st ? [{ label: `ISS-P(α=${alpha}) − static`, value: isp.final_test_acc - st.final_test_acc }] : []),
    ];
    if (!tests.length) continue;
    out.push({
      id: `${high ? 'beats' : 'close'}-${r}`,
      claim: high
        ? `${(100 * r).toFixed(0)}% pruned: ISS-P beats IHT and the static mask by ≥ 1 pp`
        : `${(100 * r).toFixed(0)}% pruned: the gaps stay within 1 pp (the effect needs high sparsity)`,
      tests: tests.flatMap((t): ClaimTest[] =>
        high
          ? [{ ...t, op: '>=' as const, threshold: 0.01, points: true }]
          : [
              { ...t, op: '<' as const, threshold: 0.01, points: true },
              { ...t, op: '>' as const, threshold: -0.01, points: true },
            ],
      ),
    });
    if (iht && Number.isFinite(isp.mean_grad_norm_prune_phase) && Number.isFinite(iht.mean_grad_norm_prune_phase))
      out.push({
        id: `throughput-${r}`,
        claim: `${(100 * r).toFixed(0)}% pruned: ISS-P keeps larger gradients than IHT during pruning (our reading of "more regularized gradient throughput")`,
        tests: [
          {
            label: 'ISS-P ÷ IHT mean gradient norm',
            value: isp.mean_grad_norm_prune_phase / iht.mean_grad_norm_prune_phase,
            op: '>',
            threshold: 1,
            digits: 2,
          },
        ],
      });
  }
  return out;
}
