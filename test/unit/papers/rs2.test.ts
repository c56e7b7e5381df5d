import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { rs2 as paper } from '../../../src/papers/rs2';
import { cosineLr, cosineSteps, createSampler, iterationsPerRound } from '../../../src/papers/rs2/sampling';
import { armsOf, recipe } from '../../../src/papers/rs2/recipe';
import { reproTable } from '../../../src/papers/rs2/repro';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

test('RS2 without replacement: every ⌈1/r⌉ rounds cover the whole data set exactly once', () => {
  const n = 100;
  const s = createSampler('rs2', n, 0.1, createRng(1));
  for (let pass = 0; pass < 3; pass++) {
    const seen = new Int32Array(n);
    for (let round = 0; round < 10; round++) for (const i of s.next()) seen[i]++;
    assert.ok(
      seen.every((c) => c === 1),
      `pass ${pass}: every example once`,
    );
  }
  // A ratio that does not divide N: passes continue across round boundaries, still without repeats.
  const t = createSampler('rs2', 10, 0.3, createRng(2));
  const firstPass = [...t.next(), ...t.next(), ...t.next(), ...t.next()].slice(0, 10);
  assert.deepEqual(
    [...firstPass].sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
});

test('static keeps one subset; with replacement draws a fresh one each round; full is everything', () => {
  const st = createSampler('static', 50, 0.2, createRng(3));
  assert.deepEqual([...st.next()], [...st.next()]);
  const wr = createSampler('rs2_wr', 50, 0.2, createRng(3));
  const [a, b] = [wr.next(), wr.next()];
  assert.equal(new Set(a).size, 10, 'no repeats within a round');
  assert.notDeepEqual([...a], [...b]);
  assert.equal(createSampler('full', 50, 0.2, createRng(3)).next().length, 50);
});

test('cosine schedule: T = rounds·⌈rN/b⌉, from lr to lr_min', () => {
  assert.equal(cosineSteps(8000, 0.01, 64, 30), 30 * 2);
  assert.equal(iterationsPerRound(800, 64), 13);
  assert.equal(cosineLr(0, 100, 0.1, 1e-4), 0.1);
  assert.ok(Math.abs(cosineLr(50, 100, 0.1, 1e-4) - (1e-4 + 0.0999 / 2)) < 1e-12);
  assert.equal(cosineLr(100, 100, 0.1, 1e-4), 1e-4);
  assert.equal(cosineLr(150, 100, 0.1, 1e-4), 1e-4, 'stays at the floor past T');
});

test('arms: each ratio × subset method, then the full data once', () => {
  const arms = armsOf(exampleConfig(paper));
  assert.equal(arms.length, 4 * 2 + 1);
  assert.deepEqual(arms.at(-1), { method: 'full', ratio: 1 });
});

test('recipe on a tiny config: same init for all, accuracy per round, training time recorded', async () => {
  const { tf } = await initBackend('wasm');
  const cfg = withDefaults(paper.schema, {
    paper: 'rs2',
    data: { dataset: 'mnist', train: 200, test: 100 },
    model: { hidden: [16] },
    train: { batch_size: 25, rounds: 2 },
    sampling: { ratios: [0.25, 0.5], methods: ['rs2', 'static', 'full'] },
  });
  const rec = await runRecipe(recipe, cfg, { tf });
  const sums = rec.events.filter((e) => e.type === 'summary');
  assert.deepEqual(
    sums.map((s) => `${s.series.arm} ${s.series.ratio}`),
    ['rs2 0.25', 'static 0.25', 'rs2 0.5', 'static 0.5', 'full 1'],
  );
  assert.deepEqual(
    sums.map((s) => s.values.iterations),
    [4, 4, 8, 8, 16],
  );
  assert.equal(
    new Set(rec.events.filter((e) => e.type === 'metric' && e.step === 0).map((e) => e.values.test_acc)).size,
    1,
    'one initialization',
  );
  const last = rec.events.filter((e) => e.type === 'metric' && e.series.arm === 'full').at(-1);
  // The last of the 16 iterations runs at η_15 of a 16-step cosine (as CosineAnnealingLR stepped per iteration).
  assert.ok(last.values.train_seconds > 0);
  assert.ok(Math.abs(last.values.lr - cosineLr(15, 16, 0.1, 1e-4)) < 1e-12 && last.values.lr < 0.002);
  assert.match(reproTable(rec.events), /\| 25\.0% \|/);
});

test('example config: valid, and no rule fires (examples/ = the definition: test/unit/config/examples.test.ts)', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule cosine-length', () => {
  const bad = ruleFindings(paper, 'rs2/cosine-length', (c) => (c.train.cosine_steps = 600));
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /60 for r = 0\.01/);
  assert.deepEqual(
    ruleFindings(paper, 'rs2/cosine-length', (c) => ((c.train.cosine_steps = 60), (c.sampling.ratios = [0.01]))),
    [],
  );
});

test('rule subset-at-least-batch', () => {
  const bad = ruleFindings(paper, 'rs2/subset-at-least-batch', (c) => (c.train.batch_size = 128));
  assert.deepEqual(
    bad.map((f) => f.path.join('.')),
    ['sampling.ratios.0'],
  );
  assert.deepEqual(
    ruleFindings(
      paper,
      'rs2/subset-at-least-batch',
      (c) => ((c.train.batch_size = 128), (c.sampling.ratios = [0.05, 0.1])),
    ),
    [],
  );
});

test('rule needs-baseline', () => {
  const bad = ruleFindings(paper, 'rs2/needs-baseline', (c) => (c.sampling.methods = ['rs2']));
  assert.deepEqual(bad[0].fixes?.[0].edits[0], {
    kind: 'setValue',
    path: ['sampling', 'methods'],
    value: ['rs2', 'static', 'full'],
  });
  assert.deepEqual(
    ruleFindings(paper, 'rs2/needs-baseline', (c) => (c.sampling.methods = ['rs2', 'full'])),
    [],
  );
});

test('the schema rejects an out-of-range ratio (rules never see a wrong type: test/unit/paper/contract.test.ts)', () => {
  assert.ok(schemaErrors(paper.schema, { paper: 'rs2', sampling: { ratios: [0] } }).length > 0);
});
