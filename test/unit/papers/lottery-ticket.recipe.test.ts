// The lottery-ticket recipe's early stop: with `train.patience`, a training goes past `iterations`
// until the minimum of its validation loss is inside training (the paper's criterion), says when it is
// still at the last evaluation, and the tickets are still pruned from their weights at `iterations`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lotteryTicket as paper } from '../../../src/papers/lottery-ticket';
import { recipe } from '../../../src/papers/lottery-ticket/recipe';
import { runRecipe, summaries, tinyConfig } from '../../support/papers';

const tiny = (patience: number) =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'mnist', train: 300, val: 100, test: 100 };
    c.model.hidden = [16];
    c.train.iterations = 30;
    c.train.eval_every = 10;
    c.train.batch_size = 20;
    c.train.patience = patience;
    c.train.max_iterations = 120;
    c.prune.rounds = 2;
    c.controls = ['random_reinit'];
  });

test('patience extends a training until its early stop is inside it; the masks are those of the fixed horizon', async () => {
  const fixed = await runRecipe(recipe, tiny(0));
  const extended = await runRecipe(recipe, tiny(40));
  for (const s of summaries(fixed)) assert.equal(s.values.iterations_trained, 30);
  const sums = summaries(extended);
  assert.equal(sums.length, 1 + 2 * 2);
  // Some training was still improving at 30 iterations, so it went on.
  assert.ok(
    sums.some((s) => s.values.iterations_trained > 30),
    JSON.stringify(sums.map((s) => s.values)),
  );
  for (const { values: v } of sums) {
    const atEnd = v.early_stop_iter === v.iterations_trained;
    assert.equal(v.early_stop_at_end, atEnd ? 1 : 0);
    // Extended trainings stop once the minimum is `patience` old, or at max_iterations.
    if (v.iterations_trained > 30)
      assert.ok(v.iterations_trained - v.early_stop_iter >= 40 || v.iterations_trained === 120, JSON.stringify(v));
    assert.equal(v.test_examples, 100);
  }
  // Tickets are pruned from their weights at `iterations`: the same masks with or without the extension.
  assert.deepEqual(extended.saved.get('masks'), fixed.saved.get('masks'));
  // The fixed-horizon run marks early stops at its last iteration as bounds.
  for (const { values: v } of summaries(fixed)) assert.equal(v.early_stop_at_end, v.early_stop_iter === 30 ? 1 : 0);
});
