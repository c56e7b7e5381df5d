// KS test, t and normal densities, kurtosis, and the scaling helpers, against scipy values and closed forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  crossingLogX,
  fitScaling,
  ksTest,
  moments,
  normalCdf,
  normalLogPdf,
  studentTCdf,
  studentTLogPdf,
} from '../../../src/core/stats';
import { mulberry32 } from '../../support/mulberry32';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('KS statistic equals scipy.stats.kstest; p-values within the asymptotic formula’s error', () => {
  const xs = Array.from({ length: 25 }, (_, i) => 0.1 * i - 1.3).map((x) => x + 0.03 * Math.sin(7 * x));
  const r = ksTest(xs, (x) => normalCdf(x));
  close(r.d, 0.12931291070336837, 1e-12); // scipy: statistic 0.12931…, p 0.750
  close(r.p, 0.75, 0.05);
  const r2 = ksTest([-2.1, -1.0, -0.5, 0.0, 0.2, 0.3, 0.35, 0.4, 0.9, 1.7], (x) => normalCdf(x));
  close(r2.d, 0.2, 1e-12); // scipy: 0.2, p 0.749
  close(r2.p, 0.749, 0.05);
});

test('KS tells heavy tails from Gaussian: t₃ samples fail a matched normal, pass their own law', () => {
  const r = mulberry32(11);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const t3 = Array.from({ length: 3000 }, () => {
    const z = normal();
    const chi = normal() ** 2 + normal() ** 2 + normal() ** 2;
    return z / Math.sqrt(chi / 3);
  });
  const m = moments(t3);
  assert.ok(ksTest(t3, (x) => studentTCdf(x, 3)).p > 0.01);
  assert.ok(ksTest(t3, (x) => normalCdf(x, 0, Math.sqrt(m.variance))).p < 1e-4);
  assert.ok(m.excessKurtosis > 2, String(m.excessKurtosis));
});

test('densities and moments against closed forms and scipy', () => {
  close(normalLogPdf(0.3, 0.1, 2), -0.5 * 0.01 - Math.log(2) - 0.5 * Math.log(2 * Math.PI), 1e-12);
  close(studentTLogPdf(1.3, 4, 0.2, 1.7), -1.760327021074438, 1e-10); // scipy.stats.t.logpdf(1.3, 4, 0.2, 1.7)
  close(studentTCdf(0.2, 4, 0.2, 1.7), 0.5, 1e-12);
  close(normalCdf(1.96), 0.9750021048517795, 1e-9);
  // Population excess kurtosis of [1, 2, 3, 4, 10] (scipy.stats.kurtosis, bias=True) is −0.212.
  close(moments([1, 2, 3, 4, 10]).excessKurtosis, -0.212, 1e-9);
});

test('crossing in log x: halfway in log between the bracketing points; undefined when never reached', () => {
  // Accuracy 0.8 at n = 100, 1.0 at n = 400 → 0.9 is reached at √(100·400) = 200.
  close(crossingLogX([400, 100, 1600], [1.0, 0.8, 1.0], 0.9)!, 200, 1e-9);
  assert.equal(crossingLogX([100, 200], [0.5, 0.6], 0.9), undefined);
  close(crossingLogX([10, 100], [1, 0.1], 0.5, 'down')!, 10 ** (1 + 0.5 / 0.9), 1e-9);
});

test('scaling fit: the slope of an exact power law, windowed, with a bootstrap interval around it', () => {
  const x = [10, 20, 40, 80, 160, 320, 640];
  const y = x.map((v) => 3 * v ** -0.5);
  y[6] = 1; // a floor the window leaves out
  const f = fitScaling(x, y, { x: [10, 320] }, mulberry32(1))!;
  close(f.slope, -0.5, 1e-12);
  assert.deepEqual(f.used, [0, 1, 2, 3, 4, 5]);
  close(f.bootLow!, -0.5, 1e-9);
  close(f.bootHigh!, -0.5, 1e-9);
  const noisy = fitScaling(
    x,
    x.map((v, i) => v ** -1 * (1 + 0.1 * Math.sin(i * 3))),
    undefined,
    mulberry32(2),
  )!;
  assert.ok(noisy.bootLow! < noisy.slope && noisy.slope < noisy.bootHigh!);
  assert.ok(noisy.slopeLow < -1 && noisy.slopeHigh > -1);
  assert.equal(fitScaling([1], [1]), undefined);
});
