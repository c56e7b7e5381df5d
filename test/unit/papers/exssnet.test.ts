// ExSSNeT on a tiny config in-process: masks keep the density, SupSup and ExSSNeT never change an
// earlier task's accuracy (exactly: same weights under its mask), SSNeT may; the accuracy matrix is
// lower-triangular; the arm summaries and the repro table read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exssnet as paper } from '../../../src/papers/exssnet';
import { recipe } from '../../../src/papers/exssnet/recipe';
import { reproClaims, reproTable } from '../../../src/papers/exssnet/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'mnist', train: 300, test: 100 };
    c.tasks.count = 3;
    c.model.hidden = [40, 20];
    c.model.density = 0.2;
    c.train.eval_every = 10;
    c.mask.iterations = 20;
    c.weights.iterations = 20;
  });

test('tiny run: accuracy matrix per arm; SupSup and ExSSNeT do not forget at all; SSNeT is not held to it', async () => {
  const r = await runRecipe(recipe, tiny());
  for (const arm of ['exssnet', 'supsup', 'ssnet']) {
    const cells = summaries(r, (s) => s.arm === arm && s.kind === 'matrix');
    assert.deepEqual(
      cells.map((e) => `${e.series.after_task}:${e.series.task}`),
      ['0:0', '1:0', '1:1', '2:0', '2:1', '2:2'],
    );
    const col0 = cells.filter((e) => e.series.task === 0).map((e) => e.values.test_acc);
    if (arm !== 'ssnet') assert.deepEqual(new Set(col0).size, 1, `${arm} changed task 1: ${col0}`);
  }
  assert.deepEqual(
    metrics(r, (s) => s.arm === 'supsup')
      .map((e) => e.series.phase)
      .filter((p, i, a) => a.indexOf(p) === i),
    ['mask'],
  );
  const a = (arm: string) => summaries(r, (s) => s.arm === arm && s.kind === 'arm')[0].values;
  assert.equal(a('supsup').task0_drop, 0);
  assert.equal(a('exssnet').task0_drop, 0);
  // Later tasks' masks overlap earlier ones: less than all of the last task's mask is exclusive.
  assert.ok(a('exssnet').last_exclusive_share > 0 && a('exssnet').last_exclusive_share < 1);
  assert.ok(Number.isNaN(a('supsup').mean_exclusive_share));
  const table = reproTable(r.events);
  assert.match(table, /\| exssnet \| [\d.]+% \| [\d.]+% \| [\d.]+% \| [\d.]+% \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['beats-supsup', 'no-forgetting-exssnet', 'no-forgetting-supsup', 'ssnet-forgets'],
  );
});
