// nngp-scale-mixtures: the inverse-gamma draw, the prior variance against Monte Carlo networks, the
// predictives' selection on validation data, every rule, and the recipe through the trainer process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/trainer/rng';
import { nngpScaleMixtures as paper } from '../../../src/papers/nngp-scale-mixtures';
import {
  comparePredictives,
  gammaSample,
  invGammaSample,
  layerVariances,
  priorVariance,
  regressionKernels,
  regressionSample,
  regressionTask,
} from '../../../src/papers/nngp-scale-mixtures/experiment';
import { reproClaims, reproTable } from '../../../src/papers/nngp-scale-mixtures/repro';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';
import type { SummaryEvent } from '../../../src/core/runs/events';

test('Gamma and inverse-gamma draws have the right moments', () => {
  const rng = createRng(4);
  for (const shape of [0.5, 2, 7]) {
    const xs = Array.from({ length: 40_000 }, () => gammaSample(shape, rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    assert.ok(Math.abs(mean - shape) < 0.03 * shape + 0.01, `mean ${mean} for shape ${shape}`);
    assert.ok(Math.abs(v - shape) < 0.08 * shape, `var ${v} for shape ${shape}`);
  }
  // InvGamma(3, 2): mean β/(α − 1) = 1.
  const ig = Array.from({ length: 40_000 }, () => invGammaSample(3, 2, rng));
  assert.ok(Math.abs(ig.reduce((a, b) => a + b, 0) / ig.length - 1) < 0.03);
});

test('prior variance K(x, x) of an erf network matches Monte Carlo over wide random networks', () => {
  const rng = createRng(9);
  const x = 0.7;
  const [k] = priorVariance([x], 2, 2, 0.3, 'erf');
  // Two hidden layers of width 400, readout variance 1: E[f(x)²] over 300 networks.
  const w = 400;
  let s = 0;
  const nets = 300;
  for (let n = 0; n < nets; n++) {
    const h1 = Array.from({ length: w }, () => erf(2 * rng.normal() * x + 0.3 * rng.normal()));
    const h2 = Array.from({ length: w }, () => {
      let z = 0.3 * rng.normal();
      for (let i = 0; i < w; i++) z += ((2 * rng.normal()) / Math.sqrt(w)) * h1[i];
      return erf(z);
    });
    let f = 0;
    for (let i = 0; i < w; i++) f += (rng.normal() / Math.sqrt(w)) * h2[i];
    s += f * f;
  }
  assert.ok(Math.abs(s / nets - k) < 0.12 * k, `${s / nets} vs ${k}`);
});

function erf(z: number): number {
  // Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): enough for a Monte Carlo check at 10%.
  const t = 1 / (1 + 0.3275911 * Math.abs(z));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return Math.sign(z) * y;
}

test('predictives: tuning on validation data picks a wider Gaussian than ε = 0.01, and never worsens its validation NLL', () => {
  const task = regressionTask(3, createRng(1));
  const noise = { xScale: 1, noise: 0.1, outlierFraction: 0.1, outlierScale: 3 };
  const train = regressionSample(task, 80, noise, createRng(2));
  const val = regressionSample(task, 60, noise, createRng(3));
  const layers = layerVariances(1, 1, 0.1);
  const kVal = regressionKernels(train, val, 3, layers, 'erf');
  const opts = { alpha: 2, beta: 2, lastLayerVar: 1, epsilon: 0.01 };
  const fixed = comparePredictives(kVal, train, val, opts);
  const tuned = comparePredictives(kVal, train, val, opts, {
    kVal,
    val,
    epsilons: [1e-4, 1e-2, 1, 100],
    alphas: [1, 2, 3],
    betas: [1, 2, 3],
  });
  assert.ok(tuned.constant.nll <= fixed.constant.nll + 1e-12);
  assert.ok(tuned.invgamma.nll <= fixed.invgamma.nll + 1e-12);
  assert.ok(tuned.constant.epsilon > 0.01, String(tuned.constant.epsilon));
});

const cases: [string, (c: any) => void, (c: any) => void][] = [
  ['nngp-scale-mixtures/infinite-variance', (c) => (c.prior.alpha = 1), () => {}],
  ['nngp-scale-mixtures/enough-networks', (c) => (c.prior.networks = 100), () => {}],
  ['nngp-scale-mixtures/input-index', (c) => (c.prior.input_index = 40), (c) => (c.prior.input_index = 39)],
  ['nngp-scale-mixtures/narrow-network', (c) => (c.prior.width = 32), () => {}],
  ['nngp-scale-mixtures/odd-kernel', (c) => (c.regression.b_var = 0), () => {}],
  [
    'nngp-scale-mixtures/epsilon',
    (c) => ((c.regression.tune = false), (c.regression.epsilon = 1)),
    (c) => (c.regression.epsilon = 1),
  ],
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

test('recipe through the trainer process: one output per network and arm, the tests, both sweeps', async () => {
  const r = await runThroughTrainer({
    paper: 'nngp-scale-mixtures',
    seed: 3,
    prior: { networks: 60, width: 32, depth: 2, inputs: 5, input_index: 2 },
    regression: { train: 40, test: 30, validation: 20, outlier_fractions: [0, 0.2], shifts: [1, 3] },
  });
  assert.equal(r.status, 'completed', r.message);
  const outputs = r.events.filter((e) => e.series.part === 'sample');
  assert.equal(r.events.filter((e) => e.type === 'metric').length, 0, 'samples are not a training curve');
  assert.equal(outputs.filter((e) => e.series.arm === 'nngp').length, 60);
  assert.equal(outputs.filter((e) => e.series.arm === 'invgamma').length, 60);
  const sums = r.events.filter((e): e is SummaryEvent => e.type === 'summary' && e.series.part !== 'sample');
  const ig = sums.find((s) => s.series.arm === 'invgamma' && s.series.part === 'prior')!;
  assert.equal(ig.values.t_df, 4);
  assert.ok(ig.values.ks_predicted_p >= 0 && ig.values.ks_predicted_p <= 1);
  assert.equal(sums.filter((s) => s.series.part === 'regression').length, 8);
  assert.match(reproTable(r.events), /\| invgamma \| t\(ν = 4\.0/);
  assert.equal(reproClaims(r.events).length, 5);
});
