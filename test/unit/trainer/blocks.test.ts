// Building blocks on the cpu backend: masks keep pruned weights at exactly zero, pruning removes the
// exact counts asked for, rewinding is bit-exact, the loop does not leak tensors.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp, buildConvNet, reinitialize } from '../../../src/trainer/model';
import { createOptimizer } from '../../../src/trainer/optim';
import {
  applyMasks,
  fullMasks,
  magnitudePrune,
  maskStats,
  randomMasksLike,
  randomPrune,
  ratesByRole,
  disposeMasks,
} from '../../../src/trainer/masks';
import { restore, snapshot } from '../../../src/trainer/snapshot';
import { train } from '../../../src/trainer/loop';
import { initWeights, INIT_NAMES } from '../../../src/trainer/init';

before(async () => {
  await tf.setBackend('cpu');
});

function toyData(n: number, dim: number, classes: number, seed: number) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: n * dim }, () => rng.normal());
  const labels = Int32Array.from({ length: n }, (_, i) => (x[i * dim] > 0 ? 1 : 0) % classes);
  return {
    x: tf.tensor2d(x, [n, dim]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D,
    n,
  };
}

test('the rng is a pure function of the seed, and forks are independent streams', () => {
  const a = createRng(7),
    b = createRng(7),
    c = createRng(8);
  const sa = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    sa,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    sa,
    Array.from({ length: 5 }, () => c.next()),
  );
  assert.notEqual(createRng(7).fork('x').next(), createRng(7).fork('y').next());
  const normals = Array.from({ length: 20000 }, () => a.normal());
  const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
  const sd = Math.sqrt(normals.reduce((s, v) => s + (v - mean) ** 2, 0) / normals.length);
  assert.ok(Math.abs(mean) < 0.03 && Math.abs(sd - 1) < 0.03, `mean ${mean} sd ${sd}`);
});

test('initializers have the variance they promise', () => {
  for (const name of INIT_NAMES) {
    const w = initWeights(name, [400, 200], createRng(1));
    const v = w.reduce((s, x) => s + x * x, 0) / w.length;
    const expected: Record<string, number> = {
      glorot_normal: 2 / 600,
      glorot_uniform: 2 / 600,
      kaiming_normal: 2 / 400,
      kaiming_uniform: 2 / 400,
      he_normal: 2 / 400,
      he_uniform: 2 / 400,
      lecun_normal: 1 / 400,
      signed_constant: 2 / 400,
      torch_linear: 1 / (3 * 400), // U(±1/√fan_in)
      zeros: 0,
    };
    if (name === 'zeros') assert.equal(v, 0);
    else assert.ok(Math.abs(v / expected[name] - 1) < 0.05, `${name}: variance ${v}, expected ${expected[name]}`);
  }
});

test('layerwise magnitude pruning removes exactly round(rate × remaining) per layer, smallest first', () => {
  const net = buildMlp(tf, { input: 20, hidden: [13, 7], classes: 3, init: 'glorot_normal', rng: createRng(1) });
  let masks = fullMasks(tf, net);
  const rate = ratesByRole({ hidden: 0.2, output: 0.1 });
  for (let round = 1; round <= 4; round++) {
    const before = maskStats(masks).perLayer;
    const next = magnitudePrune(tf, net, masks, rate, 'layerwise');
    const after = maskStats(next).perLayer;
    for (const l of net.layers) {
      const r = l.role === 'output' ? 0.1 : 0.2;
      assert.equal(
        after[l.name].kept,
        before[l.name].kept - Math.round(r * before[l.name].kept),
        `${l.name} round ${round}`,
      );
      // Every pruned weight is no larger in magnitude than every kept one.
      const w = l.weight.dataSync(),
        m = next.get(l.name)!.dataSync(),
        old = masks.get(l.name)!.dataSync();
      let maxPruned = 0,
        minKept = Infinity;
      for (let i = 0; i < w.length; i++) {
        if (old[i] && !m[i]) maxPruned = Math.max(maxPruned, Math.abs(w[i]));
        if (m[i]) minKept = Math.min(minKept, Math.abs(w[i]));
      }
      assert.ok(maxPruned <= minKept);
    }
    disposeMasks(masks);
    masks = next;
    applyMasks(tf, net, masks);
  }
});

test('global pruning pools the hidden layers and prunes the output layer at its own rate', () => {
  const net = buildMlp(tf, { input: 30, hidden: [20, 10], classes: 4, init: 'he_normal', rng: createRng(3) });
  const m0 = fullMasks(tf, net);
  const m1 = magnitudePrune(tf, net, m0, ratesByRole({ hidden: 0.5, output: 0.25 }), 'global');
  const s = maskStats(m1).perLayer;
  assert.equal(s.dense0.kept + s.dense1.kept, 600 + 200 - 400);
  assert.equal(s.dense2.kept, 40 - 10);
});

