import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sensitivitySampling as paper } from '../../../src/papers/sensitivity-sampling';
import { reproClaims, reproTable } from '../../../src/papers/sensitivity-sampling/repro';
import {
  lawExponent,
  makeMatrix,
  makeTestbed,
  rowsNeeded,
  sampleDistortion,
  samplerProbabilities,
  scoreMatrix,
} from '../../../src/papers/sensitivity-sampling/experiment';
import { exactSensitivity } from '../../../src/trainer/algorithms/lpRegression';
import { createRng } from '../../../src/trainer/rng';
import { TINY_CONFIGS } from '../../support/tinyConfigs';
import { exampleConfig, ruleFindings, schemaErrors, tinyConfig } from '../../support/papers';
import { runThroughTrainer } from './trainerRun';

const cases: [string, (c: any) => void, RegExp][] = [
  ['sensitivity-sampling/dims-below-rows', (c) => (c.matrix.rows = 600), /n = 600 is less than 20 × d = 800/],
  [
    'sensitivity-sampling/block-width',
    (c) => (c.matrix.block_width = 4),
    /d = 5, 10 are not a multiple of block_width 4/,
  ],
  [
    'sensitivity-sampling/law-needs-varied-s',
    (c) => (c.matrix.structures = ['gaussian']),
    /One structure \(gaussian\)/,
  ],
  [
    'sensitivity-sampling/lewis-iterations',
    (c) => (c.lewis.iterations = 4),
    /4 iteration\(s\) at p = 1 .* 10 bring it to 0\.1%/,
  ],
  ['sensitivity-sampling/law-by-p', (c) => (c.p = 3), /S\^\{2−2\/p\} = S\^1\.33/],
];

