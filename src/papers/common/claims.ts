/**
 * A paper's claims as numbers measured from one run's events (`reproClaims` in a paper's repro.ts),
 * so that several seeds can judge them: a test holds over seeds only where the one-sided 95% bound of
 * its mean clears the threshold (the repro command's seed-spread rule). The same shape as the repro
 * command's `ClaimCheck` (helper "sweep", src/core/repro/claims.ts), declared here until that lands.
 *
 * An equivalence claim ("no better than random") is two tests on one difference, Δ > −m and Δ < +m:
 * both one-sided bounds inside the margin is a TOST at α = 0.05 over the seeds.
 */
export interface ClaimTest {
  label: string;
  value: number;
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  percent?: boolean;
  digits?: number;
}

export interface ClaimCheck {
  id: string;
  claim: string;
  tests: ClaimTest[];
}

/** The two one-sided tests of an equivalence at ±margin on one difference. */
export function equivalenceTests(label: string, diff: number, margin: number, percent = true): ClaimTest[] {
  return [
    { label: `${label} > −margin`, value: diff, op: '>', threshold: -margin, percent },
    { label: `${label} < +margin`, value: diff, op: '<', threshold: margin, percent },
  ];
}

/** How a claim reads in one run's table: every test holds, or which do not. */
export function verdict(c: ClaimCheck): string {
  const fails = c.tests.filter((t) => !holds(t));
  return fails.length === 0 ? 'holds in this run' : `does not hold (${fails.map((t) => t.label).join('; ')})`;
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

/** A claim's tests in words with this run's values: "power − uniform at 3 bits = +4.21 pp (> 0 pp)". */
export function describeTests(c: ClaimCheck): string {
  return c.tests.map((t) => `${t.label} = ${fmt(t.value, t)} (${t.op} ${fmt(t.threshold, t)})`).join('; ');
}

function fmt(v: number, t: ClaimTest): string {
  if (!Number.isFinite(v)) return '—';
  if (t.percent) return `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)} pp`;
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
