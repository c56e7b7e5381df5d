// The direct MLP step (src/trainer/wasmKernels/mlpStep.ts): a plain dense net trained through our kernels
// without tfjs ops gives the same bits as the same training through the fused tfjs ops (weights, train
// losses, evaluations), with masks, Adam and SGD with momentum; it leaks no tensors; and it is taken
// only for nets whose forward pass it knows.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp, plainDenseChain, type Net } from '../../../src/trainer/model';
import { createOptimizer, type OptimizerConfig } from '../../../src/trainer/optim';
import { fullMasks, magnitudePrune, applyMasks } from '../../../src/trainer/masks';
import { train, type TensorSplit } from '../../../src/trainer/loop';
import { directMlpStep } from '../../../src/trainer/wasmKernels/mlpStep';

before(async () => {
  assert.equal((await initBackend('wasm')).backend, 'wasm');
});

function split(n: number, dim: number, classes: number, seed: number): TensorSplit {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: n * dim }, () => (rng.next() < 0.6 ? 0 : rng.next()));
  const labels = Int32Array.from({ length: n }, () => rng.int(classes));
  return {
    x: tf.tensor2d(x, [n, dim]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D,
    n,
    host: { x, labels, classes },
  };
}

/** Trains a fresh net; `viaTfjs` forces the tfjs-op step with an identity batch transform. */
async function run(cfg: OptimizerConfig, viaTfjs: boolean, activation: 'relu' | 'linear' = 'relu') {
  const data = split(300, 40, 5, 1);
  const test = split(100, 40, 5, 2);
  const net = buildMlp(tf, {
    input: 40,
    hidden: [24, 12],
    classes: 5,
    init: 'he_normal',
    activation,
    rng: createRng(3),
  });
  const all = fullMasks(tf, net);
  const masks = magnitudePrune(tf, net, all, () => 0.5);
  all.forEach((m) => m.dispose());
  applyMasks(tf, net, masks);
  const opt = createOptimizer(tf, cfg, net.variables());
  let r: Awaited<ReturnType<typeof train>> | undefined;
  const profile = await tf.profile(async () => {
    r = await train({
      tf,
      net,
      optimizer: opt,
      masks,
      train: data,
      test,
      batchSize: 32,
      endStep: 120,
      evalEvery: 40,
      rng: createRng(4),
      ...(viaTfjs ? { transformBatch: (b) => b } : {}),
    });
    return [];
  });
  const weights = net.variables().map((v) => Array.from(v.dataSync()));
  opt.dispose();
  net.dispose();
  masks.forEach((m) => m.dispose());
  for (const s of [data, test]) (s.x.dispose(), s.y.dispose());
  return { weights, history: r!.history, kernels: profile.kernels.length };
}

for (const cfg of [
  { name: 'adam', lr: 3e-3 },
  { name: 'adamw', lr: 2e-3, weight_decay: 1e-2 },
  { name: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
] as OptimizerConfig[]) {
  test(`direct step = tfjs-op step, bit for bit (${cfg.name}, masks at 50%)`, async () => {
    const before = tf.memory().numTensors;
    const viaOps = await run(cfg, true);
    const leakedByOps = tf.memory().numTensors - before; // the setup's own (the optimizer's cached constants)
    const direct = await run(cfg, false);
    assert.equal(tf.memory().numTensors - before, 2 * leakedByOps, 'the direct step leaves no tensor behind');
    // The direct step ran: tfjs ran only the evaluations' and the setup's kernels.
    assert.ok(direct.kernels * 5 < viaOps.kernels, `${direct.kernels} tfjs kernels vs ${viaOps.kernels}`);
    assert.deepEqual(direct.weights, viaOps.weights);
    assert.deepEqual(direct.history, viaOps.history);
    assert.ok(
      direct.history.some((p) => p.values.train_loss > 0),
      'train losses were recorded',
    );
  });
}

test('a linear net (no ReLU) takes the direct step with the same bits too', async () => {
  const cfg: OptimizerConfig = { name: 'adam', lr: 3e-3 };
  assert.deepEqual((await run(cfg, false, 'linear')).weights, (await run(cfg, true, 'linear')).weights);
});

test('only nets whose forward pass is the plain dense chain take the direct step', () => {
  const data = split(40, 8, 3, 5);
  const net = buildMlp(tf, { input: 8, hidden: [6], classes: 3, init: 'he_normal', rng: createRng(6) });
  assert.ok(plainDenseChain(net));
  const step = directMlpStep(tf, net, data, 16);
  assert.ok(step);
  step.dispose();
  // A recipe that wraps the net's forward (a residual, a mask inside the pass) computes something else.
  const wrapped: Net = { ...net, forward: (x) => tf.relu(net.forward(x)) as tf.Tensor2D };
  assert.equal(plainDenseChain(wrapped), undefined);
  assert.equal(directMlpStep(tf, wrapped, data, 16), undefined);
  const tanh = buildMlp(tf, {
    input: 8,
    hidden: [6],
    classes: 3,
    init: 'he_normal',
    activation: 'tanh',
    rng: createRng(6),
  });
  assert.equal(directMlpStep(tf, tanh, data, 16), undefined);
  // Without the host copy of the data there is nothing to assemble batches from.
  assert.equal(directMlpStep(tf, net, { ...data, host: undefined }, 16), undefined);
  net.dispose();
  tanh.dispose();
  data.x.dispose();
  data.y.dispose();
});
