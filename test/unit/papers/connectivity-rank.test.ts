// connectivity-rank: every rule on a bad and a good config, the aligned init and the laziness measures
// against their definitions, and the recipe through the trainer process on a tiny net (every arm and
// rank summarised, all arms share W₀'s norm, the kernel alignment is 1 when nothing trains).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectivityRank as paper } from '../../../src/papers/connectivity-rank';
import { alignedRankOne } from '../../../src/papers/connectivity-rank/aligned';
import { signSimilarity } from '../../../src/papers/connectivity-rank/measures';
import { kernelAlignment } from '../../../src/trainer/linalg/kernels';
import { reproClaims, reproTable } from '../../../src/papers/connectivity-rank/repro';
import { connectivityRankWork } from '../../../src/papers/connectivity-rank/work';
import { svd } from '../../../src/trainer/linalg/svd';
import { frobenius } from '../../../src/trainer/rnn';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const cases: [string, (c: any) => void][] = [
  ['connectivity-rank/rank-above-hidden', (c) => (c.model.ranks = [1, 30, 150])],
  ['connectivity-rank/no-full-rank', (c) => (c.model.ranks = [1, 10, 30])],
  ['connectivity-rank/kernel-too-large', (c) => ((c.model.hidden = 300), (c.probe.kernel_trials = 256))],
  ['connectivity-rank/too-short', (c) => (c.train.iterations = 300)],
  ['connectivity-rank/kernel-beyond-probe', (c) => ((c.probe.trials = 16), (c.probe.kernel_trials = 32))],
];

test('every rule has a case, trips on its bad config and not on the example; messages carry the numbers', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad] of cases) {
    assert.equal(ruleFindings(paper, code, bad).length, 1, `${code} on its bad config`);
    assert.deepEqual(
      ruleFindings(paper, code, () => {}),
      [],
      `${code} on the example`,
    );
  }
  assert.match(ruleFindings(paper, cases[0][0], cases[0][1])[0].message, /Rank 150 above N = 100/);
  assert.match(ruleFindings(paper, cases[1][0], cases[1][1])[0].message, /No rank equals N = 100/);
  // 256 trials × 8 steps × 3 outputs = 6,144 rows × 90,000 weights, plus two copies of W_rec per trial, × 4 bytes ≈ 2.4 GB.
  assert.match(ruleFindings(paper, cases[2][0], cases[2][1])[0].message, /2\.4 GB/);
  assert.match(ruleFindings(paper, cases[3][0], cases[3][1])[0].message, /at least 500 steps/);
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('aligned rank-1 init: rank 1, the given norm, maps the evidence direction onto the choice direction', () => {
  const n = 5;
  const outputs = 3;
  const wIn = Float64Array.from({ length: 3 * n }, (_, i) => Math.sin(i + 1));
  const wOut = Float64Array.from({ length: n * outputs }, (_, i) => Math.cos(2 * i + 1));
  const w = alignedRankOne(wIn, wOut, n, outputs, 2.5);
  assert.ok(Math.abs(frobenius(w) - 2.5) < 1e-12);
  const s = svd(w, n, n).S;
  assert.ok(s[1] < 1e-9 * s[0], `second singular value ${s[1]}`);
  // W v ∝ u with v = wIn[2] − wIn[1], u = wOut[:, 2] − wOut[:, 1], positive factor.
  const v = Array.from({ length: n }, (_, j) => wIn[2 * n + j] - wIn[n + j]);
  const u = Array.from({ length: n }, (_, i) => wOut[i * outputs + 2] - wOut[i * outputs + 1]);
  const wv = Array.from({ length: n }, (_, i) => v.reduce((a, vj, j) => a + w[i * n + j] * vj, 0));
  assert.ok(Math.abs(kernelAlignment(wv, u) - 1) < 1e-12);
  assert.throws(() => alignedRankOne(new Float64Array(3 * n), wOut, n, outputs, 1), /direction is zero/);
});

test('sign similarity against a hand computation', () => {
  assert.equal(signSimilarity([0, 1, 2, 0], [0, 0, 3, 1]), 0.5);
});

