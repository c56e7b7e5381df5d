// The random-weights batch's trainer blocks on the cpu backend: random-feature maps and ridge readouts
// against direct computation, the tangent kernel against closed forms and finite differences, the
// rate RNN and its low-rank init, patch networks' symmetries, and the synthetic tasks.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import {
  attentionFeatures,
  fitRidge,
  meanSquaredError,
  predictRidge,
  ridgeFeatures,
} from '../../../src/trainer/randomFeatures';
import { tangentKernel } from '../../../src/trainer/tangentKernel';
import {
  buildRateRnn,
  frobenius,
  gaussianConnectivity,
  lowRankTruncation,
  sequenceCrossEntropy,
  unroll,
} from '../../../src/trainer/rnn';
import { svd } from '../../../src/trainer/linalg/svd';
import { buildPatchNet } from '../../../src/trainer/patchLayers';
import { dsdSample, dsdTask } from '../../../src/trainer/data/dsd';
import { twoAfBatch } from '../../../src/trainer/data/temporal';

before(async () => {
  await tf.setBackend('cpu');
});

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

test('ridge features σ(xA − b) and attention features equal their definitions', () => {
  const x = tf.tensor2d([0.5, -1, 2, 0.25], [2, 2]);
  const a = tf.tensor2d([1, -2, 0.5, 3, 0, 1], [2, 3]);
  const b = tf.tensor1d([0.1, -0.2, 0.3]);
  const f = ridgeFeatures(tf, x, a, b, 'tanh').arraySync();
  close(f[1][2], Math.tanh(2 * 0.5 + 0.25 * 1 - 0.3), 1e-6);
  // Attention: d = 2, N = 2 keys, M = 2 heads.
  const q = tf.tensor2d([1, 2], [1, 2]);
  const keys = tf.tensor3d([
    [
      [1, 0],
      [0.5, -1],
    ],
  ]);
  const W1 = [
    [1, 0],
    [0, 1],
  ];
  const W2 = [
    [0, 2],
    [-1, 0],
  ];
  const w = tf.tensor2d([1, 0, 0, 2, 0, 1, -1, 0], [2, 4]); // [W1 | W2] column blocks
  const phi = attentionFeatures(tf, q, keys, w, 'relu').arraySync()[0];
  const qv = [1, 2];
  const ks = [
    [1, 0],
    [0.5, -1],
  ];
  [W1, W2].forEach((W, m) => {
    for (let j = 0; j < 2; j++) {
      let s = 0;
      for (const k of ks) {
        const score = qv[0] * (W[0][0] * k[0] + W[0][1] * k[1]) + qv[1] * (W[1][0] * k[0] + W[1][1] * k[1]);
        s += (Math.max(0, score) * k[j]) / 2;
      }
      close(phi[m * 2 + j], s, 1e-6, `head ${m} coord ${j}`);
    }
  });
});

test('ridge readout: primal and dual forms agree, and a linear target is recovered', async () => {
  const rng = createRng(2);
  const n = 40;
  const p = 6;
  const xs = Float32Array.from({ length: n * p }, () => rng.normal());
  const y = Float32Array.from({ length: n }, (_, i) => 3 + 2 * xs[i * p] - xs[i * p + 3]);
  const phi = tf.tensor2d(xs, [n, p]);
  const primal = await fitRidge(tf, phi, y, { relLambda: 1e-9 });
  assert.equal(primal.form, 'primal');
  const pred = await predictRidge(tf, phi, primal);
  assert.ok(meanSquaredError(pred, y) < 1e-8);
  close(primal.coef[0], 2, 1e-3);
  // With more features than rows the dual form is used; on the same rows it predicts the same.
  const wide = tf.tensor2d(
    Float32Array.from({ length: 10 * 30 }, () => rng.normal()),
    [10, 30],
  );
  const yw = Float32Array.from({ length: 10 }, () => rng.normal());
  const dual = await fitRidge(tf, wide, yw, { relLambda: 1e-3 });
  assert.equal(dual.form, 'dual');
  // The primal solution at the same absolute λ: compare predictions on new rows.
  const test2 = tf.tensor2d(
    Float32Array.from({ length: 5 * 30 }, () => rng.normal()),
    [5, 30],
  );
  const pd = await predictRidge(tf, test2, dual);
  const { ridgeSolve } = await import('../../../src/trainer/linalg/ridge');
  const centred = tf.sub(wide, tf.mean(wide, 0));
  const g = Float64Array.from(tf.matMul(centred, centred, true, false).dataSync());
  const ym = yw.reduce((s, v) => s + v, 0) / 10;
  const xty = Float64Array.from(
    tf
      .matMul(
        centred,
        tf.tensor2d(
          yw.map((v) => v - ym),
          [10, 1],
        ),
        true,
        false,
      )
      .dataSync(),
  );
  const w = ridgeSolve(g, 30, xty, dual.lambda).coef;
  const pp = await predictRidge(tf, test2, { ...dual, coef: w, form: 'primal' });
  pd.forEach((v, i) => close(v, pp[i], 1e-3));
});

