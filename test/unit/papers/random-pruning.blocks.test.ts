import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerDensities, keptCount } from '../../../src/trainer/layerDensity';

const lenet = [
  { fanIn: 784, fanOut: 300 },
  { fanIn: 300, fanOut: 100 },
  { fanIn: 100, fanOut: 10 },
];

test('uniform keeps the same fraction in every layer', () => {
  const r = layerDensities(lenet, 0.1, 'uniform');
  assert.deepEqual(r.densities, [0.1, 0.1, 0.1]);
  assert.deepEqual(r.forcedDense, []);
});

test('ER at 5%: densities ∝ (n_in+n_out)/(n_in·n_out), overall exactly 5% (hand-computed ε = 13310/1594)', () => {
  const r = layerDensities(lenet, 0.05, 'er');
  const eps = (0.05 * 266200) / (1084 + 400 + 110);
  const expected = [eps * (1084 / 235200), eps * (400 / 30000), eps * (110 / 1000)];
  r.densities.forEach((d, l) => assert.ok(Math.abs(d - expected[l]) < 1e-12));
  assert.ok(Math.abs(r.overall - 0.05) < 1e-12);
  assert.ok(r.densities[2] > r.densities[1] && r.densities[1] > r.densities[0], 'small layers keep more');
});

test('ER at 20% forces the output layer dense and re-solves ε over the rest', () => {
  const r = layerDensities(lenet, 0.2, 'er');
  assert.deepEqual(r.forcedDense, [2]);
  assert.equal(r.densities[2], 1);
  const eps = (0.2 * 266200 - 1000) / (1084 + 400);
  assert.ok(Math.abs(r.densities[0] - eps * (1084 / 235200)) < 1e-12);
  assert.ok(Math.abs(r.overall - 0.2) < 1e-12);
  r.densities.forEach((d) => assert.ok(d > 0 && d <= 1));
});

test('ER at high density can densify several layers and still hits the target', () => {
  const r = layerDensities(lenet, 0.9, 'er');
  assert.ok(r.forcedDense.length >= 2);
  assert.ok(Math.abs(r.overall - 0.9) < 1e-12);
  assert.deepEqual(layerDensities(lenet, 1, 'er').densities, [1, 1, 1]);
});

test('bad densities are refused; kept counts are exact and never zero', () => {
  assert.throws(() => layerDensities(lenet, 0, 'er'), /density must be in \(0, 1\]/);
  assert.throws(() => layerDensities(lenet, 1.5, 'uniform'), /density must be in \(0, 1\]/);
  assert.equal(keptCount(1000, 0.05), 50);
  assert.equal(keptCount(10, 0.001), 1);
});

test('short-training rule: an info note under 30 epochs, nothing for the example (38 epochs)', async () => {
  const { randomPruningRules } = await import('../../../src/papers/random-pruning/rules');
  const rule = randomPruningRules.find((r) => r.code === 'random-pruning/short-training')!;
  const base = { data: { train: 10000 }, train: { iterations: 3000, batch_size: 128 } };
  assert.deepEqual(rule.check(base as any), []);
  const short = rule.check({ ...base, train: { iterations: 1000, batch_size: 128 } } as any);
  assert.equal(short.length, 1);
  assert.equal(short[0].severity, 'info');
  assert.match(short[0].message, /12\.8 epochs/);
});
