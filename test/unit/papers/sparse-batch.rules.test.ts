// Every rule of the seven sparse-subnetwork and reparameterization papers (issue 17), with a config
// that trips it and one that does not, the computed numbers their messages must carry, a cited
// source, and preferred fixes that make their finding go away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, applyTextEdits } from '../../../src/core/config';
import { getPaper, isImplemented } from '../../../src/papers/index';
import { paperRegistry } from '../../../src/papers';

interface Case {
  paper: string;
  code: string;
  bad: string;
  good: string;
  says?: (string | RegExp)[];
}

const PAPERS = [
  'nupes',
  'mixture-growth',
  'weight-compander',
  'random-search-sparse',
  'iss-p',
  'layer-lottery',
  'exssnet',
];

const cases: Case[] = [
  {
    paper: 'nupes',
    code: 'nupes/exponent-range',
    bad: 'quant:\n  exponent_min: 1.2\n  exponent_max: 1.5\n',
    good: 'quant:\n  exponent_min: 0.3\n  exponent_max: 1\n',
    says: ['a = 1.2', 'below 1'],
  },
  {
    paper: 'nupes',
    code: 'nupes/low-bits-missing',
    bad: 'quant:\n  bits: [6, 8]\n  figure_bits: 6\n',
    good: 'quant:\n  bits: [4, 8]\n  figure_bits: 4\n',
    says: ['lowest bit width is 6'],
  },
  {
    paper: 'nupes',
    code: 'nupes/calibration-size',
    bad: 'data:\n  train: 200\nquant:\n  calibration: 256\n',
    good: 'data:\n  train: 2000\nquant:\n  calibration: 256\n',
    says: ['calibration (256) is larger than the training set (200 images)'],
  },
  {
    paper: 'nupes',
    code: 'nupes/figure-bits',
    bad: 'quant:\n  bits: [3, 4]\n  figure_bits: 2\n',
    good: 'quant:\n  bits: [2, 4]\n  figure_bits: 2\n',
    says: ['figure_bits (2)'],
  },
  {
    paper: 'mixture-growth',
    code: 'mixture-growth/even-widths',
    bad: 'model:\n  hidden: [255, 256]\n',
    good: 'model:\n  hidden: [256, 256]\n',
    says: ['Hidden width 255 cannot be split'],
  },
  {
    paper: 'mixture-growth',
    code: 'mixture-growth/growth-lr',
    bad: 'train:\n  lr: 0.001\ngrowth:\n  lr_growing: 0.001\n',
    good: 'train:\n  lr: 0.001\ngrowth:\n  lr_growing: 0.0001\n',
    says: ['lr_growing (0.001)'],
  },
  {
    paper: 'mixture-growth',
    code: 'mixture-growth/missing-control',
    bad: 'controls: [scratch]\n',
    good: 'controls: [scratch, random_growth]\n',
  },
  {
    paper: 'mixture-growth',
    code: 'mixture-growth/compute',
    bad: 'scratch_iterations: 500\n',
    good: 'scratch_iterations: 1875\n',
    says: [/cost \d+% of the scratch net's training MACs/],
  },
  {
    paper: 'mixture-growth',
    code: 'mixture-growth/no-growth-steps',
    bad: 'growth:\n  growth_iterations: 0\n',
    good: 'growth:\n  growth_iterations: 100\n',
  },
  {
    paper: 'weight-compander',
    code: 'weight-compander/slope-at-zero',
    bad: 'compander:\n  a: 0.5\n  b: 1.5\n',
    good: 'compander:\n  a: 1.5\n  b: 1.5\n',
    says: ['slope at 0 is 0.75'],
  },
  {
    paper: 'weight-compander',
    code: 'weight-compander/with-regularization',
    bad: 'train:\n  weight_decay: 0\n',
    good: 'train:\n  weight_decay: 0.0005\n',
  },
  {
    paper: 'weight-compander',
    code: 'weight-compander/near-zero-threshold',
    bad: 'analysis:\n  near_zero: 0.05\n',
    good: 'analysis:\n  near_zero: 0.01\n',
    says: ['σ ≈ 0.044', 'less than 0.022'],
  },
  {
    paper: 'weight-compander',
    code: 'weight-compander/tanh-leak',
    bad: 'compander:\n  family: tanh\n  a: 2\n  b: 1\n  c: 0\n',
    good: 'compander:\n  family: tanh\n  a: 2\n  b: 1\n  c: 0.1\n',
    says: ['never exceeds a = 2'],
  },
  {
    paper: 'random-search-sparse',
    code: 'random-search-sparse/repeats-for-null',
    bad: 'search:\n  repeats: 2\n',
    good: 'search:\n  repeats: 3\n',
    says: ['equivalence within ±1.0 pp'],
  },
  {
    paper: 'random-search-sparse',
    code: 'random-search-sparse/candidates',
    bad: 'search:\n  candidates: 1\n',
    good: 'search:\n  candidates: 16\n',
  },
  {
    paper: 'random-search-sparse',
    code: 'random-search-sparse/too-sparse',
    bad: 'search:\n  sparsities: [0.5, 0.99]\n',
    good: 'search:\n  sparsities: [0.5, 0.9]\n',
    says: ['the 100-unit layer keeps 1 unit'],
  },
  {
    paper: 'random-search-sparse',
    code: 'random-search-sparse/validation-size',
    bad: 'data:\n  val: 200\n',
    good: 'data:\n  val: 1000\n',
    says: ['loss on 200 validation images'],
  },
  {
    paper: 'random-search-sparse',
    code: 'random-search-sparse/margin',
    bad: 'search:\n  margin: 0.05\n',
    good: 'search:\n  margin: 0.01\n',
    says: ['±5.0 pp'],
  },
  {
    paper: 'iss-p',
    code: 'iss-p/prune-phase',
    bad: 'train:\n  iterations: 1000\nprune:\n  prune_iterations: 1000\n',
    good: 'train:\n  iterations: 1500\nprune:\n  prune_iterations: 1000\n',
    says: ['pruning phase (1,000) lasts the whole training (1,000 iterations)'],
  },
  {
    paper: 'iss-p',
    code: 'iss-p/missing-iht',
    bad: 'prune:\n  methods: [iss_p, static]\n',
    good: 'prune:\n  methods: [iss_p, static, iht]\n',
  },
  {
    paper: 'iss-p',
    code: 'iss-p/alpha',
    bad: 'prune:\n  alphas: [0.3]\n',
    good: 'prune:\n  alphas: [0.9]\n',
    says: ['α = 0.3'],
  },
  {
    paper: 'iss-p',
    code: 'iss-p/shrink-every',
    bad: 'prune:\n  shrink_every: 5\n',
    good: 'prune:\n  shrink_every: 1\n',
    says: ['≈ 0.9980'],
  },
  {
    paper: 'layer-lottery',
    code: 'layer-lottery/p-counts-blocks',
    bad: 'prune:\n  blocks_removed: [0.5]\n  unit_control: []\n',
    good: 'prune:\n  blocks_removed: [3]\n  unit_control: [3]\n',
    says: ['looks like a fraction', '0.5 of 6 blocks is 3'],
  },
  {
    paper: 'layer-lottery',
    code: 'layer-lottery/criteria-at-init',
    bad: 'prune:\n  criteria: [random, last]\n',
    good: 'prune:\n  criteria: [random, grasp]\n',
  },
  {
    paper: 'layer-lottery',
    code: 'layer-lottery/unit-control',
    bad: 'prune:\n  blocks_removed: [2]\n  unit_control: [4]\n',
    good: 'prune:\n  blocks_removed: [2, 4]\n  unit_control: [4]\n',
    says: ['p = 4 has no block-removal run'],
  },
  {
    paper: 'layer-lottery',
    code: 'layer-lottery/saliency-batch',
    bad: 'prune:\n  saliency_batch: 32\n',
    good: 'prune:\n  saliency_batch: 256\n',
  },
  {
    paper: 'exssnet',
    code: 'exssnet/density-is-kept',
    bad: 'model:\n  density: 0.95\n',
    good: 'model:\n  density: 0.05\n',
    says: ['keeps 95% of every layer'],
  },
  {
    paper: 'exssnet',
    code: 'exssnet/weight-phase',
    bad: 'weights:\n  iterations: 0\n',
    good: 'weights:\n  iterations: 100\n',
  },
  {
    paper: 'exssnet',
    code: 'exssnet/sparse-masks',
    bad: 'model:\n  density: 0.3\n',
    good: 'model:\n  density: 0.1\n',
    says: ['Masks keep 30%'],
  },
  {
    paper: 'exssnet',
    code: 'exssnet/missing-supsup',
    bad: 'arms: [exssnet, ssnet]\n',
    good: 'arms: [exssnet, supsup]\n',
  },
  {
    paper: 'exssnet',
    code: 'exssnet/exclusive-capacity',
    bad: 'tasks:\n  count: 20\nmodel:\n  density: 0.1\n',
    good: 'tasks:\n  count: 5\nmodel:\n  density: 0.1\n',
    says: ['only about 14% of its mask free'],
  },
];

const P = (id: string, body: string) => `paper: ${id}\n${body}`;
const codes = (text: string) => lintText(text, 'x.exp.yaml', { papers: paperRegistry }).findings;

test('every rule of these papers has a case here (shared data/train rules are covered in config/rules.test.ts)', () => {
  const covered = new Set(cases.map((c) => c.code));
  for (const id of PAPERS) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p), id);
    const own = p.rules.filter((r) => r.code.startsWith(`${id}/`));
    assert.ok(own.length >= 3, `${id} has ${own.length} paper rules; the bar is three`);
    for (const r of own) {
      assert.ok(covered.has(r.code), `${id}: rule ${r.code} has no test case`);
      assert.ok(r.source.length > 10, `${r.code} cites a source`);
    }
  }
});

