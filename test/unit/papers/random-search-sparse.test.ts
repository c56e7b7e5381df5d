// Random search over node masks on a tiny config in-process: the searched mask is the candidate with
// the lowest validation loss at init, every network has a summary, the means carry the equivalence
// test, and the repro table and claims read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomSearchSparse as paper } from '../../../src/papers/random-search-sparse';
import { recipe } from '../../../src/papers/random-search-sparse/recipe';
import { reproClaims, reproTable } from '../../../src/papers/random-search-sparse/repro';
import { runRecipe, summaries, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'mnist', train: 300, val: 100, test: 100 };
    c.model.hidden = [20, 10];
    c.train.iterations = 20;
    c.train.eval_every = 10;
    c.search.sparsities = [0.5];
    c.search.candidates = 6;
    c.search.repeats = 2;
  });

test('tiny run: dense, then per repeat a searched and a random mask; means with the TOST; table and claims', async () => {
  const r = await runRecipe(recipe, tiny());
  const singles = summaries(r, (s) => s.kind === 'single');
  assert.deepEqual(
    singles.map((e) => `${e.series.arm}:${e.series.repeat}`),
    ['dense:0', 'searched:0', 'random:0', 'searched:1', 'random:1'],
  );
  // Half the units of each hidden layer: 784·10 + 10·5 + 5·10 weights + 10 + 5 + 10 biases.
  assert.equal(singles[1].values.parameters, 784 * 10 + 50 + 50 + 25);
  // The searched mask was the best of its candidates: the phase note names its score.
  const phase = r.events.find((e) => e.type === 'phase' && e.series.repeat === 0);
  assert.match(
    phase.label,
    new RegExp(`best of 6 masks has validation loss ${singles[1].values.init_val_loss.toFixed(4)}`),
  );
  const means = summaries(r, (s) => s.kind === 'mean');
  const searched = means.find((e) => e.series.arm === 'searched')!.values;
  const random = means.find((e) => e.series.arm === 'random')!.values;
  assert.ok(
    Math.abs(searched.final_test_acc - (singles[1].values.final_test_acc + singles[3].values.final_test_acc) / 2) <
      1e-12,
  );
  assert.ok(Math.abs(searched.diff_vs_random - (searched.final_test_acc - random.final_test_acc)) < 1e-12);
  assert.ok(searched.tost_p >= 0 && searched.tost_p <= 1);
  assert.match(reproTable(r.events), /\| 50% \| [\d.]+% \(± [\d.]+ pp, n=2\) \|/);
  const claims = reproClaims(r.events);
  assert.deepEqual(
    claims.map((c) => c.id),
    ['no-better-0.5', 'no-faster-0.5', 'keeps-performance-0.5'],
  );
  assert.deepEqual(
    claims[0].tests.map((t) => [t.op, t.threshold]),
    [
      ['>', -0.01],
      ['<', 0.01],
    ],
  );
});
