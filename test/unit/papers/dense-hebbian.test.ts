import { test } from 'node:test';
import assert from 'node:assert/strict';
import { denseHebbian as paper } from '../../../src/papers/dense-hebbian';
import { recipe } from '../../../src/papers/dense-hebbian/recipe';
import { reproClaims, reproTable } from '../../../src/papers/dense-hebbian/repro';
import { drawDataset, runTrial } from '../../../src/papers/dense-hebbian/experiment';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

test('dataset: class averages agree with the archetype in (1 + r)/2 of single examples', () => {
  const d = drawDataset(400, 2, 1, 0.4, createRng(1));
  let agree = 0;
  for (let j = 0; j < 800; j++) if (d.averages[j] === d.archetypes[j]) agree++;
  // Binomial(800, 0.7): sd ≈ 13.
  assert.ok(Math.abs(agree - 560) < 52, `agree ${agree}`);
});

test('trial: with many clean-enough examples both networks retrieve; above the pairwise capacity only the dense one does', () => {
  const s = { N: 200, M: 100, r: 0.5, beta: 10, sweeps: 20, startNoise: 0.1, tested: 2 };
  const low = drawDataset(200, 3, 100, 0.5, createRng(2));
  for (const P of [2, 4])
    assert.ok(runTrial({ ...s, K: 3, P }, low, createRng(3)).magnetization.every((m) => m > 0.95));
  const high = drawDataset(200, 50, 100, 0.5, createRng(4));
  const pair = runTrial({ ...s, K: 50, P: 2 }, high, createRng(5)).magnetization;
  const dense = runTrial({ ...s, K: 50, P: 4 }, high, createRng(5)).magnetization;
  assert.ok(
    dense.every((m) => m > 0.95),
    `dense ${dense}`,
  );
  assert.ok(
    pair.every((m) => m < 0.8),
    `pairwise ${pair}`,
  );
});

test('example config: valid, and no warning or error fires (the pairwise-capacity note is information)', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  const findings = paper.rules.flatMap((r) => r.check(c));
  assert.deepEqual(
    findings.map((f) => `${f.severity} ${f.path.join('.')}`),
    ['info data.archetypes.1'],
  );
});

test('rule even-order', () => {
  assert.equal(ruleFindings(paper, 'dense-hebbian/even-order', (c) => (c.network.dense_p = 3))[0].severity, 'info');
  assert.deepEqual(
    ruleFindings(paper, 'dense-hebbian/even-order', () => {}),
    [],
  );
});

test('rule pairwise-over-capacity', () => {
  const f = ruleFindings(paper, 'dense-hebbian/pairwise-over-capacity', () => {});
  assert.match(f[0].message, /load of 0\.200, above the Hopfield capacity/);
  assert.deepEqual(
    ruleFindings(paper, 'dense-hebbian/pairwise-over-capacity', (c) => (c.data.archetypes = [5, 20])),
    [],
  );
});

test('rule tested-within-archetypes', () => {
  const bad = ruleFindings(paper, 'dense-hebbian/tested-within-archetypes', (c) => (c.dynamics.tested = 8));
  assert.match(bad[0].message, /smallest K is 5/);
  assert.deepEqual(
    ruleFindings(paper, 'dense-hebbian/tested-within-archetypes', () => {}),
    [],
  );
});

test('rule quality-positive', () => {
  assert.equal(ruleFindings(paper, 'dense-hebbian/quality-positive', (c) => (c.data.quality = 0)).length, 1);
  assert.deepEqual(
    ruleFindings(paper, 'dense-hebbian/quality-positive', () => {}),
    [],
  );
});

test('recipe on the tiny config: dense, pairwise and ceiling per (K, M), the table and both claims', async () => {
  const cfg = withDefaults(paper.schema, { paper: 'dense-hebbian', ...TINY_CONFIGS['dense-hebbian'] });
  const rec = await runRecipe(recipe, cfg);
  const sums = rec.events.filter((e) => e.type === 'summary');
  assert.equal(sums.length, 2 * 2 * 3);
  assert.deepEqual(
    sums.slice(0, 3).map((e) => `${e.series.arm}@K${e.series.K}/M${e.series.M}`),
    ['dense@K2/M1', 'pairwise@K2/M1', 'ceiling@K2/M1'],
  );
  assert.ok(sums.every((e) => e.values.trials === 4));
  assert.match(reproTable(rec.events), /K = 12/);
  assert.deepEqual(
    reproClaims(rec.events).map((c) => c.id),
    ['ultra-storage', 'ultra-detection'],
  );
  const again = await runRecipe(recipe, cfg);
  assert.deepEqual(
    again.events.filter((e) => e.type === 'summary').map((e) => e.values.magnetization),
    sums.map((e) => e.values.magnetization),
  );
});
