import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presto as paper } from '../../../src/papers/presto';
import { recipe } from '../../../src/papers/presto/recipe';
import { reproClaims, reproTable } from '../../../src/papers/presto/repro';
import { drawData, lambdaRatios, runReplication } from '../../../src/papers/presto/experiment';
import {
  boundaryForm,
  interceptStart,
  meanNll,
  ordinalObjective,
  prestoPenalized,
  type OrdinalData,
} from '../../../src/papers/presto/ordinal';
import { proxNewton } from '../../../src/trainer/algorithms/proxNewton';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

const settings = {
  n: 400,
  p: 3,
  K: 4,
  intercepts: [0, 2, 3.5],
  beta: 1,
  devSize: 0.5,
  devProb: 0.5,
  lambdas: 5,
  lambdaMinRatio: 0.01,
  folds: 3,
};

test('ordinal loss: gradient and Hessian in the difference form match finite differences', () => {
  const { data } = drawData(settings, createRng(3));
  const rows = Int32Array.from({ length: data.n }, (_, i) => i);
  const obj = ordinalObjective(data, rows);
  const rng = createRng(9);
  // A point near the truth with non-zero differences, where every class probability is positive.
  const x = Float64Array.from({ length: obj.dim }, (_, i) => (i % 4 === 0 ? [0, 2, 3.5][i / 4] : 0.2 * rng.normal()));
  assert.ok(Number.isFinite(obj.value(x)));
  const { grad, hess, value } = obj.derivatives(x);
  assert.ok(Math.abs(value - obj.value(x)) < 1e-12);
  const h = 1e-5;
  for (let i = 0; i < obj.dim; i++) {
    const up = Float64Array.from(x);
    const dn = Float64Array.from(x);
    up[i] += h;
    dn[i] -= h;
    const fd = (obj.value(up) - obj.value(dn)) / (2 * h);
    assert.ok(Math.abs(fd - grad[i]) < 1e-7, `grad ${i}: ${grad[i]} vs ${fd}`);
    const gu = obj.derivatives(up).grad;
    const gd = obj.derivatives(dn).grad;
    for (let j = 0; j < obj.dim; j++) {
      const fdh = (gu[j] - gd[j]) / (2 * h);
      assert.ok(Math.abs(fdh - hess[j * obj.dim + i]) < 1e-6, `hess ${j},${i}: ${hess[j * obj.dim + i]} vs ${fdh}`);
    }
  }
});

test('ordinal fit: with two classes and no features the MLE is the logit of the class share (closed form)', () => {
  const y = Int32Array.from([1, 1, 2, 1, 2, 1, 1, 1]);
  const data: OrdinalData = { x: new Float64Array(0), y, n: y.length, p: 0, K: 2 };
  const rows = Int32Array.from({ length: y.length }, (_, i) => i);
  const fit = proxNewton(ordinalObjective(data, rows), interceptStart(data, rows), {
    lambda: 0,
    penalized: new Uint8Array(1),
  });
  // P(y ≤ 1) = σ(α) = 6/8.
  assert.ok(Math.abs(fit.x[0] - Math.log(6 / 2)) < 1e-8, `α = ${fit.x[0]}`);
});

test('PRESTO: λ = Infinity is proportional odds (differences exactly 0); the penalty covers d_2 … d_{K−1} only', () => {
  const pen = prestoPenalized(3, 4);
  assert.deepEqual([...pen], [0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1]);
  const { data } = drawData(settings, createRng(4));
  const rows = Int32Array.from({ length: data.n }, (_, i) => i);
  const po = proxNewton(ordinalObjective(data, rows), interceptStart(data, rows), { lambda: Infinity, penalized: pen });
  const theta = boundaryForm(po.x, 3, 4);
  for (let j = 1; j < 4; j++) assert.equal(theta[4 + j], theta[j]);
  const free = proxNewton(ordinalObjective(data, rows), po.x, { lambda: 0, penalized: pen });
  assert.ok(
    meanNll(boundaryForm(free.x, 3, 4), data) < meanNll(theta, data),
    'the unpenalized fit has a higher likelihood',
  );
});

test('data: as the authors’ sim_data — every class present, longer intercept lists cut to K − 1, same seed same data', () => {
  const a = drawData({ ...settings, intercepts: [0, 2, 3.5, 9] }, createRng(5));
  assert.equal(new Set(a.data.y).size, 4);
  assert.deepEqual([a.theta[0], a.theta[4], a.theta[8]], [0, 2, 3.5]);
  const b = drawData({ ...settings, intercepts: [0, 2, 3.5, 9] }, createRng(5));
  assert.deepEqual([...b.data.y], [...a.data.y]);
  assert.deepEqual(lambdaRatios(3, 0.01), [1, 0.1, 0.01]);
});

