// unsupervised-pretraining: the factor model's closed forms, PCA pretraining, every rule on a bad and a
// good config, and the recipe on a tiny config through the real trainer process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/trainer/rng';
import { unsupervisedPretraining as paper } from '../../../src/papers/unsupervised-pretraining';
import {
  bayesRisk,
  excessRisk,
  fitPretrained,
  fitSupervised,
  makeTask,
  pcaSubspace,
  sample,
  sampleMse,
  subspaceError,
  trueSubspace,
} from '../../../src/papers/unsupervised-pretraining/experiment';
import { reproClaims, reproTable } from '../../../src/papers/unsupervised-pretraining/repro';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const model = { d: 20, r: 3, factor_strength: 4, noise_x: 0.5, noise_y: 0.1 };

test('Bayes risk: the best predictor E[y|x] attains it (Monte Carlo), orthogonal loadings of the set strength', () => {
  const t = makeTask(model, createRng(1));
  // Columns orthogonal with ‖a_j‖² = strength·σ_x².
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let dot = 0;
      for (let k = 0; k < 20; k++) dot += t.a[k * 3 + i] * t.a[k * 3 + j];
      assert.ok(Math.abs(dot - (i === j ? 4 * 0.25 : 0)) < 1e-12);
    }
  // E[z|x] = (AᵀA + σ²I)⁻¹Aᵀx = Aᵀx / (‖a‖² + σ²) for orthogonal columns.
  const s = sample(t, 40_000, createRng(2));
  const denom = 4 * 0.25 + 0.25;
  let err = 0;
  for (let e = 0; e < s.n; e++) {
    let pred = 0;
    for (let j = 0; j < 3; j++) {
      let az = 0;
      for (let k = 0; k < 20; k++) az += t.a[k * 3 + j] * s.x[e * 20 + k];
      pred += (t.beta[j] * az) / denom;
    }
    err += (s.y[e] - pred) ** 2 / s.n;
  }
  assert.ok(Math.abs(err - bayesRisk(t)) < 0.02 * bayesRisk(t), `${err} vs ${bayesRisk(t)}`);
});

test('PCA pretraining finds the factor subspace from enough unlabelled data; the true subspace gives ~Bayes risk', () => {
  const t = makeTask(model, createRng(3));
  const unl = sample(t, 4000, createRng(4));
  const pca = pcaSubspace(unl.x, unl.n, 20, 3);
  assert.ok(subspaceError(pca.u, t, 3) < 0.05, String(subspaceError(pca.u, t, 3)));
  assert.ok(Math.abs(subspaceError(trueSubspace(t).u, t, 3)) < 1e-12);
  const few = pcaSubspace(sample(t, 8, createRng(5)).x, 8, 20, 3);
  assert.ok(subspaceError(few.u, t, 3) > subspaceError(pca.u, t, 3));
  const lab = sample(t, 2000, createRng(6));
  const excess = excessRisk(t, fitPretrained(trueSubspace(t), 3, lab, 20));
  assert.ok(excess >= 0 && excess < 0.005, String(excess));
});

test('exact excess risk equals the Monte Carlo test error minus the Bayes risk, for both methods', () => {
  const t = makeTask(model, createRng(8));
  const lab = sample(t, 60, createRng(9));
  const big = sample(t, 200_000, createRng(10));
  const pre = fitPretrained(pcaSubspace(sample(t, 500, createRng(11)).x, 500, 20, 3), 3, lab, 20);
  const sup = fitSupervised(lab, 20, 9);
  for (const p of [pre, sup]) {
    const exact = excessRisk(t, p);
    const mc = sampleMse(p, big, 20) - bayesRisk(t);
    assert.ok(Math.abs(exact - mc) < 0.01 * bayesRisk(t) + 0.02 * exact, `${exact} vs ${mc}`);
  }
  // The Bayes predictor itself has zero excess.
  const wStar = new Float64Array(20);
  for (let i = 0; i < 20; i++) for (let j = 0; j < 3; j++) wStar[i] += (t.a[i * 3 + j] * t.beta[j]) / (0.25 * 5);
  assert.ok(Math.abs(excessRisk(t, { w: wStar, b: 0 })) < 1e-15);
});

const cases: [string, (c: any) => void, (c: any) => void][] = [
  ['unsupervised-pretraining/m-not-larger', (c) => (c.data.unlabeled = 1000), (c) => (c.data.unlabeled = 5000)],
  ['unsupervised-pretraining/rank-below-dimension', (c) => ((c.model.r = 100), (c.pretrain.rank = 100)), () => {}],
  ['unsupervised-pretraining/pretrain-rank', (c) => (c.pretrain.rank = 3), () => {}],
  ['unsupervised-pretraining/factors-invisible', (c) => (c.model.factor_strength = 0.1), () => {}],
  ['unsupervised-pretraining/fit-window', (c) => (c.fit.window = [60, 90]), () => {}],
  [
    'unsupervised-pretraining/downstream-underdetermined',
    (c) => (c.data.labeled = [5, 50]),
    (c) => (c.data.labeled = [50]),
  ],
];

test('every rule has a case, trips on its bad config and not on the good one', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad, good] of cases) {
    const hit = ruleFindings(paper, code, bad);
    assert.equal(hit.length, 1, `${code} on its bad config`);
    assert.ok(hit[0].message.length > 20);
    assert.deepEqual(ruleFindings(paper, code, good), [], `${code} on the good config`);
  }
  assert.match(
    ruleFindings(paper, 'unsupervised-pretraining/factors-invisible', cases[3][1])[0].message,
    /√\(d\/m\) = 0\.14/,
  );
  // The example itself is clean.
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('recipe through the trainer process: every arm per n, the m sweep, and the repro table with its claims', async () => {
  const r = await runThroughTrainer({
    paper: 'unsupervised-pretraining',
    seed: 2,
    model: { d: 12, r: 2, factor_strength: 3 },
    data: { unlabeled: 400, labeled: [8, 30, 100], unlabeled_sweep: [20, 400], labeled_for_m_sweep: 100, reps: 2 },
    pretrain: { rank: 2 },
    fit: { window: [8, 100] },
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  const key = (s: any) => `${s.series.arm}:${s.series.sweep ?? ''}:${s.series.n ?? ''}:${s.series.m ?? ''}`;
  assert.deepEqual(sums.map(key), [
    'task:::',
    'pretrain:n:8:400',
    'supervised:n:8:',
    'oracle:n:8:',
    'pretrain:n:30:400',
    'supervised:n:30:',
    'oracle:n:30:',
    'pretrain:n:100:400',
    'supervised:n:100:',
    'oracle:n:100:',
    'pretrain:m:100:20',
    'pretrain:m:100:400',
  ]);
  for (const s of sums.slice(1)) assert.ok(Number.isFinite((s as any).values.excess));
  const table = reproTable(r.events);
  assert.match(table, /\| 30 \| [\d.e-]+ \| [\d.e-]+ \| [\d.]+ \| [\d.e-]+ \|/);
  const claims = reproClaims(r.events);
  assert.ok(claims.some((c) => c.id === 'rate-in-n'));
});
