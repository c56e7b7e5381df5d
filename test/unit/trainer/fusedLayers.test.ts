// The fused layer ops on wasm (src/trainer/wasmKernels/fused.ts): the loss and every variable's gradient
// agree with the unfused tfjs ops on the cpu backend, for dense and conv nets; the loop on wasm leaks no
// tensors and keeps pruned weights at exactly zero; two runs give the same bits.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { buildConvNet, buildMlp, crossEntropy, type Net } from '../../../src/trainer/model';
import { createOptimizer } from '../../../src/trainer/optim';
import { applyMasks, fullMasks, magnitudePrune } from '../../../src/trainer/masks';
import { train } from '../../../src/trainer/loop';
import { fusedLayersActive } from '../../../src/trainer/wasmKernels/index';
import { inputGradient } from '../../../src/trainer/attacks';

before(async () => {
  assert.equal((await initBackend('wasm')).backend, 'wasm');
  assert.ok(fusedLayersActive(tf), 'fused layers are active on wasm');
});

function onBackend<T>(backend: string, fn: () => T): T {
  const prev = tf.getBackend();
  tf.setBackend(backend);
  try {
    return fn();
  } finally {
    tf.setBackend(prev);
  }
}

const randn = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};

/** Loss and gradients of every variable, on a backend, for a net built the same way there. */
function lossAndGrads(backend: string, build: () => Net, xShape: number[], classes: number, soft = false) {
  return onBackend(backend, () => {
    const net = build();
    const out = tf.tidy(() => {
      const n = xShape[0];
      const x = tf.tensor(
        randn(
          xShape.reduce((p, v) => p * v, 1),
          11,
        ),
        xShape,
      );
      const rng = createRng(12);
      const y = soft
        ? tf.softmax(tf.tensor2d(randn(n * classes, 13), [n, classes]))
        : tf
            .oneHot(
              tf.tensor1d(
                Int32Array.from({ length: n }, () => rng.int(classes)),
                'int32',
              ),
              classes,
            )
            .toFloat();
      const { value, grads } = tf.variableGrads(
        () => crossEntropy(tf, net.forward(x), y as tf.Tensor2D),
        net.variables(),
      );
      return { loss: value.dataSync()[0], grads: net.variables().map((v) => grads[v.name].dataSync().slice()) };
    });
    net.dispose();
    return out;
  });
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, what: string) {
  let maxErr = 0,
    scale = 0;
  for (let i = 0; i < b.length; i++)
    ((maxErr = Math.max(maxErr, Math.abs(a[i] - b[i]))), (scale = Math.max(scale, Math.abs(b[i]))));
  assert.ok(scale > 0, `${what}: all zero`);
  assert.ok(maxErr <= 2e-5 * scale + 1e-7, `${what}: max error ${maxErr} at scale ${scale}`);
}

const mlp = () => buildMlp(tf, { input: 30, hidden: [20, 12], classes: 5, init: 'glorot_normal', rng: createRng(3) });
const convNet =
  (padding: 'valid' | 'same', side = 12) =>
  () =>
    buildConvNet(tf, {
      inputShape: [side, side, 2],
      conv: [
        { filters: 3, kernel: 3, padding, pool: true },
        { filters: 4, kernel: 3, padding },
      ],
      hidden: [7],
      classes: 3,
      init: 'he_normal',
      rng: createRng(4),
    });

for (const [name, build, shape, classes, soft] of [
  ['MLP', mlp, [9, 30], 5, false],
  ['MLP, soft labels', mlp, [9, 30], 5, true],
  ['conv net, valid padding', convNet('valid'), [5, 12, 12, 2], 3, false],
  ['conv net, same padding', convNet('same'), [5, 12, 12, 2], 3, false],
  ['conv net, odd sizes (pooling drops a row and a column)', convNet('valid', 11), [4, 11, 11, 2], 3, false],
] as [string, () => Net, number[], number, boolean][]) {
  test(`${name}: loss and gradients of the fused ops on wasm match the tfjs ops on cpu`, () => {
    const fused = lossAndGrads('wasm', build, shape, classes, soft);
    const plain = lossAndGrads('cpu', build, shape, classes, soft);
    assert.ok(Math.abs(fused.loss - plain.loss) <= 1e-6 * Math.abs(plain.loss), `loss ${fused.loss} vs ${plain.loss}`);
    fused.grads.forEach((g, i) => close(g, plain.grads[i], `gradient ${i}`));
  });
}

