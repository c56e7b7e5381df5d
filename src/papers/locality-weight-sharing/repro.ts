/**
 * The reproduction table for `npm run repro -- locality-weight-sharing`: n* per model and k, the fitted
 * slopes in k, accuracies at each n, and the orderings as claims. Pure: reads events.
 */
import type { RunEvent } from '../../core/runs/events';
import { fitScaling } from '../../core/stats';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

const ARMS = ['cnn', 'lcn', 'fcn'];

function nStars(events: RunEvent[]) {
  const m = new Map<string, number>();
  const ks = new Set<number>();
  let nMax = NaN;
  for (const s of events) {
    if (s.type !== 'summary') continue;
    if (s.series.curve === 'n_star') {
      ks.add(Number(s.series.k));
      m.set(`${s.series.arm}|${s.series.k}`, s.values.n_star);
    } else if (s.series.n !== undefined) nMax = Math.max(Number.isFinite(nMax) ? nMax : 0, Number(s.series.n));
  }
  return { at: (a: string, k: number) => m.get(`${a}|${k}`) ?? NaN, ks: [...ks].sort((a, b) => a - b), nMax };
}

const slopeOf = (g: ReturnType<typeof nStars>, arm: string) =>
  fitScaling(
    g.ks,
    g.ks.map((k) => g.at(arm, k)),
  )?.slope ?? NaN;

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const g = nStars(events);
  if (!g.ks.length) return [];
  // The largest k at which the LCN still reached the target (beyond it the order cannot be measured);
  // a model that never reached it needs more than the sweep's largest n.
  const reached = g.ks.filter((k) => Number.isFinite(g.at('lcn', k)) && Number.isFinite(g.at('cnn', k)));
  const kmax = reached.length ? reached[reached.length - 1] : g.ks[g.ks.length - 1];
  return [
    {
      id: 'order',
      claim: `at k = ${kmax} (the largest k where the LCN reaches the target): n*(CNN) < n*(LCN) < n*(FCN) (never reached counts as more)`,
      tests: [
        {
          label: 'n*(LCN) ÷ n*(CNN)',
          value: ratio(g.at('lcn', kmax), g.at('cnn', kmax), g.nMax),
          op: '>',
          threshold: 1,
          digits: 2,
        },
        {
          label: 'n*(FCN) ÷ n*(LCN)',
          value: ratio(g.at('fcn', kmax), g.at('lcn', kmax), g.nMax),
          op: '>',
          threshold: 1,
          digits: 2,
        },
      ],
    },
    {
      id: 'slopes',
      claim:
        'n* grows faster in k without weight sharing and faster still without locality (slope LCN − CNN ≥ 0.5, FCN − LCN ≥ 0.5)',
      tests: [
        {
          label: 'slope LCN − slope CNN',
          value: slopeOf(g, 'lcn') - slopeOf(g, 'cnn'),
          op: '>=',
          threshold: 0.5,
          digits: 2,
        },
        {
          label: 'slope FCN − slope LCN',
          value: slopeOf(g, 'fcn') - slopeOf(g, 'lcn'),
          op: '>=',
          threshold: 0.5,
          digits: 2,
        },
      ],
    },
  ];
}

/**
 * n*(a) ÷ n*(b). "Never reached" in the numerator means more than the sweep's largest n, so that n gives
 * a lower bound of the ratio (conservative for a "> 1" claim); in the denominator it leaves it undefined.
 */
function ratio(a: number, b: number, nMax: number): number {
  if (!Number.isFinite(b)) return NaN;
  return (Number.isFinite(a) ? a : nMax) / b;
}

export function reproTable(events: RunEvent[]): string {
  const g = nStars(events);
  if (!g.ks.length) return 'No finished (model, k) in this run.';
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'not reached');
  const out = [
    `| model | ${g.ks.map((k) => `n* at k = ${k}`).join(' | ')} | slope in k |`,
    `|---|${g.ks.map(() => '---').join('|')}|---|`,
  ];
  for (const a of ARMS)
    out.push(`| ${a} | ${g.ks.map((k) => f(g.at(a, k))).join(' | ')} | ${slopeOf(g, a).toFixed(2)} |`);
  out.push('', claimsMarkdown(reproClaims(events)));
  return out.join('\n');
}
