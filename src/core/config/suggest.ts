/** "Did you mean …?": the closest candidates by edit distance, for unknown keys, values and paper ids. */

/** Damerau–Levenshtein (optimal string alignment) distance: a swapped pair of letters counts once. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 64) return Math.abs(a.length - b.length);
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/**
 * Candidates close enough to be a plausible typo, best first. Also accepts a candidate that contains
 * the word or is contained by it (`lr` for `learning_rate` is not a typo, but `rate` for `rates` is).
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase().replace(/[-\s]/g, '_');
  if (!w || w.length > 100) return [];
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const cc = c.toLowerCase().replace(/[-\s]/g, '_');
    const d = editDistance(w, cc);
    const limit = Math.max(1, Math.floor(Math.max(w.length, cc.length) / 3));
    if (d <= limit) scored.push([c, d]);
    else if (cc.length >= 3 && w.length >= 3 && (cc.includes(w) || w.includes(cc))) scored.push([c, limit + 1]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, max).map((s) => s[0]);
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`". */
export function orList(items: readonly string[]): string {
  const q = items.map((x) => `\`${x}\``);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
