/**
 * The reproduction table for `npm run repro -- bandlimited-random-weights`: test RMSE per target, λ and
 * width, the fitted slope at large widths, and the abstract's two messages as claims measured on the
 * run. Pure: reads events.
 */
import type { RunEvent } from '../../core/runs/events';
import { fitScaling } from '../../core/stats';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

const e = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toExponential(2));

function grid(events: RunEvent[]) {
  const cells = new Map<string, number>();
  const ks = new Set<number>();
  const lams = new Set<number>();
  const widths = new Set<number>();
  for (const s of events) {
    if (s.type !== 'summary') continue;
    const v = s.values.test_rmse;
    const k = Number(s.series.frequency);
    const l = Number(s.series.bandwidth);
    const w = Number(s.series.width);
    ks.add(k);
    lams.add(l);
    widths.add(w);
    cells.set(`${k}|${l}|${w}`, v);
  }
  const sort = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return {
    at: (k: number, l: number, w: number) => cells.get(`${k}|${l}|${w}`),
    ks: sort(ks),
    lams: sort(lams),
    widths: sort(widths),
  };
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const g = grid(events);
  if (!g.widths.length) return [];
  const kHi = g.ks[g.ks.length - 1];
  const kLo = g.ks[0];
  const wMax = g.widths[g.widths.length - 1];
  const wQuarter = g.widths.find((w) => w >= wMax / 4) ?? g.widths[0];
  const narrow = g.lams.find((l) => l >= 1) ?? g.lams[0];
  const wide = g.lams
    .filter((l) => g.at(kHi, l, wMax) !== undefined)
    .sort((a, b) => g.at(kHi, a, wMax)! - g.at(kHi, b, wMax)!)[0];
  return [
    {
      id: 'floor',
      claim: `bounded band, complex target: with λ = ${narrow} the error on sin(2π·${kHi}x) stays ≥ 0.1 and does not fall by 10% from width ${wQuarter} to ${wMax}`,
      tests: [
        {
          label: `RMSE(λ ${narrow}, d ${wMax})`,
          value: g.at(kHi, narrow, wMax) ?? NaN,
          op: '>=',
          threshold: 0.1,
          digits: 3,
        },
        {
          label: `RMSE(d ${wMax}) ÷ RMSE(d ${wQuarter})`,
          value: (g.at(kHi, narrow, wMax) ?? NaN) / (g.at(kHi, narrow, wQuarter) ?? NaN),
          op: '>',
          threshold: 0.9,
          digits: 3,
        },
      ],
    },
    {
      id: 'suitable-band',
      claim: `a suitable band exists: the best λ (${wide}) brings sin(2π·${kHi}x) to RMSE ≤ 0.01 at width ${wMax}`,
      tests: [
        {
          label: `RMSE(λ ${wide}, d ${wMax})`,
          value: g.at(kHi, wide, wMax) ?? NaN,
          op: '<=',
          threshold: 0.01,
          digits: 4,
        },
      ],
    },
    {
      id: 'depends-on-target',
      claim: `the band needed depends on the target: λ = 5 fits sin(2π·${kLo}x) to ≤ 0.01 but leaves sin(2π·${kHi}x) ≥ 0.1 (width ${wMax})`,
      tests: [
        { label: `RMSE(k ${kLo}, λ 5)`, value: g.at(kLo, 5, wMax) ?? NaN, op: '<=', threshold: 0.01, digits: 4 },
        { label: `RMSE(k ${kHi}, λ 5)`, value: g.at(kHi, 5, wMax) ?? NaN, op: '>=', threshold: 0.1, digits: 3 },
      ],
    },
  ];
}

export function reproTable(events: RunEvent[]): string {
  const g = grid(events);
  if (!g.widths.length) return 'No summary events in this run.';
  const out: string[] = [];
  for (const k of g.ks) {
    out.push(
      `Target sin(2π·${k}x): test RMSE by λ (rows) and width (columns); last column: fitted slope over widths ≥ 200.`,
      '',
    );
    out.push(`| λ | ${g.widths.join(' | ')} | slope |`, `|---|${g.widths.map(() => '---').join('|')}|---|`);
    for (const l of g.lams) {
      const ys = g.widths.map((w) => g.at(k, l, w) ?? NaN);
      const fit = fitScaling(g.widths, ys, { x: [200, Infinity] });
      out.push(`| ${l} | ${ys.map(e).join(' | ')} | ${fit ? fit.slope.toFixed(2) : '—'} |`);
    }
    out.push('');
  }
  out.push(claimsMarkdown(reproClaims(events)));
  return out.join('\n');
}
