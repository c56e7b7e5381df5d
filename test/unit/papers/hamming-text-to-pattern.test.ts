import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hammingTextToPattern as paper } from '../../../src/papers/hamming-text-to-pattern';
import { recipe } from '../../../src/papers/hamming-text-to-pattern/recipe';
import { reproClaims, reproTable } from '../../../src/papers/hamming-text-to-pattern/repro';
import {
  abrahamsonHamming,
  naiveHamming,
  perCharFftHamming,
} from '../../../src/papers/hamming-text-to-pattern/algorithms';
import { randomString, sampler } from '../../../src/papers/hamming-text-to-pattern/data';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, runRecipe, schemaErrors, withDefaults } from '../../support/papers';

test('the three algorithms agree with a hand-checked case and with each other on random strings', () => {
  const text = Int32Array.from([0, 1, 0, 0, 1, 1]);
  const pattern = Int32Array.from([0, 1, 1]);
  // shifts: 010 vs 011 → 1; 100 → 3; 001 → 1; 011 → 0.
  for (const f of [naiveHamming, perCharFftHamming, abrahamsonHamming])
    assert.deepEqual([...f(text, pattern).distances], [1, 3, 1, 0]);
  const r = createRng(4);
  for (const dist of ['uniform', 'zipf'] as const) {
    const draw = sampler(12, dist, r);
    const t = randomString(3000, draw);
    const p = randomString(200, draw);
    const want = naiveHamming(t, p).distances;
    assert.deepEqual([...perCharFftHamming(t, p).distances], [...want]);
    // Both paths: with Zipf characters the frequent ones are heavy (FFT) and the rest light; a low
    // threshold sends every character to FFT.
    const ab = abrahamsonHamming(t, p, 1);
    if (dist === 'zipf') assert.ok(ab.heavyChars > 0 && ab.heavyChars < 12, `heavy ${ab.heavyChars}`);
    assert.deepEqual([...ab.distances], [...want]);
    assert.deepEqual([...abrahamsonHamming(t, p, 0.01).distances], [...want]);
  }
});

test('operation counts: naive = shifts × m; Abrahamson with all characters light = Σ occurrences + n', () => {
  const text = Int32Array.from([0, 1, 2, 0, 1, 2, 0]);
  const pattern = Int32Array.from([0, 1]);
  assert.equal(naiveHamming(text, pattern).ops, 6 * 2);
  assert.equal(abrahamsonHamming(text, pattern, 100).ops, 5 + 7);
});

test('zipf sampler: rank-1 character about twice as frequent as rank 2', () => {
  const draw = sampler(50, 'zipf', createRng(2));
  const counts = new Float64Array(50);
  for (let i = 0; i < 40000; i++) counts[draw()]++;
  assert.ok(Math.abs(counts[0] / counts[1] - 2) < 0.2, `${counts[0] / counts[1]}`);
});

test('example config: valid, and no rule fires', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('rule pattern-within-text', () => {
  const bad = ruleFindings(paper, 'hamming-text-to-pattern/pattern-within-text', (c) => (c.text_length = 1000));
  assert.deepEqual(
    bad.map((f) => f.path),
    [
      ['pattern_lengths', 4],
      ['pattern_lengths', 5],
      ['pattern_lengths', 6],
    ],
  );
  assert.deepEqual(
    ruleFindings(paper, 'hamming-text-to-pattern/pattern-within-text', () => {}),
    [],
  );
});

test('rule fit-needs-range', () => {
  const bad = ruleFindings(paper, 'hamming-text-to-pattern/fit-needs-range', (c) => (c.pattern_lengths = [100, 200]));
  assert.match(bad[0].message, /2 distinct pattern length\(s\) spanning 2\.0×/);
  assert.deepEqual(
    ruleFindings(paper, 'hamming-text-to-pattern/fit-needs-range', () => {}),
    [],
  );
});

test('rule naive-too-long', () => {
  const bad = ruleFindings(
    paper,
    'hamming-text-to-pattern/naive-too-long',
    (c) => ((c.text_length = 4_000_000), (c.repeats = 11)),
  );
  assert.equal(bad.length, 1);
  assert.deepEqual(
    ruleFindings(
      paper,
      'hamming-text-to-pattern/naive-too-long',
      (c) => ((c.text_length = 4_000_000), (c.algorithms = ['abrahamson'])),
    ),
    [],
  );
});

test('rule threshold-balance', () => {
  assert.match(
    ruleFindings(paper, 'hamming-text-to-pattern/threshold-balance', (c) => (c.abrahamson_threshold = 50))[0].message,
    /FFT is almost never used/,
  );
  assert.deepEqual(
    ruleFindings(paper, 'hamming-text-to-pattern/threshold-balance', () => {}),
    [],
  );
});

test('recipe on the tiny config: a timing per algorithm and m, agreeing distances, fits, table and claims', async () => {
  const cfg = withDefaults(paper.schema, {
    paper: 'hamming-text-to-pattern',
    ...TINY_CONFIGS['hamming-text-to-pattern'],
  });
  const rec = await runRecipe(recipe, cfg);
  const times = rec.events.filter((e) => e.type === 'summary' && e.series.kind === 'time');
  assert.equal(times.length, 2 * 3 * 3);
  assert.ok(times.every((e) => e.values.agrees === 1 && e.values.ops > 0));
  const fits = rec.events.filter((e) => e.type === 'summary' && e.series.kind === 'fit');
  assert.deepEqual(
    fits.map((e) => `${e.series.arm}/${e.series.alphabet}`),
    [
      'abrahamson/uniform',
      'naive/uniform',
      'fft_per_char/uniform',
      'abrahamson/zipf',
      'naive/zipf',
      'fft_per_char/zipf',
    ],
  );
  // Operation counts are deterministic: the naive scan's exponent of m is ~1 even on tiny inputs.
  const naiveOps = fits[1].values.ops_exponent;
  assert.ok(naiveOps > 0.9 && naiveOps < 1.1, `naive ops exponent ${naiveOps}`);
  assert.match(reproTable(rec.events), /identical distances: yes/);
  assert.deepEqual(
    reproClaims(rec.events).map((c) => c.id),
    ['abrahamson-sqrt-m', 'naive-linear', 'speedup'],
  );
});
