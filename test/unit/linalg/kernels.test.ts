// Kernels, GP / t-process posteriors and ridge against closed forms, brute force and Monte Carlo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  centredAlignment,
  columnCentredAlignment,
  kernelAlignment,
  nngpKernel,
  rbfFromInnerProducts,
} from '../../../src/trainer/linalg/kernels';
import {
  gaussianNll,
  gpPosterior,
  sampleGaussian,
  studentTNll,
  tProcessPredictive,
} from '../../../src/trainer/linalg/gp';
import { normalEquations, ridgeLoo, ridgeSolve } from '../../../src/trainer/linalg/ridge';
import { mulberry32 } from '../../support/mulberry32';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const gauss = (r: () => number) => () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

test('NNGP recursion: one hidden layer matches Monte Carlo of wide erf and ReLU networks', () => {
  // Two 2-d inputs; layer 1 σ_w² = 2, σ_b² = 0.1; readout σ_w² = 1.5.
  const xa = [0.8, -0.3];
  const xb = [0.2, 0.9];
  const dot = (u: number[], v: number[]) => u[0] * v[0] + u[1] * v[1];
  const layers = [
    { wVar: 2, bVar: 0.1 },
    { wVar: 1.5, bVar: 0 },
  ];
  const r = gauss(mulberry32(3));
  for (const act of ['erf', 'relu'] as const) {
    const k = nngpKernel([dot(xa, xa)], [dot(xb, xb)], [dot(xa, xb)], 2, layers, act);
    // Monte Carlo: E over one hidden unit of φ(w·x + b)φ(w·x' + b), w ~ N(0, 2/2 I), b ~ N(0, 0.1).
    let s11 = 0;
    let s12 = 0;
    const N = 200_000;
    const phi = act === 'erf' ? erf : (z: number) => Math.max(0, z);
    for (let i = 0; i < N; i++) {
      const w0 = r();
      const w1 = r();
      const b = Math.sqrt(0.1) * r();
      const ua = w0 * xa[0] + w1 * xa[1] + b;
      const ub = w0 * xb[0] + w1 * xb[1] + b;
      s11 += phi(ua) ** 2;
      s12 += phi(ua) * phi(ub);
    }
    close(k.diagA[0], (1.5 * s11) / N, 0.01);
    close(k.cross[0], (1.5 * s12) / N, 0.01);
  }
  // ReLU closed form at identical inputs: E[relu(u)²] = Σ/2.
  const same = nngpKernel(
    [1],
    [1],
    [1],
    1,
    [
      { wVar: 4, bVar: 0 },
      { wVar: 1, bVar: 0 },
    ],
    'relu',
  );
  close(same.cross[0], 2, 1e-12);
  assert.throws(() => nngpKernel([1], [1], [1, 2], 1, layers, 'erf'), /expected 1×1/);
});

// Abramowitz–Stegun 7.1.26 is too coarse for this test; a series is exact enough at |z| ≤ 6.
function erf(z: number): number {
  const s = Math.sign(z);
  const x = Math.abs(z);
  if (x > 6) return s;
  let sum = x;
  let term = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17) break;
  }
  return (s * 2 * sum) / Math.sqrt(Math.PI);
}

test('RBF from inner products and the two alignments', () => {
  const k = rbfFromInnerProducts([1, 4], [1], [1, 2], 1);
  close(k[0], 1, 1e-15); // same point
  close(k[1], Math.exp(-(4 + 1 - 4) / 2), 1e-15);
  const a = [2, 1, 1, 3];
  close(
    kernelAlignment(
      a,
      a.map((v) => 5 * v),
    ),
    1,
    1e-15,
  );
  close(kernelAlignment([1, 0, 0, 1], [0, 1, 1, 0]), 0, 1e-15);
  // K = yyᵀ (centred y) is perfectly aligned with y.
  const y = [1, -2, 0.5, 0.5];
  const yy = y.flatMap((u) => y.map((v) => u * v));
  close(centredAlignment(yy, 4, y), 1, 1e-12);
});

