// random-feature-attention: the data's symmetry, the head matrices' mean, every rule, and the recipe
// through the trainer process on a tiny sweep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/trainer/rng';
import { randomFeatureAttention as paper } from '../../../src/papers/random-feature-attention';
import { headMatrices, rfaSample } from '../../../src/papers/random-feature-attention/experiment';
import { reproClaims, reproTable } from '../../../src/papers/random-feature-attention/repro';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

test('targets are symmetric in the keys and match their formulas; keys and query carry a trailing 1', () => {
  const beta = Float64Array.from([1, 0, 0]);
  const s = rfaSample(5, 3, 4, ['qk_square', 'qk_cube', 'keys_square'], beta, createRng(2));
  for (let e = 0; e < 5; e++) {
    assert.equal(s.query[e * 4 + 3], 1);
    let sq = 0;
    let cube = 0;
    let keys = 0;
    for (let i = 0; i < 4; i++) {
      assert.equal(s.keys[(e * 4 + i) * 4 + 3], 1);
      let qk = 0;
      for (let j = 0; j < 3; j++) qk += s.query[e * 4 + j] * s.keys[(e * 4 + i) * 4 + j];
      const si = Math.sqrt(3) * qk;
      sq += si * si;
      cube += si ** 3;
      keys += (Math.sqrt(3) * s.keys[(e * 4 + i) * 4]) ** 2;
      // The MLP's input holds the same numbers.
      assert.equal(s.flat[e * 15 + (i + 1) * 3], s.keys[(e * 4 + i) * 4]);
    }
    assert.ok(Math.abs(s.y[0][e] - sq / 4) < 1e-5);
    assert.ok(Math.abs(s.y[1][e] - cube / 4) < 1e-5);
    assert.ok(Math.abs(s.y[2][e] - keys / 4) < 1e-5);
  }
});

test('head matrices: zero-mean draws average to 0, the biased ones to √d on the x block only', () => {
  const d = 4;
  const w = headMatrices(d, 2000, 0.5, 1, createRng(3));
  const D = d + 1;
  const mean = (r: number, c: number) => {
    let s = 0;
    for (let m = 0; m < 2000; m++) s += w[r * 2000 * D + m * D + c];
    return s / 2000;
  };
  assert.ok(Math.abs(mean(1, 1) - 2) < 0.05);
  assert.ok(Math.abs(mean(d, d)) < 0.05, 'no mean on the constant coordinate');
  assert.ok(Math.abs(mean(0, 1)) < 0.05);
});

const cases: [string, (c: any) => void, (c: any) => void][] = [
  ['random-feature-attention/zero-mean-bias', (c) => (c.model.qk_mean = 0), () => {}],
  ['random-feature-attention/features-vs-samples', (c) => (c.data.samples = [100, 200, 1000]), () => {}],
  ['random-feature-attention/validation-size', (c) => (c.data.validation = 50), () => {}],
  ['random-feature-attention/one-key', (c) => (c.data.keys = 1), () => {}],
];

test('every rule has a case, trips on its bad config and not on the good one; the example is clean', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad, good] of cases) {
    assert.equal(ruleFindings(paper, code, bad).length, 1, `${code} on its bad config`);
    assert.deepEqual(ruleFindings(paper, code, good), [], `${code} on the good config`);
  }
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('recipe through the trainer process: every arm, target and n, with the chosen λ', async () => {
  const r = await runThroughTrainer({
    paper: 'random-feature-attention',
    seed: 1,
    data: { dim: 4, keys: 3, samples: [40, 120], validation: 60, test: 80 },
    model: { heads: 8 },
    fit: { rel_lambdas: [1e-4, 1e-1] },
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  assert.equal(sums.length, 3 * 2 * 2);
  for (const s of sums) {
    assert.ok(s.values.test_mse > 0 && Number.isFinite(s.values.test_mse));
    assert.ok([1e-4, 1e-1].includes(s.values.rel_lambda));
  }
  assert.match(reproTable(r.events), /\| rf_mlp \|/);
  assert.equal(reproClaims(r.events).length, 3);
});
