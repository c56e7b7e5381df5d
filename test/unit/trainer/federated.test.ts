// Federated simulation pieces against closed forms and their defining properties: Gamma/Dirichlet
// moments, the Dirichlet label split (a partition, shares as drawn), participation processes with
// their long-run rates, FedAU's interval weights (by hand, and → 1/p in expectation), and the server
// step Σ ω Δ / D for each weighting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, sampleGamma } from '../../../src/trainer/rng';
import {
  IntervalWeights,
  aggregationWeight,
  classMix,
  createParticipation,
  dirichletLabelSplit,
  participationProbabilities,
  roundDivisor,
  sampleDirichlet,
  serverStep,
} from '../../../src/trainer/federated';

test('Gamma(k) has mean k and variance k, also for k < 1', () => {
  const rng = createRng(1);
  for (const k of [0.1, 0.5, 2, 7]) {
    const n = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const g = sampleGamma(rng, k);
      s += g;
      s2 += g * g;
    }
    const mean = s / n;
    const v = s2 / n - mean * mean;
    assert.ok(Math.abs(mean - k) < 4 * Math.sqrt(k / n), `k ${k}: mean ${mean}`);
    assert.ok(Math.abs(v - k) < 0.1 * k + 0.01, `k ${k}: var ${v}`);
  }
});