test("one-sided centring (Kumar et al.'s kalignment): K = yyᵀ gives ‖ỹ‖/‖y‖, doubly centred gives 1", () => {
  // Kc = K − column means = ỹ yᵀ, so ỹᵀKcỹ = ‖ỹ‖⁴ and ‖Kc‖_F = ‖ỹ‖‖y‖.
  const y = [1, 2, 3, 6];
  const m = y.reduce((a, b) => a + b) / 4;
  const norm = (v: number[]) => Math.hypot(...v);
  const k = y.flatMap((u) => y.map((v) => u * v));
  close(columnCentredAlignment(k, 4, y), norm(y.map((v) => v - m)) / norm(y), 1e-12);
  close(centredAlignment(k, 4, y), 1, 1e-12);
  // Adding r1ᵀ + 1rᵀ (still symmetric): centring both sides removes it, removing column means only half.
  const r = [-5, 1, -2, 0];
  const shifted = k.map((v, i) => v + r[Math.floor(i / 4)] + r[i % 4]);
  close(centredAlignment(shifted, 4, y), 1, 1e-12);
  assert.ok(columnCentredAlignment(shifted, 4, y) < columnCentredAlignment(k, 4, y));
});

test('GP posterior: interpolates its data with ~zero variance there, and matches the 1-point formula', () => {
  const x = [-1, 0, 1.5];
  const kf = (u: number, v: number) => Math.exp(-((u - v) ** 2) / 2);
  const train = x.flatMap((u) => x.map((v) => kf(u, v)));
  const y = [0.3, -1, 2];
  const at = (pts: number[]) => ({
    train,
    cross: pts.flatMap((t) => x.map((u) => kf(t, u))),
    testDiag: pts.map(() => 1),
    test: pts.flatMap((t) => pts.map((u) => kf(t, u))),
    n: 3,
    m: pts.length,
  });
  const p = gpPosterior(at(x), y, 1e-12, false);
  p.mean.forEach((v, i) => close(v, y[i], 1e-6));
  p.variance.forEach((v) => close(v, 0, 1e-6));
  // One training point: mean = k(t, x)y/k(x, x), variance = 1 − k(t, x)².
  const one = gpPosterior({ train: [1], cross: [kf(0.7, 0)], testDiag: [1], n: 1, m: 1 }, [2], 0, false);
  close(one.mean[0], 2 * kf(0.7, 0), 1e-12);
  close(one.variance[0], 1 - kf(0.7, 0) ** 2, 1e-12);
  const full = gpPosterior(at([0.4, 3]), y, 0, false);
  close(full.covariance![0], full.variance[0], 1e-12);
  close(full.covariance![1], full.covariance![2], 1e-15);
  // More targets from the same factorization: each mean equals its own posterior's.
  const other = [1, 0.5, -0.25];
  const both = gpPosterior(at([0.4, 3]), y, 0, false, [other, y]);
  const alone = gpPosterior(at([0.4, 3]), other, 0, false);
  both.moreMeans[0].forEach((v, i) => close(v, alone.mean[i], 1e-12));
  both.moreMeans[1].forEach((v, i) => close(v, full.mean[i], 1e-12));
});

test('Gaussian samples have the asked mean and covariance (semi-definite covariance included)', () => {
  const cov = [1, 0.8, 0.8, 0.64]; // rank 1
  const draws = sampleGaussian([1, -1], cov, 20_000, gauss(mulberry32(9)));
  let m0 = 0;
  let c01 = 0;
  for (const d of draws) m0 += d[0] / draws.length;
  for (const d of draws) c01 += ((d[0] - 1) * (d[1] + 1)) / draws.length;
  close(m0, 1, 0.03);
  close(c01, 0.8, 0.03);
});

test('t-process predictive: ν + n degrees of freedom, scale from the data, NLLs as written', () => {
  const k = { train: [1, 0.5, 0.5, 1], cross: [0.5, 0.5], testDiag: [1], n: 2, m: 1 };
  const y = [1, 3];
  const t = tProcessPredictive(k, y, 2, 3, 0);
  assert.equal(t.nu, 6);
  // yᵀK⁻¹y with K = [[1, .5], [.5, 1]]: K⁻¹ = (4/3)[[1, −.5], [−.5, 1]] → (4/3)(1 − 3 + 9) = 28/3.
  const quad = ((2 / 3) * 28) / 3;
  const post = gpPosterior(k, y, 0, false);
  close(t.scale[0], Math.sqrt(((4 + quad) / 6) * (3 / 2) * post.variance[0]), 1e-12);
  close(t.mean[0], post.mean[0], 1e-12);
  // Gaussian NLL of the mean itself with sd 1 is ½log 2π; Student-t NLL is finite and larger for an outlier.
  close(gaussianNll([0], [0], [1]), 0.5 * Math.log(2 * Math.PI), 1e-12);
  assert.ok(studentTNll([10], 4, [0], [1]) < gaussianNll([10], [0], [1]), 'heavy tails forgive an outlier');
});