test('tangent kernel of a linear map is ⟨x_a, x_b⟩·δ(o, o′)', () => {
  const w = tf.tensor2d([0.3, -1, 2, 0.5, 0, 1], [3, 2]);
  const x = tf.tensor2d([1, 2, 0, -1, 0.5, 3], [2, 3]);
  const { kernel, rows } = tangentKernel(
    tf,
    w,
    2,
    (tiled) => tf.reshape(tf.matMul(tf.reshape(x, [2, 1, 3]), tiled as tf.Tensor3D), [2, 2]) as tf.Tensor2D,
  );
  assert.equal(rows, 4);
  const xa = [1, 2, 0];
  const xb = [-1, 0.5, 3];
  const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);
  // rows: (o=0,b=0), (o=0,b=1), (o=1,b=0), (o=1,b=1)
  close(kernel[0 * 4 + 1], dot(xa, xb), 1e-5);
  close(kernel[0 * 4 + 0], dot(xa, xa), 1e-5);
  close(kernel[0 * 4 + 2], 0, 1e-6);
  close(kernel[3 * 4 + 1], 0, 1e-6);
  close(kernel[3 * 4 + 3], dot(xb, xb), 1e-5);
});

test('RNN: tiled per-example recurrence equals the shared one, and its per-example gradient matches finite differences', () => {
  const rng = createRng(5);
  const n = 6;
  const w0 = gaussianConnectivity(n, 1.25, rng);
  const net = buildRateRnn(tf, { inputs: 3, hidden: n, outputs: 3, wRec: w0, alpha: 1, rng });
  const trials = twoAfBatch(createRng(1), 2);
  const x = tf.tensor3d(trials.x, [trials.steps, 2, 3]);
  const shared = unroll(tf, net, x).outputs.arraySync();
  const tiled = unroll(tf, net, x, tf.stack([net.wRec, net.wRec])).outputs.arraySync();
  assert.deepEqual(tiled, shared);
  // ∂ y_{T, b=1, o=2} / ∂ W_rec[i, j] by central differences on one entry vs the tangent-kernel path.
  const last = (rec: tf.Tensor) => {
    const o = unroll(tf, net, x, rec).outputs;
    return tf.reshape(tf.slice(o, [trials.steps - 1, 0, 0], [1, 2, 3]), [2, 3]) as tf.Tensor2D;
  };
  const grads = tf.grad((t: tf.Tensor) => tf.sum(tf.slice(last(t), [0, 2], [2, 1])))(tf.stack([net.wRec, net.wRec]));
  const g = grads.arraySync() as number[][][];
  const h = 1e-3;
  const base = net.wRec.arraySync() as number[][];
  for (const [i, j] of [
    [0, 1],
    [3, 2],
  ]) {
    const plus = base.map((r) => [...r]);
    const minus = base.map((r) => [...r]);
    plus[i][j] += h;
    minus[i][j] -= h;
    const fp = last(tf.tensor2d(plus)).arraySync()[1][2];
    const fm = last(tf.tensor2d(minus)).arraySync()[1][2];
    close(g[1][i][j], (fp - fm) / (2 * h), 2e-2 * Math.max(1, Math.abs(g[1][i][j])), `∂W[${i},${j}]`);
  }
  const loss = sequenceCrossEntropy(tf, unroll(tf, net, x).outputs, tf.tensor1d(trials.labels, 'int32'));
  assert.ok(Number.isFinite(loss.dataSync()[0]));
  net.dispose();
});

