import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregate,
  aggregationWeights,
  applyHead,
  fitAggregation,
  fitQuantileHead,
} from '../../../src/trainer/quantile/pinballFit';
import { pinball, quantileLevels, sortedQuantile, weightedIntervalScore } from '../../../src/core/stats';
import { createRng } from '../../../src/trainer/rng';

test('multi-quantile head on an intercept alone converges to the sample quantiles (the pinball minimizers)', () => {
  const rng = createRng(1);
  const n = 400;
  const y = Float64Array.from({ length: n }, () => rng.normal() * 2 + 1);
  const levels = quantileLevels(9);
  const w = fitQuantileHead(new Float64Array(n).fill(1), 1, y, levels, { iterations: 1500, lr: 0.1 });
  const sorted = Float64Array.from(y).sort();
  const loss = (q: number, tau: number) => y.reduce((a, v) => a + pinball(tau, v, q), 0) / n;
  levels.forEach((tau, k) => {
    // Every point between the order statistics y_(nτ) and y_(nτ+1) minimizes the loss (nτ is an
    // integer here), so the fit is judged by its loss against the sample quantile's, and by its place.
    const target = sortedQuantile(sorted, tau);
    assert.ok(
      loss(w[k], tau) <= loss(target, tau) + 1e-4,
      `τ = ${tau}: loss ${loss(w[k], tau)} vs ${loss(target, tau)}`,
    );
    const j = Math.round(n * tau);
    assert.ok(
      w[k] > sorted[j - 2] && w[k] < sorted[j + 1],
      `τ = ${tau}: ${w[k]} outside [${sorted[j - 2]}, ${sorted[j + 1]}]`,
    );
  });
});

test('multi-quantile head with [1, x] recovers a linear conditional quantile (y = 2x + 1 + U(−1, 1))', () => {
  const rng = createRng(2);
  const n = 600;
  const x = Float64Array.from({ length: n }, () => 2 * rng.next() - 1);
  const y = x.map((v) => 2 * v + 1 + (2 * rng.next() - 1));
  const phi = new Float64Array(2 * n);
  x.forEach((v, i) => phi.set([1, v], 2 * i));
  const levels = [0.1, 0.5, 0.9];
  const w = fitQuantileHead(phi, 2, y, levels, { iterations: 2000, lr: 0.05 });
  // True τ-quantile: 1 + (2τ − 1) + 2x → intercepts 0.2, 1, 1.8 and slope 2 at every level.
  levels.forEach((tau, k) => {
    assert.ok(Math.abs(w[k] - 2 * tau) < 0.1, `intercept τ = ${tau}: ${w[k]}`);
    assert.ok(Math.abs(w[3 + k] - 2) < 0.15, `slope τ = ${tau}: ${w[3 + k]}`);
  });
  assert.equal(applyHead(Float64Array.from([1, 0.5]), 2, w, 3).length, 3);
});

test('aggregation weights: softmax columns on the simplex; uniform at θ = 0; tied over levels in model mode', () => {
  const w = aggregationWeights(new Float64Array(3 * 4), 3, 4);
  for (const v of w) assert.ok(Math.abs(v - 1 / 3) < 1e-12);
  const tied = aggregationWeights(Float64Array.from([0, Math.log(3)]), 2, 5);
  for (let k = 0; k < 5; k++) {
    assert.ok(Math.abs(tied[k] - 0.25) < 1e-12 && Math.abs(tied[5 + k] - 0.75) < 1e-12);
  }
  // Aggregate of two constant forecasts with weights ¼, ¾ → ¼·a + ¾·b.
  const agg = aggregate([new Float64Array(5).fill(4), new Float64Array(5).fill(0)], tied, 5);
  for (const v of agg) assert.ok(Math.abs(v - 1) < 1e-12);
});

test('level weights pick, level by level, the base model that is right there; one weight per model cannot', () => {
  const rng = createRng(3);
  const n = 500;
  const levels = [0.1, 0.5, 0.9];
  const K = 3;
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const z = [-1.2815515655446004, 0, 1.2815515655446004];
  // Model A is right at the lower levels and 1 too high at 0.9; model B the reverse.
  const a = new Float64Array(n * K);
  const b = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    a.set([z[0], z[1], z[2] + 1], i * K);
    b.set([z[0] - 1, z[1] - 1, z[2]], i * K);
  }
  const o = { iterations: 400, lr: 0.1 };
  const level = fitAggregation([a, b], y, levels, 'level', o);
  assert.ok(level[0] > 0.9 && level[1] > 0.9, `A at 0.1 and 0.5: ${level[0]}, ${level[1]}`);
  assert.ok(level[K + 2] > 0.9, `B at 0.9: ${level[K + 2]}`);
  const model = fitAggregation([a, b], y, levels, 'model', o);
  assert.ok(Math.abs(model[0] - model[1]) < 1e-12 && Math.abs(model[1] - model[2]) < 1e-12, 'tied');
  const wis = (w: Float64Array) => weightedIntervalScore(levels, aggregate([a, b], w, K), y);
  // Level weights reach the forecast that is right at every level (A's first two columns, B's last).
  const right = new Float64Array(n * K);
  for (let i = 0; i < n; i++) right.set(z, i * K);
  assert.ok(wis(level) < weightedIntervalScore(levels, right, y) + 0.005, `${wis(level)}`);
  assert.ok(wis(level) < wis(model) - 0.02, `${wis(level)} vs ${wis(model)}`);
  assert.ok(wis(model) <= wis(new Float64Array(2 * K).fill(0.5)) + 1e-9);
});
