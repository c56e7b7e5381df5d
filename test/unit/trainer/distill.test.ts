// Distillation blocks against closed forms: DINO targets and the centre's EMA, the KD loss and its
// gradient τ·(softmax(s/τ) − t)/n, interpolated student inits, the weight-normalised last layer,
// feature standardisation, and the k-NN probe against a brute-force vote.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import {
  buildDinoNet,
  dinoTargets,
  interpolateWeights,
  kdLoss,
  knnAccuracy,
  linearProbeAccuracy,
  softTargetCrossEntropy,
  standardize,
} from '../../../src/trainer/distill';

before(async () => {
  await tf.setBackend('cpu');
});

const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

test('DINO targets are softmax((p − c)/τ) with the OLD centre, then c ← m·c + (1 − m)·mean(p)', () => {
  const p = [
    [0.2, -0.1, 0.5],
    [0.0, 0.3, -0.4],
  ];
  const c0 = [0.1, 0.0, -0.2];
  const center = tf.variable(tf.tensor1d(c0), false);
  const t = dinoTargets(tf, tf.tensor2d(p), center, 0.04, 0.9).arraySync() as number[][];
  p.forEach((row, i) => {
    const want = softmax(row.map((v, j) => (v - c0[j]) / 0.04));
    want.forEach((w, j) => assert.ok(Math.abs(w - t[i][j]) < 1e-5));
  });
  const c1 = Array.from(center.dataSync());
  c0.forEach((c, j) => assert.ok(Math.abs(c1[j] - (0.9 * c + (0.1 * (p[0][j] + p[1][j])) / 2)) < 1e-6));
  // No centring (NaN momentum, dinopl's student default): the centre does not move.
  dinoTargets(tf, tf.tensor2d(p), center, 0.04, NaN);
  assert.deepEqual(Array.from(center.dataSync()), c1);
});

test('KD loss is τ²·KL and its gradient in the student logits is τ·(softmax(s/τ) − t)/n', () => {
  const s = [
    [1.0, -0.5, 0.3],
    [0.2, 0.1, -1.0],
  ];
  const teacher = [
    [2.0, 0.0, -1.0],
    [-0.3, 0.8, 0.1],
  ];
  const tau = 2;
  const targets = teacher.map((r) => softmax(r.map((v) => v / tau)));
  const value = kdLoss(tf, tf.tensor2d(s), tf.tensor2d(targets), tau).dataSync()[0];
  const kl =
    s.reduce((a, row, i) => {
      const q = softmax(row.map((v) => v / tau));
      return a + targets[i].reduce((b, t, j) => b + t * Math.log(t / q[j]), 0);
    }, 0) / s.length;
  assert.ok(Math.abs(value - tau * tau * kl) < 1e-5, `${value} vs ${tau * tau * kl}`);
  const g = tf
    .grad((x: tf.Tensor) => kdLoss(tf, x as tf.Tensor2D, tf.tensor2d(targets), tau))(tf.tensor2d(s))
    .arraySync() as number[][];
  s.forEach((row, i) => {
    const q = softmax(row.map((v) => v / tau));
    q.forEach((qj, j) => assert.ok(Math.abs(g[i][j] - (tau * (qj - targets[i][j])) / s.length) < 1e-5));
  });
  // Same targets as the student's own distribution: KL = 0.
  const self = s.map((r) => softmax(r.map((v) => v / tau)));
  assert.ok(Math.abs(kdLoss(tf, tf.tensor2d(s), tf.tensor2d(self), tau).dataSync()[0]) < 1e-5);
  // The DINO cross-entropy is KL + H(targets): larger by the targets' entropy.
  const ce = softTargetCrossEntropy(tf, tf.tensor2d(s), tf.tensor2d(targets), tau).dataSync()[0];
  const h = -targets.reduce((a, r) => a + r.reduce((b, t) => b + t * Math.log(t), 0), 0) / 2;
  assert.ok(Math.abs(ce - (kl + h)) < 1e-5);
});

const spec = (seed: number) => ({
  input: 6,
  encoder: [5, 4],
  headHidden: [4],
  bottleneck: 3,
  outDim: 7,
  activation: 'gelu' as const,
  init: 'torch_linear',
  rng: createRng(seed),
});

