import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { xorBenignGrokking as paper } from '../../../src/papers/xor-benign-grokking';
import { clusterCounts, makeXor } from '../../../src/papers/xor-benign-grokking/data';
import { logisticGradient, recipe } from '../../../src/papers/xor-benign-grokking/recipe';
import { reproTable } from '../../../src/papers/xor-benign-grokking/repro';
import { smallClusterProbability } from '../../../src/papers/xor-benign-grokking/rules';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

test('data: balanced clusters, stratified flips, means at the asked norm and angle', () => {
  const data = makeXor(
    { d: 50, n: 400, muNormSq: 100, meansCosine: 0, flip: 0.1, balanced: true, flipMode: 'stratified' },
    createRng(1),
  );
  assert.deepEqual(clusterCounts(data), [100, 100, 100, 100]);
  for (let c = 0; c < 4; c++) {
    let k = 0;
    for (let i = 0; i < 400; i++) if (data.cluster[i] === c && data.flipped[i]) k++;
    assert.equal(k, 10, `cluster ${c} flips`);
  }
  // Cluster means: +μ₁ = (10, 0, …), +μ₂ = (0, 10, …); noise averages out over 100 points (s.e. 0.1).
  const mean = (c: number, j: number) => {
    let s = 0;
    for (let i = 0; i < 400; i++) if (data.cluster[i] === c) s += data.x[i * 50 + j];
    return s / 100;
  };
  assert.ok(Math.abs(mean(0, 0) - 10) < 0.5 && Math.abs(mean(0, 1)) < 0.5);
  assert.ok(Math.abs(mean(2, 1) - 10) < 0.5 && Math.abs(mean(3, 1) + 10) < 0.5);
  for (let i = 0; i < 400; i++) assert.equal(data.y[i], data.flipped[i] ? -data.clean[i] : data.clean[i]);
  assert.deepEqual([...data.clean.slice(0, 4)], [1, 1, -1, -1]); // ±μ₁ → +1, ±μ₂ → −1
});

test('the hand-written logistic-loss gradient equals autodiff', async () => {
  const { tf } = await initBackend('wasm');
  const n = 6,
    d = 7,
    m = 4;
  const r = createRng(5);
  const X = tf.tensor2d(
    Float32Array.from({ length: n * d }, () => r.normal()),
    [n, d],
  );
  const Y = tf.tensor1d([1, -1, 1, 1, -1, -1]);
  const W = tf.tensor2d(
    Float32Array.from({ length: d * m }, () => r.normal()),
    [d, m],
  );
  const a = tf.tensor2d([0.5, 0.5, -0.5, -0.5], [m, 1]);
  const loss = (w: any) => tf.softplus(Y.neg().mul(X.matMul(w).relu().matMul(a).reshape([n]))).mean() as any;
  const auto = await tf.grad(loss)(W).data();
  const mine = await tf.tidy(() => logisticGradient(tf, X, X.transpose(), Y, W, a)).data();
  for (let i = 0; i < auto.length; i++)
    assert.ok(Math.abs(auto[i] - mine[i]) < 1e-5, `entry ${i}: ${auto[i]} vs ${mine[i]}`);
});

test('recipe on a tiny config: fits the training labels at step 1 and reports both accuracies', async () => {
  const { tf } = await initBackend('wasm');
  const cfg = withDefaults(paper.schema, {
    paper: 'xor-benign-grokking',
    data: { d: 2000, n: 16, test: 40, mu_norm_sq: 400, label_flip: 0.25, flip_mode: 'stratified' },
    model: { width: 20 },
    train: { steps: 30, evals_per_decade: 5 },
  });
  const rec = await runRecipe(recipe, cfg, { tf });
  const at = (on: string) => rec.events.filter((e) => e.type === 'metric' && e.series.measured_on === on);
  assert.deepEqual(
    at('train')
      .map((e) => e.step)
      .slice(0, 3),
    [0, 1, 2],
  );
  assert.equal(at('test_clean').length, at('train').length);
  assert.equal(at('flipped').length, at('train').length); // 4 labels flipped, one per cluster
  const summary = rec.events.find((e) => e.type === 'summary');
  assert.equal(summary.values.flipped_labels, 4);
  assert.equal(summary.values.train_acc_step1, 1, 'one step from a tiny init memorizes every label (d ≫ n)');
  assert.ok(rec.events.some((e) => e.type === 'phase' && /fits every training label/.test(e.label)));
  assert.match(reproTable(rec.events), /\| 1 \| 100\.0% \| 100\.0% \|/);
  assert.equal(tf.memory().numTensors < 50, true, 'tensors are disposed');
});

test('example config: valid, and no rule fires (examples/ = the definition: test/unit/config/examples.test.ts)', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule orthogonal-means', () => {
  const bad = ruleFindings(paper, 'xor-benign-grokking/orthogonal-means', (c) => (c.data.means_cosine = 0.3));
  assert.equal(bad.length, 1);
  assert.deepEqual(bad[0].fixes?.[0].edits, [{ kind: 'setValue', path: ['data', 'means_cosine'], value: 0 }]);
  assert.deepEqual(
    ruleFindings(paper, 'xor-benign-grokking/orthogonal-means', () => {}),
    [],
  );
});

test('rule high-dimension', () => {
  assert.equal(ruleFindings(paper, 'xor-benign-grokking/high-dimension', (c) => (c.data.d = 500)).length, 1);
  assert.deepEqual(
    ruleFindings(paper, 'xor-benign-grokking/high-dimension', (c) => (c.data.d = 4000)),
    [],
  );
});

test('rule small-init', () => {
  const bad = ruleFindings(paper, 'xor-benign-grokking/small-init', (c) => (c.model.init_scale = 0.01));
  assert.equal(bad.length, 1);
  assert.equal(bad[0].fixes?.[0].edits[0].kind === 'setValue' && bad[0].fixes[0].edits[0].value, 0.0001);
  assert.deepEqual(
    ruleFindings(paper, 'xor-benign-grokking/small-init', (c) => (c.model.init_scale = 0.0008)),
    [],
  );
});

test('rule balanced-clusters', () => {
  const odd = ruleFindings(paper, 'xor-benign-grokking/balanced-clusters', (c) => (c.data.n = 42));
  assert.equal(odd[0].severity, 'error');
  assert.equal(odd[0].fixes?.[0].edits[0].kind === 'setValue' && odd[0].fixes[0].edits[0].value, 40);
  const random = ruleFindings(paper, 'xor-benign-grokking/balanced-clusters', (c) => (c.data.clusters = 'random'));
  assert.equal(random.length, 1);
  assert.match(random[0].message, /fewer than n\/8/);
  assert.deepEqual(
    ruleFindings(
      paper,
      'xor-benign-grokking/balanced-clusters',
      (c) => ((c.data.clusters = 'random'), (c.data.n = 400)),
    ),
    [],
  );
  assert.deepEqual(
    ruleFindings(paper, 'xor-benign-grokking/balanced-clusters', () => {}),
    [],
  );
  // Exact check of the tail: n = 8 → P(Bin(8, 1/4) = 0) = 0.75⁸ ≈ 0.1001, ×4 clusters.
  assert.ok(Math.abs(smallClusterProbability(8) - 4 * 0.75 ** 8) < 1e-12);
});

test('the schema rejects a flip rate of 0.5 or more (rules never see a wrong type: test/unit/paper/contract.test.ts)', () => {
  assert.ok(schemaErrors(paper.schema, { paper: 'xor-benign-grokking', data: { label_flip: 0.7 } }).length > 0);
});
