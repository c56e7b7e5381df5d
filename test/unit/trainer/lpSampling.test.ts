import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leverageScores, lewisWeights } from '../../../src/trainer/linalg/lewis';
import {
  exactSensitivity,
  irlsLp,
  lpPower,
  matVec,
  sensitivityLowerBounds,
} from '../../../src/trainer/algorithms/lpRegression';
import { normalize, sampleRows } from '../../../src/trainer/algorithms/rowSampling';
import { createRng } from '../../../src/trainer/rng';

function gaussian(n: number, d: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: n * d }, () => r.normal());
}

/** Block-diagonal with one column per block: rows [i·d/n] hold one nonzero, in column ⌊i·d/n⌋. */
function oneColumnBlocks(n: number, d: number, seed: number): { a: Float64Array; block: number[] } {
  const r = createRng(seed);
  const a = new Float64Array(n * d);
  const block: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = Math.floor((i * d) / n);
    block.push(j);
    a[i * d + j] = r.normal() * (1 + j);
  }
  return { a, block };
}

const close = (x: number, y: number, rel: number, what: string) =>
  assert.ok(Math.abs(x - y) <= rel * Math.max(1e-12, Math.abs(y)), `${what}: ${x} vs ${y}`);

test('leverage scores: sum to d, and equal a_i²/‖a‖² for one column', () => {
  const a = gaussian(60, 4, 1);
  const tau = leverageScores(a, 60, 4);
  close(
    tau.reduce((s, v) => s + v, 0),
    4,
    1e-10,
    'Σ τ',
  );
  assert.ok(tau.every((t) => t > 0 && t <= 1 + 1e-12));
  const col = gaussian(10, 1, 2);
  const norm2 = col.reduce((s, v) => s + v * v, 0);
  leverageScores(col, 10, 1).forEach((t, i) => close(t, col[i] ** 2 / norm2, 1e-12, `τ_${i}`));
});

test('Lewis weights: sum to d, fixed point, p = 2 gives leverage scores, closed form on one-column blocks', () => {
  const n = 80;
  const d = 5;
  const a = gaussian(n, d, 3);
  for (const p of [1, 1.5, 3]) {
    const { weights, changes } = lewisWeights(a, n, d, p, 40);
    close(
      weights.reduce((s, v) => s + v, 0),
      d,
      1e-6,
      `Σ w (p = ${p})`,
    );
    // One more application of the map moves nothing: a fixed point.
    const again = lewisWeights(a, n, d, p, 41).weights;
    weights.forEach((w, i) => close(again[i], w, 1e-8, `fixed point p = ${p}, row ${i}`));
    // The contraction factor |1 − p/2| (Cohen & Peng): the change shrinks at least that fast, with slack.
    const rate = changes[4] / changes[3];
    assert.ok(rate <= Math.abs(1 - p / 2) + 0.05, `p = ${p}: contraction ${rate}`);
  }
  const tau = leverageScores(a, n, d);
  lewisWeights(a, n, d, 2, 1).weights.forEach((w, i) => close(w, tau[i], 1e-10, `p = 2 row ${i}`));
  const { a: b, block } = oneColumnBlocks(40, 4, 4);
  for (const p of [1, 1.5]) {
    const w = lewisWeights(b, 40, 4, p, 40).weights;
    const total = [0, 0, 0, 0];
    block.forEach((j, i) => (total[j] += Math.abs(b[i * 4 + j]) ** p));
    block.forEach((j, i) => close(w[i], Math.abs(b[i * 4 + j]) ** p / total[j], 1e-8, `block row ${i}`));
  }
});

test('IRLS ℓ1: one column of ones gives the median; a line with one gross outlier is recovered exactly', () => {
  const y = [3, -1, 7, 2, 10, 0.5, 4];
  const ones = new Float64Array(7).fill(1);
  close(irlsLp(ones, 7, 1, y, 1, { maxIter: 200 }).x[0], 3, 1e-5, 'median');
  // y = 2x + 1 on 9 points, one moved by +50: the ℓ1 line ignores it (least squares would not).
  const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const b = Float64Array.from(xs.flatMap((x) => [1, x]));
  const yy = xs.map((x) => 2 * x + 1 + (x === 6 ? 50 : 0));
  const fit = irlsLp(b, 9, 2, yy, 1, { maxIter: 300 });
  close(fit.x[0], 1, 1e-4, 'intercept');
  close(fit.x[1], 2, 1e-4, 'slope');
  close(fit.objective, 50, 1e-4, 'ℓ1 objective');
});