for (const c of cases) {
  test(`${c.code}: trips on the bad config, not on the good one; its preferred fix works`, () => {
    const bad = codes(P(c.paper, c.bad));
    const hit = bad.find((f) => f.code === c.code);
    assert.ok(hit, `no ${c.code} in: ${bad.map((f) => `${f.code}: ${f.message}`).join('\n')}`);
    for (const s of c.says ?? []) {
      if (typeof s === 'string') assert.ok(hit.message.includes(s), `message lacks "${s}":\n${hit.message}`);
      else assert.match(hit.message, s);
    }
    const good = codes(P(c.paper, c.good));
    assert.equal(
      good.find((f) => f.code === c.code),
      undefined,
      `${c.code} on the good config: ${good.map((f) => f.message).join('; ')}`,
    );
    const r = lintText(P(c.paper, c.bad), 'fix.exp.yaml', { papers: paperRegistry });
    const fix = r.findings.find((f) => f.code === c.code)?.fixes?.find((fx) => fx.preferred);
    if (fix) {
      const after = lintText(applyTextEdits(r.document, fix.edits), 'fix.exp.yaml', { papers: paperRegistry }).findings;
      assert.ok(
        !after.some((a) => a.code === c.code && a.message === hit.message),
        `"${fix.title}" did not fix ${c.code}`,
      );
    }
  });
}

