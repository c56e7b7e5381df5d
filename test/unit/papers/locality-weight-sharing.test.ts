// locality-weight-sharing: every rule, and the recipe through the trainer process on a tiny sweep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localityWeightSharing as paper } from '../../../src/papers/locality-weight-sharing';
import { reproClaims, reproTable } from '../../../src/papers/locality-weight-sharing/repro';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const cases: [string, (c: any) => void, (c: any) => void][] = [
  ['locality-weight-sharing/one-k', (c) => (c.task.patches = [8]), () => {}],
  ['locality-weight-sharing/single-patch', (c) => (c.task.patches = [1, 4]), () => {}],
  ['locality-weight-sharing/sweep-range', (c) => (c.task.samples = [10, 20, 40]), () => {}],
  ['locality-weight-sharing/target-accuracy', (c) => (c.task.target_accuracy = 0.6), () => {}],
];

test('every rule has a case, trips on its bad config and not on the good one; the example is clean', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad, good] of cases) {
    assert.equal(ruleFindings(paper, code, bad).length, 1, `${code} on its bad config`);
    assert.deepEqual(ruleFindings(paper, code, good), [], `${code} on the good config`);
  }
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('recipe through the trainer process: accuracy per (model, k, n) and n* per (model, k)', async () => {
  const r = await runThroughTrainer({
    paper: 'locality-weight-sharing',
    seed: 1,
    task: { patch_dim: 4, patches: [2, 4], samples: [20, 80, 320], test: 200, noise: 0.5 },
    model: { channels: 4 },
    train: { steps: 60, lr: 0.05 },
  });
  assert.equal(r.status, 'completed', r.message);
  const sums = r.events.filter((e) => e.type === 'summary');
  assert.equal(sums.filter((s) => s.series.curve === 'n_star').length, 6);
  const accs = sums.filter((s) => s.values.test_acc !== undefined);
  assert.equal(accs.length, 3 * 2 * 3);
  // The easiest cell learns: the CNN at k = 2 with 320 examples is well above chance.
  const easy = accs.find((s) => s.series.arm === 'cnn' && s.series.k === 2 && s.series.n === 320)!;
  assert.ok(easy.values.test_acc > 0.75, String(easy.values.test_acc));
  assert.match(reproTable(r.events), /\| cnn \|/);
  assert.equal(reproClaims(r.events).length, 2);
});