test('example config: valid, and no rule fires', () => {
  const c = exampleConfig(paper);
  assert.deepEqual(schemaErrors(paper.schema, c), []);
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('every rule has a case, trips on its bad config with the computed numbers, and not on the example', () => {
  assert.deepEqual(cases.map((c) => c[0]).sort(), paper.rules.map((r) => r.code).sort());
  for (const [code, bad, message] of cases) {
    const found = ruleFindings(paper, code, bad);
    assert.equal(found.length, 1, `${code} on its bad config`);
    assert.match(found[0].message, message, code);
    assert.deepEqual(
      ruleFindings(paper, code, () => {}),
      [],
      `${code} on the example`,
    );
  }
  // d ≥ n is an error on the offending entry, not a warning.
  const err = ruleFindings(
    paper,
    'sensitivity-sampling/dims-below-rows',
    (c) => ((c.matrix.rows = 60), (c.matrix.dims = [5, 80])),
  );
  assert.deepEqual(
    err.map((f) => [f.path.join('.'), f.severity]),
    [
      ['matrix.dims.0', 'warning'],
      ['matrix.dims.1', 'error'],
    ],
  );
  // p = 2 is exactly the leverage case: one Lewis iteration suffices, and the rule says what p = 2 means.
  assert.deepEqual(
    ruleFindings(paper, 'sensitivity-sampling/lewis-iterations', (c) => ((c.p = 2), (c.lewis.iterations = 1))),
    [],
  );
  assert.match(ruleFindings(paper, 'sensitivity-sampling/law-by-p', (c) => (c.p = 2))[0].message, /leverage scores/);
});

test('the law’s exponent: 2/p below 2, 2 − 2/p above', () => {
  assert.equal(lawExponent(1), 2);
  assert.ok(Math.abs(lawExponent(1.5) - 4 / 3) < 1e-12);
  assert.ok(Math.abs(lawExponent(3) - 4 / 3) < 1e-12);
});

test('matrices: one-column blocks have S = d; heavy rows carry ≥ h/(1+h); Gaussian S ≈ √(π/2)·√d at p = 1', () => {
  const c = exampleConfig(paper);
  const r = createRng(1);
  const block = makeMatrix('block', 400, 8, 1, c.matrix, r.fork('b'));
  const sb = scoreMatrix(block, 400, 8, c, r.fork('sb'));
  assert.ok(Math.abs(sb.s - 8) < 1e-6 && Math.abs(sb.sLower - 8) < 1e-6, `block S ${sb.s}, bound ${sb.sLower}`);
  assert.ok(Math.abs(sb.ratio - 1) < 1e-6);

  const heavy = makeMatrix('heavy_rows', 300, 4, 1, { ...c.matrix, heavy_weight: 2 }, r.fork('h'));
  const heavyRows = [...Array(300).keys()].filter(
    (i) => heavy.slice(i * 4, i * 4 + 4).filter((v) => v !== 0).length === 1,
  );
  assert.equal(heavyRows.length, 4);
  for (const i of heavyRows) {
    const s = exactSensitivity(heavy, 300, 4, i, 1, { maxIter: 200 });
    assert.ok(s >= 2 / 3 - 1e-6 && s <= 1, `heavy row ${i}: ${s}`);
  }

  // Asymptotically σ_i ≈ ‖a_i‖₂ / (n·E|g|), so S ≈ E‖a‖₂·√(π/2) ≈ 1.2533·√d; 5% at n = 1500, d = 10.
  const g = makeMatrix('gaussian', 1500, 10, 1, c.matrix, r.fork('g'));
  const sg = scoreMatrix(g, 1500, 10, c, r.fork('sg'));
  assert.ok(Math.abs(sg.s / (Math.sqrt(Math.PI / 2) * Math.sqrt(10)) - 1) < 0.05, `Gaussian S ${sg.s}`);
  assert.ok(sg.ratio >= 1 - 1e-9 && sg.ratio < 1.1, `exact / estimate ${sg.ratio}`);
});

test('distortion: the whole matrix at weight 1 has none; the search finds fewer rows for sensitivity than uniform on heavy rows', () => {
  const c = tinyConfig(paper, (x) => ((x.sampling.directions = 40), (x.sampling.sensitive_directions = 10)));
  const r = createRng(2);
  const n = 300;
  const a = makeMatrix('heavy_rows', n, 4, 1, c.matrix, r.fork('a'));
  const scores = scoreMatrix(a, n, 4, c, r.fork('s'));
  const bed = makeTestbed(a, n, 4, c, scores, r.fork('t'));
  assert.equal(bed.t, 50);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  assert.ok(sampleDistortion(bed, all, new Float64Array(n).fill(1)) < 1e-4);
  const sens = rowsNeeded(bed, samplerProbabilities('sensitivity', scores, 1), c, n, r.fork('x'));
  const unif = rowsNeeded(bed, samplerProbabilities('uniform', scores, 1), c, n, r.fork('y'));
  assert.ok(Number.isFinite(sens.rows) && sens.distortion <= 0.2, JSON.stringify(sens));
  assert.ok(!(unif.rows <= sens.rows), `uniform ${unif.rows} vs sensitivity ${sens.rows}`);
});

test('recipe through the trainer process on the tiny config: every matrix and sampler, fits, table and claims', async () => {
  const run = await runThroughTrainer({
    paper: 'sensitivity-sampling',
    seed: 2,
    ...TINY_CONFIGS['sensitivity-sampling'],
  });
  assert.equal(run.status, 'completed', run.message);
  const sums = run.events.filter((e) => e.type === 'summary');
  const matrices = sums.filter((e) => e.series.kind === 'matrix');
  assert.equal(matrices.length, 9);
  for (const m of matrices) {
    assert.ok(
      Math.abs(m.values.lewis_sum - Number(m.series.d)) < 1e-4,
      `Lewis weights sum to d: ${m.values.lewis_sum}`,
    );
    assert.ok(Math.abs(m.values.leverage_sum - Number(m.series.d)) < 1e-6, 'leverage scores sum to d');
    assert.ok(
      m.values.S >= m.values.S_lower * (1 - 1e-9) && m.values.S <= Number(m.series.d) + 1e-6,
      'S_lower ≤ S ≤ d',
    );
    if (m.series.structure === 'block') assert.ok(Math.abs(m.values.S - Number(m.series.d)) < 1e-6);
  }
  const rows = sums.filter((e) => e.series.kind === 'rows');
  assert.equal(rows.length, 27);
  assert.ok(rows.every((e) => e.values.rows_needed >= 1 && (e.values.censored === 1 || e.values.distortion <= 0.5)));
  assert.deepEqual(
    sums.filter((e) => e.series.kind === 'fit').map((e) => e.series.arm),
    ['sensitivity', 'root_leverage', 'uniform'],
  );
  const table = reproTable(run.events);
  assert.match(table, /\| block \| 4 \| 4\.00 \| 4\.00 \| 1\.000 \|/);
  assert.match(table, /\| sensitivity \| \d+ \(\d+\) \|/);
  assert.deepEqual(
    reproClaims(run.events).map((c) => c.id),
    ['rows-follow-s-law', 'no-extra-d', 'root-leverage-d', 'sensitivity-beats-uniform'],
  );
});

test('reproTable with no matrices says so', () => {
  assert.match(reproTable([]), /stopped before the first one/);
});