test("a bare `paper:` line resolves to the example's setting (defaults = our sized run), and the example lints clean", () => {
  for (const id of PAPERS) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p));
    const bare = lintText(`paper: ${id}\n`, 'bare.exp.yaml', { papers: paperRegistry });
    const example = lintText(p.exampleYaml, 'ex.exp.yaml', { papers: paperRegistry });
    const { name: _a, seed: _s, ...b } = bare.config as Record<string, unknown>;
    const { name: _b, seed: _t, ...e } = example.config as Record<string, unknown>;
    assert.deepEqual(b, e, `${id}: the example and the defaults disagree`);
    const problems = example.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      problems.map((f) => `${f.code}: ${f.message}`),
      [],
      `${id}'s example has findings`,
    );
  }
});

test('every figure reference exists and has a position; stand-ins and transplants say so in their scale note', () => {
  for (const id of PAPERS) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p));
    for (const f of p.figures)
      for (const ref of f.references ?? []) {
        const r = p.references.find((x) => x.id === ref);
        assert.ok(r, `${id}/${f.id}: unknown reference ${ref}`);
        if (f.kind !== 'matrix')
          assert.ok(r.x !== undefined || r.y !== undefined || r.relative, `${id}/${ref} has no position`);
      }
    assert.ok(p.scaleNote.length > 80, `${id} explains its scale`);
  }
  for (const [id, words] of [
    ['iss-p', /transplanted/i],
    ['layer-lottery', /stand-in/i],
    ['weight-compander', /stand-in/i],
  ] as const) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p) && words.test(p.scaleNote), `${id}'s scale note says what it is`);
  }
  const issp = getPaper('iss-p');
  assert.ok(
    issp && isImplemented(issp) && issp.figures.every((f) => /transplanted to classification/.test(f.caption ?? '')),
  );
});
