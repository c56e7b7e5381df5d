// bandlimited-random-weights: every rule on a bad and a good config, and the recipe through the trainer
// process on a tiny grid (a narrow band floors on the fast target, a wide one fits it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandlimitedRandomWeights as paper } from '../../../src/papers/bandlimited-random-weights';
import { reproClaims, reproTable } from '../../../src/papers/bandlimited-random-weights/repro';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const cases: [string, (c: any) => void, (c: any) => void][] = [
  ['bandlimited-random-weights/width-above-data', (c) => (c.data.train = 500), () => {}],
  ['bandlimited-random-weights/band-vs-frequency', (c) => (c.model.bandwidths = [0.5, 1, 5]), () => {}],
  ['bandlimited-random-weights/ridge-too-large', (c) => (c.fit.rel_lambda = 0.01), () => {}],
  ['bandlimited-random-weights/few-widths', (c) => (c.model.widths = [100, 400]), () => {}],
];

test('every rule has a case, trips on its bad config and not on the good one; the example is clean', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad, good] of cases) {
    assert.equal(ruleFindings(paper, code, bad).length, 1, `${code} on its bad config`);
    assert.deepEqual(ruleFindings(paper, code, good), [], `${code} on the good config`);
  }
  assert.match(ruleFindings(paper, cases[1][0], cases[1][1])[0].message, /Add λ ≥ 16/);
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('recipe through the trainer process: a floor for λ = 1 on sin(8πx), a fit for λ = 30', async () => {
  const r = await runThroughTrainer({
    paper: 'bandlimited-random-weights',
    seed: 1,
    model: { widths: [20, 60, 120], bandwidths: [1, 30] },
    data: { frequencies: [4], train: 300, test: 200 },
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  assert.equal(sums.length, 6);
  const at = (l: number, w: number) =>
    sums.find((s) => s.series.bandwidth === l && s.series.width === w)!.values.test_rmse;
  assert.ok(at(1, 120) > 0.5, `narrow band: ${at(1, 120)}`);
  assert.ok(at(1, 120) > 0.9 * at(1, 20), 'no progress with width');
  assert.ok(at(30, 120) < 0.1 * at(1, 120), `wide band: ${at(30, 120)}`);
  assert.match(reproTable(r.events), /\| 30 \| /);
  assert.equal(reproClaims(r.events).length, 3);
});