/** ∇ₓ of the summed cross-entropy (attacks.ts inputGradient), on a backend, for a net built the same way there. */
function inputGradOn(backend: string, build: () => Net, xShape: number[], classes: number): Float32Array {
  return onBackend(backend, () => {
    const net = build();
    const g = tf.tidy(() => {
      const n = xShape[0];
      const x = tf.tensor(
        randn(
          xShape.reduce((p, v) => p * v, 1),
          21,
        ),
        xShape,
      );
      const rng = createRng(22);
      const labels = tf.tensor1d(
        Int32Array.from({ length: n }, () => rng.int(classes)),
        'int32',
      );
      return inputGradient(tf, net, x, tf.oneHot(labels, classes).toFloat() as tf.Tensor2D)
        .dataSync()
        .slice();
    });
    net.dispose();
    return g as Float32Array;
  });
}

// Attacks differentiate with respect to the input, which the fused first layer skips unless the
// forward pass is asked for it (Net.forward's inputGradient): before that option, tf.grad threw here.
for (const [name, build, shape, classes] of [
  ['MLP', mlp, [9, 30], 5],
  ['conv net', convNet('valid'), [5, 12, 12, 2], 3],
] as [string, () => Net, number[], number][]) {
  test(`${name}: the input gradient through the fused ops on wasm matches the tfjs ops on cpu`, () => {
    close(inputGradOn('wasm', build, shape, classes), inputGradOn('cpu', build, shape, classes), 'input gradient');
  });
}

async function trainConv(seed: number) {
  const net = buildConvNet(tf, {
    inputShape: [8, 8, 1],
    conv: [{ filters: 3, kernel: 3, padding: 'valid', pool: true }],
    hidden: [6],
    classes: 2,
    init: 'he_normal',
    rng: createRng(seed),
  });
  const masks = magnitudePrune(tf, net, fullMasks(tf, net), () => 0.5, 'layerwise');
  applyMasks(tf, net, masks);
  const n = 24;
  const rng = createRng(9);
  const labels = Int32Array.from({ length: n }, () => rng.int(2));
  const host = randn(n * 64, 8);
  const x = tf.tensor4d(host, [n, 8, 8, 1]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat() as tf.Tensor2D;
  const optimizer = createOptimizer(tf, { name: 'adam', lr: 0.01 }, net.variables());
  const counts: number[] = [];
  const r = await train({
    tf,
    net,
    optimizer,
    masks,
    train: { x, y, n, host: { x: host, labels, classes: 2 } },
    test: { x, y, n },
    endStep: 40,
    batchSize: 6,
    evalEvery: 10,
    rng: createRng(1),
    onStep: () => counts.push(tf.memory().numTensors),
  });
  const weights = net.layers.map((l) => [l.weight.dataSync().slice(), masks.get(l.name)!.dataSync().slice()]);
  optimizer.dispose();
  net.dispose();
  [x, y, ...masks.values()].forEach((t) => t.dispose());
  return { r, counts, weights };
}

test('the loop on wasm with fused layers leaks no tensors, keeps pruned weights at 0, and repeats bit for bit', async () => {
  const a = await trainConv(5);
  assert.equal(new Set(a.counts).size, 1, `tensor count changed across steps: ${a.counts.join(' ')}`);
  assert.ok(a.r.final.values.train_loss < a.r.history[1].values.train_loss, 'it trained');
  for (const [w, m] of a.weights)
    for (let i = 0; i < w.length; i++) if (!m[i]) assert.ok(w[i] === 0, `pruned weight ${w[i]}`);
  const b = await trainConv(5);
  assert.deepEqual(b.r.history, a.r.history);
  assert.deepEqual(b.weights, a.weights);
});
