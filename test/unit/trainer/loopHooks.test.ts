// The loop's plug points (objective, transformBatch, afterUpdate), which papers with their own loss,
// batch rewriting or weight hooks use instead of writing a loop of their own.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildMlp } from '../../../src/trainer/model';
import { createOptimizer } from '../../../src/trainer/optim';
import { crossEntropy } from '../../../src/trainer/model';
import { train, type StepBatch } from '../../../src/trainer/loop';

before(async () => {
  await tf.setBackend('cpu');
});

function setup(seed: number) {
  const rng = createRng(seed);
  const n = 16;
  const x = tf.tensor2d(
    Float32Array.from({ length: n * 4 }, () => rng.normal()),
    [n, 4],
  );
  const labels = tf.tensor1d(
    Int32Array.from({ length: n }, (_, i) => i % 2),
    'int32',
  );
  const y = tf.oneHot(labels, 2).toFloat() as tf.Tensor2D;
  const net = buildMlp(tf, { input: 4, hidden: [3], classes: 2, init: 'glorot_normal', rng: createRng(seed) });
  return { net, split: { x, y, n } };
}

const weights = (net: ReturnType<typeof setup>['net']) => net.layers.map((l) => Array.from(l.weight.dataSync()));

test('an objective that equals the default cross-entropy trains to the same weights', async () => {
  const runs = [];
  for (const custom of [false, true]) {
    const { net, split } = setup(5);
    const optimizer = createOptimizer(tf, { name: 'sgd', lr: 0.1 }, net.variables());
    await train({
      tf,
      net,
      optimizer,
      train: split,
      endStep: 6,
      batchSize: 4,
      evalEvery: 3,
      rng: createRng(2),
      objective: custom ? (b: StepBatch) => crossEntropy(tf, net.forward(b.x), b.y) : undefined,
    });
    runs.push(weights(net));
  }
  assert.deepEqual(runs[1], runs[0]);
});

test('a penalty in the objective changes the update by exactly its gradient (SGD, one step)', async () => {
  const lambda = 0.5;
  const lr = 0.1;
  const after: number[][][] = [];
  let before0: number[][] = [];
  for (const withPenalty of [false, true]) {
    const { net, split } = setup(9);
    before0 = weights(net);
    const optimizer = createOptimizer(tf, { name: 'sgd', lr }, net.variables());
    const w0 = net.layers[0].weight;
    await train({
      tf,
      net,
      optimizer,
      train: split,
      endStep: 1,
      batchSize: 16,
      evalEvery: 1,
      rng: createRng(2),
      objective: (b) => {
        const ce = crossEntropy(tf, net.forward(b.x), b.y);
        return withPenalty ? tf.add(ce, tf.mul(lambda / 2, tf.sum(tf.square(w0)))) : ce;
      },
    });
    after.push(weights(net));
  }
  // d/dw (λ/2 ‖w‖²) = λ w: the penalised step moves layer 0 by an extra −lr·λ·w₀.
  const extra = after[1][0].map((v, i) => v - after[0][0][i]);
  extra.forEach((d, i) =>
    assert.ok(Math.abs(d + lr * lambda * before0[0][i]) < 1e-6, `${d} vs ${-lr * lambda * before0[0][i]}`),
  );
  assert.deepEqual(after[1][1], after[0][1], 'the other layer is untouched by the penalty');
});

test('transformBatch sees every step in order, and afterUpdate runs after each update', async () => {
  const { net, split } = setup(3);
  const optimizer = createOptimizer(tf, { name: 'sgd', lr: 0.05 }, net.variables());
  const seen: number[] = [];
  const hooked: number[] = [];
  const counts: number[] = [];
  await train({
    tf,
    net,
    optimizer,
    train: split,
    startStep: 10,
    endStep: 15,
    batchSize: 4,
    evalEvery: 5,
    rng: createRng(1),
    onStep: () => counts.push(tf.memory().numTensors),
    transformBatch: (b) => {
      seen.push(b.step);
      return { ...b, x: tf.mul(b.x, 0) }; // all-zero inputs: only biases can learn
    },
    afterUpdate: (step) => {
      hooked.push(step);
      net.layers[0].weight.assign(tf.clipByValue(net.layers[0].weight, -0.01, 0.01));
    },
  });
  assert.deepEqual(seen, [10, 11, 12, 13, 14]);
  assert.deepEqual(hooked, [11, 12, 13, 14, 15]);
  assert.ok(
    weights(net)[0].every((v) => Math.abs(v) <= 0.01 + 1e-7),
    'the weight hook clamped layer 0',
  );
  assert.equal(new Set(counts).size, 1, `tensor count changed across steps: ${counts.join(' ')}`);
});

