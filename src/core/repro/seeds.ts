/**
 * One reproduction table over several seeds: each paper's own table (its `reproTable`, one per run)
 * merged cell by cell — where the seeds' cells differ only in their numbers, the numbers become
 * `mean ± sd`; where they differ otherwise (a verdict, a missing value) the seeds' texts are listed —
 * followed by the paper's claims judged over the seeds (./claims.ts). Pure.
 */
import { claimsTable, judgeClaims, meanSd, type ClaimCheck } from './claims';

// A sign is part of the number (`+0.025` and `-0.010` are the same cell in two seeds) unless it
// follows a word or a number (`1-2` is a range, `lb-lr` a name).
const NUMBER = /(?:(?<![\w.)])[+-])?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?)/gi;

function numbersOf(cell: string): { skeleton: string; numbers: string[] } {
  const numbers: string[] = [];
  const skeleton = cell.replace(NUMBER, (m) => (numbers.push(m), '\u0000'));
  return { skeleton, numbers };
}

const parse = (s: string) => Number(s.replace(/,/g, ''));
const decimals = (s: string) => (/\.(\d+)/.exec(s)?.[1].length ?? 0) + (/e/i.test(s) ? 2 : 0);

function meanPm(tokens: string[]): string {
  const xs = tokens.map(parse);
  const { mean, sd } = meanSd(xs);
  const d = Math.max(...tokens.map(decimals));
  const grouped = tokens.some((t) => t.includes(','));
  const f = (v: number) =>
    grouped || Math.abs(v) >= 1000
      ? v.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d })
      : v.toFixed(d);
  const plus = tokens.some((t) => t.startsWith('+')) && mean >= 0 ? '+' : '';
  return `${plus}${f(mean)} ± ${f(sd)}`;
}

/** Merges one table cell over the seeds. */
export function mergeCell(cells: string[]): string {
  if (cells.every((c) => c === cells[0])) return cells[0];
  const parts = cells.map(numbersOf);
  const same = parts.every((p) => p.skeleton === parts[0].skeleton && p.numbers.length === parts[0].numbers.length);
  if (!same || parts[0].numbers.length === 0) {
    // Per seed, in seed order; a table cell keeps its padding ("| a / b |", not "|a / b|").
    const pad = (edge: RegExp) => (edge.test(cells[0]) ? ' ' : '');
    return `${pad(/^\s/)}${cells.map((c) => c.trim()).join(' / ')}${pad(/\s$/)}`;
  }
  let k = 0;
  return parts[0].skeleton.replaceAll('\u0000', () => {
    const i = k++;
    const tokens = parts.map((p) => p.numbers[i]);
    return tokens.every((t) => t === tokens[0]) ? tokens[0] : meanPm(tokens);
  });
}

/** Merges the seeds' markdown (tables and text) line by line; shapes that differ are shown per seed. */
export function mergeTables(tables: string[]): string {
  if (tables.length === 1) return tables[0];
  const rows = tables.map((t) => t.split('\n'));
  if (!rows.every((r) => r.length === rows[0].length))
    return tables.map((t, i) => `seed run ${i + 1}:\n\n${t}`).join('\n\n');
  return rows[0]
    .map((line, li) => {
      const lines = rows.map((r) => r[li]);
      if (lines.every((l) => l === line)) return line;
      // A line of text outside a table ("Dense parent: 95.50% test accuracy") merges as one cell:
      // showing the first seed's line alone would pass one seed's numbers off as all of them.
      if (!line.startsWith('|')) return mergeCell(lines);
      const cells = lines.map((l) => l.split('|'));
      if (!cells.every((c) => c.length === cells[0].length)) return lines.join(' / ');
      return cells[0].map((_, ci) => mergeCell(cells.map((c) => c[ci]))).join('|');
    })
    .join('\n');
}

export interface SeedRun {
  seed: number;
  run: string;
  table: string;
  claims?: ClaimCheck[];
}

/**
 * A paper's table of one run may end with that run's claims (`| claim | measured in this run | … |`,
 * papers/common/claims.ts). Over seeds the judged claims table replaces it: merged, its "holds in this
 * run" beside a mean ± sd would claim for one run what is a summary of several.
 */
export function withoutRunClaims(table: string): string {
  const lines = table.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| claim \| measured (in this run|\(this run\)) \|/.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    while (i + 1 < lines.length && lines[i + 1].startsWith('|')) i++;
    if (out.length && out[out.length - 1].trim() === '') out.pop();
  }
  return out.join('\n');
}

/** The whole seeds report: which runs, the merged table, the claims judged over the seeds. */
export function seedsReport(runs: SeedRun[]): string {
  const header = `${runs.length} seed${runs.length === 1 ? '' : 's'}: ${runs.map((r) => `${r.seed} (${r.run})`).join(', ')}. Numbers that differ between seeds are mean ± sd over the seeds.`;
  const withClaims = runs.filter((r) => r.claims?.length);
  const judged = withClaims.length === runs.length && runs.length > 1;
  const merged = mergeTables(runs.map((r) => (judged ? withoutRunClaims(r.table) : r.table)));
  const claims = judged
    ? `\n\nClaims over the seeds — reproduced only where the one-sided 95% bound of the mean clears the claim's threshold (✓ clears, ~ only the mean does, ✗ the mean does not):\n\n${claimsTable(judgeClaims(runs.map((r) => r.claims!)))}`
    : runs.length > 1
      ? '\n\nThis paper has no claims as numbers yet (`reproClaims` in its repro.ts), so the seed-spread rule cannot judge them: read the per-seed verdicts above.'
      : '';
  return `${header}\n\n${merged}${claims}`;
}