test('Dirichlet(α) draws sum to 1 with mean 1/k; small α concentrates the mass', () => {
  const rng = createRng(2);
  const k = 10;
  const mean = new Array(k).fill(0);
  let maxShare = 0;
  for (let i = 0; i < 5000; i++) {
    const d = sampleDirichlet(rng, 0.1, k);
    assert.ok(Math.abs(d.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    d.forEach((v, j) => (mean[j] += v / 5000));
    maxShare += Math.max(...d) / 5000;
  }
  for (const m of mean) assert.ok(Math.abs(m - 0.1) < 0.02);
  assert.ok(maxShare > 0.6, `mean largest share ${maxShare} (α = 0.1 is very skewed)`);
});

test('the label split is a partition; each class is cut by the drawn cumulative shares', () => {
  const rng = createRng(3);
  const labels = Int32Array.from({ length: 3000 }, (_, i) => i % 10);
  const parts = dirichletLabelSplit(labels, 10, 25, 0.1, rng);
  const seen = new Uint8Array(labels.length);
  for (const p of parts) for (const i of p) seen[i]++;
  assert.ok(
    seen.every((c) => c === 1),
    'every example in exactly one client',
  );
  // Heterogeneous: with α = 0.1 most clients hold mostly one class.
  const dominant = parts.filter((p) => p.length > 20).map((p) => Math.max(...classMix(labels, p, 10)));
  assert.ok(dominant.filter((d) => d > 0.5).length > dominant.length / 2);
  // Client n's count of class c is the rounded cumulative share minus the previous one.
  const qs = (() => {
    const r = createRng(3);
    return Array.from({ length: 25 }, () => sampleDirichlet(r, 0.1, 10));
  })();
  for (let c = 0; c < 10; c++) {
    const total = qs.reduce((a, row) => a + row[c], 0);
    let cum = 0;
    let prev = 0;
    qs.forEach((row, n) => {
      cum += row[c];
      const end = n === 24 ? 300 : Math.round((300 * cum) / total);
      const count = Array.from(parts[n]).filter((i) => labels[i] === c).length;
      assert.equal(count, Math.max(0, end - prev), `client ${n} class ${c}`);
      prev = Math.max(prev, end);
    });
  }
  // Same seed, same split.
  assert.deepEqual(dirichletLabelSplit(labels, 10, 25, 0.1, createRng(3)), parts);
});

test('participation probabilities follow the class mix · multiplier · mean · classes, floored', () => {
  const mixes = [
    [1, 0, 0],
    [0, 1, 0],
    [0.5, 0.5, 0],
    [0, 0, 1],
  ];
  const rng = createRng(4);
  const u = sampleDirichlet(createRng(4), 0.1, 3);
  const p = participationProbabilities(mixes, rng, { alpha: 0.1, mean: 0.1, min: 0.02 });
  mixes.forEach((m, n) => {
    const want = Math.max(0.02, m.reduce((a, v, c) => a + v * u[c], 0) * 0.1 * 3);
    assert.ok(Math.abs(p[n] - want) < 1e-12);
  });
});

test('Bernoulli, Markov and cyclic participation all run at their long-run rate p', () => {
  for (const kind of ['bernoulli', 'markov', 'cyclic'] as const) {
    for (const prob of [0.05, 0.3]) {
      const part = createParticipation(kind, prob, createRng(5), { toActive: 0.05, cycle: 100 });
      let on = 0;
      const rounds = 200000;
      for (let t = 0; t < rounds; t++) if (part.next()) on++;
      assert.ok(Math.abs(on / rounds - prob) < 0.01 + 0.1 * prob, `${kind} p=${prob}: ${on / rounds}`);
    }
  }
  // Cyclic is deterministic once started: round(p·cycle) active rounds in every cycle.
  const c = createParticipation('cyclic', 0.3, createRng(6), { cycle: 10 });
  const seq = Array.from({ length: 40 }, () => (c.next() ? 1 : 0));
  const starts = seq.findIndex((v) => v === 1);
  const window = seq.slice(starts, starts + 10);
  assert.equal(
    window.reduce((a: number, b) => a + b, 0),
    3,
  );
});

test('FedAU interval weights by hand, and → 1/p for Bernoulli participation', () => {
  const w = new IntervalWeights(1, 4);
  assert.equal(w.weight(0), 1, 'no interval yet');
  // Pattern: - - X  (interval 3), X (interval 1), - - - - (cut at K = 4), - X (interval 2).
  for (const on of [false, false, true]) w.record(0, on);
  assert.equal(w.weight(0), 3);
  w.record(0, true);
  assert.equal(w.weight(0), 2);
  for (const on of [false, false, false, false]) w.record(0, on);
  assert.ok(Math.abs(w.weight(0) - (3 + 1 + 4) / 3) < 1e-12);
  for (const on of [false, true]) w.record(0, on);
  assert.ok(Math.abs(w.weight(0) - (3 + 1 + 4 + 2) / 4) < 1e-12);
  // Bernoulli(p): mean interval → 1/p (geometric), without cutoff.
  const p = 0.1;
  const big = new IntervalWeights(1);
  const rng = createRng(7);
  for (let t = 0; t < 100000; t++) big.record(0, rng.next() < p);
  assert.ok(Math.abs(big.weight(0) - 1 / p) < 0.3, `${big.weight(0)}`);
});

test('server step: θ + η·Σ ω Δ / D, with D = N except for average_participating', () => {
  const iw = new IntervalWeights(3);
  iw.record(0, false);
  iw.record(0, true); // client 0 interval 2
  const deltas = [Float32Array.from([1, 0]), Float32Array.from([0, 2])];
  const probs = [0.5, 0.25];
  for (const [weighting, want] of [
    ['fedau', [1 + (1.5 * 2 * 1) / 3, 1 + (1.5 * 1 * 2) / 3]],
    ['known_prob', [1 + (1.5 * 2 * 1) / 3, 1 + (1.5 * 4 * 2) / 3]],
    ['average_all', [1 + (1.5 * 1) / 3, 1 + (1.5 * 2) / 3]],
    ['average_participating', [1 + (1.5 * 1) / 2, 1 + (1.5 * 2) / 2]],
  ] as const) {
    const theta = Float32Array.from([1, 1]);
    const ups = deltas.map((d, n) => ({ delta: d, weight: aggregationWeight(weighting, n, probs[n], iw) }));
    serverStep(theta, ups, roundDivisor(weighting, 3, 2), 1.5);
    theta.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-6, `${weighting}[${i}] ${v} vs ${want[i]}`));
  }
});
