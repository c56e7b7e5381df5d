// Every rule of the teachers/adversaries/peers papers, with a config that trips it and one that does
// not (through the real linter, so schema defaults and rule plumbing are exercised), and every
// preferred fix, applied, makes its finding go away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, lintText } from '../../../src/core/config';
import { getPaper, isImplemented, paperRegistry } from '../../../src/papers/index';

interface Case {
  paper: string;
  code: string;
  bad: string;
  good: string;
  says?: (string | RegExp)[];
}

const PAPERS = [
  'adversarial-power-law',
  'one-byte-spsa',
  'fedau',
  'random-teachers',
  'doubly-robust-at',
  'learngene-sws',
];

const cases: Case[] = [
  // adversarial-power-law
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/eps-order',
    bad: 'attack:\n  eps_min: 0.3\n  eps_max: 0.1\n',
    good: 'attack:\n  eps_min: 0.001\n  eps_max: 0.1\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/small-eps',
    bad: 'attack:\n  eps_min: 0.05\n',
    good: 'attack:\n  eps_min: 0.005\n',
    says: ['ε = 0.05'],
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/fit-window',
    bad: 'attack:\n  fit_max_error: 0.8\n',
    good: 'attack:\n  fit_max_error: 0.3\n',
    says: ['80% error'],
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/grid-density',
    bad: 'attack:\n  eps_count: 5\n',
    good: 'attack:\n  eps_count: 15\n',
    says: ['Use at least 8'],
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/eps-units',
    bad: 'attack:\n  eps_max: 0.9\n',
    good: 'attack:\n  eps_max: 0.3\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/one-model',
    bad: 'arms: [mlp]\n',
    good: 'arms: [mlp, linear]\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/shuffled-memorise',
    bad: 'shuffled:\n  train: 2000\n  iterations: 500\n',
    good: 'shuffled:\n  train: 2000\n  iterations: 4000\n',
    says: ['16 epochs'],
  },
  {
    paper: 'adversarial-power-law',
    code: 'adversarial-power-law/window-vs-grid',
    bad: 'attack:\n  eps_min: 0.0001\n  eps_max: 0.002\n',
    good: 'attack:\n  eps_min: 0.0001\n  eps_max: 0.01\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 9500\n  test: 1000\n',
    good: 'data:\n  train: 8000\n  test: 1000\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'train/eval-after-end',
    bad: 'train:\n  iterations: 100\n  eval_every: 250\n',
    good: 'train:\n  iterations: 1000\n  eval_every: 250\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'train/batch-exceeds-data',
    bad: 'data:\n  train: 50\ntrain:\n  batch_size: 64\nshuffled:\n  train: 40\n',
    good: 'data:\n  train: 500\ntrain:\n  batch_size: 64\nshuffled:\n  train: 40\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'train/momentum-ignored',
    bad: 'train:\n  optimizer: adam\n  momentum: 0.9\n',
    good: 'train:\n  optimizer: adam\n',
  },
  {
    paper: 'adversarial-power-law',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
  // one-byte-spsa
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/byte-budget',
    bad: 'spsa:\n  max_power: 127\n  log_step: 0.0625\n',
    good: 'spsa:\n  max_power: 63\n  log_step: 0.125\n',
    says: ['need 9 bits'],
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/quantizer-range',
    bad: 'spsa:\n  log_step: 0.03\n',
    good: 'spsa:\n  log_step: 0.125\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/eps-float32',
    bad: 'spsa:\n  eps: 1.0e-6\n',
    good: 'spsa:\n  eps: 1.0e-3\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/shard-size',
    bad: 'data:\n  train: 200\nspsa:\n  machines: 8\n',
    good: 'data:\n  train: 8000\nspsa:\n  machines: 8\n',
    says: ['leave 25 per machine'],
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/pretrain',
    bad: 'pretrain:\n  iterations: 50\n',
    good: 'pretrain:\n  iterations: 1000\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/one-machine',
    bad: 'spsa:\n  machines: 1\n',
    good: 'spsa:\n  machines: 2\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'one-byte-spsa/missing-float',
    bad: 'arms: [spsa_one_byte, backprop]\n',
    good: 'arms: [spsa_one_byte, spsa_float]\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 9000\n  test: 2000\n',
    good: 'data:\n  train: 8000\n  test: 2000\n',
  },
  {
    paper: 'one-byte-spsa',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
  // fedau
  {
    paper: 'fedau',
    code: 'fedau/cutoff-below-interval',
    bad: 'fed:\n  cutoff: 20\n',
    good: 'fed:\n  cutoff: 50\n',
    says: ['every 50 rounds'],
  },
  {
    paper: 'fedau',
    code: 'fedau/few-rounds',
    bad: 'fed:\n  rounds: 100\n',
    good: 'fed:\n  rounds: 250\n',
    says: ['about 2.0 times'],
  },
  {
    paper: 'fedau',
    code: 'fedau/missing-fedavg',
    bad: 'arms: [fedau, known_prob]\n',
    good: 'arms: [fedau, average_participating]\n',
  },
  {
    paper: 'fedau',
    code: 'fedau/missing-oracle',
    bad: 'arms: [fedau, average_participating]\n',
    good: 'arms: [fedau, average_participating, known_prob]\n',
  },
  {
    paper: 'fedau',
    code: 'fedau/floor-above-mean',
    bad: 'fed:\n  participation_min: 0.2\n',
    good: 'fed:\n  participation_min: 0.02\n',
  },
  {
    paper: 'fedau',
    code: 'fedau/iid-data',
    bad: 'fed:\n  data_alpha: 100\n',
    good: 'fed:\n  data_alpha: 0.1\n',
  },
  {
    paper: 'fedau',
    code: 'fedau/client-data',
    bad: 'data:\n  train: 2000\nfed:\n  clients: 250\n',
    good: 'data:\n  train: 20000\nfed:\n  clients: 250\n',
  },
  {
    paper: 'fedau',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 60000\n  val: 1000\n',
    good: 'data:\n  train: 59000\n  val: 1000\n',
  },
  {
    paper: 'fedau',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
  // random-teachers
  {
    paper: 'random-teachers',
    code: 'random-teachers/zero-gradient',
    bad: 'distill:\n  teacher_temp: 0.1\n  student_temp: 0.1\n  center_momentum: 1\n',
    good: 'distill:\n  teacher_temp: 0.04\n  student_temp: 0.1\n  center_momentum: 1\n',
  },
  {
    paper: 'random-teachers',
    code: 'random-teachers/teacher-sharper',
    bad: 'distill:\n  teacher_temp: 0.2\n',
    good: 'distill:\n  teacher_temp: 0.04\n',
  },
  {
    paper: 'random-teachers',
    code: 'random-teachers/no-close-init',
    bad: 'distill:\n  alphas: [1]\n',
    good: 'distill:\n  alphas: [0.1, 1]\n',
  },
  {
    paper: 'random-teachers',
    code: 'random-teachers/probe-k',
    bad: 'data:\n  val: 100\nprobe:\n  k: 20\n',
    good: 'data:\n  val: 1000\nprobe:\n  k: 20\n',
    says: ['~10 labelled examples per class'],
  },
  {
    paper: 'random-teachers',
    code: 'random-teachers/out-dim',
    bad: 'model:\n  out_dim: 65536\n',
    good: 'model:\n  out_dim: 1024\n',
  },
  {
    paper: 'random-teachers',
    code: 'random-teachers/probe-every',
    bad: 'probe:\n  every: 1000\n',
    good: 'probe:\n  every: 100\n',
  },
  {
    paper: 'random-teachers',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 59500\n  val: 1000\n',
    good: 'data:\n  train: 20000\n  val: 1000\n',
  },
  {
    paper: 'random-teachers',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
  // doubly-robust-at
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/pgd-reach',
    bad: 'attack:\n  eps: 0.1\n  steps: 10\n  step_size: 0.005\n',
    good: 'attack:\n  eps: 0.1\n  steps: 10\n  step_size: 0.025\n',
    says: ['travel at most 0.05'],
  },
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/weak-eval',
    bad: 'eval:\n  steps: 5\n',
    good: 'eval:\n  steps: 20\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/r-range',
    bad: 'done:\n  r: 0.01\n',
    good: 'done:\n  r: 1\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/missing-at',
    bad: 'arms: [done]\n',
    good: 'arms: [done, at]\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/eps-mnist',
    bad: 'attack:\n  eps: 0.4\n  step_size: 0.1\neval:\n  eps: 0.4\n  step_size: 0.05\n',
    good: 'attack:\n  eps: 0.3\n  step_size: 0.075\neval:\n  eps: 0.3\n  step_size: 0.04\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'doubly-robust-at/worst-class-points',
    bad: 'eval:\n  points: 200\n',
    good: 'eval:\n  points: 1000\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 9500\n  test: 1000\n',
    good: 'data:\n  train: 8000\n  test: 1000\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'train/eval-after-end',
    bad: 'train:\n  iterations: 100\n  eval_every: 300\n',
    good: 'train:\n  iterations: 600\n  eval_every: 300\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'train/batch-exceeds-data',
    bad: 'data:\n  train: 50\n',
    good: 'data:\n  train: 500\n',
  },
  {
    paper: 'doubly-robust-at',
    code: 'train/momentum-ignored',
    bad: 'train:\n  optimizer: adam\n  momentum: 0.9\n',
    good: 'train:\n  optimizer: sgd\n  momentum: 0.9\n',
  },
  // learngene-sws
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/stage-mismatch',
    bad: 'descendants:\n  depths:\n    - [1, 1]\n',
    good: 'descendants:\n  depths:\n    - [1, 1, 1]\n',
    says: ['has 2 stages but the learngene has 3'],
  },
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/no-sharing',
    bad: 'aux:\n  blocks_per_stage: [1, 1, 1]\n',
    good: 'aux:\n  blocks_per_stage: [2, 2, 2]\n',
  },
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/one-epoch',
    bad: 'descendants:\n  epochs: 3\n',
    good: 'descendants:\n  epochs: 1\n',
  },
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/missing-scratch',
    bad: 'arms: [sws, scratch_long]\n',
    good: 'arms: [sws, scratch]\n',
  },
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/reference-longer',
    bad: 'descendants:\n  epochs: 1\n  reference_epochs: 1\n',
    good: 'descendants:\n  epochs: 1\n  reference_epochs: 4\n',
  },
  {
    paper: 'learngene-sws',
    code: 'learngene-sws/teacher-trained',
    bad: 'teacher:\n  epochs: 1\n',
    good: 'teacher:\n  epochs: 5\n',
  },
  {
    paper: 'learngene-sws',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 60000\n  val: 100\n',
    good: 'data:\n  train: 12000\n',
  },
  {
    paper: 'learngene-sws',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /tmp/digits\n',
  },
];

