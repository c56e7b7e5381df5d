import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveAssignment, solveAssignmentMax } from '../../../src/trainer/linalg/assignment';
import { mulberry32 } from '../../support/mulberry32';

const rng = mulberry32;

/** Every injective map rows → cols, for brute force on small cases. */
function bruteForceMin(cost: ArrayLike<number>, rows: number, cols: number): number {
  let best = Infinity;
  const used = new Array(cols).fill(false);
  const go = (i: number, acc: number): void => {
    if (i === rows) {
      best = Math.min(best, acc);
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(i + 1, acc + cost[i * cols + j]);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

function assertIsInjective(rowToCol: Int32Array, cols: number): void {
  const seen = new Set<number>();
  for (const c of rowToCol) {
    assert.ok(c >= 0 && c < cols, `column ${c} out of range`);
    assert.ok(!seen.has(c), `column ${c} used twice`);
    seen.add(c);
  }
}

test('a textbook 3×3 case has the known optimum', () => {
  // Rows = workers, columns = jobs; the optimum is 0→1 (1) + 1→0 (2) + 2→2 (2) = 5 (the diagonal costs 6).
  const cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
  const r = solveAssignment(cost, 3, 3);
  assert.equal(r.total, 5);
  assert.deepEqual([...r.rowToCol], [1, 0, 2]);
});

test('matches brute force on 300 random square and rectangular matrices, including ties and negatives', () => {
  const rand = rng(7);
  for (let trial = 0; trial < 300; trial++) {
    const rows = 1 + Math.floor(rand() * 6);
    const cols = rows + Math.floor(rand() * 3);
    const integer = trial % 3 === 0; // small integers force ties
    const cost = Array.from({ length: rows * cols }, () => (integer ? Math.floor(rand() * 4) - 1 : rand() * 20 - 10));
    const r = solveAssignment(cost, rows, cols);
    assertIsInjective(r.rowToCol, cols);
    const recomputed = [...r.rowToCol].reduce((s, c, i) => s + cost[i * cols + c], 0);
    assert.ok(Math.abs(recomputed - r.total) < 1e-9);
    assert.ok(Math.abs(r.total - bruteForceMin(cost, rows, cols)) < 1e-9, `trial ${trial}: ${r.total} vs brute force`);
  }
});

test('maximization recovers a hidden permutation of a similarity matrix', () => {
  // Weight matching's case: B's units are A's units shuffled, so the Gram matrix peaks on the permutation.
  const rand = rng(11);
  const n = 64;
  const d = 20;
  const a = Array.from({ length: n }, () => Array.from({ length: d }, () => rand() - 0.5));
  const perm = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
  const b = perm.map((p) => a[p]); // b[j] = a[perm[j]]
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sim[i * n + j] = a[i].reduce((s, x, k) => s + x * b[j][k], 0);
  const r = solveAssignmentMax(sim, n, n);
  for (let i = 0; i < n; i++) assert.equal(perm[r.rowToCol[i]], i, `row ${i} matched to the wrong unit`);
});

test('a 256×256 problem solves quickly', () => {
  const rand = rng(3);
  const n = 256;
  const cost = Float64Array.from({ length: n * n }, () => rand());
  const t0 = performance.now();
  const r = solveAssignment(cost, n, n);
  assertIsInjective(r.rowToCol, n);
  assert.ok(performance.now() - t0 < 2000);
  // Far below a random assignment's expected total (n/2): optimal random LAP totals stay near ζ(2) ≈ 1.64.
  assert.ok(r.total < 3, `total ${r.total}`);
});

test('bad input is refused with a message that says what is wrong', () => {
  assert.throws(() => solveAssignment([1, 2, 3, 4, 5, 6], 3, 2), /at least as many columns as rows/);
  assert.throws(() => solveAssignment([1, 2, 3], 2, 2), /expected 4 entries/);
  assert.throws(() => solveAssignment([1, NaN, 3, 4], 2, 2), /row 0, col 1\) is NaN/);
  assert.deepEqual([...solveAssignment([], 0, 0).rowToCol], []);
});
