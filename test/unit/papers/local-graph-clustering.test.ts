import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localGraphClustering as paper } from '../../../src/papers/local-graph-clustering';
import { recipe } from '../../../src/papers/local-graph-clustering/recipe';
import { reproClaims, reproTable } from '../../../src/papers/local-graph-clustering/repro';
import { runReplication } from '../../../src/papers/local-graph-clustering/experiment';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

const small = { blocks: 4, blockSize: 40, pIn: 0.3, pOut: 0.01, epsilon: 0.05, massFactor: 2, tol: 1e-3 };

test('replication: with clean labels both the labels and the weighted diffusion find K; the original graph leaks', () => {
  const r = runReplication(small, 0, createRng(2));
  assert.equal(r.f1.labels, 1);
  assert.ok(r.f1.weighted > 0.8, `weighted ${r.f1.weighted}`);
  assert.ok(r.f1.original < r.f1.weighted, `original ${r.f1.original}`);
});

test('replication: with every label flipped the labels-only F1 is 0 and the same graph is drawn', () => {
  const a = runReplication(small, 1, createRng(2));
  const b = runReplication(small, 0, createRng(2));
  assert.equal(a.f1.labels, 0);
  assert.equal(a.f1.original, b.f1.original, 'the original-graph diffusion ignores labels');
});

test('example config: valid, and no rule fires', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule cluster-denser-inside', () => {
  const bad = ruleFindings(paper, 'local-graph-clustering/cluster-denser-inside', (c) => (c.graph.p_out = 0.05));
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /p_out \(0\.05\) is not below p_in \(0\.05\)/);
  assert.deepEqual(
    ruleFindings(paper, 'local-graph-clustering/cluster-denser-inside', () => {}),
    [],
  );
});

test('rule epsilon-below-one', () => {
  assert.equal(
    ruleFindings(paper, 'local-graph-clustering/epsilon-below-one', (c) => (c.labels.epsilon = 1)).length,
    1,
  );
  assert.deepEqual(
    ruleFindings(paper, 'local-graph-clustering/epsilon-below-one', () => {}),
    [],
  );
});

test('rule mass-covers-cluster', () => {
  const bad = ruleFindings(paper, 'local-graph-clustering/mass-covers-cluster', (c) => (c.diffusion.mass_factor = 0.5));
  assert.match(bad[0].message, /recall stays below 50%/);
  assert.deepEqual(
    ruleFindings(paper, 'local-graph-clustering/mass-covers-cluster', () => {}),
    [],
  );
});

test('rule labels-informative', () => {
  const bad = ruleFindings(
    paper,
    'local-graph-clustering/labels-informative',
    (c) => (c.labels.flip_rates = [0.1, 0.7]),
  );
  assert.deepEqual(
    bad.map((f) => f.path),
    [['labels', 'flip_rates', 1]],
  );
  assert.deepEqual(
    ruleFindings(paper, 'local-graph-clustering/labels-informative', () => {}),
    [],
  );
});

test('recipe on the tiny config: three arms per flip rate, the table and the claims', async () => {
  const cfg = withDefaults(paper.schema, {
    paper: 'local-graph-clustering',
    ...TINY_CONFIGS['local-graph-clustering'],
  });
  const rec = await runRecipe(recipe, cfg);
  const sums = rec.events.filter((e) => e.type === 'summary');
  assert.deepEqual(
    sums.map((e) => `${e.series.arm}@${e.series.flip}`),
    ['weighted@0', 'original@0', 'labels@0', 'weighted@0.2', 'original@0.2', 'labels@0.2'],
  );
  assert.equal(sums[2].values.f1, 1);
  assert.ok(sums.every((e) => e.values.replications === 3));
  assert.match(reproTable(rec.events), /\| 0\.2 \| /);
  assert.equal(reproClaims(rec.events).length, 1);
  const again = await runRecipe(recipe, cfg);
  assert.deepEqual(
    again.events.filter((e) => e.type === 'summary').map((e) => e.values.f1),
    sums.map((e) => e.values.f1),
  );
});
