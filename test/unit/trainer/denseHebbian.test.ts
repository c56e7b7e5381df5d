import { test } from 'node:test';
import assert from 'node:assert/strict';
import { energy, flipDelta, glauber, overlaps, type DenseNetwork } from '../../../src/trainer/spin/denseHebbian';
import { createRng } from '../../../src/trainer/rng';

function randomNet(N: number, K: number, P: number, seed: number): DenseNetwork {
  const r = createRng(seed);
  return { patterns: Float64Array.from({ length: K * N }, () => r.normal()), K, N, P, scale: 1.3 };
}

test('P = 2 energy is the Hopfield form −½ Σ_ij J_ij σ_i σ_j with J = ξᵀξ / (N s²) (closed form)', () => {
  const net = randomNet(7, 3, 2, 1);
  const sigma = Int8Array.from([1, -1, 1, 1, -1, -1, 1]);
  let e = 0;
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 7; j++) {
      let J = 0;
      for (let mu = 0; mu < 3; mu++) J += net.patterns[mu * 7 + i] * net.patterns[mu * 7 + j];
      e -= 0.5 * (J / (7 * 1.3 ** 2)) * sigma[i] * sigma[j];
    }
  assert.ok(Math.abs(energy(net, sigma) - e) < 1e-12);
});

test('flipDelta from the overlaps equals the energy difference computed from scratch (P = 2, 3, 4)', () => {
  for (const P of [2, 3, 4]) {
    const net = randomNet(9, 4, P, P);
    const sigma = Int8Array.from({ length: 9 }, (_, i) => (i % 3 ? 1 : -1));
    const m = overlaps(net, sigma);
    for (let i = 0; i < 9; i++) {
      const flipped = Int8Array.from(sigma);
      flipped[i] = -flipped[i] as -1 | 1;
      const want = energy(net, flipped) - energy(net, sigma);
      assert.ok(Math.abs(flipDelta(net, m, sigma, i) - want) < 1e-10, `P=${P} unit ${i}`);
    }
  }
});

test('glauber samples the Boltzmann distribution e^{−βE}/Z of a 4-unit network (detailed balance)', () => {
  const net = randomNet(4, 2, 4, 11);
  const beta = 0.7;
  const states = Array.from({ length: 16 }, (_, s) => Int8Array.from([0, 1, 2, 3], (b) => ((s >> b) & 1 ? 1 : -1)));
  const weights = states.map((s) => Math.exp(-beta * energy(net, s)));
  const Z = weights.reduce((a, b) => a + b, 0);
  const counts = new Float64Array(16);
  const rng = createRng(3);
  let sigma: Int8Array = Int8Array.from([1, 1, 1, 1]);
  const samples = 40000;
  for (let t = 0; t < samples; t++) {
    sigma = glauber(net, sigma, beta, 1, rng).sigma;
    counts[sigma.reduce((acc, v, b) => acc | ((v > 0 ? 1 : 0) << b), 0)]++;
  }
  states.forEach((_, s) => {
    const p = weights[s] / Z;
    const freq = counts[s] / samples;
    assert.ok(Math.abs(freq - p) < 0.01 + 0.1 * p, `state ${s}: ${freq} vs ${p}`);
  });
});

test('glauber at zero temperature never raises the energy and keeps the overlaps in step', () => {
  const net = randomNet(50, 3, 4, 5);
  const start = Int8Array.from({ length: 50 }, (_, i) => (i % 2 ? 1 : -1));
  const r = glauber(net, start, Infinity, 10, createRng(8));
  assert.ok(energy(net, r.sigma) <= energy(net, start));
  const fresh = overlaps(net, r.sigma);
  r.overlaps.forEach((v, i) => assert.ok(Math.abs(v - fresh[i]) < 1e-12));
  assert.equal(r.updates, 500);
});
