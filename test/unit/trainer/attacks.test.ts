// Attacks against closed forms: on a linear softmax model the input gradient of the cross-entropy is
// (softmax(xW + b) − y)·Wᵀ, so FGSM, step l.l. and the one-step error sweep can be checked by hand;
// PGD on a two-class linear model must land on the FGSM point (the ℓ∞ maximiser of a monotone
// function of a linear margin); the KL-DRO weights are the maximiser of their objective.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp, type Net } from '../../../src/trainer/model';
import {
  fgsm,
  inputGradient,
  klDroWeights,
  oneStepErrorCurve,
  perClassAccuracy,
  pgd,
  stepLeastLikely,
  topLogitGaps,
  weightedCrossEntropy,
} from '../../../src/trainer/attacks';

before(async () => {
  await tf.setBackend('cpu');
});

function linearNet(d: number, k: number, seed: number): { net: Net; W: number[][]; b: number[] } {
  const net = buildMlp(tf, { input: d, hidden: [], classes: k, init: 'glorot_normal', rng: createRng(seed) });
  const rng = createRng(seed + 100);
  const bias = Array.from({ length: k }, () => 0.3 * rng.normal());
  net.layers[0].bias.assign(tf.tensor1d(bias));
  const w = net.layers[0].weight.arraySync() as number[][];
  return { net, W: w, b: bias };
}

function softmaxRow(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
}

/** (softmax(xW + b) − y)·Wᵀ for one example. */
function handGradient(x: number[], label: number, W: number[][], b: number[]): number[] {
  const k = b.length;
  const z = b.map((bj, j) => bj + x.reduce((s, xi, i) => s + xi * W[i][j], 0));
  const p = softmaxRow(z);
  const r = p.map((pj, j) => pj - (j === label ? 1 : 0));
  return x.map((_, i) => Array.from({ length: k }, (_, j) => r[j] * W[i][j]).reduce((a, c) => a + c, 0));
}

function data(n: number, d: number, k: number, seed: number) {
  const rng = createRng(seed);
  const xs = Array.from({ length: n }, () => Array.from({ length: d }, () => 0.2 + 0.6 * rng.next()));
  const labels = Array.from({ length: n }, () => rng.int(k));
  return {
    xs,
    labels,
    x: tf.tensor2d(xs),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat() as tf.Tensor2D,
  };
}

test('inputGradient is the hand-computed (softmax − y)·Wᵀ, row by row', () => {
  const { net, W, b } = linearNet(5, 3, 1);
  const { xs, labels, x, y } = data(4, 5, 3, 2);
  const g = inputGradient(tf, net, x, y).arraySync() as number[][];
  xs.forEach((xi, r) => {
    const h = handGradient(xi, labels[r], W, b);
    h.forEach((v, i) => assert.ok(Math.abs(v - g[r][i]) < 1e-5, `row ${r} col ${i}: ${v} vs ${g[r][i]}`));
  });
});

test('inputGradient agrees with central finite differences through a ReLU MLP', () => {
  const net = buildMlp(tf, { input: 4, hidden: [6], classes: 3, init: 'he_normal', rng: createRng(7) });
  const { x, y } = data(2, 4, 3, 9);
  const g = inputGradient(tf, net, x, y).arraySync() as number[][];
  const xs = x.arraySync() as number[][];
  const loss = (xx: number[][]) =>
    tf.tidy(() => {
      const logits = net.forward(tf.tensor2d(xx));
      return tf.sum(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1))).dataSync()[0];
    });
  const h = 1e-2;
  for (let r = 0; r < 2; r++)
    for (let i = 0; i < 4; i++) {
      const up = xs.map((row) => [...row]);
      const dn = xs.map((row) => [...row]);
      up[r][i] += h;
      dn[r][i] -= h;
      const fd = (loss(up) - loss(dn)) / (2 * h);
      assert.ok(Math.abs(fd - g[r][i]) < 2e-3, `(${r},${i}) fd ${fd} vs ${g[r][i]}`);
    }
});