test('work: the example written out by hand', () => {
  const c = exampleConfig(paper);
  // N = 100, T = 8 steps, 3 inputs and outputs: 8 × (3·100 + 100² + 100·3) MACs per trial.
  const perTrial = 8 * (300 + 10_000 + 300);
  const step = 3 * 32 * perTrial + 6e6 * 8;
  // Kernel: one backward pass per (step, output) on 32 trials, then the 768-row Jacobian's Gram.
  const kernel = 24 * (3 * 32 * perTrial + 6e6 * 8) + 768 ** 2 * 100 ** 2;
  const probe = 320 * perTrial + 320 ** 2 * 100;
  const expected = 5 * (2000 * step + 2 * (kernel + probe));
  assert.ok(Math.abs(connectivityRankWork(c) / expected - 1) < 1e-12, `${connectivityRankWork(c)} vs ${expected}`);
  assert.ok(Math.abs(connectivityRankWork({ ...c, model: { ...c.model, aligned: false } }) / expected - 4 / 5) < 1e-12);
});

test('recipe through the trainer process: every arm and rank, equal norms, losses fall, claims computed', async () => {
  const r = await runThroughTrainer({
    paper: 'connectivity-rank',
    seed: 3,
    model: { hidden: 16, ranks: [1, 4, 16], aligned: true },
    task: { batch_size: 16 },
    train: { iterations: 150, eval_every: 50, lr: 0.02 },
    probe: { trials: 24, kernel_trials: 4 },
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  assert.deepEqual(
    sums.map((s) => `${s.series.arm}/${s.series.rank}`),
    ['random/1', 'random/4', 'random/16', 'aligned/1'],
  );
  for (const s of sums) {
    const v = s.values;
    assert.ok(v.weight_change > 0 && Number.isFinite(v.rel_weight_change), JSON.stringify(v));
    // ‖ΔW‖/‖W₀‖ uses one norm for every arm: the truncations are rescaled to it.
    assert.ok(
      Math.abs(
        v.weight_change / v.rel_weight_change - sums[0].values.weight_change / sums[0].values.rel_weight_change,
      ) < 1e-6,
    );
    assert.ok(v.kernel_alignment > 0 && v.kernel_alignment <= 1 + 1e-6, `kernel ${v.kernel_alignment}`);
    assert.ok(v.rep_alignment > 0 && v.rep_alignment <= 1 + 1e-6);
    assert.ok(v.sign_similarity >= 0 && v.sign_similarity <= 1);
  }
  const curve = r.events.filter((e) => e.type === 'metric' && e.series.arm === 'random' && e.series.rank === 16);
  assert.deepEqual(
    curve.map((e) => (e.type === 'metric' ? e.step : -1)),
    [0, 50, 100, 150],
  );
  const first = curve[0].type === 'metric' ? curve[0].values.train_loss : NaN;
  const last = curve[3].type === 'metric' ? curve[3].values.train_loss : NaN;
  assert.ok(last < first, `loss ${first} → ${last}`);
  assert.match(reproTable(r.events), /\| aligned \| 1 \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['learned', 'weight-change', 'kernel', 'representation', 'aligned-lazy'],
  );
});

test('no training leaves the kernel and representation exactly aligned', async () => {
  const r = await runThroughTrainer({
    paper: 'connectivity-rank',
    seed: 1,
    model: { hidden: 8, ranks: [1, 8], aligned: false },
    train: { iterations: 1, eval_every: 1, lr: 1e-9 },
    probe: { trials: 8, kernel_trials: 2 },
  });
  assert.equal(r.status, 'completed', r.message);
  for (const s of r.events.filter((e) => e.type === 'summary')) {
    assert.ok(Math.abs(s.values.kernel_alignment - 1) < 1e-5, `${s.values.kernel_alignment}`);
    assert.ok(Math.abs(s.values.rep_alignment - 1) < 1e-5);
    assert.equal(s.values.sign_similarity, 1);
  }
});