test('low-rank init: rank r exactly, the full-rank Frobenius norm kept, the top singular directions', () => {
  const n = 20;
  const w = gaussianConnectivity(n, 1.25, createRng(8));
  const r2 = lowRankTruncation(w, n, 2);
  close(frobenius(r2), frobenius(w), 1e-9);
  const s = svd(r2, n, n).S;
  assert.ok(s[2] < 1e-9 * s[0], `third singular value ${s[2]}`);
  const s0 = svd(w, n, n).S;
  close(s[0] / s[1], s0[0] / s0[1], 1e-9, 'keeps the ratio of the top two');
  assert.deepEqual(lowRankTruncation(w, n, n), w);
});

test('patch networks: the CNN is invariant to permuting patches, the LCN and FCN are not; LCN = per-patch loop', () => {
  const k = 4;
  const d = 3;
  const x = tf.tensor2d(
    Float32Array.from({ length: 2 * k * d }, (_, i) => Math.sin(i + 1)),
    [2, k * d],
  );
  const perm = tf.tensor2d(
    Float32Array.from({ length: 2 * k * d }, (_, i) => {
      const e = Math.floor(i / (k * d));
      const j = i % (k * d);
      const patch = Math.floor(j / d);
      const src = (patch + 1) % k; // rotate patches
      return Math.sin(e * k * d + src * d + (j % d) + 1);
    }),
    [2, k * d],
  );
  const outs: Record<string, number[][][]> = {};
  for (const kind of ['cnn', 'lcn', 'fcn'] as const) {
    const net = buildPatchNet(tf, { kind, patches: k, patchDim: d, channels: 5, classes: 2, rng: createRng(3) });
    // Non-zero biases so the check is not trivial.
    net.layers[0].bias.assign(tf.randomNormal(net.layers[0].bias.shape, 0, 0.3, 'float32', 7));
    outs[kind] = [net.forward(x).arraySync(), net.forward(perm).arraySync()];
    if (kind === 'lcn') {
      const w0 = net.layers[0].weight.arraySync() as number[][][];
      const b0 = net.layers[0].bias.arraySync() as number[][][];
      const xs = x.arraySync()[0];
      const pooled = Array(5).fill(0);
      for (let i = 0; i < k; i++)
        for (let c = 0; c < 5; c++) {
          let s = b0[i][0][c];
          for (let j = 0; j < d; j++) s += xs[i * d + j] * w0[i][j][c];
          pooled[c] += Math.max(0, s);
        }
      const w1 = net.layers[1].weight.arraySync() as number[][];
      const logit0 = pooled.reduce((s, v, c) => s + v * w1[c][0], 0);
      close(outs.lcn[0][0][0], logit0, 1e-5);
    }
    net.dispose();
  }
  outs.cnn[0].flat().forEach((v, i) => close(v, outs.cnn[1].flat()[i], 1e-5));
  assert.ok(outs.lcn[0].flat().some((v, i) => Math.abs(v - outs.lcn[1].flat()[i]) > 1e-4));
  assert.ok(outs.fcn[0].flat().some((v, i) => Math.abs(v - outs.fcn[1].flat()[i]) > 1e-4));
});

test('DSD: the signal sits in exactly one patch with the label’s sign; 2AF: fixate, then choose', () => {
  const task = dsdTask(4, 8, 0, createRng(1));
  const s = dsdSample(task, 50, createRng(2));
  assert.equal(s.n, 50);
  for (let e = 0; e < 50; e++) {
    const sign = s.labels[e] === 1 ? 1 : -1;
    const hot = [0, 1, 2, 3].filter((p) => s.x.slice(e * 32 + p * 8, e * 32 + p * 8 + 8).some((v) => v !== 0));
    assert.equal(hot.length, 1);
    close(s.x[e * 32 + hot[0] * 8] * sign, task.signal[0], 1e-6);
  }
  const ones = Array.from(s.labels).filter((l) => l === 1).length;
  assert.ok(ones > 10 && ones < 40);
  const b = twoAfBatch(createRng(3), 16);
  assert.equal(b.steps, 8);
  for (let i = 0; i < 16; i++) {
    assert.equal(b.labels[7 * 16 + i], b.choice[i]);
    assert.equal(b.labels[0 * 16 + i], 0);
    assert.equal(b.x[(7 * 16 + i) * 3], 0, 'no fixation cue at the decision step');
    assert.equal(b.x[(0 * 16 + i) * 3], 1);
  }
});
