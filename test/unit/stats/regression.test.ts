import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLine, fitLinearModel } from '../../../src/core/stats';

test('fitLinearModel: recovers exact coefficients; one predictor agrees with fitLine; collinear → undefined', () => {
  const x1 = [0, 1, 2, 3, 4, 5, 6];
  const x2 = [1, 0, 2, 1, 3, 2, 5];
  const y = x1.map((v, i) => 2 + 0.5 * v - 3 * x2[i]);
  const exact = fitLinearModel([x1, x2], y)!;
  assert.deepEqual(
    exact.coefficients.map((c) => Math.round(c.estimate * 1e9) / 1e9),
    [2, 0.5, -3],
  );
  assert.ok(exact.rss < 1e-18 && exact.r2 > 1 - 1e-12);

  const noisy = x1.map((v, i) => 1 + 0.7 * v + [0.3, -0.2, 0.1, -0.4, 0.25, 0.05, -0.1][i]);
  const one = fitLinearModel([x1], noisy)!;
  const line = fitLine(x1, noisy)!;
  assert.ok(Math.abs(one.coefficients[1].estimate - line.slope) < 1e-12);
  assert.ok(Math.abs(one.coefficients[1].se - line.slopeSE) < 1e-12);
  assert.ok(Math.abs(one.coefficients[1].low - line.slopeLow) < 1e-12);
  assert.ok(Math.abs(one.coefficients[0].estimate - line.intercept) < 1e-12);

  assert.equal(fitLinearModel([x1, x1.map((v) => 2 * v)], noisy), undefined);
  assert.equal(fitLinearModel([x1, x2], [1, 2, 3]), undefined);
});
