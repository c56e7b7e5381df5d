import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Thresholdout, pickBest, checkOptions, defaultScales } from '../../../src/papers/thresholdout/mechanism';
import { createRng } from '../../../src/trainer/rng';
import { thresholdout as paper } from '../../../src/papers/thresholdout';
import { runRep, selectFeatures, topKAccuracies, makeSet } from '../../../src/papers/thresholdout/experiment';
import { recipe, settingsFrom } from '../../../src/papers/thresholdout/recipe';
import { reproTable } from '../../../src/papers/thresholdout/repro';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

const uniform = (seed: number) => {
  const r = createRng(seed);
  return () => r.next();
};

for (const noise of ['gaussian', 'laplace'] as const) {
  test(`Thresholdout (${noise}): answers stay within the noise bound of the holdout`, () => {
    const sigma = 0.01;
    const threshold = 0.04;
    const t = new Thresholdout({ threshold, sigma, budget: Infinity, noise, random: uniform(7) });
    const r = createRng(8);
    let overCount = 0;
    for (let q = 0; q < 2000; q++) {
      const holdout = r.next();
      const train = holdout + (r.next() - 0.5) * 0.3; // some agree, some are far off
      const a = t.query(train, holdout);
      assert.ok(a.value !== undefined);
      if (a.overThreshold) {
        overCount++;
        // Laplace(σ) tails: P(|ξ| > 12σ) = e^-12 ≈ 6e-6 per answer.
        assert.ok(
          Math.abs(a.value - holdout) < 12 * sigma,
          `over-threshold answer ${a.value} strays from holdout ${holdout}`,
        );
      } else {
        assert.equal(a.value, train);
        // The training value is only returned when it agrees with the holdout to T plus noise.
        assert.ok(Math.abs(train - holdout) < threshold + 40 * sigma);
      }
      if (Math.abs(train - holdout) > threshold + 40 * sigma) assert.ok(a.overThreshold);
    }
    assert.ok(overCount > 500 && overCount < 2000, `over-threshold answers: ${overCount}`);
  });
}

test('Thresholdout stops answering once its budget is spent', () => {
  const t = new Thresholdout({ threshold: 0.01, sigma: 0.001, budget: 3, noise: 'laplace', random: uniform(1) });
  const answers = Array.from({ length: 5 }, () => t.query(0.9, 0.5));
  assert.deepEqual(
    answers.map((a) => a.overThreshold),
    [true, true, true, false, false],
  );
  assert.equal(answers[3].value, undefined);
  assert.equal(t.remaining, 0);
});

test('Thresholdout rejects bad options with a message instead of misbehaving', () => {
  assert.throws(
    () => new Thresholdout({ threshold: -1, sigma: 0, budget: 1, noise: 'laplace', random: Math.random }),
    /threshold must be a positive number; sigma/,
  );
  assert.deepEqual(checkOptions({ ...defaultScales(100), budget: 5, noise: 'gaussian', random: Math.random }), []);
});

test('pickBest: an overfitted candidate does not win on the shared validation set', () => {
  const { threshold, sigma } = defaultScales(2500); // 0.08, 0.02
  // "tuned" overfits: great on its own data and, spuriously, on the reused validation set only by a
  // margin that Thresholdout replaces with a noisy holdout value; "honest" is genuinely better.
  const cands = [
    { id: 'honest', train: 0.8, holdout: 0.79 },
    { id: 'tuned', train: 0.99, holdout: 0.7 },
  ];
  const pick = pickBest(cands, { threshold, sigma, budget: 10, noise: 'gaussian', random: uniform(3) });
  assert.equal(pick.id, 'honest');
  assert.equal(pick.reported[0].score, 0.8); // agrees with holdout: training value returned
  assert.ok(pick.reported[1].overThreshold);
});

test('experiment: features are selected only when both sets agree, ranked by training correlation', () => {
  const sel = selectFeatures(Float64Array.from([0.5, -0.3, 0.2, 0.9, -0.6]), [0.4, -0.2, -0.3, 0.05, -0.7], 0.1);
  assert.deepEqual([...sel.order], [4, 0, 1]);
  assert.deepEqual([...sel.weights], [1, -1, 0, 0, -1]);
  // Incremental top-k accuracy: with one perfectly predictive feature, k = 1 is exact.
  const set = { x: Float32Array.from([1, 0, -1, 0, 0, 0]), y: Int8Array.from([1, -1, 1]) };
  assert.deepEqual(topKAccuracies(set, 3, 2, Int32Array.from([0]), Float64Array.from([1, 0]), [0, 1]), [0.5, 2 / 3]);
  const planted = makeSet(200, 5, 2, 1, createRng(1));
  assert.equal(planted.x.length, 1000);
});

