import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { rs2 as paper } from '../../../src/papers/rs2';
import { cosineLr, cosineSteps, createSampler, evalGrid, iterationsPerRound } from '../../../src/papers/rs2/sampling';
import { armsOf, recipe } from '../../../src/papers/rs2/recipe';
import { reproClaims, reproTable } from '../../../src/papers/rs2/repro';
import { holds } from '../../../src/core/repro/claims';
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
  // Every arm is evaluated on the same schedule of examples seen: at the first step reaching each point.
  const grid = evalGrid(25, 2 * 200);
  for (const arm of new Set(sums.map((s) => s.series.arm))) {
    const ms = rec.events.filter((e) => e.type === 'metric' && e.series.arm === arm);
    const seen = ms.map((m) => m.values.examples_seen);
    const total = sums.find((s) => s.series.arm === arm).values.examples_seen;
    for (const g of grid.filter((g) => g <= total))
      assert.ok(
        seen.some((e) => e >= g && e < g + 25),
        `${arm}: no evaluation within a batch after ${g} examples (${seen.join(', ')})`,
      );
    assert.ok(ms.every((m) => m.step === 0 || m.values.train_cpu_seconds > 0));
  }
});

test('the shared evaluation schedule: 6 points per doubling of examples seen, from one batch', () => {
  assert.deepEqual(evalGrid(64, 128), [64, 72, 81, 91, 102, 114, 128]);
  const g = evalGrid(64, 240_000);
  assert.equal(g.length, Math.floor(6 * Math.log2(240_000 / 64)) + 1);
  for (let i = 1; i < g.length; i++) assert.ok(g[i] / g[i - 1] < 1.13, 'at most 2^(1/6) apart, rounded');
});

test('time-to-accuracy is read in examples on the shared schedule; a crossing inside one grid step is not resolved', () => {
  const m = (method: string, ratio: number, step: number, examples: number, acc: number) => ({
    type: 'metric' as const,
    time: 0,
    step,
    series: { arm: method, ratio },
    values: {
      test_acc: acc,
      examples_seen: examples,
      train_seconds: examples / 1000,
      train_cpu_seconds: examples / 2000,
    },
  });
  const sum = (method: string, ratio: number, acc: number) => ({
    type: 'summary' as const,
    time: 0,
    series: { arm: method, ratio },
    values: { final_acc: acc, train_seconds: 1, train_cpu_seconds: 1 },
  });
  const table = (fullHitAt: number) =>
    reproTable([
      m('rs2', 0.01, 0, 0, 0.1),
      m('rs2', 0.01, 20, 1280, 0.8),
      m('rs2', 0.01, 38, 2400, 0.88),
      m('full', 1, 0, 0, 0.1),
      m('full', 1, 10, 640, 0.7),
      m('full', 1, 20, fullHitAt, 0.9),
      sum('rs2', 0.01, 0.88),
      sum('full', 1, 0.97),
    ] as never);
  // Full data first at or above 88% after 1,280 examples, RS2 after 2,400: full data is faster in examples.
  const faster = table(1280);
  assert.match(
    faster,
    /\| 1\.0% \| 88\.0% \| 2,400 \(38\) \[1,280\] \| 1,280 \(20\) \[640\] \| 0\.53× \| 0\.53× \| 0\.53× \|/,
  );
  assert.match(faster, /full data needs fewer examples \(0\.53×\) → NOT reproduced/);
  // The paper's CIFAR-10 marks, found by arm as the recipe tags its series (no 'method' tag).
  assert.match(faster, /\| 1\.0% \| 88\.0% \(1\.0 s\) \| 52\.0% \|/);
  assert.match(faster, /\| 100% \(full data\) \| 97\.0% \(1\.0 s\) \| 95\.0% \|/);
  // Full data crosses between 640 and 4,000 examples: RS2's 2,400 lies inside that bracket.
  assert.match(table(4000), /within one evaluation step of each other \(1\.67×\) → not resolved/);
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

test('reproClaims: RS2 − static per ratio, and full data needing more examples (bracketed on the grid) up to 10%', () => {
  const m = (arm: string, ratio: number, step: number, examples: number, acc: number) => ({
    type: 'metric' as const,
    time: 0,
    step,
    series: { arm, ratio },
    values: { test_acc: acc, examples_seen: examples },
  });
  const sum = (arm: string, ratio: number, acc: number) => ({
    type: 'summary' as const,
    time: 0,
    series: { arm, ratio },
    values: { final_acc: acc },
  });
  const run = (staticAcc: number, full: [number, number][]) =>
    reproClaims([
      m('rs2', 0.01, 0, 0, 0.1),
      m('rs2', 0.01, 38, 2400, 0.88),
      m('rs2', 0.2, 0, 0, 0.1),
      m('rs2', 0.2, 99, 9000, 0.95),
      ...full.map(([examples, acc], i) => m('full', 1, i, examples, acc)),
      sum('rs2', 0.01, 0.88),
      sum('static', 0.01, staticAcc),
      sum('rs2', 0.2, 0.95),
      sum('static', 0.2, 0.9),
      sum('full', 1, 0.97),
    ] as never);
  const byId = (cs: ReturnType<typeof reproClaims>, id: string) => cs.find((c) => c.id === id)!.tests[0];
  // Full data is still below 88% after 3,000 examples, RS2 is there after 2,400: 1.25× > 1.
  const good = run(0.75, [
    [0, 0.1],
    [3000, 0.85],
    [4000, 0.9],
  ]);
  assert.deepEqual(
    good.map((c) => c.id),
    ['beats-static-0.01', 'beats-static-0.2', 'sooner-than-full-0.01'],
    'time-to-accuracy only at ratios up to 10% (the paper claims it under 10%)',
  );
  assert.ok(good.every((c) => c.tests.every((t) => holds(t, t.value))));
  assert.ok(Math.abs(byId(good, 'beats-static-0.01').value - 0.13) < 1e-12);
  assert.equal(byId(good, 'beats-static-0.01').family, 2);
  assert.equal(byId(good, 'sooner-than-full-0.01').value, 3000 / 2400);
  // Static ahead, and full data already at 88% after 1,280 examples (below it at 640): both fail.
  const bad = run(0.9, [
    [0, 0.1],
    [640, 0.7],
    [1280, 0.9],
  ]);
  assert.ok(!holds(byId(bad, 'beats-static-0.01'), byId(bad, 'beats-static-0.01').value));
  assert.equal(byId(bad, 'sooner-than-full-0.01').value, 640 / 2400);
  assert.ok(!holds(byId(bad, 'sooner-than-full-0.01'), 640 / 2400));
  // Full data never reaches 88%: its examples at the end are the lower bound.
  assert.equal(
    byId(
      run(0.75, [
        [0, 0.1],
        [6000, 0.8],
      ]),
      'sooner-than-full-0.01',
    ).value,
    6000 / 2400,
  );
});
