// Reproduction tables over seeds: cells merged as mean ± sd, and the seed-spread rule for claims —
// reproduced only when the one-sided 95% bound of the mean clears the claim's threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimsTable, judgeClaims, t95, tOneSided, type ClaimCheck } from '../../../src/core/repro/claims';
import { reproClaims as pruningClaims } from '../../../src/papers/random-pruning/repro';
import { mergeCell, mergeTables, seedsReport } from '../../../src/core/repro/seeds';
import { reproClaims as thresholdoutClaims, reproTable } from '../../../src/papers/thresholdout/repro';
import { reproClaims as xorClaims } from '../../../src/papers/xor-benign-grokking/repro';
import type { RunEvent } from '../../../src/core/runs/events';
import { claimsMarkdown, describeTests } from '../../../src/papers/common/claims';

test('cells: equal text stays, numbers become mean ± sd in their own format, other differences are listed', () => {
  assert.equal(mergeCell([' no signal ', ' no signal ', ' no signal ']), ' no signal ');
  assert.equal(mergeCell([' 0.632 ', ' 0.640 ', ' 0.624 ']), ' 0.632 ± 0.008 ');
  assert.equal(mergeCell([' 96.2% ', ' 97.0% ', ' 95.1% ']), ' 96.1 ± 1.0% ');
  assert.equal(mergeCell([' 2,400 ', ' 600 ', ' 1,300 ']), ' 1,433 ± 907 ');
  assert.equal(
    mergeCell([' k 100: 0.5 ', ' k 100: 0.7 ']),
    ' k 100: 0.6 ± 0.1 ',
    'a number equal in all seeds is kept',
  );
  assert.equal(
    mergeCell([' → reproduced ', ' → NOT reproduced ', ' → reproduced ']),
    ' → reproduced / → NOT reproduced / → reproduced ',
  );
  assert.equal(
    mergeTables(['| a | 1 |\n|---|---|\ntext', '| a | 3 |\n|---|---|\ntext']),
    '| a | 2 ± 1 |\n|---|---|\ntext',
  );
  assert.match(mergeTables(['one line', 'two\nlines']), /seed run 1:.*seed run 2:/s, 'different shapes shown per seed');
  // Text lines outside tables merge too, not as the first seed's line (random-search-sparse's dense parent).
  assert.equal(
    mergeTables([
      'Dense: 94.90% at 300 steps.\n| a |',
      'Dense: 95.50% at 200 steps.\n| a |',
      'Dense: 96.30% at 200 steps.\n| a |',
    ]),
    'Dense: 95.57 ± 0.70% at 233 ± 58 steps.\n| a |',
  );
});

const claim = (value: number, other = 1): ClaimCheck[] => [
  {
    id: 'c',
    claim: 'the gap is positive',
    tests: [
      { label: 'gap', value, op: '>', threshold: 0.03, digits: 3 },
      { label: 'other', value: other, op: '>=', threshold: 1 },
    ],
  },
];

test('the seed-spread rule: the mean must clear the threshold by t(0.95, N−1) · sd/√N', () => {
  assert.ok(Math.abs(t95(2) - 2.92) < 1e-3, String(t95(2)));
  // mean 0.11, sd 0.01: bound 0.11 − 2.92 · 0.01/√3 = 0.0931 > 0.03.
  const [ok] = judgeClaims([claim(0.1), claim(0.12), claim(0.11)]);
  assert.equal(ok.verdict, 'reproduced');
  assert.ok(Math.abs(ok.tests[0].bound - (0.11 - (2.92 * 0.01) / Math.sqrt(3))) < 1e-5);
  assert.equal(ok.heldIn, 3);
  // Holds in every seed, but the spread is as large as the margin: not counted.
  const [spread] = judgeClaims([claim(0.035), claim(0.2), claim(0.06)]);
  assert.equal(spread.heldIn, 3);
  assert.equal(spread.tests[0].meanHolds, true);
  assert.equal(spread.tests[0].boundHolds, false);
  assert.equal(spread.verdict, 'within the seed spread');
  // Held in one seed, not over three.
  const [no] = judgeClaims([claim(0.1), claim(0.0), claim(-0.02)]);
  assert.equal(no.heldIn, 1);
  assert.equal(no.verdict, 'NOT reproduced');
  // A second test that fails in one seed sinks the claim even when the first is solid.
  const [mixed] = judgeClaims([claim(0.1, 1), claim(0.1, 0.9), claim(0.1, 1)]);
  assert.equal(mixed.verdict, 'NOT reproduced');
});

