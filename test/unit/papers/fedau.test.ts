// fedau: client splits as views of one reordered copy, and the recipe on a tiny config — every weighting
// sees the same participation pattern and data, differs in its aggregation, and counts its uploads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fedau as paper } from '../../../src/papers/fedau';
import { clientSplits, recipe } from '../../../src/papers/fedau/recipe';
import { reproClaims, reproTable } from '../../../src/papers/fedau/repro';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('client splits hold exactly their examples, contiguous in one copy', () => {
  const train = {
    x: Float32Array.from({ length: 12 }, (_, i) => i),
    labels: Int32Array.from([0, 1, 2, 3, 4, 5]),
    n: 6,
  };
  const s = clientSplits(train, [Int32Array.from([4, 1]), Int32Array.from([]), Int32Array.from([0, 5, 2, 3])]);
  assert.deepEqual(Array.from(s[0].labels), [4, 1]);
  assert.deepEqual(Array.from(s[0].x), [8, 9, 2, 3]);
  assert.equal(s[1].n, 0);
  assert.deepEqual(Array.from(s[2].labels), [0, 5, 2, 3]);
  assert.equal(s[0].x.buffer, s[2].x.buffer, 'views of one buffer');
});

test('tiny run: same participation for every weighting, different aggregates, uploads counted', async () => {
  const c = tinyConfig(paper, (c) => {
    c.data.train = 600;
    c.data.test = 200;
    c.model.hidden = [8];
    c.arms = ['fedau', 'average_participating', 'known_prob', 'average_all'];
    c.fed.clients = 12;
    c.fed.rounds = 8;
    c.fed.local_steps = 2;
    c.fed.eval_every = 4;
    c.fed.participation_mean = 0.4;
    c.fed.participation_min = 0.1;
  });
  const r = await runTiny(recipe, c);
  const s = Object.fromEntries(summaries(r).map((e) => [e.series.arm, e.values]));
  assert.equal(s.clients.clients, 12);
  const uploads = ['fedau', 'average_participating', 'known_prob', 'average_all'].map((a) => s[a].uploads_per_client);
  assert.ok(
    uploads.every((u) => u === uploads[0] && u > 0),
    `same participation pattern: ${uploads}`,
  );
  const finals = ['fedau', 'average_participating', 'known_prob', 'average_all'].map((a) => s[a].final_acc);
  assert.ok(new Set(finals).size > 1, 'the weightings aggregate differently');
  // Every arm starts from the same global model.
  const starts = metrics(r, (x) => x.arm !== undefined)
    .filter((m) => m.step === 0)
    .map((m) => m.values.test_acc);
  assert.equal(new Set(starts).size, 1);
  assert.equal(s.fedau.bytes_per_upload, 4 * (784 * 8 + 8 + 8 * 10 + 10));
  assert.match(reproTable(r.events), /\| fedau \| \d+\.\d% \|/);
  assert.deepEqual(
    reproClaims(r.events).map((x) => x.id),
    ['fedau-beats-fedavg', 'fedau-near-oracle'],
  );
});