const P = (id: string, body: string) => `paper: ${id}\n${body}`;
const codes = (text: string) => lintText(text, 'x.exp.yaml', { papers: paperRegistry }).findings;

test('every rule of these papers has a case here, and each paper has at least three of its own', () => {
  const covered = new Set(cases.filter((c) => PAPERS.includes(c.paper)).map((c) => `${c.paper}:${c.code}`));
  for (const id of PAPERS) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p), id);
    for (const r of p.rules) assert.ok(covered.has(`${id}:${r.code}`), `${id}: rule ${r.code} has no test case`);
    assert.ok(p.rules.filter((r) => r.code.startsWith(`${id}/`)).length >= 3, `${id} has fewer than 3 paper rules`);
    for (const r of p.rules) assert.ok(r.source.length > 10, `${r.code} cites a source`);
  }
});

for (const c of cases) {
  test(`${c.paper}: ${c.code} trips on the bad config, not on the good one`, () => {
    const bad = codes(P(c.paper, c.bad));
    const hit = bad.find((f) => f.code === c.code);
    assert.ok(hit, `no ${c.code} in: ${bad.map((f) => `${f.code} (${f.message})`).join('; ')}`);
    for (const s of c.says ?? []) {
      if (typeof s === 'string') assert.ok(hit.message.includes(s), `message lacks "${s}":\n${hit.message}`);
      else assert.match(hit.message, s);
    }
    const good = codes(P(c.paper, c.good));
    assert.equal(
      good.find((f) => f.code === c.code),
      undefined,
      `${c.code} on the good config`,
    );
  });
}

test('preferred fixes, applied, make their finding go away', () => {
  let applied = 0;
  for (const c of cases) {
    const text = P(c.paper, c.bad);
    const r = lintText(text, 'fix.exp.yaml', { papers: paperRegistry });
    for (const f of r.findings.filter((x) => x.code === c.code && x.fixes?.some((fx) => fx.preferred))) {
      const fix = f.fixes!.find((fx) => fx.preferred)!;
      const after = lintText(applyTextEdits(r.document, fix.edits), 'fix.exp.yaml', { papers: paperRegistry }).findings;
      assert.ok(!after.some((a) => a.code === f.code), `"${fix.title}" did not fix ${f.code}`);
      applied++;
    }
  }
  assert.ok(applied >= 8, `only ${applied} fixes applied`);
});

test('the examples lint clean', () => {
  for (const id of PAPERS) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p));
    const findings = lintText(p.exampleYaml, `${id}.exp.yaml`, { papers: paperRegistry }).findings.filter(
      (f) => f.severity !== 'info',
    );
    assert.deepEqual(
      findings.map((f) => `${f.code}: ${f.message}`),
      [],
      id,
    );
  }
});
