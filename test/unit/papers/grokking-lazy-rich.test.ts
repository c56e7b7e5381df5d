import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { grokkingLazyRich as paper } from '../../../src/papers/grokking-lazy-rich';
import { centredAlignment, makeTask } from '../../../src/papers/grokking-lazy-rich/kernel';
import { mseGradient, ntk, outputs, recipe } from '../../../src/papers/grokking-lazy-rich/recipe';
import { reproClaims, reproTable } from '../../../src/papers/grokking-lazy-rich/repro';
import { holds, type ClaimCheck } from '../../../src/core/repro/claims';
import type { RunEvent } from '../../../src/core/runs/events';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

test('centred kernel–target alignment: 1 for K = ỹỹᵀ, 1/√(p−1) for K = I', () => {
  const y = [0.3, 1.2, -0.5, 2, 0.1];
  const m = y.reduce((a, b) => a + b) / 5;
  const yc = y.map((v) => v - m);
  assert.ok(
    Math.abs(
      centredAlignment(
        yc.flatMap((a) => yc.map((b) => a * b)),
        5,
        y,
      ) - 1,
    ) < 1e-12,
  );
  const eye = Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 : 0));
  assert.ok(Math.abs(centredAlignment(eye, 5, y) - 1 / Math.sqrt(4)) < 1e-12);
});

test('task: x ~ N(0, I/D), y = (β·x)²/2', () => {
  const beta = Float64Array.from({ length: 50 }, (_, i) => (i % 2 ? 1 : -1));
  const t = makeTask(beta, 2000, createRng(1));
  let sq = 0;
  for (const v of t.x) sq += v * v;
  assert.ok(Math.abs(sq / 2000 - 1) < 0.05, `E‖x‖² = ${sq / 2000}`);
  const meanY = t.y.reduce((a, b) => a + b) / 2000; // E[(β·x)²/2] = ‖β‖²/(2D) = 0.5
  assert.ok(Math.abs(meanY - 0.5) < 0.05, `E y = ${meanY}`);
});

test('hand-written MSE gradient and NTK equal autodiff', async () => {
  const { tf } = await initBackend('wasm');
  const r = createRng(2);
  const [n, d, p, alpha, eps] = [6, 4, 5, 2.5, 0.3];
  const W = tf.tensor2d(
    Float32Array.from({ length: n * d }, () => r.normal()),
    [n, d],
  );
  const X = tf.tensor2d(
    Float32Array.from({ length: p * d }, () => r.normal() / 2),
    [p, d],
  );
  const y = tf.tensor1d(Float32Array.from({ length: p }, () => r.normal()));
  const f0 = outputs(tf, W.mul(0.9) as any, X.transpose(), alpha, eps);
  const loss = (w: any) => outputs(tf, w, X.transpose(), alpha, eps, f0).sub(y).square().mean() as any;
  const auto = await tf.grad(loss)(W).data();
  const mine = await mseGradient(tf, W, X, X.transpose(), y, alpha, eps, f0).data();
  for (let i = 0; i < auto.length; i++)
    assert.ok(Math.abs(auto[i] - mine[i]) < 1e-4 * (1 + Math.abs(auto[i])), `grad ${i}: ${auto[i]} vs ${mine[i]}`);
  // NTK: ∇f(x)·∇f(x') = (α²/N)·K(x, x').
  const jac = async (i: number) =>
    tf
      .grad((w: any) => outputs(tf, w, X.slice([i, 0], [1, d]).transpose(), alpha, eps).sum() as any)(W)
      .data();
  const k = await ntk(tf, W, X, X, eps);
  const [j0, j3] = [await jac(0), await jac(3)];
  let dotJ = 0;
  for (let i = 0; i < j0.length; i++) dotJ += j0[i] * j3[i];
  assert.ok(Math.abs(dotJ - ((alpha * alpha) / n) * k[0 * p + 3]) < 1e-4, `${dotJ} vs ${((alpha * alpha) / n) * k[3]}`);
});