test('FGSM moves every pixel by exactly ε along the sign of the hand gradient, then clips to [0, 1]', () => {
  const { net, W, b } = linearNet(5, 3, 3);
  const { xs, labels, x, y } = data(3, 5, 3, 4);
  const eps = 0.05;
  const adv = fgsm(tf, net, x, y, eps).arraySync() as number[][];
  xs.forEach((xi, r) => {
    const h = handGradient(xi, labels[r], W, b);
    xi.forEach((v, i) => assert.ok(Math.abs(adv[r][i] - (v + eps * Math.sign(h[i]))) < 1e-6));
  });
  // Large ε: clipped into the pixel range.
  const big = fgsm(tf, net, x, y, 5).arraySync() as number[][];
  for (const row of big) for (const v of row) assert.ok(v === 0 || v === 1);
});

test('step l.l. steps against the gradient of the least likely class', () => {
  const { net, W, b } = linearNet(5, 3, 5);
  const { xs, x } = data(3, 5, 3, 6);
  const eps = 0.03;
  const logits = (net.forward(x).arraySync() as number[][]).map((z) => z.indexOf(Math.min(...z)));
  const adv = stepLeastLikely(tf, net, x, eps).arraySync() as number[][];
  xs.forEach((xi, r) => {
    const h = handGradient(xi, logits[r], W, b);
    xi.forEach((v, i) => assert.ok(Math.abs(adv[r][i] - (v - eps * Math.sign(h[i]))) < 1e-6));
  });
});

test('PGD on a two-class linear model ends at the FGSM point; it never leaves the ε-ball or [0, 1]', () => {
  const { net } = linearNet(6, 2, 11);
  const { x, y } = data(5, 6, 2, 12);
  const eps = 0.1;
  const f = fgsm(tf, net, x, y, eps).arraySync() as number[][];
  const p = pgd(tf, net, x, y, {
    eps,
    stepSize: 0.03,
    steps: 20,
    randomStart: true,
    rng: createRng(3),
  }).arraySync() as number[][];
  const xs = x.arraySync() as number[][];
  p.forEach((row, r) =>
    row.forEach((v, i) => {
      assert.ok(Math.abs(v - f[r][i]) < 1e-6, `(${r},${i}) pgd ${v} fgsm ${f[r][i]}`);
      assert.ok(Math.abs(v - xs[r][i]) <= eps + 1e-6 && v >= 0 && v <= 1);
    }),
  );
  // On a nonlinear net, PGD reaches at least FGSM's loss (it starts near x and climbs).
  const mlp = buildMlp(tf, { input: 6, hidden: [8], classes: 2, init: 'he_normal', rng: createRng(13) });
  const lossOf = (xx: tf.Tensor) =>
    tf.tidy(() => tf.sum(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(mlp.forward(xx))), 1))).dataSync()[0]);
  const lf = lossOf(fgsm(tf, mlp, x, y, eps));
  const lp = lossOf(pgd(tf, mlp, x, y, { eps, stepSize: 0.025, steps: 10, randomStart: false }));
  assert.ok(lp >= lf - 1e-4, `pgd loss ${lp} < fgsm loss ${lf}`);
});

