import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantileAggregation as paper } from '../../../src/papers/quantile-aggregation';
import { reproClaims, reproTable } from '../../../src/papers/quantile-aggregation/repro';
import { conformalMinimum, gridFor, onGrid } from '../../../src/papers/quantile-aggregation/rules';
import { drawSplit, knnQuantiles } from '../../../src/papers/quantile-aggregation/experiment';
import { quantileLevels } from '../../../src/core/stats';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, schemaErrors } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

test('example config: valid, and no rule fires', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule interval-off-grid: 0.9 needs (K + 1) a multiple of 20; the fix names the next such K', () => {
  assert.equal(onGrid(0.9, 19), true);
  assert.equal(onGrid(0.9, 99), true);
  assert.equal(onGrid(0.9, 20), false);
  assert.equal(gridFor(0.9, 20), 39);
  const bad = ruleFindings(paper, 'quantile-aggregation/interval-off-grid', (c) => (c.levels = 20));
  assert.equal(bad.length, 1);
  assert.equal(bad[0].severity, 'error');
  assert.match(
    bad[0].message,
    /needs the levels 0\.05 and 0\.95, but 20 levels are k\/21.* 39 levels put both ends on it/,
  );
  assert.deepEqual(bad[0].fixes?.[0].edits[0], { kind: 'setValue', path: ['levels'], value: 39 });
  assert.deepEqual(
    ruleFindings(paper, 'quantile-aggregation/interval-off-grid', (c) => ((c.levels = 9), (c.interval = 0.8))),
    [],
  );
});

test('rule calibration-too-small: n ≥ 1/α − 1 for the interval (error), and for the outermost levels (warning)', () => {
  assert.equal(conformalMinimum(0.1), 9);
  assert.equal(conformalMinimum(0.02), 49);
  const bad = ruleFindings(paper, 'quantile-aggregation/calibration-too-small', (c) => (c.data.calibration = 8));
  assert.equal(bad.length, 1);
  assert.equal(bad[0].severity, 'error');
  // n = 8, α = 0.1: ⌈9 · 0.9⌉ = 9 > 8.
  assert.match(
    bad[0].message,
    /8 calibration points cannot calibrate a 90% interval: ⌈\(n\+1\)\(1−α\)⌉ = 9 exceeds n.*at least 9/,
  );
  // With 19 levels the outermost pair has α = 0.1, the interval's own: 9 points are enough for both.
  assert.deepEqual(
    ruleFindings(paper, 'quantile-aggregation/calibration-too-small', (c) => (c.data.calibration = 9)),
    [],
  );
  const outer99 = ruleFindings(
    paper,
    'quantile-aggregation/calibration-too-small',
    (c) => ((c.levels = 99), (c.data.calibration = 20)),
  );
  assert.equal(outer99.length, 1);
  assert.equal(outer99[0].severity, 'warning');
  assert.match(outer99[0].message, /1\/100 and 99\/100\) unbounded .*need 49/);
  assert.deepEqual(
    ruleFindings(paper, 'quantile-aggregation/calibration-too-small', () => {}),
    [],
  );
});

test('rule coverage-unresolved: 2 binomial sd of a 90% coverage must be ≤ 2 points (n ≥ 900)', () => {
  const bad = ruleFindings(paper, 'quantile-aggregation/coverage-unresolved', (c) => (c.data.test = 400));
  // √(0.09/400) = 0.015.
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /400 test points a 90% coverage has sampling sd 1\.5 points.*900 points/);
  assert.deepEqual(
    ruleFindings(paper, 'quantile-aggregation/coverage-unresolved', (c) => (c.data.test = 900)),
    [],
  );
});

test('rule knn-too-few-neighbours: above the training split (error); (k − 1)τ₁ < 1 (warning)', () => {
  const err = ruleFindings(paper, 'quantile-aggregation/knn-too-few-neighbours', (c) => (c.base.knn_k = 1500));
  assert.equal(err[0].severity, 'error');
  assert.match(err[0].message, /knn_k \(1,500\) exceeds the training split \(1,000 points\)/);
  const warn = ruleFindings(paper, 'quantile-aggregation/knn-too-few-neighbours', (c) => (c.base.knn_k = 15));
  assert.equal(warn[0].severity, 'warning');
  assert.match(warn[0].message, /lowest level \(0\.05\).*21 neighbours/);
  assert.deepEqual(
    ruleFindings(paper, 'quantile-aggregation/knn-too-few-neighbours', (c) => (c.base.knn_k = 21)),
    [],
  );
});