test('ties are broken by index, so pruning is deterministic', () => {
  const net = buildMlp(tf, { input: 4, hidden: [], classes: 2, init: 'zeros', rng: createRng(1) });
  net.layers[0].weight.assign(tf.tensor2d([1, 1, 1, 1, 1, 1, 1, 1], [4, 2]));
  const m = magnitudePrune(tf, net, fullMasks(tf, net), () => 0.5, 'layerwise');
  assert.deepEqual(Array.from(m.get('dense0')!.dataSync()), [0, 0, 0, 0, 1, 1, 1, 1]);
});

test('random pruning and random masks keep the exact per-layer counts', () => {
  const net = buildMlp(tf, { input: 30, hidden: [20], classes: 5, init: 'he_normal', rng: createRng(3) });
  const m1 = randomPrune(tf, net, fullMasks(tf, net), () => 0.3, createRng(5));
  assert.equal(maskStats(m1).perLayer.dense0.kept, 600 - 180);
  const m2 = randomMasksLike(tf, m1, createRng(9));
  assert.deepEqual(maskStats(m2).perLayer, maskStats(m1).perLayer);
  assert.notDeepEqual(Array.from(m2.get('dense0')!.dataSync()), Array.from(m1.get('dense0')!.dataSync()));
});

for (const opt of [
  { name: 'adam', lr: 0.01 },
  { name: 'adamw', lr: 0.01, weight_decay: 0.1 },
  { name: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-3 },
] as const) {
  test(`a pruned weight is still exactly 0 after 200 ${opt.name} steps, and its optimizer state too`, async () => {
    const net = buildMlp(tf, { input: 10, hidden: [16], classes: 2, init: 'glorot_uniform', rng: createRng(2) });
    const masks = magnitudePrune(tf, net, fullMasks(tf, net), () => 0.6, 'layerwise');
    applyMasks(tf, net, masks);
    const data = toyData(64, 10, 2, 4);
    const optimizer = createOptimizer(tf, opt, net.variables());
    const r = await train({
      tf,
      net,
      optimizer,
      masks,
      train: data,
      endStep: 200,
      batchSize: 16,
      evalEvery: 50,
      rng: createRng(1),
    });
    assert.ok(r.final.values.train_loss < r.history[1].values.train_loss, 'the surviving weights trained');
    for (const l of net.layers) {
      const w = l.weight.dataSync(),
        m = masks.get(l.name)!.dataSync();
      let zeroed = 0;
      for (let i = 0; i < w.length; i++) if (!m[i]) (assert.ok(w[i] === 0, `pruned weight became ${w[i]}`), zeroed++);
      assert.ok(zeroed > 0);
    }
  });
}

test('rewinding restores the snapshot bit for bit', async () => {
  const net = buildMlp(tf, { input: 10, hidden: [8], classes: 3, init: 'glorot_normal', rng: createRng(2) });
  const snap = snapshot(net);
  const bits = (n: typeof net) =>
    n.layers.flatMap((l) => [
      ...new Uint32Array(Float32Array.from(l.weight.dataSync()).buffer),
      ...new Uint32Array(Float32Array.from(l.bias.dataSync()).buffer),
    ]);
  const before = bits(net);
  const optimizer = createOptimizer(tf, { name: 'adam', lr: 0.05 }, net.variables());
  await train({
    tf,
    net,
    optimizer,
    train: toyData(40, 10, 3, 1),
    endStep: 20,
    batchSize: 8,
    evalEvery: 10,
    rng: createRng(1),
  });
  assert.notDeepEqual(bits(net), before);
  restore(tf, net, snap);
  assert.deepEqual(bits(net), before);
  reinitialize(tf, net, 'glorot_normal', createRng(99));
  assert.notDeepEqual(bits(net), before);
});

test('the loop leaks no tensors across steps, and early stop is the argmin of val loss', async () => {
  const net = buildConvNet(tf, {
    inputShape: [6, 6, 1],
    conv: [{ filters: 2, pool: true }],
    hidden: [4],
    classes: 2,
    init: 'he_normal',
    rng: createRng(1),
  });
  const masks = fullMasks(tf, net);
  const optimizer = createOptimizer(tf, { name: 'adam', lr: 0.01 }, net.variables());
  const data = toyData(20, 36, 2, 3);
  const x = data.x.reshape([20, 6, 6, 1]);
  const counts: number[] = [];
  const r = await train({
    tf,
    net,
    optimizer,
    masks,
    train: { x, y: data.y, n: 20 },
    test: { x, y: data.y, n: 20 },
    endStep: 30,
    batchSize: 5,
    evalEvery: 3,
    rng: createRng(1),
    onStep: () => counts.push(tf.memory().numTensors),
  });
  assert.equal(new Set(counts).size, 1, `tensor count changed across steps: ${counts.join(' ')}`);
  const minLoss = Math.min(...r.history.map((h) => h.values.val_loss));
  assert.equal(r.earlyStop.values.val_loss, minLoss);
  assert.equal(r.history.length, 11);
});
