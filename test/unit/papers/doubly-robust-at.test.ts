// doubly-robust-at: the recipe on a tiny config — every arm starts from the same weights, trains on PGD
// batches (reweighted for `done`), is scored per class under the evaluation PGD; and the robust
// accuracy block agrees with attacking by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { doublyRobustAt as paper } from '../../../src/papers/doubly-robust-at';
import { recipe, robustAccuracy } from '../../../src/papers/doubly-robust-at/recipe';
import { reproClaims, reproTable } from '../../../src/papers/doubly-robust-at/repro';
import { buildMlp } from '../../../src/trainer/model';
import { createRng } from '../../../src/trainer/rng';
import { pgd } from '../../../src/trainer/attacks';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('robust accuracy per class, chunked, equals attacking the whole set at once (no random start)', async () => {
  await tf.setBackend('cpu');
  const net = buildMlp(tf, { input: 6, hidden: [5], classes: 10, init: 'he_normal', rng: createRng(1) });
  const rng = createRng(2);
  const n = 50;
  const x = tf.tensor2d(
    Float32Array.from({ length: n * 6 }, () => rng.next()),
    [n, 6],
  );
  const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D;
  const ev = { eps: 0.1, steps: 3, step_size: 0.05, random_start: false, points: 40 };
  const r = robustAccuracy(tf, net, { x, y, n }, ev, createRng(3), 7);
  const adv = pgd(tf, net, tf.slice(x, 0, 40), tf.slice(y, 0, 40) as tf.Tensor2D, {
    eps: 0.1,
    stepSize: 0.05,
    steps: 3,
    randomStart: false,
  });
  const pred = net.forward(adv).argMax(1).arraySync() as number[];
  const hit = pred.map((p, i) => (p === labels[i] ? 1 : 0));
  assert.ok(Math.abs(r.overall - hit.reduce((a: number, b) => a + b, 0) / 40) < 1e-9);
  for (let c = 0; c < 10; c++) {
    const idx = [...Array(40).keys()].filter((i) => labels[i] === c);
    assert.ok(Math.abs(r.perClass[c] - idx.reduce((s, i) => s + hit[i], 0) / idx.length) < 1e-9);
  }
  assert.equal(r.worst, Math.min(...r.perClass));
});

test('tiny run: DONE, AT and standard from one init; per-class robust accuracy and weight statistics', async () => {
  const c = tinyConfig(paper, (c) => {
    c.data.train = 300;
    c.data.test = 100;
    c.model.hidden = [16];
    c.arms = ['done', 'at', 'standard'];
    c.train.iterations = 6;
    c.train.eval_every = 3;
    c.train.batch_size = 32;
    c.attack.steps = 2;
    c.eval.steps = 3;
    c.eval.points = 60;
  });
  const r = await runTiny(recipe, c);
  const starts = metrics(r).filter((m) => m.step === 0);
  assert.equal(new Set(starts.map((m) => m.values.test_acc)).size, 1, 'same initial weights');
  assert.ok(metrics(r, (s) => s.arm === 'done').some((m) => m.values.max_weight_share > 0));
  assert.equal(summaries(r, (s) => s.stat === 'per_class').length, 30);
  const s = Object.fromEntries(summaries(r, (x) => x.stat === undefined).map((e) => [e.series.arm, e.values]));
  for (const arm of ['done', 'at', 'standard']) assert.ok(s[arm].worst_class_robust_acc <= s[arm].robust_acc);
  assert.match(reproTable(r.events), /\| done \| \d+\.\d% \|/);
  assert.equal(reproClaims(r.events).length, 2);
});