test('recipe on a tiny config: a kernel line, one curve per α, summaries, centred start', async () => {
  const { tf } = await initBackend('wasm');
  const cfg = withDefaults(paper.schema, {
    paper: 'grokking-lazy-rich',
    data: { dim: 5, train: 30, test: 20 },
    model: { width: 16 },
    train: { alphas: [1, 4], steps: 40, evals_per_decade: 4 },
  });
  const rec = await runRecipe(recipe, cfg, { tf });
  const kernel = rec.events.filter((e) => e.type === 'metric' && e.series.arm.startsWith('kernel'));
  assert.equal(kernel.length, 2);
  assert.equal(kernel[0].values.test_mse, kernel[1].values.test_mse);
  for (const alpha of [1, 4]) {
    const m = rec.events.filter((e) => e.type === 'metric' && e.series.alpha === alpha);
    assert.equal(m[0].step, 0);
    assert.equal(m[0].values.weight_change, 0);
    assert.equal(m.at(-1).step, 40);
    assert.equal(m.at(-1).values.flow_time, 40); // lr = 1 in scaled mode: flow time = step
    assert.ok(m.at(-1).values.train_mse < m[0].values.train_mse, 'training lowers the training loss');
  }
  // Centred: both α start from the same outputs (0), hence the same initial loss.
  const starts = rec.events.filter((e) => e.type === 'metric' && e.step === 0 && e.series.alpha !== undefined);
  assert.ok(Math.abs(starts[0].values.train_mse - starts[1].values.train_mse) < 1e-6);
  assert.deepEqual(
    rec.events.filter((e) => e.type === 'summary').map((e) => `${e.series.arm}${e.series.alpha ?? ''}`),
    ['kernel', 'network1', 'network4'],
  );
  // Both alignments at every evaluation: at step 0 they are the initial kernel's, as the kernel summary says.
  const k0 = rec.events.find((e) => e.type === 'summary' && e.series.arm === 'kernel').values;
  for (const alpha of [1, 4]) {
    const m = rec.events.filter((e) => e.type === 'metric' && e.series.alpha === alpha);
    for (const e of m)
      for (const key of ['alignment', 'alignment_test'])
        assert.ok(Math.abs(e.values[key]) <= 1 + 1e-9, `${key} = ${e.values[key]}`);
    assert.ok(Math.abs(m[0].values.alignment_test - k0.alignment_test) < 1e-5);
    assert.ok(Math.abs(m[0].values.alignment - k0.alignment) < 1e-5);
  }
  assert.notEqual(k0.alignment, k0.alignment_test, 'two different measures');
  assert.match(reproTable(rec.events), /\| 4 \| [0-9.]+ \| [0-9.]+ \| (not within the run|\d+ paper steps) \|/);
  assert.ok(tf.memory().numTensors < 50, 'tensors are disposed');
});

test('example config: valid, and no rule fires (examples/ = the definition: test/unit/config/examples.test.ts)', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule scaled-lr', () => {
  const bad = ruleFindings(paper, 'grokking-lazy-rich/scaled-lr', (c) => (c.train.lr_mode = 'fixed'));
  assert.equal(bad.length, 1);
  assert.equal(bad[0].fixes?.[0].edits.length, 2);
  assert.deepEqual(
    ruleFindings(paper, 'grokking-lazy-rich/scaled-lr', (c) => ((c.train.lr_mode = 'fixed'), (c.train.alphas = [2]))),
    [],
  );
});

test('rule epsilon-positive', () => {
  assert.equal(
    ruleFindings(paper, 'grokking-lazy-rich/epsilon-positive', (c) => (c.model.epsilon = 0))[0].severity,
    'error',
  );
  assert.deepEqual(
    ruleFindings(paper, 'grokking-lazy-rich/epsilon-positive', (c) => (c.model.epsilon = 0.25)),
    [],
  );
});

test('rule center-large-alpha', () => {
  assert.match(
    ruleFindings(paper, 'grokking-lazy-rich/center-large-alpha', (c) => (c.model.center = false))[0].message,
    /α = 4/,
  );
  assert.deepEqual(
    ruleFindings(
      paper,
      'grokking-lazy-rich/center-large-alpha',
      (c) => ((c.model.center = false), (c.train.alphas = [0.25, 1])),
    ),
    [],
  );
});

