// Stage-wise weight sharing: a tied stage applies one block several times (its gradient is the sum of
// the applications' gradients); expanding the learngene into an untied net of the same depths gives
// the same function, and into other depths copies each stage's block into every block of that stage.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { blockNames, buildStagedNet, expandFromLearngene } from '../../../src/trainer/stageSharing';

before(async () => {
  await tf.setBackend('cpu');
});

const spec = (blocksPerStage: number[], tied: boolean, seed: number) => ({
  input: 5,
  width: 4,
  classes: 3,
  blocksPerStage,
  tied,
  activation: 'gelu' as const,
  init: 'he_normal',
  rng: createRng(seed),
});

test('a tied net has one block per stage and applies it as often as the stage says', () => {
  assert.deepEqual(blockNames([2, 1], true), ['s0', 's0', 's1']);
  assert.deepEqual(blockNames([2, 1], false), ['s0b0', 's0b1', 's1b0']);
  const aux = buildStagedNet(tf, spec([2, 3], true, 1));
  assert.deepEqual(
    aux.layers.map((l) => l.name),
    ['stem', 's0', 's1', 'head'],
  );
  const once = buildStagedNet(tf, spec([1, 1], true, 1)); // same seed: same weights, each block applied once
  const x = tf.randomNormal([6, 5], 0, 1, 'float32', 3);
  assert.notDeepEqual(aux.forward(x).arraySync(), once.forward(x).arraySync());
});

test('the gradient of a tied block is the sum over its applications (= the untied copies’ gradients summed)', () => {
  const aux = buildStagedNet(tf, spec([3], true, 2));
  const desc = buildStagedNet(tf, spec([3], false, 9));
  expandFromLearngene(tf, desc, aux);
  const x = tf.randomNormal([4, 5], 0, 1, 'float32', 4);
  const loss = (net: typeof aux) => () => tf.sum(tf.square(net.forward(x))) as tf.Scalar;
  const ga = tf.variableGrads(loss(aux), aux.variables()).grads;
  const gd = tf.variableGrads(loss(desc), desc.variables()).grads;
  const tiedW = ga[aux.layers[1].weight.name].dataSync();
  const summed = new Float32Array(tiedW.length);
  for (const l of desc.layers.filter((l) => l.name.startsWith('s0b'))) {
    const g = gd[l.weight.name].dataSync();
    for (let i = 0; i < g.length; i++) summed[i] += g[i];
  }
  for (let i = 0; i < summed.length; i++) assert.ok(Math.abs(summed[i] - tiedW[i]) < 1e-4);
});

test('expanding a learngene: same depths → same function; other depths → each stage block copied', () => {
  const aux = buildStagedNet(tf, spec([2, 2, 2], true, 5));
  const same = buildStagedNet(tf, spec([2, 2, 2], false, 6));
  const copied = expandFromLearngene(tf, same, aux);
  assert.equal(copied, same.size());
  const x = tf.randomNormal([5, 5], 0, 1, 'float32', 7);
  const a = aux.forward(x).arraySync() as number[][];
  const b = same.forward(x).arraySync() as number[][];
  a.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - b[i][j]) < 1e-5)));
  const deep = buildStagedNet(tf, spec([1, 3, 2], false, 8));
  expandFromLearngene(tf, deep, aux);
  for (const l of deep.layers) {
    const src = aux.layers.find((s) => s.name === (l.name.startsWith('s') ? l.name.replace(/b\d+$/, '') : l.name))!;
    assert.deepEqual(l.weight.dataSync(), src.weight.dataSync(), l.name);
  }
  assert.throws(() => expandFromLearngene(tf, buildStagedNet(tf, spec([2, 2], false, 9)), aux), /3 stages/);
});
