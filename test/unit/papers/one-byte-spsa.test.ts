// one-byte-spsa: the task shift and shards, the bytes accounting, and the recipe on a tiny config — every
// arm fine-tunes from the same pretrained weights, SPSA moves them, the same seed gives the same run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneByteSpsa as paper } from '../../../src/papers/one-byte-spsa';
import { bytesPerStep, recipe, shard, shiftSplit } from '../../../src/papers/one-byte-spsa/recipe';
import { reproClaims, reproTable } from '../../../src/papers/one-byte-spsa/repro';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('relabel shifts labels by one, invert flips pixels; shards partition the data', () => {
  const s = { x: Float32Array.from([0, 0.25, 1, 0.5, 0.2, 0.8]), labels: Int32Array.from([0, 9, 4]), n: 3 };
  assert.deepEqual(Array.from(shiftSplit(s, 'relabel').labels), [1, 0, 5]);
  const inv = Array.from(shiftSplit(s, 'invert').x);
  [1, 0.75, 0, 0.5, 0.8, 0.2].forEach((v, i) => assert.ok(Math.abs(inv[i] - v) < 1e-6));
  const parts = [0, 1].map((m) => shard(s, m, 2));
  assert.deepEqual(Array.from(parts[0].labels), [0, 4]);
  assert.deepEqual(Array.from(parts[1].labels), [9]);
  assert.deepEqual(Array.from(parts[1].x), Array.from(s.x.subarray(2, 4)));
});

test('bytes per step per machine: 4 per float scalar, bits/8 per code, 4 per parameter for a gradient', () => {
  const c = { spsa: { perturbations: 8, log_step: 0.125, max_power: 63 } } as any;
  assert.equal(bytesPerStep('spsa_float', c, 25450), 32);
  assert.equal(bytesPerStep('spsa_one_byte', c, 25450), 8);
  assert.equal(bytesPerStep('spsa_one_byte', { spsa: { ...c.spsa, max_power: 127 } } as any, 25450), 9);
  assert.equal(bytesPerStep('backprop', c, 25450), 101800);
});

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data.train = 400;
    c.data.test = 100;
    c.model.hidden = [8];
    c.pretrain.iterations = 20;
    c.spsa.machines = 2;
    c.spsa.perturbations = 3;
    c.spsa.steps = 6;
    c.spsa.batch_size = 16;
    c.spsa.eval_every = 3;
    c.spsa.lr = 0.01;
  });

test('tiny run: three arms from one pretrained net, bytes counted, same seed ⇒ same numbers', async () => {
  const r = await runTiny(recipe, tiny());
  const arms = summaries(r).map((s) => s.series.arm);
  assert.deepEqual(arms, ['pretrained', 'spsa_one_byte', 'spsa_float', 'backprop']);
  const byArm = Object.fromEntries(summaries(r).map((s) => [s.series.arm, s.values]));
  for (const a of ['spsa_one_byte', 'spsa_float', 'backprop'])
    assert.equal(byArm[a].start_acc, byArm.pretrained.shifted_test_acc);
  assert.equal(byArm.spsa_float.bytes_per_step, 12);
  assert.equal(byArm.spsa_one_byte.bytes_per_step, 3);
  assert.equal(byArm.backprop.bytes_per_step, 4 * byArm.pretrained.parameters);
  assert.ok(byArm.spsa_one_byte.mean_relative_quantization_error < Math.exp(0.125 / 2) - 1 + 1e-9);
  const last = metrics(r, (s) => s.arm === 'spsa_float').pop();
  assert.equal(last.step, 6);
  assert.equal(last.values.bytes_sent, 6 * 12);
  const again = await runTiny(recipe, tiny());
  assert.deepEqual(
    summaries(again).map((s) => s.values.final_acc ?? s.values.shifted_test_acc),
    summaries(r).map((s) => s.values.final_acc ?? s.values.shifted_test_acc),
  );
  assert.match(reproTable(r.events), /\| spsa_one_byte \| /);
  assert.equal(reproClaims(r.events).length, 3);
});