test('rule enough-data', () => {
  const bad = ruleFindings(paper, 'grokking-lazy-rich/enough-data', (c) => (c.data.train = 80));
  assert.deepEqual(bad[0].fixes?.[0].edits[0], { kind: 'setValue', path: ['data', 'train'], value: 550 });
  assert.deepEqual(
    ruleFindings(paper, 'grokking-lazy-rich/enough-data', (c) => (c.data.train = 100)),
    [],
  );
});

test('rule stable-step', () => {
  const bad = ruleFindings(paper, 'grokking-lazy-rich/stable-step', (c) => (c.train.lr = 40));
  assert.match(bad[0].message, /diverge near lr ≈ 49/);
  assert.deepEqual(
    ruleFindings(paper, 'grokking-lazy-rich/stable-step', (c) => (c.train.lr = 10)),
    [],
  );
});

test('the schema rejects an empty α list (rules never see a wrong type: test/unit/paper/contract.test.ts)', () => {
  assert.ok(schemaErrors(paper.schema, { paper: 'grokking-lazy-rich', train: { alphas: [] } }).length > 0);
});

/** Synthetic curves: each α's train MSE falls below 0.3 at `fit`, its test MSE at `drop` (kernel MSE 0.6). */
function lazyRichRun(curves: { alpha: number; fit: number; drop: number | undefined }[]): RunEvent[] {
  const times = [0, 100, 300, 1000, 3000, 10000, 30000];
  return [
    { type: 'summary', time: 0, series: { arm: 'kernel' }, values: { test_mse: 0.6 } },
    ...curves.flatMap(({ alpha, fit, drop }) =>
      times.map((t, step): RunEvent => ({
        type: 'metric',
        time: 0,
        step,
        series: { arm: 'network', alpha },
        values: {
          flow_time: t,
          train_mse: t >= fit ? 0.01 : 0.7,
          test_mse: drop !== undefined && t >= drop ? 0.05 : 0.8,
        },
      })),
    ),
  ];
}

test('reproClaims: later plateau exits for larger α and a late drop at the smallest α hold', () => {
  const cs = reproClaims(
    lazyRichRun([
      { alpha: 0.5, fit: 1000, drop: 3000 },
      { alpha: 1, fit: 1000, drop: 10000 },
      { alpha: 4, fit: 3000, drop: undefined },
    ]),
  );
  assert.deepEqual(
    cs.map((c) => c.id),
    ['later-for-larger-alpha-0.5-1', 'later-for-larger-alpha-1-4', 'late-drop-smallest-alpha'],
  );
  for (const c of cs)
    assert.ok(
      c.tests.every((t) => holds(t, t.value)),
      c.id,
    );
  assert.equal(cs[0].tests[0].value, 10000 / 3000);
  // α = 4 never left the plateau: the run's last time stands in, a lower bound.
  assert.equal(cs[1].tests[0].value, 30000 / 10000);
  assert.equal(cs[1].tests[0].family, 2);
  assert.deepEqual(
    cs[2].tests.map((t) => t.value),
    [0.05 / 0.6, 3],
  );
});

test('reproClaims: a larger α that drops first, a drop right after the fit, or no drop at all fail', () => {
  const failing = (cs: ClaimCheck[], id: string) => {
    const c = cs.find((x) => x.id === id)!;
    return !c.tests.every((t) => holds(t, t.value));
  };
  const early = reproClaims(
    lazyRichRun([
      { alpha: 0.5, fit: 1000, drop: 1000 },
      { alpha: 1, fit: 300, drop: 300 },
    ]),
  );
  assert.ok(failing(early, 'later-for-larger-alpha-0.5-1'));
  assert.ok(failing(early, 'late-drop-smallest-alpha'), 'test falls together with train: not late');
  const none = reproClaims(
    lazyRichRun([
      { alpha: 0.5, fit: 1000, drop: undefined },
      { alpha: 1, fit: 1000, drop: undefined },
    ]),
  );
  assert.ok(failing(none, 'later-for-larger-alpha-0.5-1'), 'neither left the plateau: ratio 1');
  assert.ok(failing(none, 'late-drop-smallest-alpha'), 'still on the plateau at the end');
  assert.deepEqual(reproClaims(lazyRichRun([]).slice(1)), [], 'no kernel line, no claims');
});