test('replication: three finite MSEs, a λ from the path, and rare events counted', () => {
  const r = runReplication(settings, createRng(6));
  for (const v of Object.values(r.mse)) assert.ok(Number.isFinite(v) && v >= 0);
  assert.ok(lambdaRatios(5, 0.01).includes(r.lambdaRatio));
  assert.ok(r.rareCount > 0 && r.evaluations > 0);
});

test('example config: valid, and no rule fires', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule intercepts-per-class', () => {
  const bad = ruleFindings(paper, 'presto/intercepts-per-class', (c) => (c.data.intercepts = [[0, 3]]));
  assert.equal(bad.length, 1);
  assert.equal(bad[0].severity, 'error');
  assert.match(bad[0].message, /2 intercepts for 4 classes: the model needs 3/);
  const long = ruleFindings(paper, 'presto/intercepts-per-class', (c) => (c.data.intercepts = [[0, 3, 5, 7]]));
  assert.equal(long[0].severity, 'info');
  assert.deepEqual(
    ruleFindings(paper, 'presto/intercepts-per-class', () => {}),
    [],
  );
});

test('rule intercepts-increasing', () => {
  const bad = ruleFindings(paper, 'presto/intercepts-increasing', (c) => (c.data.intercepts = [[0, 5, 3]]));
  assert.equal(bad.length, 1);
  assert.deepEqual(bad[0].fixes?.[0].edits[0], { kind: 'setValue', path: ['data', 'intercepts', 0], value: [0, 3, 5] });
  assert.deepEqual(
    ruleFindings(paper, 'presto/intercepts-increasing', () => {}),
    [],
  );
});

test('rule too-few-rare-events', () => {
  const bad = ruleFindings(paper, 'presto/too-few-rare-events', (c) => (c.data.n = 300));
  // n = 300, α = 6: 300/(1 + e^6) ≈ 0.74; α = 5: ≈ 2.01; α = 5.5: ≈ 1.22.
  assert.equal(bad.length, 3);
  assert.match(
    bad[2].message,
    /Only about 1\.48 rare-class observations expected per data set \(about twice n·σ\(−α\) = 0\.742/,
  );
  assert.deepEqual(
    ruleFindings(paper, 'presto/too-few-rare-events', () => {}),
    [],
  );
});

test('rule boundaries-cross', () => {
  const bad = ruleFindings(paper, 'presto/boundaries-cross', (c) => (c.data.dev_size = 1));
  // Smallest gap 2 (5 − 3) < p · dev_prob · dev_size = 10 × 0.3333 × 1 = 3.33.
  assert.equal(bad.length, 3);
  assert.match(bad[0].message, /smallest intercept gap \(2\) is below .* = 3\.33/);
  assert.deepEqual(
    ruleFindings(paper, 'presto/boundaries-cross', () => {}),
    [],
  );
});

test('recipe on the tiny config: three arms per setting, running means as metrics, the table and claims', async () => {
  const cfg = withDefaults(paper.schema, { paper: 'presto', ...TINY_CONFIGS.presto });
  const rec = await runRecipe(recipe, cfg);
  const sums = rec.events.filter((e) => e.type === 'summary');
  assert.deepEqual(
    sums.map((e) => `${e.series.arm}@${e.series.rare_intercept}`),
    ['presto@3', 'proportional_odds@3', 'logistic@3'],
  );
  assert.ok(sums.every((e) => Number.isFinite(e.values.rare_prob_mse) && e.values.replications === 2));
  assert.equal(sums[0].values.presto_ratio, 1);
  const metrics = rec.events.filter((e) => e.type === 'metric');
  assert.equal(metrics.length, 2 * 3);
  assert.match(reproTable(rec.events), /\| 3 \| .* \| PRESTO lowest/);
  const claims = reproClaims(rec.events);
  assert.equal(claims.length, 1);
  assert.equal(claims[0].tests.length, 2);
  assert.ok(claims[0].tests.every((t) => Number.isFinite(t.value)));
  const again = await runRecipe(recipe, cfg);
  assert.deepEqual(
    again.events.filter((e) => e.type === 'summary').map((e) => e.values.rare_prob_mse),
    sums.map((e) => e.values.rare_prob_mse),
  );
});
