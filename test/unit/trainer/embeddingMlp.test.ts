// The grokking MLPs against a plain-JS computation of what the paper's code computes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../src/trainer/rng';
import { buildEmbeddingMlp } from '../../../src/trainer/embeddingMlp';

before(async () => {
  await tf.setBackend('cpu');
});

type M = number[][];
const matrix = (t: tf.Variable | tf.Tensor): M => t.arraySync() as M;
const mul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

test("sum (the code's OnlyMLP): relu(E[a]·W_in + E[b]·W_in)·W_out·W_U, four weight matrices, no trained biases", () => {
  const p = 5,
    emb = 4,
    hidden = 3;
  const net = buildEmbeddingMlp(tf, {
    vocab: p,
    embedding: emb,
    hidden: [hidden],
    classes: p,
    init: 'lecun_normal',
    combine: 'sum',
    rng: createRng(3),
  });
  assert.deepEqual(
    net.layers.map((l) => [l.name, l.weight.shape]),
    [
      ['embed', [p, emb]],
      ['inproj', [emb, hidden]],
      ['outproj', [hidden, emb]],
      ['unembed', [emb, p]],
    ],
  );
  assert.equal(net.variables().length, 4, 'only the weight matrices train');
  assert.equal(
    net.layers
      .filter((l) => l.role === 'output')
      .map((l) => l.name)
      .join(),
    'unembed',
  );
  const [E, Win, Wout, WU] = net.layers.map((l) => matrix(l.weight));
  const pairs = [
    [0, 1],
    [2, 2],
    [4, 3],
  ];
  const x = tf.tensor2d(
    pairs.map(([a, b]) => [
      ...Array.from({ length: p }, (_, i) => (i === a ? 1 : 0)),
      ...Array.from({ length: p }, (_, i) => (i === b ? 1 : 0)),
    ]),
  );
  const got = matrix(net.forward(x));
  pairs.forEach(([a, b], r) => {
    const h = mul([E[a]], Win)[0].map((v, j) => Math.max(0, v + mul([E[b]], Win)[0][j]));
    const want = mul(mul([h], Wout), WU)[0];
    want.forEach((v, j) =>
      assert.ok(Math.abs(v - got[r][j]) < 1e-5, `pair ${pairs[r]}, class ${j}: ${got[r][j]} vs ${v}`),
    );
  });
  // Symmetric in a and b, as the task is.
  const swapped = matrix(net.forward(tf.tensor2d([[...[0, 1, 0, 0, 0], ...[1, 0, 0, 0, 0]]])));
  got[0].forEach((v, j) => assert.ok(Math.abs(v - swapped[0][j]) < 1e-6));
  net.dispose();
});

test('concat: [E[a] | E[b]] through dense layers with biases', () => {
  const net = buildEmbeddingMlp(tf, {
    vocab: 5,
    embedding: 4,
    hidden: [3],
    classes: 5,
    init: 'he_uniform',
    rng: createRng(3),
  });
  assert.deepEqual(
    net.layers.map((l) => l.weight.shape),
    [
      [5, 4],
      [8, 3],
      [3, 5],
    ],
  );
  assert.equal(net.variables().length, 5, 'embedding weight + two dense layers with biases');
  net.dispose();
});

test('every activation of the shared set is applied (gelu was once silently linear here)', () => {
  const x = tf.tensor2d([[1, 0, 0, 0, 0, 0, 1, 0, 0, 0]]);
  const out = (activation: 'gelu' | 'linear', combine: 'sum' | 'concat') => {
    const net = buildEmbeddingMlp(tf, {
      vocab: 5,
      embedding: 4,
      hidden: [3],
      classes: 5,
      init: 'lecun_normal',
      activation,
      combine,
      rng: createRng(4),
    });
    const y = matrix(net.forward(x))[0];
    net.dispose();
    return y;
  };
  for (const combine of ['sum', 'concat'] as const)
    assert.notDeepEqual(out('gelu', combine), out('linear', combine), combine);
});
