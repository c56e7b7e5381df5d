/**
 * A paper's claims as numbers measured from one run (`reproClaims(events)` in a paper's repro.ts), so
 * the seed runner can judge them over several seeds: a claim holds when every test `value op threshold`
 * does, and over seeds only beyond the seed-to-seed spread (docs/reproductions.md).
 * Structurally the same as the seed runner's ClaimCheck (helper "sweep", src/core/repro/claims.ts).
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

export function holdsIn(c: ClaimCheck): boolean {
  return c.tests.every((t) => {
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
  });
}

/** The claims of one run as a markdown table: tests with their values, and the verdict for this run. */
export function claimsMarkdown(claims: ClaimCheck[]): string {
  const fmt = (t: ClaimTest, v: number) =>
    !Number.isFinite(v) ? '—' : t.percent ? `${(100 * v).toFixed(t.digits ?? 1)}%` : v.toFixed(t.digits ?? 3);
  const lines = ['| claim | measured (this run) | verdict |', '|---|---|---|'];
  for (const c of claims)
    lines.push(
      `| ${c.claim} | ${c.tests.map((t) => `${t.label} = ${fmt(t, t.value)} (needs ${t.op} ${fmt(t, t.threshold)})`).join('; ')} | ${holdsIn(c) ? 'holds' : 'does NOT hold'} |`,
    );
  return lines.join('\n');
}
