// SPSA with shared randomness: a named perturbation is the same wherever it is regenerated; the
// projected gradient is ∇L·z (exact for a quadratic, and its average g·z over many seeds is the true
// gradient, within the CLT's error); the update is θ − lr·Σ g_k z_k/√K; the log quantizer's levels,
// error bound and bit count.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp } from '../../../src/trainer/model';
import {
  applySpsaUpdate,
  drawPerturbation,
  flatParams,
  perturbationRng,
  projectedGradient,
  readFlat,
} from '../../../src/trainer/spsa';
import { JUSTONEBYTE_CODE_QUANTIZER, bitsPerScalar, quantizeLog } from '../../../src/trainer/logQuantizer';

before(async () => {
  await tf.setBackend('cpu');
});

test('a perturbation named (iteration, machine, sample) is regenerated bit for bit; other names differ', () => {
  const a = drawPerturbation(perturbationRng(createRng(1), 5, 2, 3), 100);
  const b = drawPerturbation(perturbationRng(createRng(1), 5, 2, 3), 100);
  const c = drawPerturbation(perturbationRng(createRng(1), 5, 3, 2), 100);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('on a quadratic the projected gradient is exactly ∇L·z, and θ is left untouched', () => {
  const v = tf.variable(tf.tensor1d([0.5, -1.0, 2.0]));
  const p = flatParams([v]);
  const A = [2, 0.5, 1]; // L = ½ Σ A_i θ_i² + Σ θ_i
  const loss = () => tf.tidy(() => tf.sum(tf.add(tf.mul(tf.mul(tf.square(v), A), 0.5), v)).dataSync()[0]);
  const theta = readFlat(p);
  const z = Float32Array.from([0.3, -1.2, 0.7]);
  const { g } = projectedGradient(tf, p, theta, z, 1e-2, loss);
  const grad = Array.from(theta, (t, i) => A[i] * t + 1);
  const exact = grad.reduce((a, gi, i) => a + gi * z[i], 0);
  assert.ok(Math.abs(g - exact) < 2e-3, `${g} vs ${exact}`);
  assert.deepEqual(readFlat(p), theta);
});

test('E[g·z] is the true gradient of an MLP loss (average over 3,000 named perturbations, within 4.5 standard errors)', () => {
  const net = buildMlp(tf, {
    input: 3,
    hidden: [4],
    classes: 2,
    init: 'he_normal',
    activation: 'tanh',
    rng: createRng(2),
  });
  const x = tf.tensor2d([
    [0.1, -0.4, 0.9],
    [0.5, 0.2, -0.3],
    [-0.7, 0.8, 0.1],
  ]);
  const y = tf.oneHot(tf.tensor1d([0, 1, 1], 'int32'), 2).toFloat() as tf.Tensor2D;
  const lossT = () => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(net.forward(x))), 1))) as tf.Scalar;
  const vars = net.variables();
  const p = flatParams(vars);
  const { grads } = tf.variableGrads(lossT, vars);
  const trueGrad = Float32Array.from(vars.flatMap((v) => Array.from(grads[v.name].dataSync())));
  const theta = readFlat(p);
  const N = 3000;
  const sum = new Float64Array(p.total);
  const sq = new Float64Array(p.total);
  const root = createRng(3);
  for (let k = 0; k < N; k++) {
    const z = drawPerturbation(perturbationRng(root, 0, 0, k), p.total);
    const { g } = projectedGradient(tf, p, theta, z, 1e-3, () => tf.tidy(() => lossT().dataSync()[0]));
    for (let i = 0; i < p.total; i++) {
      sum[i] += g * z[i];
      sq[i] += (g * z[i]) ** 2;
    }
  }
  let worst = 0;
  for (let i = 0; i < p.total; i++) {
    const mean = sum[i] / N;
    const se = Math.sqrt((sq[i] / N - mean * mean) / N);
    worst = Math.max(worst, Math.abs(mean - trueGrad[i]) / se);
  }
  assert.ok(worst < 4.5, `largest deviation ${worst.toFixed(2)} standard errors over ${p.total} coordinates`);
});

test('the update is θ − lr·Σ g_k z_k / √K with every z_k regenerated from its name', () => {
  const v = tf.variable(tf.tensor1d([1, 2, 3, 4]));
  const p = flatParams([v]);
  const theta = readFlat(p);
  const before0 = Float32Array.from(theta);
  const root = createRng(4);
  const msgs = [
    { machine: 0, sample: 0, g: 0.5 },
    { machine: 1, sample: 0, g: -2 },
    { machine: 1, sample: 1, g: 1.5 },
  ];
  applySpsaUpdate(tf, p, theta, root, 7, msgs, 0.1);
  const want = Float64Array.from(before0);
  for (const m of msgs) {
    const z = drawPerturbation(perturbationRng(createRng(4), 7, m.machine, m.sample), 4);
    for (let i = 0; i < 4; i++) want[i] -= (0.1 / Math.sqrt(3)) * m.g * z[i];
  }
  const got = readFlat(p);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(got[i] - want[i]) < 1e-5);
});

test('log quantizer: powers of e^step are exact, relative error ≤ e^(step/2) − 1, clamped range, sign kept', () => {
  const q = { step: 1 / 8, maxPower: 63 };
  assert.equal(quantizeLog(Math.exp(5 / 8), q).value.toFixed(12), Math.exp(5 / 8).toFixed(12));
  const rng = createRng(5);
  for (let i = 0; i < 2000; i++) {
    const g = (rng.next() < 0.5 ? -1 : 1) * Math.exp(-7 + 14 * rng.next());
    const r = quantizeLog(g, q);
    assert.equal(Math.sign(r.value), Math.sign(g));
    assert.ok(Math.abs(r.value / g - 1) <= Math.exp(q.step / 2) - 1 + 1e-12);
  }
  assert.equal(quantizeLog(1e9, q).power, 63);
  assert.equal(quantizeLog(1e-9, q).power, -63);
  assert.equal(quantizeLog(0, q).power, -63);
  // Sign + 127 powers each way = 8 bits; the official code's ±127 powers need a 9th bit for the sign.
  assert.equal(bitsPerScalar(q), 8);
  assert.equal(bitsPerScalar(JUSTONEBYTE_CODE_QUANTIZER), 9);
});