test('IRLS ℓp (p = 1.5): the gradient Σ p|r|^{p−1} sign(r) b_i vanishes at the solution', () => {
  const n = 50;
  const d = 3;
  const b = gaussian(n, d, 5);
  const r0 = createRng(6);
  const y = Array.from({ length: n }, () => r0.normal() * 2);
  const { x } = irlsLp(b, n, d, y, 1.5, { maxIter: 200 });
  const r = matVec(b, n, d, x).map((v, i) => v - y[i]);
  for (let j = 0; j < d; j++) {
    let g = 0;
    let scale = 0; // the sum of the terms' sizes: the gradient must cancel to a tiny part of it
    for (let i = 0; i < n; i++) {
      const term = 1.5 * Math.abs(r[i]) ** 0.5 * Math.sign(r[i]) * b[i * d + j];
      g += term;
      scale += Math.abs(term);
    }
    assert.ok(Math.abs(g) < 1e-5 * scale, `gradient ${j}: ${g} of ${scale}`);
  }
});

test('sensitivities: exact = leverage at p = 2; = |a_i|/Σ_block|a| on one-column blocks; lower bounds below', () => {
  const n = 50;
  const d = 3;
  const a = gaussian(n, d, 7);
  const tau = leverageScores(a, n, d);
  for (const i of [0, 7, 21]) close(exactSensitivity(a, n, d, i, 2), tau[i], 1e-9, `p = 2 row ${i}`);
  sensitivityLowerBounds(a, n, d, 2, tau).lower.forEach((s, i) => close(s, tau[i], 1e-9, `bound p = 2 row ${i}`));

  const { a: b, block } = oneColumnBlocks(40, 4, 8);
  const total = [0, 0, 0, 0];
  block.forEach((j, i) => (total[j] += Math.abs(b[i * 4 + j])));
  const lower = sensitivityLowerBounds(b, 40, 4, 1, lewisWeights(b, 40, 4, 1, 30).weights).lower;
  for (const i of [0, 13, 39]) {
    const want = Math.abs(b[i * 4 + block[i]]) / total[block[i]];
    close(exactSensitivity(b, 40, 4, i, 1, { maxIter: 300 }), want, 1e-5, `block row ${i}`);
    close(lower[i], want, 1e-6, `block bound ${i}`);
  }

  // Gaussian, p = 1: the Lewis-direction bound and 2000 random directions both stay below the exact value.
  const w = lewisWeights(a, n, d, 1, 30).weights;
  const { lower: lb } = sensitivityLowerBounds(a, n, d, 1, w);
  const r = createRng(9);
  for (const i of [0, 7, 21]) {
    const exact = exactSensitivity(a, n, d, i, 1, { maxIter: 300 });
    assert.ok(lb[i] <= exact * (1 + 1e-6) && lb[i] > exact / 3, `row ${i}: bound ${lb[i]} vs exact ${exact}`);
    let best = 0;
    for (let t = 0; t < 2000; t++) {
      const x = [r.normal(), r.normal(), r.normal()];
      const ax = matVec(a, n, d, x);
      best = Math.max(best, Math.abs(ax[i]) / lpPower(ax, 1));
    }
    assert.ok(best <= exact * (1 + 1e-6) && best > 0.5 * exact, `row ${i}: random ${best} vs exact ${exact}`);
  }
});

test('row sampling: frequencies follow q, zero-probability rows never drawn, the ℓ1 norm estimate is unbiased', () => {
  const q = normalize([1, 0, 3, 6]);
  const r = createRng(10);
  const counts = [0, 0, 0, 0];
  const s = sampleRows(q, 20000, () => r.next());
  s.rows.forEach((row, k) => (counts[row] = s.weights[k] * 20000 * q[row]));
  assert.equal(counts[1], 0);
  close(counts[3] / 20000, 0.6, 0.03, 'row 3 frequency');
  close(counts[0] / 20000, 0.1, 0.1, 'row 0 frequency');
  assert.throws(() => normalize([0, 0]), /sum to 0/);

  const n = 200;
  const a = gaussian(n, 2, 11);
  const x = [1, -2];
  const ax = matVec(a, n, 2, x);
  const truth = lpPower(ax, 1);
  const probs = normalize(Array.from(ax, (v) => Math.abs(v) + 0.5));
  const est: number[] = [];
  for (let t = 0; t < 400; t++) {
    const smp = sampleRows(probs, 20, () => r.next());
    let v = 0;
    smp.rows.forEach((row, k) => (v += smp.weights[k] * Math.abs(ax[row])));
    est.push(v);
  }
  const mean = est.reduce((u, v) => u + v, 0) / est.length;
  const sd = Math.sqrt(est.reduce((u, v) => u + (v - mean) ** 2, 0) / (est.length - 1));
  assert.ok(Math.abs(mean - truth) < 3.5 * (sd / Math.sqrt(est.length)), `mean ${mean} vs ${truth} (sd ${sd})`);
});
