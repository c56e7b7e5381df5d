import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conformalMargin,
  conformalShifts,
  coverage,
  crossingRate,
  intervalScore,
  normalQuantile,
  pinball,
  pinballByLevel,
  postSort,
  quantileLevels,
  shiftLevels,
  sortedQuantile,
  weightedIntervalScore,
} from '../../../src/core/stats';
import { createRng } from '../../../src/trainer/rng';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('levels: k/(K + 1); the authors’ 99 are 1% … 99%', () => {
  assert.deepEqual(quantileLevels(3), [0.25, 0.5, 0.75]);
  const l = quantileLevels(99);
  close(l[0], 0.01);
  close(l[98], 0.99);
});

test('pinball: τ·e above, (1 − τ)·|e| below, by hand', () => {
  close(pinball(0.9, 3, 1), 1.8);
  close(pinball(0.9, 1, 3), 0.2);
  close(pinball(0.5, 2, 2), 0);
});

test('WIS = (2/K) Σ pinball equals Bracher et al.’s interval form: (½|y − m| + Σ α/2·IS_α) / (K_int + ½)', () => {
  const levels = quantileLevels(9); // 0.1 … 0.9: intervals α = 0.2, 0.4, 0.6, 0.8 and the median
  const rng = createRng(1);
  for (let trial = 0; trial < 50; trial++) {
    const q = Float64Array.from({ length: 9 }, () => rng.normal()).sort();
    const y = 1.5 * rng.normal();
    let bracher = 0.5 * Math.abs(y - q[4]);
    for (let k = 0; k < 4; k++) {
      const alpha = 2 * levels[k];
      bracher += (alpha / 2) * intervalScore(alpha, q[k], q[8 - k], y);
    }
    bracher /= 4 + 0.5;
    close(weightedIntervalScore(levels, q, [y]), bracher, 1e-12);
  }
});

test('post-sorting never raises the summed pinball loss (rearrangement), and removes every crossing', () => {
  const levels = quantileLevels(7);
  const rng = createRng(2);
  let lowered = 0;
  for (let trial = 0; trial < 200; trial++) {
    const pred = Float64Array.from({ length: 7 * 5 }, () => rng.normal());
    const y = Array.from({ length: 5 }, () => rng.normal());
    const sorted = postSort(pred, 7);
    const before = weightedIntervalScore(levels, pred, y);
    const after = weightedIntervalScore(levels, sorted, y);
    assert.ok(after <= before + 1e-12, `${after} > ${before}`);
    if (after < before - 1e-12) lowered++;
    assert.equal(crossingRate(sorted, 7), 0);
  }
  assert.ok(lowered > 100, 'random quantiles cross, and sorting them helps');
  // A two-level case by hand: q = (2, 0) at τ = (¼, ¾), y = 1: ¾·1 + ¾·1 = 1.5 crossed, ¼·1 + ¼·1 = 0.5 sorted.
  const two = [0.25, 0.75];
  close(
    pinballByLevel(two, Float64Array.from([2, 0]), [1]).reduce((a, b) => a + b),
    1.5,
  );
  close(
    pinballByLevel(two, Float64Array.from([0, 2]), [1]).reduce((a, b) => a + b),
    0.5,
  );
});

test('conformal margin: the ⌈(n + 1)(1 − α)⌉-th smallest score, Infinity when that rank exceeds n', () => {
  // Scores max(l − y, y − u) = y − 0 with l = −10, u = 0: y = 1 … 9 → scores 1 … 9.
  const y = [5, 1, 9, 3, 7, 2, 8, 4, 6];
  const lo = y.map(() => -10);
  const hi = y.map(() => 0);
  close(conformalMargin(0.2, lo, hi, y), 8); // ⌈10 · 0.8⌉ = 8
  close(conformalMargin(0.5, lo, hi, y), 5); // ⌈10 · 0.5⌉ = 5
  assert.equal(conformalMargin(0.05, lo, hi, y), Infinity); // ⌈10 · 0.95⌉ = 10 > 9
});

test('conformal shifts: symmetric per pair, none on the median; on exchangeable data the coverage is ≥ 1 − α on average', () => {
  const levels = quantileLevels(3); // ¼, ½, ¾: one pair, α = ½
  const rng = createRng(3);
  let covered = 0;
  let total = 0;
  for (let trial = 0; trial < 200; trial++) {
    // A forecast that is badly too narrow: [−0.1, 0.1] for standard normal y.
    const draw = (n: number) => {
      const y = Float64Array.from({ length: n }, () => rng.normal());
      const pred = new Float64Array(n * 3);
      for (let i = 0; i < n; i++) pred.set([-0.1, 0, 0.1], i * 3);
      return { y, pred };
    };
    const cal = draw(19);
    const shifts = conformalShifts(levels, cal.pred, cal.y);
    assert.equal(shifts[1], 0);
    close(shifts[0], -shifts[2]);
    const t = draw(50);
    covered += coverage(shiftLevels(t.pred, shifts), 3, 0, 2, t.y) * 50;
    total += 50;
  }
  // Exact for n = 19, α = ½: E[coverage] = ⌈20 · ½⌉ / 20 = 0.5; 10,000 test points → sd ≈ 0.005 (plus calibration draws).
  const rate = covered / total;
  assert.ok(rate > 0.47 && rate < 0.55, `coverage ${rate}`);
});

test('sample quantile: numpy’s linear interpolation; Φ⁻¹ at known points', () => {
  const s = [1, 2, 3, 4];
  close(sortedQuantile(s, 0), 1);
  close(sortedQuantile(s, 1), 4);
  close(sortedQuantile(s, 0.5), 2.5);
  close(sortedQuantile(s, 0.25), 1.75);
  close(normalQuantile(0.5), 0, 1e-9);
  close(normalQuantile(0.975), 1.959963984540054, 1e-7);
});