test('data: the noise is standardized (mean 0, sd 1 at x₁ = −1 scaled by noise_sd) and right-skewed for χ²', () => {
  const c = exampleConfig(paper);
  const s = drawSplit({ ...c.data, features: 1, hetero: 0, noise_sd: 1 }, 20000, createRng(4));
  const r = s.y.map((y, i) => y - Math.sin(Math.PI * s.x[i]));
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  const v = r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length;
  const skew = r.reduce((a, b) => a + (b - m) ** 3, 0) / r.length / v ** 1.5;
  assert.ok(Math.abs(m) < 0.03 && Math.abs(v - 1) < 0.05, `mean ${m}, var ${v}`);
  assert.ok(Math.abs(skew - Math.sqrt(8 / 3)) < 0.3, `skewness ${skew} vs √(8/3)`);
});

test('k-NN quantiles: with k = n every query gets the sample quantiles of all of y', () => {
  const train = { x: Float64Array.from([0, 1, 2, 3]), y: Float64Array.from([4, 1, 3, 2]), n: 4 };
  const q = knnQuantiles(train, { x: Float64Array.from([10]), y: new Float64Array(1), n: 1 }, 1, 4, [0.25, 0.5, 0.75]);
  assert.deepEqual([...q], [1.75, 2.5, 3.25]);
  const near = knnQuantiles(train, { x: Float64Array.from([0.1]), y: new Float64Array(1), n: 1 }, 1, 2, [0, 1]);
  assert.deepEqual([...near], [1, 4]); // neighbours x = 0 (y 4) and x = 1 (y 1)
});

test('recipe on the tiny config through the real trainer process: every arm, stages, levels, weights, the table', async () => {
  const r = await runThroughTrainer({
    paper: 'quantile-aggregation',
    seed: 2,
    ...TINY_CONFIGS['quantile-aggregation'],
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  const plain = sums.filter((e) => e.series.panel === undefined);
  assert.deepEqual(
    plain.map((e) => (e.series.arm === 'base' ? `base:${String(e.series.model)}` : e.series.arm)),
    [
      'level_weighted',
      'model_weighted',
      'uniform',
      'best_base',
      'base:linear_qr',
      'base:knn',
      'base:gaussian',
      'base:network',
    ],
  );
  const lw = plain[0].values;
  assert.equal(lw.replications, 2);
  assert.ok(lw.wis_sorted <= lw.wis + 1e-12, 'sorting never raises the WIS');
  assert.equal(plain[2].values.ratio_to_uniform, 1);
  assert.equal(lw.nominal, 0.8);
  const levels = quantileLevels(9);
  const levelPanel = sums.filter((e) => e.series.panel === 'levels' && e.series.arm === 'uniform');
  assert.deepEqual(
    levelPanel.map((e) => e.series.level),
    levels,
  );
  const weights = sums.filter((e) => e.series.panel === 'weights');
  assert.equal(weights.length, 4 * 9);
  for (const level of levels) {
    const total = weights.filter((e) => e.series.level === level).reduce((a, e) => a + e.values.weight, 0);
    assert.ok(Math.abs(total - 1) < 1e-9, `weights at ${level} sum to ${total}`);
  }
  const stages = sums.filter((e) => e.series.panel === 'stages' && e.series.arm === 'level_weighted');
  assert.deepEqual(
    stages.map((e) => e.series.stage),
    [0, 1, 2],
  );
  // The stages figure compares the aggregates; base models' stages drawn with them made it unreadable.
  assert.deepEqual(
    sums.filter((e) => e.series.panel === 'stages' && e.series.arm === 'base'),
    [],
  );
  assert.equal(r.events.filter((e) => e.type === 'metric').length, 2 * 4);
  assert.match(reproTable(r.events), /\| level_weighted \| .*\| best of the four/);
  const claims = reproClaims(r.events);
  assert.deepEqual(
    claims.map((c) => c.id),
    ['qa-level-vs-uniform', 'qa-level-vs-model', 'qa-beats-best-base', 'qa-sorting', 'qa-conformal-coverage'],
  );
  for (const c of claims) for (const t of c.tests) assert.ok(Number.isFinite(t.value), `${c.id}: ${t.label}`);
});
