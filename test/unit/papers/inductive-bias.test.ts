// inductive-bias: every rule on a bad config and the example, the work estimate written out by hand,
// and the recipe through the trainer process on a tiny sample (hypothesis counts, the reference
// target is the asked quantile of the emitted network errors, bias falls as the target rises).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inductiveBias as paper } from '../../../src/papers/inductive-bias';
import { reproClaims, reproTable } from '../../../src/papers/inductive-bias/repro';
import { inductiveBiasWork } from '../../../src/papers/inductive-bias/work';
import { STEP_COST_PER_LAYER, ADAM_COST_PER_PARAM } from '../../../src/core/estimate/work';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const cases: [string, (c: any) => void][] = [
  ['inductive-bias/few-trials', (c) => (c.nn.trials = 10)],
  ['inductive-bias/tail-extrapolation', (c) => (c.target.factors = [0.3, 1])],
  ['inductive-bias/kernel-too-large', (c) => (c.data.train = 3000)],
  ['inductive-bias/one-task', (c) => (c.data.datasets = ['mnist'])],
];

test('every rule has a case, trips on its bad config and not on the example', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad] of cases) {
    assert.equal(ruleFindings(paper, code, bad).length, 1, `${code} on its bad config`);
    assert.deepEqual(
      ruleFindings(paper, code, () => {}),
      [],
      `${code} on the example`,
    );
  }
  assert.match(ruleFindings(paper, cases[0][0], cases[0][1])[0].message, /^10 sampled hypotheses/);
  assert.match(ruleFindings(paper, cases[2][0], cases[2][1])[0].message, /3,000 training and 1,000 test points/);
  // The kernel rule is silent when the kernel space is off.
  assert.deepEqual(
    ruleFindings(paper, cases[2][0], (c) => ((c.data.train = 3000), (c.kernel.enabled = false))),
    [],
  );
  const c = exampleConfig(paper);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('work: the networks and the kernel space, written out by hand', () => {
  const c = exampleConfig(paper);
  c.kernel.enabled = false;
  // 2 tasks × 50 nets × (63 Adam steps of 784-64-10 at batch 32 + a forward of 1,000 test images).
  const macs = 784 * 64 + 64 * 10;
  const steps = Math.ceil((2 * 1000) / 32);
  const step = 3 * 32 * macs + 2 * STEP_COST_PER_LAYER + ADAM_COST_PER_PARAM * macs; // Adam's cost counts the weights (work.ts)
  const nn = 2 * 50 * (steps * step + 1000 * macs);
  assert.ok(Math.abs(inductiveBiasWork(c) / nn - 1) < 1e-9, `${inductiveBiasWork(c)} vs ${nn}`);
  c.kernel.enabled = true;
  const n = 1000;
  const kernel = 784 * 2000 ** 2 + 20 * (n ** 3 / 3 + n ** 3 / 2 + n ** 3 / 2 + n ** 3 / 3 + (200 * 10 * n * n) / 2);
  assert.ok(Math.abs(inductiveBiasWork(c) / (nn + 2 * kernel) - 1) < 1e-9);
});

test('recipe through the trainer process: samples, reference target, bias against target, claims', async () => {
  const r = await runThroughTrainer({
    paper: 'inductive-bias',
    seed: 2,
    data: { train: 120, test: 60 },
    nn: { trials: 8, width: 16, epochs: 2, batch_size: 20 },
    kernel: { samples: 12 },
    target: { quantile: 0.25, factors: [0.9, 1, 1.1] },
  });
  assert.equal(r.status, 'completed', r.message);
  const metrics = r.events.filter((e) => e.type === 'metric');
  const errs = (arm: string, dataset: string) =>
    metrics.filter((e) => e.series.arm === arm && e.series.dataset === dataset).map((e) => e.values.test_mse);
  assert.equal(errs('nn', 'mnist').length, 8);
  assert.equal(errs('kernel', 'fashion-mnist').length, 12);
  for (const e of [...errs('nn', 'mnist'), ...errs('kernel', 'mnist')]) assert.ok(e > 0 && e < 1, `${e}`);
  const sums = r.events.filter((e) => e.type === 'summary');
  const fits = sums.filter((s) => s.series.curve === 'fit');
  assert.equal(fits.length, 4);
  // The 25% quantile of MNIST's 8 network errors: position 0.25 × 7 = 1.75 in the sorted list.
  const s = errs('nn', 'mnist').sort((a, b) => a - b);
  const q = s[1] + 0.75 * (s[2] - s[1]);
  for (const f of fits) assert.ok(Math.abs(f.values.reference_target - q) < 1e-12);
  for (const arm of ['nn', 'kernel'])
    for (const dataset of ['mnist', 'fashion-mnist']) {
      const b = sums
        .filter((x) => x.series.curve === 'bias' && x.series.arm === arm && x.series.dataset === dataset)
        .sort((x, y) => Number(x.series.factor) - Number(y.series.factor));
      assert.equal(b.length, 3);
      assert.ok(Math.abs(b[1].values.target - q) < 1e-12);
      assert.ok(b[0].values.bias_nats >= b[1].values.bias_nats && b[1].values.bias_nats >= b[2].values.bias_nats);
    }
  assert.match(reproTable(r.events), /\| kernel \| fashion-mnist \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['harder-task', 'harder-task-kernel', 'networks-encode-bias', 'ncx2-fits'],
  );
});
