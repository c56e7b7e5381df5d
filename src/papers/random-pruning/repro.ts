/**
 * The reproduction table for `npm run repro -- random-pruning`: per width, the dense accuracy and,
 * per (density, layerwise ratio), the sparse accuracy and its gap to dense; then the paper's two
 * claims checked on this run (Liu et al. 2022; notes §3(c): numbers unconfirmed). Pure: no tfjs.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { bonferroniZ } from '../../core/stats';
import type { ClaimCheck } from '../../core/repro/claims';

const pct = (x: number | undefined, d = 2) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(d)}%`;
const pp = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} pp`;

export function reproTable(events: RunEvent[]): string {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  if (!sums.length) return 'No summary events in this run: it stopped before the first network finished.';
  const widths = [...new Set(sums.map((s) => Number(s.series.width)))].sort((a, b) => a - b);
  const sparse = sums.filter((s) => s.series.arm === 'sparse');
  const keys = [...new Set(sparse.map((s) => `${s.series.density}|${s.series.layerwise}`))].sort(
    (a, b) => Number(b.split('|')[0]) - Number(a.split('|')[0]) || a.localeCompare(b),
  );
  const head = [
    'width ×',
    'dense acc',
    ...keys.map((k) => `${pct(Number(k.split('|')[0]), 0)} ${k.split('|')[1]}: acc (gap)`),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const find = (w: number, k: string) =>
    sparse.find((s) => Number(s.series.width) === w && `${s.series.density}|${s.series.layerwise}` === k);
  for (const w of widths) {
    const dense = sums.find((s) => s.series.arm === 'dense' && Number(s.series.width) === w);
    lines.push(
      `| ${w} | ${pct(dense?.values.final_test_acc)} | ${keys
        .map((k) => {
          const s = find(w, k);
          return s ? `${pct(s.values.final_test_acc)} (${pp(s.values.gap)})` : '—';
        })
        .join(' | ')} |`,
    );
  }
  // Claim 1: the gap shrinks as the network grows: the narrowest vs the widest width, per line, with
  // the gaps at every width listed so a non-monotone line is visible. A change counts only beyond
  // z times the test-set standard error of the change in gap, √Σ p(1−p)/n over its four accuracies
  // (treated as independent: conservative, since all four are read on the same test images), z being
  // Bonferroni's for the number of lines judged (2.50 for 4 lines, not 2). Each line is judged again
  // without its narrowest width, so a verdict that rests on that one width shows. Test-set noise only:
  // seed-to-seed variation is judged by reproClaims over seeds.
  const se = (s: SummaryEvent | undefined) => {
    const p = s?.values.final_test_acc;
    const n = s?.values.test_examples;
    return p !== undefined && n ? (p * (1 - p)) / n : NaN;
  };
  const denseAt = (w: number) => sums.find((s) => s.series.arm === 'dense' && Number(s.series.width) === w);
  const lineCount = keys.filter(
    (k) => widths.filter((w) => Number.isFinite(find(w, k)?.values.gap)).length >= 2,
  ).length;
  const zLines = bonferroniZ(lineCount);
  const judge = (k: string, wa: number, wb: number) => {
    const band = zLines * Math.sqrt(se(find(wa, k)) + se(denseAt(wa)) + se(find(wb, k)) + se(denseAt(wb)));
    const change = Math.abs(find(wa, k)!.values.gap) - Math.abs(find(wb, k)!.values.gap);
    const verdict = !Number.isFinite(band)
      ? change > 5e-5
        ? 'closes'
        : 'does not close'
      : change > band
        ? 'closes'
        : change < -band
          ? 'grows'
          : 'flat within noise';
    return { band, verdict };
  };
  const closing = keys
    .map((k) => {
      const ws = widths.filter((w) => Number.isFinite(find(w, k)?.values.gap));
      if (ws.length < 2) return undefined;
      const gaps = ws.map((w) => find(w, k)!.values.gap);
      const { band, verdict } = judge(k, ws[0], ws[ws.length - 1]);
      const rest = ws.length >= 3 ? judge(k, ws[1], ws[ws.length - 1]).verdict : undefined;
      return { k, gaps, band, verdict, rest };
    })
    .filter((x): x is { k: string; gaps: number[]; band: number; verdict: string; rest: string | undefined } => !!x);
  // Claim 2: ER at least as good as uniform (same density and width).
  const pairs: { er: number; uni: number; band: number }[] = [];
  for (const w of widths) {
    for (const d of new Set(sparse.map((s) => Number(s.series.density)))) {
      const er = sparse.find(
        (s) =>
          Number(s.series.width) === w &&
          Number(s.series.density) === d &&
          (s.series.layerwise === 'er' || s.series.layerwise === 'erk'),
      );
      const uni = sparse.find(
        (s) => Number(s.series.width) === w && Number(s.series.density) === d && s.series.layerwise === 'uniform',
      );
      if (er && uni)
        pairs.push({
          er: er.values.final_test_acc,
          uni: uni.values.final_test_acc,
          band: Math.sqrt(se(er) + se(uni)),
        });
    }
  }
  const zPairs = bonferroniZ(pairs.length);
  for (const p of pairs) p.band *= zPairs;
  const erWins = pairs.filter((p) => p.er >= p.uni).length;
  const erClear = pairs.filter((p) => p.er - p.uni > p.band).length;
  const uniClear = pairs.filter((p) => p.uni - p.er > p.band).length;
  lines.push('', '| claim | paper | this run |', '|---|---|---|');
  lines.push(
    `| the sparse − dense gap shrinks as the network grows | yes (numbers ✗) | ${closing.filter((c) => c.verdict === 'closes').length} of ${closing.length} lines close beyond noise (test-set noise, Bonferroni over ${closing.length} lines: ±${zLines.toFixed(2)} SE): ${closing.map((c) => `${c.k.replace('|', ' ')} ${c.gaps.map(pp).join(' → ')} (${c.verdict}${Number.isFinite(c.band) ? `, noise ±${(100 * c.band).toFixed(1)} pp` : ''}${c.rest ? `; without the narrowest width: ${c.rest}` : ''})`).join('; ')} |`,
  );
  lines.push(
    `| ER is at least as good as uniform | yes (numbers ✗) | ER ≥ uniform in ${erWins} of ${pairs.length} (width, density) pairs${pairs.every((p) => Number.isFinite(p.band)) ? `; better beyond noise (±${zPairs.toFixed(2)} SE, Bonferroni over ${pairs.length} pairs) in ${erClear}, worse beyond noise in ${uniClear}` : ''} |`,
  );
  return lines.join('\n');
}

/**
 * The two claims as numbers for the seeds rule (src/core/repro/claims.ts): per line, the gap to dense
 * shrinks from the narrowest to the widest width (|gap| narrow − |gap| wide > 0), and again from the
 * second-narrowest (so a line resting on one width shows); per (width, density), ER − uniform ≥ 0.
 * Each test carries its family's size, so the bound over seeds is Bonferroni-corrected (one-sided
 * 0.05 / family), as the single-seed bands of reproTable are.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  const sparse = sums.filter((s) => s.series.arm === 'sparse');
  const widths = [...new Set(sums.map((s) => Number(s.series.width)))].sort((a, b) => a - b);
  const keys = [...new Set(sparse.map((s) => `${s.series.density}|${s.series.layerwise}`))];
  const gapAt = (w: number, k: string) =>
    sparse.find((s) => Number(s.series.width) === w && `${s.series.density}|${s.series.layerwise}` === k)?.values.gap;
  const lines = keys
    .map((k) => ({ k, ws: widths.filter((w) => Number.isFinite(gapAt(w, k))) }))
    .filter((l) => l.ws.length >= 2);
  const out: ClaimCheck[] = [];
  const closing = (k: string, wa: number, wb: number, family: number, suffix: string): ClaimCheck => ({
    id: `closes ${k}${suffix}`,
    claim: `${k.replace('|', ' ')}: the gap to dense shrinks from ×${wa} to ×${wb}${suffix ? ' (without the narrowest width)' : ''}`,
    tests: [
      {
        label: `|gap| at ×${wa} − |gap| at ×${wb}`,
        value: Math.abs(gapAt(wa, k)!) - Math.abs(gapAt(wb, k)!),
        op: '>',
        threshold: 0,
        points: true,
        digits: 2,
        family,
      },
    ],
  });
  for (const { k, ws } of lines) out.push(closing(k, ws[0], ws[ws.length - 1], lines.length, ''));
  const longer = lines.filter((l) => l.ws.length >= 3);
  for (const { k, ws } of longer) out.push(closing(k, ws[1], ws[ws.length - 1], longer.length, ' rest'));
  const pairs: { w: number; d: number; er: number; uni: number }[] = [];
  for (const w of widths)
    for (const d of new Set(sparse.map((s) => Number(s.series.density)))) {
      const at = (l: (x: unknown) => boolean) =>
        sparse.find((s) => Number(s.series.width) === w && Number(s.series.density) === d && l(s.series.layerwise))
          ?.values.final_test_acc;
      const er = at((l) => l === 'er' || l === 'erk');
      const uni = at((l) => l === 'uniform');
      if (er !== undefined && uni !== undefined) pairs.push({ w, d, er, uni });
    }
  for (const p of pairs)
    out.push({
      id: `er-vs-uniform ${p.w} ${p.d}`,
      claim: `ER at least as good as uniform at ×${p.w}, ${100 * p.d}% density`,
      tests: [
        {
          label: 'ER − uniform',
          value: p.er - p.uni,
          op: '>=',
          threshold: 0,
          points: true,
          digits: 2,
          family: pairs.length,
        },
      ],
    });
  return out;
}
