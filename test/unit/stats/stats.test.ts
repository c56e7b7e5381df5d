// Statistics over seeds and scaling fits, against values computed by hand or in closed form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bootstrapInterval,
  deltaAic,
  firstCrossing,
  fitLine,
  fitPowerLaw,
  fitPowerLawOnY,
  formatMeanSd,
  meanCI,
  summarize,
  tCritical,
  tost,
  welch,
} from '../../../src/core/stats';
import { mulberry32 } from '../../support/mulberry32';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('summary: mean, sample sd, se, range; non-finite seeds are left out', () => {
  const s = summarize([2, 4, 4, 4, 5, 5, 7, 9, NaN]);
  assert.equal(s.n, 8);
  close(s.mean, 5);
  close(s.sd, Math.sqrt(32 / 7));
  close(s.se, Math.sqrt(32 / 7) / Math.sqrt(8));
  assert.deepEqual([s.min, s.max], [2, 9]);
  assert.ok(Number.isNaN(summarize([3]).sd));
});

test('t critical values match the tables (df 2, 10, large)', () => {
  close(tCritical(0.95, 2), 4.302652729749462, 1e-9);
  close(tCritical(0.95, 10), 2.228138851986274, 1e-9);
  close(tCritical(0.95, 1e6), 1.959966, 1e-5);
});

test('mean CI with three seeds uses t(2), not 1.96', () => {
  const ci = meanCI([1, 2, 3])!;
  close(ci.high - 2, 4.302652729749462 * (1 / Math.sqrt(3)), 1e-9);
  assert.equal(meanCI([1]), undefined);
});

test("Welch's test: hand-computed statistic and degrees of freedom", () => {
  const a = [10, 12, 14];
  const b = [4, 5, 6, 7];
  const c = welch(a, b)!;
  const va = 4 / 3;
  const vb = 5 / 3 / 4;
  close(c.diff, 12 - 5.5);
  close(c.se, Math.sqrt(va + vb));
  close(c.df, (va + vb) ** 2 / (va ** 2 / 2 + vb ** 2 / 3));
  assert.ok(c.p < 0.05 && c.low > 0);
  assert.equal(welch([1, 1], [1, 1]), undefined, 'no spread at all: nothing to test');
});

test('TOST: equal groups within a margin are equivalent; a real difference is not', () => {
  const rng = mulberry32(7);
  const noise = () => (rng() - 0.5) * 0.002;
  const a = Array.from({ length: 5 }, () => 0.9 + noise());
  const b = Array.from({ length: 5 }, () => 0.9 + noise());
  assert.equal(tost(a, b, 0.01)!.equivalent, true);
  const c = b.map((x) => x - 0.05);
  assert.equal(tost(a, c, 0.01)!.equivalent, false);
  // Too few seeds and too much noise cannot show equivalence even when the means agree.
  assert.equal(tost([0.8, 1.0, 0.9], [1.0, 0.8, 0.9], 0.01)!.equivalent, false);
});

test('line fit recovers slope and intercept; the slope interval covers the truth under noise', () => {
  const x = [1, 2, 3, 4, 5];
  const f = fitLine(
    x,
    x.map((v) => 3 - 2 * v),
  )!;
  close(f.slope, -2);
  close(f.intercept, 3);
  close(f.r2, 1);
  const rng = mulberry32(3);
  const xs = Array.from({ length: 40 }, (_, i) => i / 4);
  const noisy = fitLine(
    xs,
    xs.map((v) => 0.5 * v + 1 + (rng() - 0.5) * 0.2),
  )!;
  assert.ok(noisy.slopeLow < 0.5 && noisy.slopeHigh > 0.5, `${noisy.slopeLow}..${noisy.slopeHigh}`);
  assert.ok(noisy.slopeHigh - noisy.slopeLow < 0.05);
});

test('power-law fit in log-log: y = 5·x^-0.5', () => {
  const x = [10, 100, 1000, 10000];
  const f = fitPowerLaw(
    x,
    x.map((v) => 5 * v ** -0.5),
  )!;
  close(f.slope, -0.5, 1e-12);
  close(f.intercept, Math.log10(5), 1e-12);
});

test('power law fitted on y itself: exact on y = 3·x^0.2; told apart from a + b·ln x by rss and ΔAIC', () => {
  const x = Array.from({ length: 20 }, (_, i) => 10 * 1.5 ** i);
  const p = fitPowerLawOnY(
    x,
    x.map((v) => 3 * v ** 0.2),
  )!;
  close(p.exponent, 0.2, 1e-6);
  close(p.scale, 3, 1e-5);
  assert.ok(p.rss < 1e-9 && p.r2 > 1 - 1e-12);
  // Data that is exactly logarithmic: the line in ln x wins, and ΔAIC(power → log) says so (positive).
  const yLog = x.map((v) => 1 + 0.7 * Math.log(v));
  const line = fitLine(
    x.map((v) => Math.log(v)),
    yLog,
  )!;
  const pow = fitPowerLawOnY(x, yLog)!;
  assert.ok(line.rss < 1e-18);
  // Over 2.5 decades a power law still gets R² above 0.97 on log data: R² alone cannot tell them apart.
  assert.ok(pow.r2 > 0.97 && pow.r2 < 1, `power-law R² ${pow.r2}`);
  assert.ok(deltaAic(pow.rss, line.rss + 1e-12, x.length) > 10);
  // And the reverse on power-law data.
  const yPow = x.map((v) => 2 * v ** 0.3);
  const line2 = fitLine(
    x.map((v) => Math.log(v)),
    yPow,
  )!;
  assert.ok(deltaAic(line2.rss, fitPowerLawOnY(x, yPow)!.rss + 1e-12, x.length) > 10);
  close(deltaAic(2, 1, 10), 10 * Math.log(2), 1e-12);
  assert.equal(fitPowerLawOnY([0, -1], [1, 2]), undefined, 'needs two points with x > 0');
});

test('bootstrap interval of a mean is seeded and brackets the sample mean', () => {
  const v = [1, 2, 3, 4, 5, 6, 7, 8];
  const mean = (idx: number[]) => idx.reduce((a, i) => a + v[i], 0) / idx.length;
  const a = bootstrapInterval(v.length, mean, mulberry32(1))!;
  const b = bootstrapInterval(v.length, mean, mulberry32(1))!;
  assert.deepEqual(a, b);
  assert.ok(a.low < 4.5 && a.high > 4.5 && a.low > 2 && a.high < 7);
});

test('first crossing interpolates between the bracketing points', () => {
  close(firstCrossing([0, 10, 20], [0.2, 0.6, 1.0], 0.8)!, 15);
  assert.equal(firstCrossing([0, 10], [0.2, 0.3], 0.9), undefined);
  close(firstCrossing([0, 10, 20], [1.0, 0.5, 0.1], 0.3, 'down')!, 15);
});

test('mean ± sd is printed to the precision the spread allows', () => {
  assert.equal(formatMeanSd(summarize([0.9123, 0.9161, 0.9087])), '0.9124 ± 0.0037');
  assert.equal(formatMeanSd(summarize([0.9123, 0.9161, 0.9087]), 100, '%'), '91.24 ± 0.37%');
});
