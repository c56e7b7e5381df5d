/**
 * A paper's claims as numbers measured from one run (`reproClaims(events)` in a paper's repro.ts), so
 * the seed runner can judge them over several seeds: a claim holds when every test `value op threshold`
 * does, and over seeds only beyond the seed-to-seed spread (docs/reproductions.md).
 * Structurally the same as the seed runner's ClaimCheck (helper "sweep", src/core/repro/claims.ts).
 *
 * An equivalence claim ("no better than random") is two tests on one difference, Δ > −m and Δ < +m:
 * both one-sided bounds inside the margin is a TOST at α = 0.05 over the seeds.
 */
export interface ClaimTest {
  label: string;
  value: number;
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  /** A fraction (an accuracy, a share), printed as a percentage: `95.4%`. */
  percent?: boolean;
  /** A difference of two fractions (accuracy − accuracy), printed in percentage points: `+1.2 pp`. */
  points?: boolean;
  digits?: number;
}

export interface ClaimCheck {
  id: string;
  claim: string;
  tests: ClaimTest[];
}

/** The two one-sided tests of an equivalence at ±margin on one difference. */
export function equivalenceTests(label: string, diff: number, margin: number, points = true): ClaimTest[] {
  return [
    { label: `${label} > −margin`, value: diff, op: '>', threshold: -margin, points },
    { label: `${label} < +margin`, value: diff, op: '<', threshold: margin, points },
  ];
}

export function holds(t: ClaimTest): boolean {
  if (!Number.isFinite(t.value)) return false;
  switch (t.op) {
    case '>':
      return t.value > t.threshold;
    case '>=':
      return t.value >= t.threshold;
    case '<':
      return t.value < t.threshold;
    default:
      return t.value <= t.threshold;
  }
}

export function holdsIn(c: ClaimCheck): boolean {
  return c.tests.every(holds);
}

/** How a claim reads in one run's table: every test holds, or which do not. */
export function verdict(c: ClaimCheck): string {
  const fails = c.tests.filter((t) => !holds(t));
  return fails.length === 0 ? 'holds in this run' : `does not hold (${fails.map((t) => t.label).join('; ')})`;
}

/** A claim's tests in words with this run's values: "power − uniform at 3 bits = +4.21 pp (> 0 pp)". */
export function describeTests(c: ClaimCheck): string {
  return c.tests.map((t) => `${t.label} = ${signedFmt(t.value, t)} (${t.op} ${signedFmt(t.threshold, t)})`).join('; ');
}

function signedFmt(v: number, t: ClaimTest): string {
  if (!Number.isFinite(v)) return '—';
  if (t.points) return `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)} pp`;
  if (t.percent) return `${(100 * v).toFixed(2)}%`;
  return v.toFixed(t.digits ?? 3);
}

/** The claims as the last rows of a repro table. */
export function claimsRows(claims: ClaimCheck[]): string[] {
  if (!claims.length) return [];
  return [
    '',
    '| claim | measured in this run | verdict |',
    '|---|---|---|',
    ...claims.map((c) => `| ${c.claim} | ${describeTests(c)} | ${verdict(c)} |`),
  ];
}

/** The claims of one run as a markdown table: tests with their values, and the verdict for this run. */
export function claimsMarkdown(claims: ClaimCheck[]): string {
  const fmt = (t: ClaimTest, v: number) =>
    !Number.isFinite(v)
      ? '—'
      : t.points
        ? `${v >= 0 ? '+' : ''}${(100 * v).toFixed(t.digits ?? 1)} pp`
        : t.percent
          ? `${(100 * v).toFixed(t.digits ?? 1)}%`
          : v.toFixed(t.digits ?? 3);
  const lines = ['| claim | measured (this run) | verdict |', '|---|---|---|'];
  for (const c of claims)
    lines.push(
      `| ${c.claim} | ${c.tests.map((t) => `${t.label} = ${fmt(t, t.value)} (needs ${t.op} ${fmt(t, t.threshold)})`).join('; ')} | ${holdsIn(c) ? 'holds' : 'does NOT hold'} |`,
    );
  return lines.join('\n');
}