test('experiment (tiny): the standard holdout overfits pure noise, Thresholdout tracks fresh data', () => {
  // T = 4/√n is wide at small n, so the tiny case still needs n = 1000 for the gap to clear it.
  const s = {
    n: 1000,
    d: 1000,
    signalVars: 0,
    signalBias: 0,
    selectionFilter: 1,
    ks: [0, 50, 100],
    threshold: 4 / Math.sqrt(1000),
    sigma: 1 / Math.sqrt(1000),
    noise: 'gaussian' as const,
    budget: Infinity,
  };
  const reps = [1, 2, 3].map((i) => runRep(s, false, createRng(i)));
  const avg = (f: (r: (typeof reps)[0]) => number) => reps.reduce((a, r) => a + f(r), 0) / reps.length;
  const stdGap = avg((r) => r.standard[2].holdout - r.standard[2].fresh);
  const thrGap = avg((r) => r.thresholdout[2].holdout - r.thresholdout[2].fresh);
  assert.ok(stdGap > 0.05, `standard holdout gap ${stdGap}`);
  assert.ok(Math.abs(thrGap) < stdGap / 2, `thresholdout gap ${thrGap} vs standard ${stdGap}`);
});

test('recipe on a tiny config emits both arms, all three sets and a summary per condition', async () => {
  const cfg = withDefaults(paper.schema, {
    paper: 'thresholdout',
    seed: 2,
    data: { n: 300, d: 300 },
    analysis: { k: [0, 5, 10], reps: 2 },
    thresholdout: { threshold: 4 / Math.sqrt(300), sigma: 1 / Math.sqrt(300) },
  });
  assert.equal(settingsFrom(cfg).budget, Infinity);
  const rec = await runRecipe(recipe, cfg);
  const metrics = rec.events.filter((e) => e.type === 'metric');
  assert.equal(metrics.length, 2 /*conditions*/ * 2 /*arms*/ * 3 /*sets*/ * 3 /*k*/);
  assert.ok(
    metrics.every((e) => typeof e.values.acc === 'number' && ['no_signal', 'signal'].includes(e.series.condition)),
  );
  const summaries = rec.events.filter((e) => e.type === 'summary');
  assert.deepEqual(
    summaries.map((e) => `${e.series.condition}/${e.series.arm}`),
    ['no_signal/standard', 'no_signal/thresholdout', 'signal/standard', 'signal/thresholdout'],
  );
  assert.equal(rec.progress.at(-1)?.[0], 4);
  // The repro table reads the summaries (k = largest asked when the notes' k is not in the list).
  assert.match(reproTable(rec.events), /\| no signal \| 10 \| standard \|/);
  // Same seed, same numbers.
  const again = await runRecipe(recipe, cfg);
  assert.deepEqual(again.events, rec.events);
});

test('example config: valid, and no rule fires (examples/ = the definition: test/unit/config/examples.test.ts)', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule threshold-above-noise', () => {
  const bad = ruleFindings(paper, 'thresholdout/threshold-above-noise', (c) => (c.thresholdout.threshold = 0.01));
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /not above sigma/);
  assert.deepEqual(bad[0].fixes?.[0].edits[0], {
    kind: 'setValue',
    path: ['thresholdout', 'threshold'],
    value: 0.08944,
  });
  assert.deepEqual(
    ruleFindings(paper, 'thresholdout/threshold-above-noise', () => {}),
    [],
  );
});

test('rule k-within-d', () => {
  const bad = ruleFindings(paper, 'thresholdout/k-within-d', (c) => (c.analysis.k = [10, 3000]));
  assert.equal(bad.length, 1);
  assert.deepEqual(bad[0].path, ['analysis', 'k', 1]);
  assert.equal(bad[0].severity, 'error');
  assert.deepEqual(
    ruleFindings(paper, 'thresholdout/k-within-d', (c) => (c.analysis.k = [10, 2000])),
    [],
  );
});

test('rule signal-vars-within-d', () => {
  assert.equal(
    ruleFindings(paper, 'thresholdout/signal-vars-within-d', (c) => ((c.data.d = 10), (c.data.signal_vars = 20)))
      .length,
    1,
  );
  assert.deepEqual(
    ruleFindings(paper, 'thresholdout/signal-vars-within-d', (c) => (c.data.d = 20)),
    [],
  );
});

test('rule rescale-with-n', () => {
  const bad = ruleFindings(paper, 'thresholdout/rescale-with-n', (c) => (c.data.n = 10000));
  assert.deepEqual(
    bad.map((f) => f.path.join('.')),
    ['thresholdout.threshold', 'thresholdout.sigma'],
  );
  assert.match(bad[0].message, /4\/√n = 0\.04\b/);
  assert.deepEqual(
    ruleFindings(
      paper,
      'thresholdout/rescale-with-n',
      (c) => ((c.data.n = 10000), (c.thresholdout.threshold = 0.04), (c.thresholdout.sigma = 0.01)),
    ),
    [],
  );
});

test('rule memory', () => {
  assert.equal(ruleFindings(paper, 'thresholdout/memory', (c) => ((c.data.n = 10000), (c.data.d = 10000))).length, 1);
  assert.deepEqual(
    ruleFindings(paper, 'thresholdout/memory', (c) => ((c.data.n = 5000), (c.data.d = 5000))),
    [],
  );
});

test('the schema rejects a value of the wrong type (rules never see it: test/unit/paper/contract.test.ts)', () => {
  assert.ok(schemaErrors(paper.schema, { paper: 'thresholdout', data: { n: 'many' } }).length > 0);
});