test('ridge: the normal-equation solution; leave-one-out equals refitting without each point', () => {
  const r = mulberry32(4);
  const n = 30;
  const d = 3;
  const x = Array.from({ length: n * d }, () => r() - 0.5);
  const y = Array.from({ length: n }, (_, i) => 2 * x[i * d] - x[i * d + 2] + 0.1 * (r() - 0.5));
  const { xtx, xty } = normalEquations(x, n, d, y);
  const sol = ridgeSolve(xtx, d, xty, 1e-9);
  close(sol.coef[0], 2, 0.1);
  close(sol.coef[2], -1, 0.1);
  const lam = 0.5;
  const loo = ridgeLoo(x, n, d, y, [lam]);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const keep = [...Array(n).keys()].filter((j) => j !== i);
    const ne = normalEquations(
      keep.flatMap((j) => x.slice(j * d, (j + 1) * d)),
      n - 1,
      d,
      keep.map((j) => y[j]),
    );
    const w = ridgeSolve(ne.xtx, d, ne.xty, lam).coef;
    const pred = w[0] * x[i * d] + w[1] * x[i * d + 1] + w[2] * x[i * d + 2];
    sse += (y[i] - pred) ** 2;
  }
  close(loo.looMse, sse / n, 1e-10);
  // With an intercept: centre, fit, and compare with refits that centre without point i.
  const centre = (rows: number[]) => {
    const mx = [0, 1, 2].map((a) => rows.reduce((s, j) => s + x[j * d + a], 0) / rows.length);
    const my = rows.reduce((s, j) => s + y[j], 0) / rows.length;
    return { mx, my };
  };
  const all = [...Array(n).keys()];
  const c0 = centre(all);
  const xc = all.flatMap((j) => [0, 1, 2].map((a) => x[j * d + a] - c0.mx[a]));
  const yc = all.map((j) => y[j] - c0.my);
  for (const l2 of [1e-8, 0.3]) {
    const fitI = ridgeLoo(xc, n, d, yc, [l2], true);
    let sseI = 0;
    for (let i = 0; i < n; i++) {
      const keep = all.filter((j) => j !== i);
      const c = centre(keep);
      const ne = normalEquations(
        keep.flatMap((j) => [0, 1, 2].map((a) => x[j * d + a] - c.mx[a])),
        n - 1,
        d,
        keep.map((j) => y[j] - c.my),
      );
      const w = ridgeSolve(ne.xtx, d, ne.xty, l2).coef;
      const pred = c.my + [0, 1, 2].reduce((s, a) => s + w[a] * (x[i * d + a] - c.mx[a]), 0);
      sseI += (y[i] - pred) ** 2;
    }
    close(fitI.looMse, sseI / n, 1e-9);
  }
  const grid = ridgeLoo(x, n, d, y, [1e-6, 1e-2, 10, 1000]);
  assert.ok(grid.lambda < 1000 && grid.path.length === 4);
});

test('ridge LOO with an intercept stays exact with fewer points than features (the interpolating regime)', () => {
  const r = mulberry32(12);
  const n = 6;
  const d = 9;
  const x = Array.from({ length: n * d }, () => r() - 0.5);
  const y = Array.from({ length: n }, () => r());
  const all = [...Array(n).keys()];
  const centre = (rows: number[]) => ({
    mx: [...Array(d).keys()].map((a) => rows.reduce((s, j) => s + x[j * d + a], 0) / rows.length),
    my: rows.reduce((s, j) => s + y[j], 0) / rows.length,
  });
  const c0 = centre(all);
  const xc = all.flatMap((j) => [...Array(d).keys()].map((a) => x[j * d + a] - c0.mx[a]));
  for (const lam of [1e-7, 0.05]) {
    const fit = ridgeLoo(
      xc,
      n,
      d,
      all.map((j) => y[j] - c0.my),
      [lam],
      true,
    );
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const keep = all.filter((j) => j !== i);
      const c = centre(keep);
      const ne = normalEquations(
        keep.flatMap((j) => [...Array(d).keys()].map((a) => x[j * d + a] - c.mx[a])),
        n - 1,
        d,
        keep.map((j) => y[j] - c.my),
      );
      const w = ridgeSolve(ne.xtx, d, ne.xty, lam).coef;
      sse += (y[i] - c.my - [...Array(d).keys()].reduce((s, a) => s + w[a] * (x[i * d + a] - c.mx[a]), 0)) ** 2;
    }
    close(fit.looMse, sse / n, 1e-6 * Math.max(1, sse / n));
  }
});
