// learngene-sws: the recipe on a tiny config — teacher, tied and untied auxiliary nets, descendants of
// two depths under every init; learngene inits start where the auxiliary net ends (same function at
// the auxiliary depth); storage counted; the table reads the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learngeneSws as paper } from '../../../src/papers/learngene-sws';
import { recipe, stepsFor } from '../../../src/papers/learngene-sws/recipe';
import { reproClaims, reproTable } from '../../../src/papers/learngene-sws/repro';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('steps per epoch round up, and a batch larger than the data is one step', () => {
  assert.equal(stepsFor(1000, 128, 1), 8);
  assert.equal(stepsFor(1000, 128, 3), 24);
  assert.equal(stepsFor(50, 128, 2), 2);
});

test('tiny run: every init of every depth; the SWS descendant of the aux depth starts at the aux accuracy', async () => {
  const c = tinyConfig(paper, (c) => {
    c.data.train = 256;
    c.data.test = 100;
    c.teacher.hidden = [32];
    c.teacher.epochs = 2;
    c.width = 16;
    c.aux.blocks_per_stage = [2, 2];
    c.aux.epochs = 2;
    c.descendants.depths = [
      [1, 1],
      [2, 2],
    ];
    c.descendants.reference_epochs = 2;
    c.train.batch_size = 64;
  });
  const r = await runTiny(recipe, c);
  const desc = summaries(r, (s) => s.stat === 'descendant').map((s) => `${s.series.depth}/${s.series.arm}`);
  assert.deepEqual(desc, [
    '2/sws',
    '2/scratch',
    '2/learngene_untied',
    '2/scratch_long',
    '4/sws',
    '4/scratch',
    '4/learngene_untied',
    '4/scratch_long',
  ]);
  const aux = summaries(r, (s) => s.arm === 'aux')[0].values.test_acc;
  const swsStart = metrics(r, (s) => s.arm === 'sws' && s.depth === 4)[0];
  assert.equal(swsStart.step, 0);
  assert.ok(Math.abs(swsStart.values.test_acc - aux) < 1e-9, 'expanded at the same depth = the auxiliary net');
  // Scratch of one depth starts from the same random draw as every other arm's random parts.
  const scratchStarts = metrics(r, (s) => s.depth === 2 && (s.arm === 'scratch' || s.arm === 'scratch_long')).filter(
    (m) => m.step === 0,
  );
  assert.equal(new Set(scratchStarts.map((m) => m.values.test_acc)).size, 1);
  const st = summaries(r, (s) => s.arm === 'storage')[0].values;
  assert.equal(st.learngene_parameters, 784 * 16 + 16 + 2 * (16 * 16 + 16) + 16 * 10 + 10);
  assert.ok(st.ratio > 1);
  assert.match(reproTable(r.events), /\| 4 \| \d+\.\d% \|/);
  assert.deepEqual(
    reproClaims(r.events).map((x) => x.id),
    ['sws-beats-scratch', 'sharing-guides', 'one-epoch'],
  );
});