test('DINO net: unit-norm output columns bound the projections to [−1, 1]; a teacher has no trainable variable', () => {
  const student = buildDinoNet(tf, spec(1));
  const teacher = buildDinoNet(tf, spec(2), false);
  const x = tf.randomUniform([9, 6], -3, 3, 'float32', 5);
  const p = student.forward(x).arraySync() as number[][];
  for (const row of p) for (const v of row) assert.ok(Math.abs(v) <= 1 + 1e-5);
  assert.equal(student.embed(x).shape[1], 4);
  // Encoder, head, bottleneck kernels+biases and the last kernel only.
  assert.equal(student.variables().length, 2 * 4 + 1);
  assert.ok(teacher.variables().every((v) => !v.trainable));
  // Gradients reach every trainable variable.
  const { grads } = tf.variableGrads(() => tf.sum(tf.square(student.forward(x))) as tf.Scalar, student.variables());
  assert.equal(Object.keys(grads).length, student.variables().length);
});

test('interpolated init: α = 0 is the teacher, α = 1 the fresh draw, α in between their convex mix', () => {
  const t = buildDinoNet(tf, spec(3), false);
  const f = buildDinoNet(tf, spec(4), false);
  const s = buildDinoNet(tf, spec(5));
  for (const alpha of [0, 1, 0.3]) {
    interpolateWeights(tf, s, t, f, alpha);
    s.layers.forEach((l, i) => {
      const a = l.weight.dataSync();
      const tw = t.layers[i].weight.dataSync();
      const fw = f.layers[i].weight.dataSync();
      for (let j = 0; j < a.length; j++) assert.ok(Math.abs(a[j] - ((1 - alpha) * tw[j] + alpha * fw[j])) < 1e-6);
    });
  }
});

test('standardize uses the train split statistics (sample sd; constant features keep sd 1)', () => {
  const train = Float32Array.from([1, 5, 3, 5, 5, 5]); // 3 rows × 2 dims; dim 1 constant
  const test = Float32Array.from([7, 5]);
  const [a, b] = standardize(train, test, 2);
  assert.deepEqual(Array.from(a), [-1, 0, 0, 0, 1, 0]);
  assert.deepEqual(Array.from(b), [2, 0]);
});

test('k-NN accuracy equals a brute-force Euclidean vote with ties to the smallest label', () => {
  const rng = createRng(8);
  const dim = 3;
  const nTr = 30;
  const nTe = 12;
  const trF = Float32Array.from({ length: nTr * dim }, () => rng.normal());
  const trL = Int32Array.from({ length: nTr }, () => rng.int(4));
  const teF = Float32Array.from({ length: nTe * dim }, () => rng.normal());
  const teL = Int32Array.from({ length: nTe }, () => rng.int(4));
  for (const k of [1, 4, 7]) {
    let hits = 0;
    for (let i = 0; i < nTe; i++) {
      const d = Array.from({ length: nTr }, (_, j) => {
        let s = 0;
        for (let c = 0; c < dim; c++) s += (teF[i * dim + c] - trF[j * dim + c]) ** 2;
        return [s, j];
      }).sort((a, b) => a[0] - b[0]);
      const votes = [0, 0, 0, 0];
      for (let j = 0; j < k; j++) votes[trL[d[j][1]]]++;
      const best = votes.indexOf(Math.max(...votes));
      if (best === teL[i]) hits++;
    }
    assert.ok(Math.abs(knnAccuracy(tf, trF, trL, teF, teL, dim, k, 4) - hits / nTe) < 1e-12, `k = ${k}`);
  }
});

test('the linear probe separates linearly separable features', async () => {
  const rng = createRng(9);
  const n = 200;
  const f = Float32Array.from({ length: n * 2 }, () => rng.normal());
  const l = Int32Array.from({ length: n }, (_, i) => (f[2 * i] + 0.5 * f[2 * i + 1] > 0 ? 1 : 0));
  const acc = await linearProbeAccuracy(tf, f, l, f, l, 2, 2, { steps: 300, batchSize: 50, lr: 0.05, rng });
  assert.ok(acc > 0.95, `probe accuracy ${acc}`);
});
