// The sparse-subnetwork blocks against closed forms: quickselect thresholds, soft shrinkage and its
// flip rate, straight-through supermasks and exclusive masks, SNIP and GraSP (Hg by finite
// differences against the exact Hessian of a loss with a closed-form Hessian), the residual MLP and
// its block removal, random node search.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { kthSmallest, magnitudeThreshold } from '../../../src/core/stats/select';
import { SoftShrinker } from '../../../src/trainer/softShrink';
import { buildSupermaskMlp, exclusiveMask, steMask, topKMask, topKThreshold } from '../../../src/trainer/supermask';
import { gradientAndHg, groupScores, groupsToRemove, weightSaliency } from '../../../src/trainer/saliency';
import { blockLayers, blocksOf, buildResidualMlp, residualSubnet } from '../../../src/trainer/residualMlp';
import { residualMacs } from '../../../src/core/estimate/work';
import { randomKeptUnits, randomSearch, stepsToFractionOfFinal } from '../../../src/trainer/nodeSearch';
import { permuteRows, taskPermutations } from '../../../src/trainer/data/tasks';
import type { Layer } from '../../../src/trainer/model';

before(async () => {
  await tf.setBackend('cpu');
});

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tol ${tol})`);

test('quickselect returns the k-th smallest of random, sorted, constant and tied arrays, as sorting does', () => {
  const rng = createRng(3);
  const cases: number[][] = [
    Array.from({ length: 1001 }, () => rng.normal()),
    Array.from({ length: 200 }, (_, i) => i),
    Array.from({ length: 200 }, (_, i) => 200 - i),
    Array.from({ length: 50 }, () => 7),
    Array.from({ length: 300 }, () => rng.int(5)),
    [42],
  ];
  for (const a of cases) {
    const sorted = [...a].sort((x, y) => x - y);
    for (const k of [0, 1, Math.floor(a.length / 2), a.length - 1]) {
      if (k >= a.length) continue;
      assert.equal(kthSmallest(a, k), sorted[k], `k=${k} of ${a.length}`);
    }
  }
  assert.throws(() => kthSmallest([], 0), /empty/);
  assert.throws(() => kthSmallest([1, 2], 2), /outside/);
});

test('magnitude threshold: exactly round(f·n) magnitudes are at or below it; the subsample estimate is close', () => {
  const rng = createRng(9);
  const w = Float32Array.from({ length: 20000 }, () => rng.normal());
  for (const f of [0.5, 0.9, 0.99]) {
    const t = magnitudeThreshold(w, f);
    const below = w.filter((x) => Math.abs(x) <= t).length;
    assert.equal(below, Math.round(f * w.length));
    const r = createRng(1);
    const est = magnitudeThreshold(w, f, { size: 4000, pick: (n) => r.int(n) });
    // The true f-quantile of |N(0,1)| is Φ⁻¹((1+f)/2); a 4,000-sample estimate is within a few percent.
    close(est, t, 0.08 * t, `f=${f}`);
  }
  assert.equal(magnitudeThreshold(w, 0), -Infinity);
  assert.equal(magnitudeThreshold(w, 1), Infinity);
});

function layerOf(values: number[], name = 'w'): Layer {
  const w = tf.variable(tf.tensor2d(values, [values.length, 1]));
  return {
    name,
    kind: 'dense',
    role: 'hidden',
    weight: w,
    bias: tf.variable(tf.zeros([1])),
    padding: 'same',
    pool: false,
  };
}

test('soft shrinkage multiplies exactly the smallest fraction by alpha (0 = hard thresholding) and reports flips', () => {
  const l = layerOf([0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1.0]);
  const s = new SoftShrinker(tf, [l], { fraction: 0.3, alpha: 0.5 });
  const r1 = s.step();
  assert.deepEqual(
    Array.from(l.weight.dataSync()).map((x) => Number(x.toFixed(4))),
    [0.05, -0.1, 0.15, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1],
  );
  assert.equal(r1.layers.w.shrunk, 3);
  assert.ok(Number.isNaN(r1.flipRate), 'nothing to compare on the first call');
  // Make a shrunk weight large: one member of the set of three is replaced → flip rate 1/3.
  l.weight.assign(tf.tensor2d([2, -0.1, 0.15, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1], [10, 1]));
  const r2 = s.step();
  close(r2.flipRate, 1 / 3, 1e-12);
  const hard = layerOf([0.1, -0.2, 0.3, 0.4], 'h');
  new SoftShrinker(tf, [hard], { fraction: 0.5, alpha: 0 }).step();
  assert.deepEqual(
    Array.from(hard.weight.dataSync()).map((x) => Number(x.toFixed(4))),
    [0, 0, 0.3, 0.4],
  );
  assert.throws(() => new SoftShrinker(tf, [hard], { fraction: 0.5, alpha: 1 }), /alpha/);
});

test('straight-through mask: forward is the 0/1 threshold, the gradient is the upstream gradient unchanged', () => {
  const x = tf.tensor1d([0.1, -0.5, 0.7, 0.3]);
  const m = steMask(tf, x, 0.3);
  assert.deepEqual(Array.from(m.dataSync()), [0, 0, 1, 1]);
  const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(steMask(tf, v, 0.3), tf.tensor1d([1, 2, 3, 4]))))(x);
  assert.deepEqual(Array.from(g.dataSync()), [1, 2, 3, 4]);
});

test('top-k masks keep ⌈density·n⌉ of |scores| as GetSubnet does; exclusive masks drop weights earlier tasks use', () => {
  const s = [0.5, -0.9, 0.1, -0.3, 0.7, 0.2, -0.05, 0.8, -0.6, 0.4];
  // GetSubnet zeroes j = int((1 − 0.3)·10) = 7 smallest |s| and keeps 3.
  assert.deepEqual(Array.from(topKMask(s, 0.3)), [0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
  assert.equal(topKThreshold(s, 0.3), 0.7);
  assert.deepEqual(
    Array.from(
      exclusiveMask(
        [1, 1, 1, 0, 1],
        [
          [1, 0, 0, 0, 0],
          [0, 0, 1, 1, 0],
        ],
      ),
    ),
    [0, 1, 0, 0, 1],
  );
  assert.deepEqual(Array.from(exclusiveMask([1, 0, 1], [])), [1, 0, 1]);
});

test('supermask net: score phase trains only scores through the STE, masks keep the density, cached masks are fixed', () => {
  const sm = buildSupermaskMlp(tf, { sizes: [6, 5, 3], tasks: 2, density: 0.4, rng: createRng(4) });
  const x = tf.tensor2d(
    Array.from({ length: 12 }, (_, i) => (i % 5) - 2),
    [2, 6],
  );
  const net = sm.net(0, 'scores');
  assert.deepEqual(
    net.variables().map((v) => v.name),
    sm.scores[0].map((v) => v.name),
  );
  const { grads } = tf.variableGrads(() => tf.sum(net.forward(x)) as tf.Scalar, net.variables());
  assert.ok(
    Object.values(grads).every((g) => g.abs().sum().dataSync()[0] > 0),
    'STE passes gradient to every layer',
  );
  sm.cacheMasks(0);
  const kept = sm.masksOf(0).map((m) => m.reduce((a, b) => a + b, 0) / m.length);
  kept.forEach((k, l) => close(k, [12 / 30, 6 / 15][l], 1e-9, `layer ${l}`));
  // Changing the scores after caching does not change task 0's eval forward.
  const before = sm.net(0, 'eval').forward(x).dataSync();
  sm.scores[0][0].assign(tf.neg(sm.scores[0][0]).mul(3));
  sm.invalidate();
  assert.deepEqual(Array.from(sm.net(0, 'eval').forward(x).dataSync()), Array.from(before));
  // Weight phase: the weights are the variables; the input permutation is applied per task.
  const perms = taskPermutations(2, 6, createRng(1));
  const sp = buildSupermaskMlp(tf, { sizes: [6, 5, 3], tasks: 2, density: 1, rng: createRng(4), permutations: perms });
  sp.cacheMasks(1);
  const plain = buildSupermaskMlp(tf, { sizes: [6, 5, 3], tasks: 2, density: 1, rng: createRng(4) });
  plain.cacheMasks(1);
  const xp = tf.tensor2d(permuteRows(x.dataSync() as Float32Array, 6, perms[1]), [2, 6]);
  assert.deepEqual(
    Array.from(sp.net(1, 'eval').forward(x).dataSync()),
    Array.from(plain.net(1, 'eval').forward(xp).dataSync()),
  );
  assert.equal(sp.net(1, 'weights').variables().length, 2);
  [sm, sp, plain].forEach((s) => s.dispose());
});

test('finite-difference Hg equals the exact Hessian-gradient product of a cubic + quadratic loss', () => {
  // L(w) = Σ cᵢ wᵢ³/3 + ½ wᵀAw − bᵀw: g = c⊙w² + Aw − b, H = diag(2c⊙w) + A.
  const n = 5;
  const rng = createRng(7);
  const c = Array.from({ length: n }, () => rng.normal());
  const B = Array.from({ length: n * n }, () => rng.normal());
  const A = Array.from({ length: n * n }, (_, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    return (B[i * n + j] + B[j * n + i]) / 2;
  });
  const b = Array.from({ length: n }, () => rng.normal());
  const w0 = Array.from({ length: n }, () => rng.normal());
  const w = tf.variable(tf.tensor1d(w0));
  const loss = () =>
    tf.tidy(() => {
      const cubic = tf.sum(tf.mul(tf.tensor1d(c), tf.pow(w, 3))).div(3);
      const Aw = tf.matMul(tf.tensor2d(A, [n, n]), w.reshape([n, 1])).reshape([n]);
      return cubic.add(tf.sum(tf.mul(w, Aw)).div(2)).sub(tf.sum(tf.mul(tf.tensor1d(b), w))) as tf.Scalar;
    });
  const { g, hg } = gradientAndHg(tf, loss, [w]);
  const gExact = w0.map(
    (wi, i) => c[i] * wi * wi + A.slice(i * n, i * n + n).reduce((s, a, j) => s + a * w0[j], 0) - b[i],
  );
  const hgExact = w0.map(
    (wi, i) => 2 * c[i] * wi * gExact[i] + A.slice(i * n, i * n + n).reduce((s, a, j) => s + a * gExact[j], 0),
  );
  const scale = Math.max(...hgExact.map(Math.abs));
  g.get(w.name)!.forEach((v, i) => close(v, gExact[i], 1e-4, `g[${i}]`));
  hg.get(w.name)!.forEach((v, i) => close(v, hgExact[i], 2e-3 * scale, `Hg[${i}]`));
  assert.deepEqual(Array.from(w.dataSync()), Array.from(Float32Array.from(w0)), 'weights restored exactly');
});

test('SNIP is |g⊙w|; GraSP is −w⊙Hg; block scores sum their layers; SNIP removes the lowest, GraSP the highest', () => {
  const net = buildResidualMlp(tf, { input: 4, width: 3, blocks: 2, classes: 2, init: 'he_normal', rng: createRng(2) });
  const rng = createRng(5);
  const x = tf.tensor2d(
    Array.from({ length: 16 }, () => rng.normal()),
    [4, 4],
  );
  const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0], 'int32'), 2).toFloat() as tf.Tensor2D;
  const snip = weightSaliency(tf, net, x, y, 'snip');
  const grasp = weightSaliency(tf, net, x, y, 'grasp');
  assert.deepEqual(
    [...snip.keys()],
    net.layers.map((l) => l.name),
  );
  assert.ok([...snip.values()].every((a) => a.every((v) => v >= 0)));
  assert.ok(
    [...grasp.values()].some((a) => a.some((v) => v < 0)),
    'GraSP scores have both signs',
  );
  const blockScores = groupScores(snip, [blockLayers(0), blockLayers(1)]);
  const sum = (n: string) => snip.get(n)!.reduce((a, b) => a + b, 0);
  close(blockScores[0], sum('block0a') + sum('block0b'), 1e-6);
  assert.deepEqual(groupsToRemove([3, 1, 2], 1, 'snip'), [1]);
  assert.deepEqual(groupsToRemove([3, 1, 2], 2, 'grasp'), [0, 2]);
  net.dispose();
});

test('residual MLP: removing a block is the same function as skipping it; unit pruning keeps the chosen units', () => {
  const net = buildResidualMlp(tf, { input: 4, width: 3, blocks: 3, classes: 2, init: 'he_normal', rng: createRng(8) });
  const x = tf.tensor2d([[1, -1, 0.5, 2]]);
  const sub = residualSubnet(tf, net, [1]);
  assert.deepEqual(blocksOf(sub), [0, 2]);
  // Zeroing block 1's output layer makes it the identity: same logits as removing it.
  const b1 = net.layers.find((l) => l.name === 'block1b')!;
  b1.weight.assign(tf.zerosLike(b1.weight));
  b1.bias.assign(tf.zerosLike(b1.bias));
  const a = Array.from(net.forward(x).dataSync());
  const b = Array.from(sub.forward(x).dataSync());
  a.forEach((v, i) => close(v, b[i], 1e-5));
  const narrow = residualSubnet(tf, net, [], new Map([[0, [0, 2]]]));
  assert.deepEqual(narrow.layers.find((l) => l.name === 'block0a')!.weight.shape, [3, 2]);
  assert.deepEqual(narrow.layers.find((l) => l.name === 'block0b')!.weight.shape, [2, 3]);
  assert.equal(residualMacs(784, 128, 10, [128, 128]), 784 * 128 + 4 * 128 * 128 + 1280);
  [net, sub, narrow].forEach((n) => n.dispose());
});

test('random node search: kept units per layer, best candidate first, steps to a fraction of the final value', () => {
  const kept = randomKeptUnits([300, 100], 0.9, createRng(1));
  assert.deepEqual(
    kept.map((k) => k.length),
    [30, 10],
  );
  assert.ok(
    kept.every((k) => k.every((u, i) => i === 0 || u > k[i - 1])),
    'sorted, no repeats',
  );
  const ranked = randomSearch(
    5,
    (i) => i,
    (c) => Math.abs(c - 2.2),
  );
  assert.deepEqual(
    ranked.map((r) => r.candidate),
    [2, 3, 1, 4, 0],
  );
  const curve = [0, 100, 200, 300].map((step, i) => ({ step, value: [0.1, 0.8, 0.95, 1][i] }));
  assert.equal(stepsToFractionOfFinal(curve, 0.97), 300);
  assert.equal(stepsToFractionOfFinal(curve, 0.9), 200);
});
