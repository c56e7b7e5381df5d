// MixtureGrowth on a tiny config in-process: both members train, every grown arm starts from the same
// trained members at the members' compute, the ensemble is the zero-growth start, scratch starts at
// zero compute, and the repro table reads the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mixtureGrowth as paper } from '../../../src/papers/mixture-growth';
import { recipe } from '../../../src/papers/mixture-growth/recipe';
import { reproClaims, reproTable } from '../../../src/papers/mixture-growth/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'fashion-mnist', train: 400, test: 200 };
    c.model.hidden = [16, 16];
    c.train.eval_every = 10;
    c.growth.member_iterations = 20;
    c.growth.growth_iterations = 10;
    c.controls = ['random_growth', 'zero_growth', 'scratch'];
    c.scratch_iterations = 30;
  });

test('tiny run: members, ensemble, three grown arms from the same members, scratch; compute on the x axis', async () => {
  const r = await runRecipe(recipe, tiny());
  const arms = summaries(r).map((e) => e.series.arm);
  assert.deepEqual(arms, [
    'member0',
    'member1',
    'ensemble',
    'mixturegrowth',
    'random_growth',
    'zero_growth',
    'scratch',
  ]);
  const g = (arm: string) => summaries(r, (s) => s.arm === arm)[0].values;
  // Half width 8: member forward MACs 784·8 + 8·8 + 8·10, ×3×128 per step, 20 steps each.
  const memberG = (3 * 128 * (784 * 8 + 64 + 80)) / 1e9;
  assert.ok(Math.abs(g('ensemble').train_gmacs - 2 * 20 * memberG) < 1e-9);
  const grownStart = metrics(r, (s) => s.arm === 'mixturegrowth')[0];
  assert.equal(grownStart.step, 0);
  assert.ok(
    Math.abs(grownStart.values.train_gmacs - 2 * 20 * memberG) < 1e-9,
    'grown arms start at the members’ compute',
  );
  assert.equal(metrics(r, (s) => s.arm === 'scratch')[0].values.train_gmacs, 0);
  // Zero growth starts exactly as the ensemble (the members' summed logits).
  assert.ok(Math.abs(g('zero_growth').acc_at_growth - g('ensemble').final_test_acc) < 1e-12);
  assert.notEqual(g('mixturegrowth').acc_at_growth, g('random_growth').acc_at_growth);
  assert.match(reproTable(r.events), /\| mixturegrowth \| [\d.]+% \| [\d.]+% \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['beats-random-growth', 'better-start', 'matches-scratch-cheaper'],
  );
});
