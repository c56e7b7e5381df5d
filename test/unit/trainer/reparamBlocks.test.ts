// Weights computed from parameters, against closed forms: compander functions and their inverses
// and slopes (finite differences), the companded MLP's start point and learned φ; the power
// quantizer's grid and search; template mixing, growth coefficients and the grown net's blocks.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp } from '../../../src/trainer/model';
import {
  buildCompandedMlp,
  combineOptimizers,
  compand,
  compandInverse,
  compandSlope,
  compandTf,
} from '../../../src/trainer/reparam';
import {
  distinctValues,
  levels,
  maxAbs,
  mse,
  powerQuantize,
  searchExponent,
  searchExponentDataFree,
} from '../../../src/trainer/quantize';
import { buildTemplateMlp, leastRepresentedDirection, orthogonalRows } from '../../../src/trainer/templates';
import { createOptimizer } from '../../../src/trainer/optim';

before(async () => {
  await tf.setBackend('cpu');
});

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tol ${tol})`);

test('compander families: odd, increasing, inverse exact, slope = finite difference, tf ops = host', () => {
  const fams = [
    ['mu_law', { a: 1.5, b: 1.5 }],
    ['tanh', { a: 2, b: 1, c: 0.1 }],
  ] as const;
  for (const [f, p] of fams) {
    for (const u of [-5, -1.3, -0.01, 0, 0.2, 2.5, 7]) {
      close(compand(f, -u, p), -compand(f, u, p), 1e-12, `${f} odd`);
      close(compandInverse(f, compand(f, u, p), p), u, 1e-9, `${f} inverse at ${u}`);
      const h = 1e-6;
      close(compandSlope(f, u, p), (compand(f, u + h, p) - compand(f, u - h, p)) / (2 * h), 1e-5, `${f} slope`);
      assert.ok(compandSlope(f, u, p) > 0);
    }
    // Slope above 1 at zero (small weights pushed out), below 1 far out (large ones compressed).
    assert.ok(compandSlope(f, 0, p) > 1 && compandSlope(f, 6, p) < 1);
    const u = [-3, -0.5, 0, 0.5, 3];
    const viaTf = Array.from(compandTf(tf, f, tf.tensor1d(u), p.a, p.b, 'c' in p ? p.c : 0).dataSync());
    viaTf.forEach((v, i) => close(v, compand(f, u[i], p), 1e-5));
  }
  assert.throws(() => compandInverse('tanh', 3, { a: 2, b: 1, c: 0 }), /range/);
});

test('companded MLP starts at the plain MLP (same draw) and learns φ when asked', async () => {
  const x = tf.tensor2d([[0.5, -1, 2, 0.1]]);
  const plain = buildMlp(tf, { input: 4, hidden: [5], classes: 3, init: 'glorot_normal', rng: createRng(3) });
  for (const family of ['mu_law', 'tanh'] as const) {
    const c = buildCompandedMlp(tf, {
      sizes: [4, 5, 3],
      init: 'glorot_normal',
      rng: createRng(3),
      family,
      params: family === 'tanh' ? { a: 2, b: 1, c: 0.1 } : { a: 1.5, b: 1.5 },
      learn: true,
    });
    const a = Array.from(plain.forward(x).dataSync());
    Array.from(c.net.forward(x).dataSync()).forEach((v, i) => close(v, a[i], 1e-4, family));
    c.effectiveWeights()[0].forEach((v, i) => close(v, plain.layers[0].weight.dataSync()[i], 1e-5));
    assert.equal(c.hyperVariables.length, 2 * (family === 'tanh' ? 3 : 2), 'φ per layer');
    const before = c.hyper()[0];
    const opt = combineOptimizers([
      createOptimizer(
        tf,
        { name: 'sgd', lr: 0.1, weight_decay: 0.1 },
        c.net.layers.flatMap((l) => [l.weight, l.bias]),
      ),
      createOptimizer(tf, { name: 'sgd', lr: 0.1 }, c.hyperVariables),
    ]);
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(c.net.forward(x))) as tf.Scalar, c.net.variables());
    opt.apply(grads);
    assert.notDeepEqual(c.hyper()[0], before, 'φ moved');
    opt.dispose();
    c.net.dispose();
  }
  plain.dispose();
});

test('power quantizer: b bits give at most 2^b − 1 values; a = 1 is uniform; errors vanish with bits', () => {
  const rng = createRng(11);
  const w = Float32Array.from({ length: 5000 }, () => rng.normal() * 0.05);
  assert.equal(levels(3), 3);
  for (const bits of [2, 3, 4]) assert.ok(distinctValues(powerQuantize(w, bits, 0.6)) <= 2 ** bits - 1);
  const s = maxAbs(w);
  const uniform = powerQuantize(w, 3, 1);
  // The uniform grid: every value is a multiple of s/3.
  uniform.forEach((v) => close((v / s) * 3, Math.round((v / s) * 3), 1e-4));
  assert.ok(mse(w, powerQuantize(w, 8, 1)) < mse(w, powerQuantize(w, 4, 1)) / 50);
  // For Gaussian weights the searched exponent is below 1 and beats uniform (PowerQuant's Fig. 2).
  const best = searchExponentDataFree(w, 3);
  assert.ok(best.a < 0.95, `a = ${best.a}`);
  assert.ok(best.error < mse(w, uniform), 'searched exponent beats uniform');
  assert.deepEqual(
    searchExponent((a) => (a - 0.5) ** 2, [0.2, 0.4, 0.5, 0.6]),
    { a: 0.5, error: 0 },
  );
  assert.throws(() => powerQuantize(w, 1, 1), /bits/);
});

test('growth directions: orthonormal init columns; the new direction is orthogonal or least represented', () => {
  const rows = orthogonalRows(4, 2, createRng(1));
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  const col = (j: number) => rows.map((r) => r[j]);
  close(dot(col(0), col(0)), 1, 1e-12);
  close(dot(col(0), col(1)), 0, 1e-12);
  const d = leastRepresentedDirection([[1, 0, 0]], createRng(2));
  close(dot(d, [1, 0, 0]), 0, 1e-12);
  close(dot(d, d), 1, 1e-12);
  // Three vectors in R²: the right-singular vector of the smallest singular value.
  const v = leastRepresentedDirection(
    [
      [1, 0.1],
      [2, -0.1],
      [1.5, 0],
    ],
    createRng(3),
  );
  close(Math.abs(v[1]), 1, 1e-3, 'mostly the second axis');
});

test('template MLP: members are half width; the grown net sums the members when new blocks are zero', () => {
  const t = buildTemplateMlp(tf, { sizes: [6, 8, 8, 3], templates: 2, rng: createRng(5) });
  const x = tf.tensor2d([[1, -0.5, 0.3, 0, 2, -1]]);
  const m0 = t.member(0);
  const m1 = t.member(1);
  assert.deepEqual(t.macs, { member: 6 * 4 + 4 * 4 + 4 * 3, grown: 6 * 8 + 8 * 8 + 8 * 3 });
  // Members own disjoint parameters.
  const names0 = new Set(m0.variables().map((v) => v.name));
  assert.ok(m1.variables().every((v) => !names0.has(v.name)));
  const sum = tf.add(m0.forward(x), m1.forward(x)).dataSync();
  t.grow('zero', createRng(1));
  const g = t.grown();
  Array.from(g.forward(x).dataSync()).forEach((v, i) => close(v, sum[i], 1e-5, 'zero growth = sum of members'));
  assert.throws(() => t.grow('orthogonal', createRng(1)), /already grown/);
  t.dispose();
  const r = buildTemplateMlp(tf, { sizes: [6, 8, 8, 3], templates: 2, rng: createRng(5) });
  r.grow('random', createRng(1));
  const vs = r.grown().variables();
  // 3 layers × (2 template sets + 2 member biases) + input/output coefficients (2 each) + hidden:
  // members' coefficients (2) and, for random growth, two free 4×4 blocks instead of new coefficients.
  assert.equal(vs.length, 20);
  assert.equal(vs.filter((v) => v.shape.length === 2 && v.shape[0] === 4 && v.shape[1] === 4).length, 2);
  const o = buildTemplateMlp(tf, { sizes: [6, 8, 8, 3], templates: 2, rng: createRng(5) });
  o.grow('orthogonal', createRng(1));
  const diff = Array.from(o.grown().forward(x).dataSync()).reduce((m, v, i) => Math.max(m, Math.abs(v - sum[i])), 0);
  assert.ok(diff > 1e-3, 'orthogonal growth adds new blocks');
  o.dispose();
  r.dispose();
});