test('the one-step error sweep equals attacking at each ε separately, over initially-correct points', () => {
  const { net } = linearNet(5, 3, 21);
  const { x, y, labels } = data(40, 5, 3, 22);
  const eps = [0, 0.01, 0.05, 0.2];
  const curve = oneStepErrorCurve(tf, net, x, y, eps, { attack: 'fgsm', base: 'initially_correct', chunk: 7 });
  const pred0 = (net.forward(x).argMax(1).arraySync() as number[]).map((p, i) => p === labels[i]);
  const nCorrect = pred0.filter(Boolean).length;
  assert.ok(nCorrect > 0);
  eps.forEach((e, k) => {
    const predAdv = fgsm(tf, net, x, y, e).arraySync() as number[][];
    const advLabels = (net.forward(tf.tensor2d(predAdv)).argMax(1).arraySync() as number[]).map(
      (p, i) => p !== labels[i],
    );
    const flipped = advLabels.filter((wrong, i) => wrong && pred0[i]).length;
    assert.ok(
      Math.abs(curve[k].error - flipped / nCorrect) < 1e-9,
      `ε ${e}: ${curve[k].error} vs ${flipped / nCorrect}`,
    );
  });
  assert.equal(curve[0].error, 0, 'no perturbation flips no correct point');
  const all = oneStepErrorCurve(tf, net, x, y, [0], { attack: 'fgsm', base: 'all' });
  assert.ok(Math.abs(all[0].error - (1 - nCorrect / 40)) < 1e-9, 'base "all" at ε = 0 is the clean error');
});

test('top-logit gaps are z₍₁₎ − z₍₂₎ per row', () => {
  const { net } = linearNet(4, 5, 31);
  const { x } = data(6, 4, 5, 32);
  const z = net.forward(x).arraySync() as number[][];
  const gaps = topLogitGaps(tf, net, x);
  z.forEach((row, i) => {
    const s = [...row].sort((a, b) => b - a);
    assert.ok(Math.abs(gaps[i] - (s[0] - s[1])) < 1e-5);
  });
});

test('KL-DRO weights: mean 1, ∝ exp(ℓ/r), and they maximise Σwℓ/n − r·KL(w/n‖u) against perturbations', () => {
  const losses = [0.1, 0.5, 2.0, 0.05, 1.2];
  const r = 0.7;
  const w = Array.from(klDroWeights(tf, tf.tensor1d(losses), r).dataSync());
  const n = losses.length;
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - n) < 1e-5);
  for (let i = 1; i < n; i++) assert.ok(Math.abs(Math.log(w[i] / w[0]) - (losses[i] - losses[0]) / r) < 1e-5);
  const objective = (v: number[]) =>
    v.reduce((a, vi, i) => a + (vi * losses[i]) / n, 0) - r * v.reduce((a, vi) => a + (vi / n) * Math.log(vi), 0);
  const best = objective(w);
  const rng = createRng(4);
  for (let t = 0; t < 200; t++) {
    const d = losses.map(() => 0.05 * rng.normal());
    const mean = d.reduce((a, b) => a + b, 0) / n;
    const v = w.map((wi, i) => wi + d[i] - mean); // stays on Σv = n
    if (v.some((vi) => vi <= 0)) continue;
    assert.ok(objective(v) <= best + 1e-9);
  }
  // Large r → uniform weights (plain adversarial training).
  const flat = Array.from(klDroWeights(tf, tf.tensor1d(losses), 1e6).dataSync());
  for (const v of flat) assert.ok(Math.abs(v - 1) < 1e-4);
});

test('weighted cross-entropy with unit weights is the mean cross-entropy; per-class accuracy counts by label', () => {
  const logits = tf.tensor2d([
    [2, 0, 0],
    [0, 3, 0],
    [0, 0, 1],
    [1, 0, 0],
  ]);
  const y = tf.oneHot(tf.tensor1d([0, 1, 0, 2], 'int32'), 3).toFloat() as tf.Tensor2D;
  const plain = tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1))).dataSync()[0];
  const w = weightedCrossEntropy(tf, logits as tf.Tensor2D, y, tf.ones([4]) as tf.Tensor1D).dataSync()[0];
  assert.ok(Math.abs(plain - w) < 1e-6);
  const acc = perClassAccuracy(tf, logits as tf.Tensor2D, y);
  assert.equal(acc.overall, 0.5);
  assert.deepEqual(acc.perClass, [0.5, 1, 0]);
});
