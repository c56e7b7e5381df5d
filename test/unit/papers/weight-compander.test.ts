// Weight compander on a tiny config in-process: the three arms start from the same effective
// weights, the learned arm moves its hyperparameters, weight decay never touches them, the histogram
// is a density, and the repro table and claims read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weightCompander as paper } from '../../../src/papers/weight-compander';
import { recipe } from '../../../src/papers/weight-compander/recipe';
import { reproClaims, reproTable } from '../../../src/papers/weight-compander/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'fashion-mnist', train: 400, test: 200 };
    c.model.hidden = [24, 16];
    c.train.iterations = 30;
    c.train.eval_every = 10;
    c.analysis.histogram_bins = 20;
  });

test('tiny run: baseline and both compander arms from the same start; learned φ moves; histograms integrate to 1', async () => {
  const r = await runRecipe(recipe, tiny());
  const start = (arm: string) => metrics(r, (s) => s.arm === arm)[0].values.test_loss;
  // Same effective weights at step 0 ⇒ the same test loss (up to float32 rounding of the inverse).
  assert.ok(Math.abs(start('wc_fixed') - start('baseline')) < 1e-4);
  assert.ok(Math.abs(start('wc_learned') - start('baseline')) < 1e-4);
  const s = (arm: string) => summaries(r, (t) => t.arm === arm && t.kind === undefined)[0].values;
  assert.deepEqual([s('wc_fixed').a_layer0, s('wc_fixed').b_layer0], [1.5, 1.5]);
  assert.notEqual(s('wc_learned').a_layer0, 1.5, 'learned a moved');
  assert.equal(s('baseline').a_layer0, undefined);
  for (const arm of ['baseline', 'wc_fixed', 'wc_learned']) {
    const bins = summaries(r, (t) => t.arm === arm && t.kind === 'histogram');
    assert.equal(bins.length, 20);
    const width = bins[1].values.bin_center - bins[0].values.bin_center;
    const area = bins.reduce((a, b) => a + b.values.density * width, 0);
    assert.ok(Math.abs(area - 1) < 1e-9, `${arm} histogram area ${area}`);
    assert.ok(s(arm).near_zero_share > 0 && s(arm).near_zero_share < 1);
  }
  assert.match(reproTable(r.events), /\| wc learned \| [\d.]+% \| [\d.]+% \| [\d.]+% \|/);
  assert.equal(reproClaims(r.events).length, 4);
});
