/**
 * Reproduction table for `npm run repro -- train-longer`: final and best validation error, updates and
 * ‖w_T − w_0‖ per arm, beside Table 1's error ratios (unconfirmed; MNIST F1 and CIFAR-10 ResNet44).
 * Pure: reads events.
 */
import type { MetricEvent, RunEvent, SummaryEvent } from '../../core/runs/events';
import { deltaAic, fitLine, fitPowerLawOnY, type LineFit, type PowerFit } from '../../core/stats';
import type { ClaimCheck } from '../../core/repro/claims';
import { references } from './references';

const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(2)}%`);
const f = (x: number | undefined, d = 2) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));

export function reproTable(events: RunEvent[]): string {
  const sums = events
    .filter((e): e is SummaryEvent => e.type === 'summary' && typeof e.series.arm_index === 'number')
    .sort((a, b) => Number(a.series.arm_index) - Number(b.series.arm_index));
  if (!sums.length) return 'No arm finished in this run.';
  const sb = sums.find((s) => s.series.arm === 'sb')?.values.final_test_err;
  const paper = (arm: string, ds: string) =>
    references.find((r) => r.series?.arm === arm && r.id.startsWith(ds))?.relative?.factor;
  const out = [
    '| arm | batch / ghost | lr | epochs | updates | final val. error | best | × our SB | paper × SB: MNIST F1 / CIFAR-10 (unconf.) | ‖w_T − w_0‖ |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of sums) {
    const v = s.values;
    const arm = String(s.series.arm);
    const ours = sb ? v.final_test_err / sb : undefined;
    const p = arm === 'sb' ? '1 / 1' : `${f(paper(arm, 'mnist'))} / ${f(paper(arm, 'cifar'))}`;
    out.push(
      `| ${arm} | ${s.series.batch} / ${s.series.ghost} | ${f(v.lr, 3)} | ${v.epochs} | ${v.updates} | ${pct(v.final_test_err)} | ${pct(v.best_test_err)} | ${f(ours)} | ${p} | ${f(v.weight_dist)} |`,
    );
  }
  // The random-walk claim: ‖w_t − w_0‖ against log t. A power law t^a with a small a also looks straight
  // on a log axis (R² ≈ 0.97 over two decades), so both two-parameter models are fitted and compared.
  out.push(
    '',
    '| arm | points | log fit a + b·log₁₀ t: slope per decade, R² | power fit c·t^a: a, R² | ΔAIC (power − log) | better fit |',
    '|---|---|---|---|---|---|',
  );
  const verdicts: string[] = [];
  for (const { arm, fits } of walkFitsByArm(events)) {
    const { log, power, dAic, winner } = fits;
    verdicts.push(winner);
    out.push(
      `| ${arm} | ${log.n} | ${f(log.slope)}, ${f(log.r2, 3)} | ${f(power.exponent, 3)}, ${f(power.r2, 3)} | ${f(dAic, 1)} | ${winner} |`,
    );
  }
  const count = (w: string) => verdicts.filter((v) => v === w).length;
  const rw: string[] = [];
  if (verdicts.length)
    rw.push(
      `| ‖w_t − w_0‖ grows like log t (random walk on a random potential, §3) | log t fits better in ${count('log t')} of ${verdicts.length} arms, a power law t^a in ${count('power law')}, neither clearly in ${count('neither')} (ΔAIC within ±2; points along one run are correlated, so ΔAIC describes the curve, it is not a test) → ${count('log t') === verdicts.length ? 'consistent with log t' : count('power law') === verdicts.length ? 'NOT reproduced: a power law fits better' : 'not decided by these runs'} |`,
    );
  const get = (arm: string) => sums.find((s) => s.series.arm === arm)?.values.final_test_err;
  const [lb, gbn, ra] = [get('lb'), get('lb_lr_gbn'), get('lb_lr_gbn_ra')];
  out.push('', '| claim | this run |', '|---|---|', ...rw);
  const gap = sb !== undefined && lb !== undefined ? lb - sb : undefined;
  if (gap !== undefined)
    out.push(
      `| large batch generalizes worse at equal epochs | SB ${pct(sb)} vs LB ${pct(lb)} → ${gap > 0 ? 'reproduced' : 'NOT reproduced (no gap at this scale)'} |`,
    );
  if (lb !== undefined && gbn !== undefined) {
    const verdict =
      gap !== undefined && gap <= 0
        ? 'not testable: there is no gap to narrow'
        : gbn < lb
          ? 'reproduced'
          : 'NOT reproduced';
    out.push(`| √LR + ghost BN narrow the gap | LB ${pct(lb)} → +LR+GBN ${pct(gbn)} → ${verdict} |`);
  }
  if (sb !== undefined && ra !== undefined) {
    const verdict =
      gap !== undefined && gap <= 0
        ? `no gap to close; +RA ${ra <= sb + 0.01 ? 'is at least as good as' : 'is worse than'} SB`
        : ra <= sb + 0.01
          ? 'reproduced'
          : 'NOT reproduced';
    out.push(
      `| regime adaptation closes it (matches SB within 1 point) | SB ${pct(sb)} vs +RA ${pct(ra)} → ${verdict} |`,
    );
  }
  return out.join('\n');
}

/** Each arm's ‖w_t − w_0‖ curve (metric events, t > 0) fitted both ways; arms too short to fit are left out. */
function walkFitsByArm(events: RunEvent[]): { arm: string; fits: RandomWalkFits }[] {
  const metrics = events.filter(
    (e): e is MetricEvent => e.type === 'metric' && Number.isFinite(e.values.weight_dist) && e.step > 0,
  );
  return [...new Set(metrics.map((m) => String(m.series.arm)))]
    .map((arm) => {
      const ms = metrics.filter((m) => m.series.arm === arm);
      const fits = randomWalkFits(
        ms.map((m) => m.step),
        ms.map((m) => m.values.weight_dist),
      );
      return fits && { arm, fits };
    })
    .filter((x): x is { arm: string; fits: RandomWalkFits } => !!x);
}

export interface RandomWalkFits {
  log: LineFit;
  power: PowerFit;
  /** n·ln(rss_power / rss_log): positive when log t fits better. */
  dAic: number;
  winner: 'log t' | 'power law' | 'neither';
}

/**
 * ‖w_t − w_0‖ against t fitted two ways with two parameters each, on the distance itself: a + b·log₁₀ t
 * (the paper's ultra-slow diffusion) and c·t^a. The better one by ΔAIC > 2, else 'neither'.
 */
export function randomWalkFits(t: readonly number[], dist: readonly number[]): RandomWalkFits | undefined {
  const ok = t.map((_, i) => i).filter((i) => t[i] > 0 && Number.isFinite(dist[i]));
  if (ok.length < 3) return undefined;
  const log = fitLine(
    ok.map((i) => Math.log10(t[i])),
    ok.map((i) => dist[i]),
  );
  const power = fitPowerLawOnY(
    ok.map((i) => t[i]),
    ok.map((i) => dist[i]),
  );
  if (!log || !power) return undefined;
  // A perfect fit has rss 0: a floor keeps the ratio finite.
  const floor = 1e-12 * Math.max(1, ...ok.map((i) => dist[i] ** 2));
  const dAic = deltaAic(power.rss + floor, log.rss + floor, ok.length);
  return { log, power, dAic, winner: dAic > 2 ? 'log t' : dAic < -2 ? 'power law' : 'neither' };
}

/**
 * The claims as numbers per run (the paper's as index.ts words them; Table 1's numbers are unconfirmed),
 * for the seed-spread rule (src/core/repro/claims.ts). The thresholds are the ones the table above
 * already used before any seeds were run:
 * - per arm, ΔAIC (power − log) > 2: ‖w_t − w_0‖ is better described by log t than by a power law
 *   ("grows logarithmically with the number of updates"; 2 is the table's "neither" band). Bonferroni
 *   over the arms. Over seeds this judges the curve's shape from seed to seed, which the correlated
 *   points of one run cannot.
 * - LB − SB final validation error > 0: large batches generalize worse at equal epochs.
 * - the gap exists and LB − (LB + √LR + ghost BN) > 0: the two remedies narrow it.
 * - the gap exists and (+ regime adaptation) − SB < 1 point: adapting the regime closes it (the table's
 *   "matches SB within 1 point"). Narrowing and closing a gap both need the gap, so neither counts as
 *   reproduced where the large batch was not worse.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const walks = walkFitsByArm(events);
  const out: ClaimCheck[] = walks.map(({ arm, fits }) => ({
    id: `log-t-${arm}`,
    claim: `${arm}: ‖w_t − w_0‖ grows like log t rather than a power law t^a (ΔAIC > 2)`,
    tests: [{ label: 'ΔAIC (power − log)', value: fits.dAic, op: '>', threshold: 2, digits: 1, family: walks.length }],
  }));
  const err = (arm: string) =>
    events.find((e): e is SummaryEvent => e.type === 'summary' && e.series.arm === arm)?.values.final_test_err;
  const [sb, lb, gbn, ra] = [err('sb'), err('lb'), err('lb_lr_gbn'), err('lb_lr_gbn_ra')];
  if (sb === undefined || lb === undefined) return out;
  const gap = {
    label: 'LB − SB final error',
    value: lb - sb,
    op: '>' as const,
    threshold: 0,
    points: true,
    digits: 2,
  };
  out.push({ id: 'lb-gap', claim: 'a large batch generalizes worse than a small one at equal epochs', tests: [gap] });
  if (gbn !== undefined)
    out.push({
      id: 'lr-gbn-narrow',
      claim: '√LR scaling + ghost batch norm narrow the large-batch gap',
      tests: [
        gap,
        { label: 'LB − (+LR+GBN) final error', value: lb - gbn, op: '>', threshold: 0, points: true, digits: 2 },
      ],
    });
  if (ra !== undefined)
    out.push({
      id: 'ra-closes',
      claim: 'regime adaptation closes the gap (matches SB within 1 point)',
      tests: [
        gap,
        { label: '(+RA) − SB final error', value: ra - sb, op: '<', threshold: 0.01, points: true, digits: 2 },
      ],
    });
  return out;
}
