import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rethinkingPruning as paper } from '../../../src/papers/rethinking-pruning';
import { recipe, plannedSteps } from '../../../src/papers/rethinking-pruning/recipe';
import { scratchBIterations } from '../../../src/trainer/neuronPruning';
import { mlpMacs } from '../../../src/core/estimate/work';
import { reproTable } from '../../../src/papers/rethinking-pruning/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'mnist', train: 300, test: 100 };
    c.model.hidden = [40, 20];
    c.prune.ratios = [0.5, 0.75];
    c.train.iterations = 20;
    c.train.eval_every = 10;
    c.finetune.iterations = 10;
  });

test('tiny run: full model, then per ratio fine-tuned, Scratch-E and Scratch-B with the FLOPs budget', async () => {
  const c = tiny();
  const r = await runRecipe(recipe, c);
  const s = (arm: string, ratio: number) => summaries(r, (x) => x.arm === arm && x.ratio === ratio)[0];
  assert.ok(s('full', 0));
  const full = mlpMacs([784, 40, 20, 10]);
  for (const [ratio, hidden] of [
    [0.5, [20, 10]],
    [0.75, [10, 5]],
  ] as const) {
    const small = mlpMacs([784, ...hidden, 10]);
    assert.equal(s('finetune', ratio).values.iterations, 10);
    assert.equal(s('scratch_e', ratio).values.iterations, 20);
    // Scratch-B = 20 × FLOPs(full)/FLOPs(pruned), and the run really took that many steps.
    const b = scratchBIterations(20, full, small);
    assert.equal(s('scratch_b', ratio).values.iterations, b);
    const last = metrics(r, (x) => x.arm === 'scratch_b' && x.ratio === ratio).at(-1);
    assert.equal(last.step, b);
    assert.ok(b > 20);
    assert.equal(s('scratch_b', ratio).values.flops, small);
  }
  // Fine-tuning starts from the pruned weights: its first evaluation equals the accuracy right after pruning.
  const ft0 = metrics(r, (x) => x.arm === 'finetune' && x.ratio === 0.5)[0];
  assert.equal(ft0.step, 0);
  assert.equal(ft0.values.test_acc, s('finetune', 0.5).values.accuracy_after_pruning);
  const table = reproTable(r.events);
  assert.match(table, /\| 50% \| [\d.]+% \| [\d.]+% \(10\) \| [\d.]+% \(20\) \| [\d.]+% \(\d+\) \| [+-][\d.]+ pp/);
  assert.match(table, /75%: Scratch-B (matches or beats|falls below) fine-tuned/);
  assert.equal(
    plannedSteps(c, 784, 10),
    20 +
      2 * (10 + 20) +
      scratchBIterations(20, full, mlpMacs([784, 20, 10, 10])) +
      scratchBIterations(20, full, mlpMacs([784, 10, 5, 10])),
  );
});

test('learning-rate drops happen at 50% and 75% of each run, Scratch-B included', async () => {
  const c = tiny();
  c.prune.ratios = [0.5];
  c.regimes = ['finetune', 'scratch_b'];
  const r = await runRecipe(recipe, c);
  const lrAt = (arm: string) => metrics(r, (x) => x.arm === arm).map((e) => [e.step, e.values.lr]);
  const full = lrAt('full');
  // Evaluations at 0, 10, 15, 20 (segment ends are evaluated); each reports the rate of the steps that led to it.
  assert.deepEqual(
    full.map(([step]) => step),
    [0, 10, 15, 20],
  );
  assert.deepEqual(
    full.map(([, lr]) => +lr.toPrecision(3)),
    [0.05, 0.05, 0.005, 0.0005],
  );
  const b = lrAt('scratch_b');
  const iters = b.at(-1)![0];
  for (const [step, lr] of b) {
    const expected = step <= Math.round(0.5 * iters) ? 0.05 : step <= Math.round(0.75 * iters) ? 0.005 : 0.0005;
    assert.ok(Math.abs(lr - expected) < 1e-12, `step ${step}: lr ${lr}, expected ${expected}`);
  }
  assert.ok(
    lrAt('finetune').every(([, lr]) => lr === 0.001),
    'fine-tuning at its own constant rate',
  );
});
