/**
 * The reproduction table for `npm run repro -- random-pruning`: per width, the dense accuracy and,
 * per (density, layerwise ratio), the sparse accuracy and its gap to dense; then the paper's two
 * claims checked on this run (Liu et al. 2022; notes §3(c): numbers unconfirmed). Pure: no tfjs.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';

const pct = (x: number | undefined, d = 2) => (x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(d)}%`);
const pp = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} pp`);

export function reproTable(events: RunEvent[]): string {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  if (!sums.length) return 'No summary events in this run: it stopped before the first network finished.';
  const widths = [...new Set(sums.map((s) => Number(s.series.width)))].sort((a, b) => a - b);
  const sparse = sums.filter((s) => s.series.arm === 'sparse');
  const keys = [...new Set(sparse.map((s) => `${s.series.density}|${s.series.layerwise}`))].sort((a, b) => Number(b.split('|')[0]) - Number(a.split('|')[0]) || a.localeCompare(b));
  const head = ['width ×', 'dense acc', ...keys.map((k) => `${pct(Number(k.split('|')[0]), 0)} ${k.split('|')[1]}: acc (gap)`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const find = (w: number, k: string) => sparse.find((s) => Number(s.series.width) === w && `${s.series.density}|${s.series.layerwise}` === k);
  for (const w of widths) {
    const dense = sums.find((s) => s.series.arm === 'dense' && Number(s.series.width) === w);
    lines.push(`| ${w} | ${pct(dense?.values.final_test_acc)} | ${keys.map((k) => { const s = find(w, k); return s ? `${pct(s.values.final_test_acc)} (${pp(s.values.gap)})` : '—'; }).join(' | ')} |`);
  }
  // Claim 1: the gap shrinks as the network grows (the narrowest vs the widest width, per line; the
  // gaps at every width are listed so a non-monotone line is visible).
  const closing = keys.map((k) => {
    const gaps = widths.map((w) => find(w, k)?.values.gap).filter((g): g is number => g !== undefined && Number.isFinite(g));
    if (gaps.length < 2) return undefined;
    const a = gaps[0];
    const b = gaps[gaps.length - 1];
    return { k, gaps, closes: Math.abs(b) < Math.abs(a) };
  }).filter((x): x is { k: string; gaps: number[]; closes: boolean } => !!x);
  // Claim 2: ER at least as good as uniform (same density and width).
  const pairs: { er: number; uni: number }[] = [];
  for (const w of widths) {
    for (const d of new Set(sparse.map((s) => Number(s.series.density)))) {
      const er = sparse.find((s) => Number(s.series.width) === w && Number(s.series.density) === d && (s.series.layerwise === 'er' || s.series.layerwise === 'erk'));
      const uni = sparse.find((s) => Number(s.series.width) === w && Number(s.series.density) === d && s.series.layerwise === 'uniform');
      if (er && uni) pairs.push({ er: er.values.final_test_acc, uni: uni.values.final_test_acc });
    }
  }
  const erWins = pairs.filter((p) => p.er >= p.uni).length;
  lines.push('', '| claim | paper | this run |', '|---|---|---|');
  lines.push(`| the sparse − dense gap shrinks as the network grows | yes (numbers ✗) | ${closing.filter((c) => c.closes).length} of ${closing.length} lines: ${closing.map((c) => `${c.k.replace('|', ' ')} ${c.gaps.map(pp).join(' → ')}`).join('; ')} |`);
  lines.push(`| ER is at least as good as uniform | yes (numbers ✗) | ER ≥ uniform in ${erWins} of ${pairs.length} (width, density) pairs |`);
  return lines.join('\n');
}
