// adversarial-power-law: the fit window and histogram helpers against closed forms, and the recipe on a
// tiny config (every model trained and attacked, each attack fitted, nothing leaked), then its table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adversarialPowerLaw as paper } from '../../../src/papers/adversarial-power-law';
import { gapHistogram, quantile, recipe, windowFit } from '../../../src/papers/adversarial-power-law/recipe';
import { reproClaims, reproTable } from '../../../src/papers/adversarial-power-law/repro';
import { epsilonGrid } from '../../../src/papers/adversarial-power-law/schema';
import { gridHitsRange } from '../../../src/papers/adversarial-power-law/rules';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('whether the ε grid reaches a range: the closed form agrees with building the grid, and needs no grid', () => {
  let cases = 0;
  for (const eps_min of [1e-4, 1e-3, 0.002, 0.02, 0.15])
    for (const eps_max of [0.004, 0.05, 0.3, 0.9])
      for (const eps_count of [1, 2, 3, 5, 15, 40]) {
        if (eps_min >= eps_max) continue;
        const a = { eps_min, eps_max, eps_count };
        const built = epsilonGrid(a).some((e) => e >= 0.003 && e <= 0.1);
        assert.equal(gridHitsRange(a, 0.003, 0.1), built, JSON.stringify(a));
        cases++;
      }
  assert.ok(cases > 60);
  // An out-of-range count (the rule contract's 1e9) is answered without a billion-point grid.
  assert.equal(gridHitsRange({ eps_min: 1e-3, eps_max: 0.3, eps_count: 1e9 }, 0.003, 0.1), true);
  assert.equal(gridHitsRange({ eps_min: 0.2, eps_max: 0.3, eps_count: 1e9 }, 0.003, 0.1), false);
});

test('the fit recovers a power law exactly over the window and ignores the points outside it', () => {
  const grid = epsilonGrid({ eps_min: 1e-3, eps_max: 0.3, eps_count: 15 });
  assert.ok(Math.abs(grid[0] - 1e-3) < 1e-12 && Math.abs(grid[14] - 0.3) < 1e-12);
  const curve = grid.map((eps) => ({ eps, error: Math.min(1, 10 * eps ** 1.3) }));
  const fit = windowFit(curve, 0.01, 0.3);
  assert.ok(Math.abs(fit.exponent - 1.3) < 1e-9, `${fit.exponent}`);
  assert.ok(Math.abs(fit.r2 - 1) < 1e-12);
  assert.ok(Math.abs(fit.error_at_0_01 - 10 * 0.01 ** 1.3) < 1e-9);
  assert.equal(fit.points, curve.filter((p) => p.error >= 0.01 && p.error <= 0.3).length);
  // Saturated points (error 1) are outside the window and do not bend the fit.
  assert.ok(curve.some((p) => p.error === 1));
  assert.ok(Number.isNaN(windowFit(curve.slice(0, 2), 0.01, 0.3).exponent), 'fewer than 3 points: no fit');
});

test('the gap histogram is a density (Σ density × width = 1) and quantiles interpolate', () => {
  const gaps = Float32Array.from({ length: 1000 }, (_, i) => 10 ** (-2.5 + (4 * i) / 999));
  let mass = 0;
  for (const b of gapHistogram(gaps)) {
    const w = b.center * (10 ** (1 / 8) - 10 ** (-1 / 8));
    mass += b.density * w;
  }
  assert.ok(Math.abs(mass - 1) < 1e-9, `${mass}`);
  assert.equal(quantile(Float32Array.from([3, 1, 2]), 0.5), 2);
  assert.equal(quantile(Float32Array.from([0, 10]), 0.25), 2.5);
});

test('tiny run: every model is trained and attacked, the MLP by three attacks, with fits and histograms', async () => {
  const c = tinyConfig(paper, (c) => {
    c.data.train = 300;
    c.data.test = 60;
    c.model.hidden = [16];
    c.train.iterations = 30;
    c.train.cnn_iterations = 4;
    c.train.eval_every = 15;
    c.shuffled.train = 40;
    c.shuffled.iterations = 30;
    c.attack.eps_count = 5;
    c.attack.pgd_steps = 2;
    c.arms = ['linear', 'mlp', 'mlp_shuffled', 'lenet5', 'mlp_low_entropy'];
  });
  const r = await runTiny(recipe, c);
  const points = summaries(r, (s) => s.eps !== undefined);
  assert.equal(points.length, 5 * (5 + 2), 'five models × 5 ε with FGSM, plus step l.l. and PGD on the MLP');
  for (const p of points) assert.ok(p.values.adv_error >= 0 && p.values.adv_error <= 1);
  const fits = summaries(r, (s) => s.stat === 'fit').map((s) => `${s.series.arm}/${s.series.attack}`);
  assert.deepEqual(fits, [
    'linear/fgsm',
    'mlp/fgsm',
    'mlp/step_ll',
    'mlp/pgd',
    'mlp_shuffled/fgsm',
    'lenet5/fgsm',
    'mlp_low_entropy/fgsm',
  ]);
  assert.ok(summaries(r, (s) => s.stat === 'gap12').length > 0);
  const shuffled = summaries(r, (s) => s.arm === 'mlp_shuffled' && s.stat === undefined && s.attack === undefined)[0];
  assert.equal(shuffled.values.attacked_on_train, 1);
  for (const m of metrics(r)) assert.ok(Number.isFinite(m.values.gap12_median));
  const table = reproTable(r.events);
  assert.match(table, /\| lenet5 \| \d+\.\d% \|/);
  assert.match(table, /\| pgd \|/);
  assert.ok(reproClaims(r.events).some((c) => c.id === 'same-exponent'));
});
