import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyPermutations,
  interpolateLayers,
  layerDistances,
  lossBarrier,
  matchingObjective,
  weightMatching,
  identityPerms,
  type DenseLayer,
} from '../../../src/trainer/weightMatching';
import { singularAlignment } from '../../../src/trainer/singularAlignment';
import { mulberry32 } from '../../support/mulberry32';

const rng = mulberry32;

function randomMlp(sizes: number[], rand: () => number): DenseLayer[] {
  return sizes.slice(1).map((fanOut, l) => {
    const fanIn = sizes[l];
    return {
      fanIn,
      fanOut,
      kernel: Float32Array.from({ length: fanIn * fanOut }, () => rand() * 2 - 1),
      bias: Float32Array.from({ length: fanOut }, () => rand() - 0.5),
    };
  });
}

function shuffle(n: number, rand: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Plain-JS forward pass with ReLU on hidden layers. */
function forward(layers: DenseLayer[], x: number[]): number[] {
  let h = x;
  layers.forEach((layer, l) => {
    const out = Array.from(layer.bias);
    for (let i = 0; i < layer.fanIn; i++)
      for (let j = 0; j < layer.fanOut; j++) out[j] += h[i] * layer.kernel[i * layer.fanOut + j];
    h = l < layers.length - 1 ? out.map((v) => Math.max(0, v)) : out;
  });
  return h;
}

test('permuting hidden units leaves the function unchanged', () => {
  const rand = rng(1);
  const a = randomMlp([6, 8, 5, 3], rand);
  const perms = [shuffle(8, rand), shuffle(5, rand)];
  const pa = applyPermutations(a, perms);
  for (let t = 0; t < 5; t++) {
    const x = Array.from({ length: 6 }, () => rand() * 2 - 1);
    const y0 = forward(a, x);
    const y1 = forward(pa, x);
    y0.forEach((v, i) => assert.ok(Math.abs(v - y1[i]) < 1e-5));
  }
});

test('weight matching recovers a hidden permutation exactly (known answer)', () => {
  const rand = rng(2);
  const a = randomMlp([10, 16, 12, 4], rand);
  // B = A with its hidden units shuffled: the optimal matching undoes the shuffle, distance 0.
  const shuffleB = [shuffle(16, rand), shuffle(12, rand)];
  const b = applyPermutations(a, shuffleB);
  const { perms } = weightMatching(a, b, rng(3));
  const matched = applyPermutations(b, perms);
  layerDistances(a, matched).forEach((d) => assert.ok(d < 1e-6, `layer distance ${d}`));
  assert.ok(
    layerDistances(a, b).some((d) => d > 1),
    'the shuffled model really was far from A',
  );
});

test('weight matching never lowers the objective and ends at a per-layer optimum', () => {
  const rand = rng(4);
  const a = randomMlp([7, 9, 9, 3], rand);
  const b = randomMlp([7, 9, 9, 3], rand);
  const before = matchingObjective(a, b, identityPerms(a));
  const r = weightMatching(a, b, rng(5));
  assert.ok(r.objective >= before - 1e-9);
  assert.ok(r.iterations >= 1 && r.iterations <= 100);
  // No single swap of two units in any layer improves the objective (coordinate-wise optimum).
  for (let l = 0; l < r.perms.length; l++) {
    for (let i = 0; i < r.perms[l].length; i++) {
      for (let j = i + 1; j < r.perms[l].length; j++) {
        const p = r.perms.map((x) => Int32Array.from(x));
        [p[l][i], p[l][j]] = [p[l][j], p[l][i]];
        assert.ok(matchingObjective(a, b, p) <= r.objective + 1e-6);
      }
    }
  }
});

test('interpolation end points are the two models; the mid point is the mean', () => {
  const rand = rng(6);
  const a = randomMlp([3, 4, 2], rand);
  const b = randomMlp([3, 4, 2], rand);
  assert.deepEqual(interpolateLayers(a, b, 0)[1].kernel, a[1].kernel);
  assert.deepEqual(interpolateLayers(a, b, 1)[0].bias, b[0].bias);
  const mid = interpolateLayers(a, b, 0.5);
  assert.ok(Math.abs(mid[0].kernel[5] - (a[0].kernel[5] + b[0].kernel[5]) / 2) < 1e-6);
  assert.throws(() => interpolateLayers(a, randomMlp([3, 5, 2], rand), 0.5), /layer 0 is 3→4 in A but 3→5 in B/);
});

test('loss barrier: zero on a straight path, the bump height on a curved one, and a clear error without end points', () => {
  const lambdas = [0, 0.25, 0.5, 0.75, 1];
  assert.equal(lossBarrier(lambdas, [1, 1.25, 1.5, 1.75, 2]), 0);
  assert.ok(Math.abs(lossBarrier(lambdas, [1, 2, 3, 1.5, 1]) - 2) < 1e-12);
  assert.throws(() => lossBarrier([0.1, 0.5, 1], [1, 2, 3]), /include both end points/);
});

test('singular alignment: a permuted copy keeps singular values but not vectors; matching restores them', () => {
  const rand = rng(8);
  const a = randomMlp([12, 10, 4], rand);
  const perms = [shuffle(10, rand)];
  const b = applyPermutations(a, perms);
  const naive = singularAlignment(a[0], b[0]);
  naive.forEach((r) => assert.ok(Math.abs(r.sigmaA - r.sigmaB) < 1e-5, 'permutation keeps singular values'));
  assert.ok(
    naive.some((r) => r.cosLeft < 0.9),
    'permutation moves the output-side singular vectors',
  );
  naive.forEach((r) => assert.ok(r.cosRight > 1 - 1e-5, 'input side untouched in the first layer'));
  const { perms: found } = weightMatching(a, b, rng(9));
  singularAlignment(a[0], applyPermutations(b, found)[0]).forEach((r) => assert.ok(r.cosLeft > 1 - 1e-5));
});
