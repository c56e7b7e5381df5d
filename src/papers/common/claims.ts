/**
 * A paper's claims as numbers measured in one run, so that several seeds can judge them: each claim
 * is a few tests `value op threshold`. The shape is the one the seeds report reads (helper "sweep"'s
 * src/core/repro/claims.ts, `reproClaims(events)` beside `reproTable(events)` in a paper's repro.ts);
 * declared here until that lands on main.
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

/** Whether a test holds in this run (NaN never does). */
export function testHolds(t: ClaimTest): boolean {
  if (!Number.isFinite(t.value)) return false;
  if (t.op === '>') return t.value > t.threshold;
  if (t.op === '>=') return t.value >= t.threshold;
  if (t.op === '<') return t.value < t.threshold;
  return t.value <= t.threshold;
}

/** The claims of one run as a markdown table: claim, each test's value against its threshold, verdict. */
export function claimsTable(claims: ClaimCheck[]): string {
  const fmt = (t: ClaimTest, v: number) =>
    !Number.isFinite(v) ? '—' : t.percent ? `${(100 * v).toFixed(t.digits ?? 1)}%` : v.toFixed(t.digits ?? 2);
  const lines = ['| claim | measured (this run) | verdict |', '|---|---|---|'];
  for (const c of claims) {
    const parts = c.tests.map((t) => `${t.label} ${fmt(t, t.value)} ${t.op} ${fmt(t, t.threshold)}`);
    const ok = c.tests.length > 0 && c.tests.every(testHolds);
    lines.push(`| ${c.claim} | ${parts.join('; ')} | ${ok ? 'holds' : 'does not hold'} |`);
  }
  return lines.join('\n');
}
