// A seed group's band: the seeds' range by default, or the mean's 95% confidence interval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateSeeds, t975 } from '../../../src/core/figures/numeric';
import { tCritical } from '../../../src/core/stats';

test('range vs 95% CI of the mean over three seeds', () => {
  const seeds = [1, 2, 3].map((y) => [
    { x: 0, y },
    { x: 1, y: 10 },
  ]);
  const [range0, range1] = aggregateSeeds(seeds);
  assert.deepEqual([range0.y, range0.lo, range0.hi, range0.n], [2, 1, 3, 3]);
  assert.deepEqual([range1.lo, range1.hi], [10, 10], 'equal seeds: no band');
  const [ci0, ci1] = aggregateSeeds(seeds, 'ci95');
  // sd 1, n 3: half-width t(0.975, 2) · 1/√3 = 4.303/1.732 = 2.484.
  assert.equal(t975(2), 4.303);
  assert.ok(Math.abs(ci0.hi - ci0.y - 4.303 / Math.sqrt(3)) < 1e-9);
  assert.ok(Math.abs(ci0.y - ci0.lo - 4.303 / Math.sqrt(3)) < 1e-9);
  assert.deepEqual([ci1.lo, ci1.hi], [10, 10]);
});

test("the webview's t table agrees with core/stats' exact quantiles", () => {
  for (let df = 1; df <= 200; df++) {
    const exact = tCritical(0.95, df);
    assert.ok(Math.abs(t975(df) - exact) / exact < 2e-3, `df ${df}: ${t975(df)} vs ${exact}`);
  }
});
