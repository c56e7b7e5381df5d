import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { weightMatchingLmc as paper } from '../../../src/papers/weight-matching-lmc';
import { recipe } from '../../../src/papers/weight-matching-lmc/recipe';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';
import { StopRequested } from '../../../src/trainer/recipe';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data.train = 400;
    c.data.test = 200;
    c.model.hidden = [24, 16];
    c.train.iterations = 60;
    c.train.eval_every = 30;
    c.interpolation.points = 5;
  });

test("tiny run: both models train, the path is measured at every λ, matching keeps B's function and shortens the total distance", async () => {
  const r = await runRecipe(recipe, tiny());
  assert.equal(metrics(r, (s) => s.arm === 'model_a').length, 3); // steps 0, 30, 60
  assert.equal(metrics(r, (s) => s.arm === 'model_b').length, 3);
  const path = (arm: string) =>
    summaries(r, (s) => s.arm === arm && s.lambda !== undefined).sort((x, y) => x.series.lambda - y.series.lambda);
  const naive = path('naive');
  const permuted = path('permuted');
  assert.deepEqual(
    naive.map((e) => e.series.lambda),
    [0, 0.25, 0.5, 0.75, 1],
  );
  assert.equal(permuted.length, 5);
  // λ = 0 is A on both paths; λ = 1 is B and π(B), the same function.
  assert.equal(naive[0].values.test_loss, permuted[0].values.test_loss);
  assert.ok(Math.abs(naive[4].values.test_loss - permuted[4].values.test_loss) < 1e-4);
  assert.ok(Math.abs(naive[4].values.test_acc - permuted[4].values.test_acc) <= 2 / 200);
  // Weight matching maximises Σ⟨A, π(B)⟩, i.e. minimises the total distance: never longer than naive.
  const total = summaries(r, (s) => s.arm === 'permuted' && s.lambda === undefined && s.layer === undefined)[0];
  assert.ok(total.values.distance_ratio <= 1 + 1e-9, `ratio ${total.values.distance_ratio}`);
  assert.ok(Number.isFinite(total.values.barrier_test_loss));
  assert.equal(summaries(r, (s) => s.arm === 'permuted' && s.layer !== undefined && s.rank === undefined).length, 3);
  // Singular vectors: one event per rank per layer per arm, cosines in [0, 1].
  const sv = summaries(r, (s) => s.rank !== undefined);
  assert.equal(sv.length, 2 * (24 + 16 + 10)); // k = min(out, in) per layer
  for (const e of sv) assert.ok(e.values.cos_left >= 0 && e.values.cos_left <= 1 + 1e-9);
  assert.deepEqual([...r.saved.keys()], ['model_a', 'model_b', 'model_b_permuted']);
  assert.ok(r.logs.some((l) => /same function/.test(l)));
});

test('the two models differ, the run is reproducible from its seed, and another run seed trains another pair', async () => {
  const c = tiny();
  c.analysis.singular_vectors = false;
  const r1 = await runRecipe(recipe, c);
  const r2 = await runRecipe(recipe, structuredClone(c));
  const w = (r: any, name: string) => r.saved.get(name)['dense0/weight'];
  assert.notDeepEqual(w(r1, 'model_a'), w(r1, 'model_b'));
  assert.deepEqual(w(r1, 'model_b_permuted'), w(r2, 'model_b_permuted'));
  // The seeds of a sweep must vary the networks' initial weights, not only the data split (seeds.a and
  // seeds.b stay fixed). With lr 0 the saved weights are the initial ones.
  const frozen = structuredClone(c);
  frozen.train.lr = 0;
  const i1 = await runRecipe(recipe, frozen);
  const i2 = await runRecipe(recipe, { ...structuredClone(frozen), seed: frozen.seed + 1 });
  assert.notDeepEqual(w(i1, 'model_a'), w(i2, 'model_a'));
  assert.notDeepEqual(w(i1, 'model_b'), w(i2, 'model_b'));
});

test("a stop request ends the run with StopRequested and frees the recipe's tensors", async () => {
  const before = tf.memory().numTensors;
  await assert.rejects(runRecipe(recipe, tiny(), { stopAfterEvents: 2 }), StopRequested);
  // Nets, data and optimizer variables are disposed. What remains is the shared blocks' own leak:
  // createOptimizer keeps the zerosLike tensor behind each of its 2 × 6 state variables and train()
  // the scalar behind its loss accumulator (13 for this net; reported to the trainer's owner).
  assert.ok(tf.memory().numTensors - before <= 13, `leaked ${tf.memory().numTensors - before}`);
});
