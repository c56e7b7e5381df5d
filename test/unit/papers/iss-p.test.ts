// ISS-P on a tiny config in-process: every (ratio, arm) trains from the same start; the hard mask
// after the pruning phase keeps exactly the asked share of each prunable layer (output dense);
// gradient norms and flip rates are reported; the repro table and claims read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issP as paper } from '../../../src/papers/iss-p';
import { recipe } from '../../../src/papers/iss-p/recipe';
import { reproClaims, reproTable } from '../../../src/papers/iss-p/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'fashion-mnist', train: 300, test: 100 };
    c.model.hidden = [40, 20];
    c.train.iterations = 30;
    c.train.eval_every = 10;
    c.prune.ratios = [0.9];
    c.prune.alphas = [0.9];
    c.prune.prune_iterations = 20;
    c.prune.grad_norm_every = 5;
  });

test('tiny run: ISS-P, IHT and static from one start; exact hard masks; gradient norms and flips; table', async () => {
  const r = await runRecipe(recipe, tiny());
  const s = summaries(r);
  assert.deepEqual(
    s.map((e) => `${e.series.arm}${e.series.alpha ?? ''}`),
    ['iss_p0.9', 'iht', 'static'],
  );
  const starts = ['iss_p', 'iht', 'static'].map((arm) => metrics(r, (t) => t.arm === arm)[0].values.test_loss);
  assert.equal(starts[0], starts[1], 'same θ₀');
  // Prunable: 784·40 and 40·20 at 10% kept; the output layer (20·10) dense.
  const kept = Math.round(0.1 * 784 * 40) + Math.round(0.1 * 40 * 20) + 200;
  for (const e of s) {
    assert.ok(
      Math.abs(e.values.density - kept / (784 * 40 + 800 + 200)) < 1e-12,
      `${e.series.arm} density ${e.values.density}`,
    );
    assert.ok(e.values.nonzero_weights <= kept, 'pruned weights stayed zero through fine-tuning');
    assert.ok(e.values.mean_grad_norm_prune_phase > 0);
  }
  const grads = metrics(r, (t) => t.arm === 'iss_p').filter((e) => 'grad_norm' in e.values);
  assert.deepEqual(
    grads.map((e) => e.step),
    [5, 10, 15, 20, 25, 30],
  );
  assert.ok(
    Math.abs(
      grads[0].values.grad_norm ** 2 -
        ['dense0', 'dense1', 'dense2'].reduce((a, n) => a + grads[0].values[`grad_norm_${n}`] ** 2, 0),
    ) < 1e-6,
  );
  const flips = metrics(r, (t) => t.arm === 'iss_p').filter((e) => 'flip_rate' in e.values);
  assert.ok(flips.length >= 2 && flips.every((e) => e.values.flip_rate >= 0 && e.values.flip_rate <= 1));
  assert.ok(!metrics(r, (t) => t.arm === 'static').some((e) => 'flip_rate' in e.values), 'a static mask has no flips');
  assert.ok(r.events.some((e) => e.type === 'phase' && /hard mask fixed/.test(e.label)));
  assert.match(reproTable(r.events), /\| 90% \| [\d.]+% \([\d.]+\) \| [\d.]+% \([\d.]+\) \| [\d.]+% \([\d.]+\) \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['close-0.9', 'throughput-0.9'],
  );
});