const summary = (condition: string, arm: string, gap: number): RunEvent => ({
  type: 'summary',
  time: 0,
  series: { arm, condition },
  values: { k: 100, train_acc: 0.7, holdout_acc: 0.5 + gap, fresh_acc: 0.5, holdout_minus_fresh: gap },
});
const thresholdoutRun = (std: number, thr: number): RunEvent[] => [
  summary('no_signal', 'standard', std),
  summary('no_signal', 'thresholdout', thr),
];

test("a paper's claims as numbers agree with its single-run verdicts, and a seeds report judges them", () => {
  const one = thresholdoutRun(0.132, 0.025);
  assert.match(reproTable(one), /→ reproduced \|/);
  assert.match(reproTable(thresholdoutRun(0.132, 0.09)), /→ NOT reproduced \|/, '|thr| ≥ std/2');
  assert.deepEqual(
    thresholdoutClaims(one)[0].tests.map((t) => +t.value.toFixed(3)),
    [0.132, 0.041],
  );
  const runs = [
    [0.132, 0.025],
    [0.12, -0.01],
    [0.14, 0.02],
  ].map(([s, t], i) => {
    const evs = thresholdoutRun(s, t);
    return { seed: i + 1, run: `r${i}`, table: reproTable(evs), claims: thresholdoutClaims(evs) };
  });
  const report = seedsReport(runs);
  assert.match(report, /^3 seeds: 1 \(r0\), 2 \(r1\), 3 \(r2\)/);
  assert.match(report, /\| no signal \| 100 \| standard \| 0\.700 \| 0\.631 ± 0\.010 \| 0\.500 \| 0\.131 ± 0\.010 \|/);
  assert.match(report, /\| no signal: the reused standard holdout .* \| 3 of 3 \| reproduced \|/);
  assert.match(report, /standard \+0\.131 ± 0\.010, Thresholdout \+0\.012 ± 0\.019 → reproduced/, 'signs merge too');
  assert.deepEqual(xorClaims([]), [], 'no summary, no claim');
  const noClaims = seedsReport(runs.map(({ claims: _c, ...r }) => r));
  assert.match(noClaims, /no claims as numbers yet \(`reproClaims`/, 'a paper without claims as numbers says so');
  assert.match(noClaims, /→ reproduced/, 'its own per-seed verdicts are still shown');
  const single = seedsReport([runs[0]]);
  assert.doesNotMatch(single, /Claims over the seeds/, 'one seed: no spread to judge by');
});

test('Bonferroni over a family: the one-sided quantile at 0.05/m, so a claim clear of one test can fall within the spread of m', () => {
  assert.ok(Math.abs(tOneSided(2) - t95(2)) < 1e-12);
  assert.ok(Math.abs(tOneSided(2, 4) - 6.205) < 1e-3, `${tOneSided(2, 4)}`); // t(0.9875, 2)
  const claim = (value: number, family?: number): ClaimCheck[] => [
    { id: 'c', claim: 'x > 0', tests: [{ label: 'x', value, op: '>', threshold: 0, family }] },
  ];
  // mean 1, sd 0.2: bound 1 − 2.92·0.2/√3 = 0.66 alone; 1 − 6.21·0.2/√3 = 0.28 in a family of 4 — both clear.
  // mean 0.3, sd 0.1: 0.3 − 0.169 = 0.13 clears alone; 0.3 − 0.358 < 0 does not in a family of 4.
  assert.equal(judgeClaims([0.2, 0.3, 0.4].map((v) => claim(v)))[0].verdict, 'reproduced');
  assert.equal(judgeClaims([0.2, 0.3, 0.4].map((v) => claim(v, 4)))[0].verdict, 'within the seed spread');
});

test('random-pruning claims: each line closing (and without its narrowest width), ER vs uniform per pair, with their families', () => {
  const sum = (width: number, arm: string, acc: number, density = 1, layerwise?: string, dense?: number) => ({
    type: 'summary' as const,
    time: 0,
    series: { arm, width, density, ...(layerwise ? { layerwise } : {}) },
    values: { final_test_acc: acc, test_examples: 10000, ...(dense !== undefined ? { gap: acc - dense } : {}) },
  });
  const seed = (shift: number): RunEvent[] =>
    [0.125, 0.25, 1].flatMap((w, i) => [
      sum(w, 'dense', 0.86),
      sum(w, 'sparse', [0.76, 0.82, 0.84][i] + shift, 0.05, 'er', 0.86),
      sum(w, 'sparse', [0.5, 0.79, 0.83][i] + shift, 0.05, 'uniform', 0.86),
    ]);
  const checks = pruningClaims(seed(0));
  assert.deepEqual(
    checks.map((c) => [c.id, c.tests[0].family]),
    [
      ['closes 0.05|er', 2],
      ['closes 0.05|uniform', 2],
      ['closes 0.05|er rest', 2],
      ['closes 0.05|uniform rest', 2],
      ['er-vs-uniform 0.125 0.05', 3],
      ['er-vs-uniform 0.25 0.05', 3],
      ['er-vs-uniform 1 0.05', 3],
    ],
  );
  assert.ok(Math.abs(checks[0].tests[0].value - (0.1 - 0.02)) < 1e-12);
  const judged = judgeClaims([seed(0), seed(0.004), seed(-0.004)].map(pruningClaims));
  assert.equal(judged.find((c) => c.id === 'closes 0.05|er')!.verdict, 'reproduced');
  assert.equal(judged.find((c) => c.id === 'er-vs-uniform 1 0.05')!.verdict, 'reproduced');
});

test('a claim table prints the threshold as stated, even where the values are rounded (a 0/1 test at 0.5)', () => {
  const claim = (value: number): ClaimCheck[] => [
    {
      id: 'g',
      claim: 'groks',
      tests: [{ label: 'generalized (1) or not (0)', value, op: '>', threshold: 0.5, digits: 0 }],
    },
  ];
  const table = claimsTable(judgeClaims([claim(1), claim(1), claim(1)]));
  assert.match(table, /generalized \(1\) or not \(0\): 1 ± 0 \(bound 1\) > 0\.5 ✓/);
});

test('a difference of accuracies reads in percentage points, an accuracy in percent, in the seeds table and in one run', () => {
  const claim = (gap: number, acc: number): ClaimCheck[] => [
    {
      id: 'gap',
      claim: 'the ticket beats the reinit',
      tests: [
        { label: 'ticket − reinit', value: gap, op: '>', threshold: 0, points: true },
        { label: 'ticket accuracy', value: acc, op: '>=', threshold: 0.9, percent: true },
      ],
    },
  ];
  const table = claimsTable(judgeClaims([claim(0.012, 0.951), claim(0.015, 0.953), claim(0.009, 0.955)]));
  // "+1.2%" would read as a relative change; the gap is 1.2 points of accuracy.
  assert.match(table, /ticket − reinit: \+1\.2 pp ± 0\.3 pp \(bound \+0\.7 pp\) > 0\.0 pp ✓/);
  assert.match(table, /ticket accuracy: 95\.3% ± 0\.2 pp \(bound 95\.0%\) ≥ 90\.0% ✓/);
  const oneRun = describeTests(claim(0.012, 0.951)[0]);
  assert.equal(oneRun, 'ticket − reinit = +1.20 pp (> +0.00 pp); ticket accuracy = 95.10% (>= 90.00%)');
  assert.match(claimsMarkdown(claim(-0.004, 0.951)), /ticket − reinit = -0\.4 pp \(needs > \+0\.0 pp\)/);
});

test("over seeds, a run's own claims rows give way to the judged claims (no merged 'holds in this run')", () => {
  const runTable = (gap: number) =>
    [
      '| arm | acc |',
      '|---|---|',
      `| a | ${(90 + gap).toFixed(1)}% |`,
      '',
      '| claim | measured in this run | verdict |',
      '|---|---|---|',
      `| a wins | a − b = +${gap.toFixed(2)} pp (> +0.00 pp) | holds in this run |`,
    ].join('\n');
  const claims = (gap: number): ClaimCheck[] => [
    { id: 'w', claim: 'a wins', tests: [{ label: 'a − b', value: gap / 100, op: '>', threshold: 0, points: true }] },
  ];
  const runs = [1, 2, 3].map((seed) => ({ seed, run: `r${seed}`, table: runTable(seed), claims: claims(seed) }));
  const report = seedsReport(runs);
  assert.doesNotMatch(report, /holds in this run|measured in this run/);
  assert.match(report, /\| a \| 92\.0 ± 1\.0% \|/);
  assert.match(report, /a − b: \+2\.0 pp ± 1\.0 pp/);
  // One seed: its own table is the report, claims rows included.
  assert.match(seedsReport(runs.slice(0, 1)), /holds in this run/);
});
