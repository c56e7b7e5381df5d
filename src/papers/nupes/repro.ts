/**
 * The reproduction table for `npm run repro -- nupes`: test accuracy per bit width for float, the
 * uniform grid and the power quantizer (data-free and data-driven exponents), with the exponents
 * found; then the claims as numbers over seeds (reproClaims). The papers give no number we could read
 * (next-batches.md §B16), so the claims are the notes' falsifiable predictions for this setting.
 * Pure: reads events.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsRows, type ClaimCheck } from '../common/claims';
import { percentCell as pct, summaryEvents } from '../common/tables';

const quantized = (events: RunEvent[]) => summaryEvents(events, 'quantized');

const accOf = (sums: SummaryEvent[], arm: string, bits: number) =>
  sums.find((s) => s.series.arm === arm && Number(s.series.bits) === bits)?.values;

export function reproTable(events: RunEvent[]): string {
  const sums = quantized(events);
  if (!sums.length) return 'No summary events in this run: it stopped before the first quantization.';
  const bits = [...new Set(sums.map((s) => Number(s.series.bits)))].sort((a, b) => a - b);
  const arms = ['float', 'uniform', 'power_data_free', 'power_data_driven'].filter((a) =>
    sums.some((s) => s.series.arm === a),
  );
  const head = [
    'bits',
    ...arms.map((a) => a.replace(/_/g, ' ')),
    'exponents a (data-free)',
    'exponents a (data-driven)',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const exps = (v: Record<string, number> | undefined) =>
    v
      ? Object.keys(v)
          .filter((k) => k.startsWith('a_layer'))
          .sort()
          .map((k) => v[k].toFixed(2))
          .join(' / ')
      : '—';
  for (const b of bits)
    lines.push(
      `| ${b} | ${arms.map((a) => pct(accOf(sums, a, b)?.test_acc)).join(' | ')} | ${exps(accOf(sums, 'power_data_free', b))} | ${exps(accOf(sums, 'power_data_driven', b))} |`,
    );
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

/**
 * The claims, at the lowest bit width of 3 or more that was run (3 in the example): the power
 * quantizer beats the uniform grid (NUPES / PowerQuant abstracts), and the prediction for this
 * setting (next-batches.md §B16): the searched exponent stays within 1 pp of float while uniform loses
 * at least 3 pp. At 8 bits every quantizer is within 0.5 pp of float.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sums = quantized(events);
  const bits = [...new Set(sums.map((s) => Number(s.series.bits)))].sort((a, b) => a - b);
  const low = bits.find((b) => b >= 3);
  const out: ClaimCheck[] = [];
  if (low !== undefined) {
    const float = accOf(sums, 'float', low)?.test_acc ?? NaN;
    const uni = accOf(sums, 'uniform', low)?.test_acc ?? NaN;
    for (const arm of ['power_data_free', 'power_data_driven']) {
      const p = accOf(sums, arm, low)?.test_acc;
      if (p === undefined) continue;
      out.push({
        id: `${arm}-beats-uniform-${low}`,
        claim: `${low} bits: the power quantizer (${arm === 'power_data_free' ? 'data-free' : 'data-driven'} a) is more accurate than uniform`,
        tests: [{ label: `${arm.replace(/_/g, ' ')} − uniform`, value: p - uni, op: '>', threshold: 0, points: true }],
      });
      out.push({
        id: `${arm}-near-float-${low}`,
        claim: `${low} bits: the power quantizer (${arm === 'power_data_free' ? 'data-free' : 'data-driven'} a) stays within 1 pp of float; uniform loses ≥ 3 pp (our prediction)`,
        tests: [
          { label: `float − ${arm.replace(/_/g, ' ')}`, value: float - p, op: '<', threshold: 0.01, points: true },
          { label: 'float − uniform', value: float - uni, op: '>=', threshold: 0.03, points: true },
        ],
      });
    }
  }
  if (bits.includes(8)) {
    const float = accOf(sums, 'float', 8)?.test_acc ?? NaN;
    out.push({
      id: 'all-near-float-8',
      claim: '8 bits: every quantizer within 0.5 pp of float',
      tests: ['uniform', 'power_data_free', 'power_data_driven']
        .filter((a) => accOf(sums, a, 8))
        .map((a) => ({
          label: `float − ${a.replace(/_/g, ' ')}`,
          value: float - accOf(sums, a, 8)!.test_acc,
          op: '<' as const,
          threshold: 0.005,
          points: true,
        })),
    });
  }
  return out;
}
