/**
 * A paper's claims as numbers, so that several seeds can judge them (docs/reproductions.md, "Seeds"):
 * each claim is a few tests `value op threshold` measured from one run's events; it holds in a run
 * when every test does. Over N seeds a test counts only when it holds beyond the seed-to-seed spread:
 * the one-sided 95% confidence bound of its mean (Student's t, N − 1 degrees of freedom) must be on
 * the claim's side of the threshold. For 3 seeds that is the mean clearing the threshold by 1.69
 * standard deviations. Pure: the repro tables, the script and the tests share it.
 */
import { summarize, tCritical } from '../stats';

export interface ClaimTest {
  /** What is measured, in words: `Thresholdout's holdout − fresh`. */
  label: string;
  value: number;
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  /**
   * How to print it: a fraction (an accuracy, a share) as a percentage, `95.4%`; a difference of two
   * fractions in percentage points, `+1.2 pp` (so "+1.2%" is never read as a relative change); or
   * digits after the point.
   */
  percent?: boolean;
  points?: boolean;
  digits?: number;
  /**
   * How many tests of this kind the paper's table judges together (Bonferroni): the bound over seeds
   * is then one-sided at 0.05 / family instead of 0.05, so one lucky comparison among many does not
   * count as reproduced. Default 1.
   */
  family?: number;
}

export interface ClaimCheck {
  /** Stable across runs: claims of several seeds are matched by it. */
  id: string;
  claim: string;
  tests: ClaimTest[];
}

export type Verdict = 'reproduced' | 'within the seed spread' | 'NOT reproduced' | 'not measured';

export function holds(t: Pick<ClaimTest, 'op' | 'threshold'>, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  switch (t.op) {
    case '>':
      return v > t.threshold;
    case '>=':
      return v >= t.threshold;
    case '<':
      return v < t.threshold;
    default:
      return v <= t.threshold;
  }
}

/** The one-sided 95% quantile of Student's t (core/stats: exact, from @stdlib). */
export function t95(df: number): number {
  return df < 1 ? Infinity : tCritical(0.9, df);
}

/** The one-sided quantile at 0.05 / family (Bonferroni over `family` tests; t95 for one). */
export function tOneSided(df: number, family = 1): number {
  return df < 1 ? Infinity : tCritical(1 - 0.1 / Math.max(1, family), df);
}

/** Mean and sample standard deviation (0 for one value, so one seed has no band). */
export function meanSd(xs: number[]): { mean: number; sd: number; n: number } {
  const s = summarize(xs);
  return { mean: s.mean, sd: s.n > 1 ? s.sd : 0, n: s.n };
}

export interface TestOverSeeds {
  label: string;
  op: ClaimTest['op'];
  threshold: number;
  values: number[];
  mean: number;
  sd: number;
  /** The 95% one-sided bound of the mean, on the side the claim needs (lower for `>`, upper for `<`). */
  bound: number;
  meanHolds: boolean;
  boundHolds: boolean;
  percent?: boolean;
  points?: boolean;
  digits?: number;
  family?: number;
}

export interface ClaimOverSeeds {
  id: string;
  claim: string;
  seeds: number;
  /** Seeds in which every test held. */
  heldIn: number;
  tests: TestOverSeeds[];
  verdict: Verdict;
}

/** Judges each claim over the seeds' checks (one array per seed), by the rule above. */
export function judgeClaims(perSeed: ClaimCheck[][]): ClaimOverSeeds[] {
  const ids: string[] = [];
  for (const checks of perSeed) for (const c of checks) if (!ids.includes(c.id)) ids.push(c.id);
  return ids.map((id) => {
    const present = perSeed.map((checks) => checks.find((c) => c.id === id)).filter((c): c is ClaimCheck => !!c);
    const first = present[0];
    const heldIn = present.filter((c) => c.tests.every((t) => holds(t, t.value))).length;
    const tests: TestOverSeeds[] = first.tests.map((t, ti) => {
      const values = present.map((c) => c.tests[ti]?.value).filter((v): v is number => Number.isFinite(v));
      const { mean, sd, n } = meanSd(values);
      const half = n > 1 ? (tOneSided(n - 1, t.family) * sd) / Math.sqrt(n) : 0;
      const bound = t.op.startsWith('>') ? mean - half : mean + half;
      return {
        label: t.label,
        op: t.op,
        threshold: t.threshold,
        values,
        mean,
        sd,
        bound,
        meanHolds: n > 0 && holds(t, mean),
        boundHolds: n > 0 && holds(t, bound),
        percent: t.percent,
        points: t.points,
        digits: t.digits,
        family: t.family,
      };
    });
    const measured = present.length > 0 && tests.every((t) => t.values.length === present.length);
    const verdict: Verdict = !measured
      ? 'not measured'
      : tests.every((t) => t.boundHolds) && heldIn === present.length
        ? 'reproduced'
        : tests.every((t) => t.meanHolds)
          ? 'within the seed spread'
          : 'NOT reproduced';
    return { id, claim: first.claim, seeds: present.length, heldIn, tests, verdict };
  });
}

export function formatNumber(v: number, t: { percent?: boolean; points?: boolean; digits?: number }): string {
  if (!Number.isFinite(v)) return '—';
  if (t.points) return `${v > 0 ? '+' : ''}${(100 * v).toFixed(t.digits ?? 1)} pp`;
  if (t.percent) return `${(100 * v).toFixed(t.digits ?? 1)}%`;
  return v.toLocaleString('en', { maximumFractionDigits: t.digits ?? 3, minimumFractionDigits: t.digits ?? 0 });
}

/** The claims section of a seeds table: per claim, its verdict, then each test's mean ± sd and bound. */
export function claimsTable(judged: ClaimOverSeeds[]): string {
  if (!judged.length) return '';
  const lines = [
    `| claim | over ${judged[0].seeds} seeds (mean ± sd; 95% bound) | held in | verdict |`,
    '|---|---|---|---|',
  ];
  for (const c of judged) {
    const tests = c.tests
      .map((t) => {
        const f = (v: number) => formatNumber(v, t);
        // The threshold is a stated number: print it whole (a 0/1 test's 0.5 must not read "1").
        const exact = (v: number) => {
          let digits = t.digits ?? (t.percent || t.points ? 1 : 3);
          const scale = t.percent || t.points ? 100 : 1;
          while (digits < 6 && Number((scale * v).toFixed(digits)) !== scale * v) digits++;
          return formatNumber(v, { ...t, digits });
        };
        const sd =
          t.percent || t.points
            ? `${(100 * t.sd).toFixed(t.digits ?? 1)} pp`
            : formatNumber(t.sd, { digits: t.digits });
        const fmtOp = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' }[t.op];
        const corrected = t.family && t.family > 1 ? `, Bonferroni over ${t.family}` : '';
        return `${t.label}: ${f(t.mean)} ± ${sd} (bound ${f(t.bound)}${corrected}) ${fmtOp} ${exact(t.threshold)}${t.boundHolds ? ' ✓' : t.meanHolds ? ' ~' : ' ✗'}`;
      })
      .join('; ');
    const cell = (t: string) => t.replace(/\|/g, '\\|'); // a `|` in a label would end the table cell
    lines.push(`| ${cell(c.claim)} | ${cell(tests)} | ${c.heldIn} of ${c.seeds} | ${c.verdict} |`);
  }
  return lines.join('\n');
}