test('freeze: frozen entries keep their values exactly (Adam state stays zero) and are not zeroed like masks', async () => {
  const { net, split } = setup(4);
  const w0 = net.layers[0].weight;
  const start = Array.from(w0.dataSync());
  const pattern = Float32Array.from({ length: w0.size }, (_, i) => (i % 3 === 0 ? 0 : 1));
  const optimizer = createOptimizer(tf, { name: 'adam', lr: 0.05 }, net.variables());
  await train({
    tf,
    net,
    optimizer,
    train: split,
    endStep: 8,
    batchSize: 4,
    evalEvery: 4,
    rng: createRng(1),
    freeze: new Map([[w0.name, tf.tensor(pattern, w0.shape)]]),
  });
  const end = Array.from(w0.dataSync());
  pattern.forEach((p, i) => {
    if (p === 0) assert.equal(end[i], start[i], `frozen entry ${i} moved`);
  });
  assert.ok(
    end.some((v, i) => pattern[i] === 1 && v !== start[i]),
    'free entries train',
  );
  assert.ok(
    end.every((v, i) => pattern[i] === 1 || v !== 0 || start[i] === 0),
    'frozen entries are not zeroed',
  );
});

test('gradNorms: per-layer ‖∂L/∂W‖ every k steps, equal to the norm of the step-0 gradient computed by hand', async () => {
  const { net, split } = setup(6);
  const expected = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => crossEntropy(tf, net.forward(split.x), split.y), net.variables());
    return net.layers.map((l) => tf.norm(grads[l.weight.name]).dataSync()[0]);
  });
  const calls: [number, Record<string, number>][] = [];
  const optimizer = createOptimizer(tf, { name: 'sgd', lr: 0.1 }, net.variables());
  const counts: number[] = [];
  await train({
    tf,
    net,
    optimizer,
    train: split,
    endStep: 6,
    batchSize: 16, // the whole set each step, so step 1's gradient is the one computed above
    evalEvery: 3,
    rng: createRng(1),
    onStep: () => counts.push(tf.memory().numTensors),
    gradNorms: { every: 1, fn: (step, norms) => calls.push([step, norms]) },
  });
  assert.deepEqual(
    calls.map(([s]) => s),
    [1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(Object.keys(calls[0][1]), ['dense0', 'dense1']);
  expected.forEach((e, i) =>
    assert.ok(Math.abs(calls[0][1][`dense${i}`] - e) < 1e-5, `${calls[0][1][`dense${i}`]} vs ${e}`),
  );
  assert.equal(new Set(counts).size, 1, `tensor count changed across steps: ${counts.join(' ')}`);
});

test('extendWhileImproving trains past endStep only while the best validation loss is recent, and hooks at endStep still fire there', async () => {
  const run = async (flipVal: boolean, patience: number) => {
    const { net, split } = setup(3);
    // A validation split with the training inputs: the same labels (its loss keeps falling) or the
    // opposite ones (its loss rises from the start, so its minimum is the first evaluation).
    const val = { x: split.x, y: (flipVal ? tf.sub(1, split.y) : split.y) as tf.Tensor2D, n: split.n };
    const optimizer = createOptimizer(tf, { name: 'sgd', lr: 0.5 }, net.variables());
    const fired: number[] = [];
    const r = await train({
      tf,
      net,
      optimizer,
      train: split,
      val,
      endStep: 6,
      batchSize: 16,
      evalEvery: 2,
      rng: createRng(2),
      at: [{ step: 6, fn: () => fired.push(6) }],
      extendWhileImproving: { patience, maxStep: 30 },
    });
    return { r, fired };
  };
  // Still improving: extended to the limit, and the minimum there is only a bound.
  const improving = await run(false, 4);
  assert.equal(improving.r.final.step, 30);
  assert.equal(improving.r.earlyStop.step, 30);
  assert.deepEqual(improving.fired, [6]);
  // Getting worse from the start: the minimum (step 0) is already 6 steps old at endStep.
  const worse = await run(true, 4);
  assert.equal(worse.r.earlyStop.step, 0);
  assert.equal(worse.r.final.step, 6);
  // With patience 10 it waits until the minimum is 10 steps old, at an evaluation (every 2 steps).
  const patient = await run(true, 10);
  assert.equal(patient.r.final.step, 10);
  assert.deepEqual(
    patient.r.history.map((p) => p.step),
    [0, 2, 4, 6, 8, 10],
  );
});
