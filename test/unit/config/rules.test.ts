// Every rule of the four papers owned here, with a config that trips it and one that does not; the
// computed messages the issue asks for; and every preferred fix, applied, makes its finding go away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, applyTextEdits, type Finding } from '../../../src/core/config';
import { getPaper, isImplemented } from '../../../src/papers/index';
import { paperRegistry } from '../../../src/papers';

interface Case {
  paper: string;
  code: string;
  bad: string;
  good: string;
  /** Parts of the message that must be there (computed numbers). */
  says?: (string | RegExp)[];
}

const P = (id: string, body: string) => `paper: ${id}\n${body}`;

const cases: Case[] = [
  // lottery-ticket
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/rewind-after-end',
    bad: 'train:\n  iterations: 5000\nprune:\n  rewind_to: 6000\n',
    good: 'train:\n  iterations: 5000\nprune:\n  rewind_to: 4999\n',
    says: ['rewind_to (6,000) must be before the end of training (5,000 iterations)'],
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/rounds-vs-target',
    bad: 'prune:\n  rounds: 7\n  target_density: 0.05\n',
    good: 'prune:\n  rounds: 14\n  target_density: 0.05\n',
    says: [
      '7 rounds at 20% (10% for the output layer) reach 21% of weights, not the 5% you asked for',
      '14 rounds are needed',
    ],
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/output-rate',
    bad: 'prune:\n  rate: { hidden: 0.2, output: 0.3 }\n',
    good: 'prune:\n  rate: { hidden: 0.2, output: 0.1 }\n',
    says: ['half the hidden rate (0.1)'],
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/missing-control',
    bad: 'controls: [random_mask]\n',
    good: 'controls: [random_mask, random_reinit]\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/no-rounds',
    bad: 'prune:\n  rounds: 0\n',
    good: 'prune:\n  rounds: 3\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/eval-resolution',
    bad: 'train:\n  iterations: 1000\n  eval_every: 500\n',
    good: 'train:\n  iterations: 1000\n  eval_every: 100\n',
    says: ['Only 2 evaluations'],
  },
  {
    paper: 'lottery-ticket',
    code: 'data/dataset-size',
    bad: 'data:\n  train: 9000\n  val: 500\n  test: 2000\n',
    good: 'data:\n  train: 7000\n  val: 1000\n  test: 2000\n',
    says: ['+ val (500)', '= 11,500'],
  },
  {
    // Lint agrees with run: the trainer draws train + val from Fashion-MNIST's 60,000 training images.
    paper: 'train-longer',
    code: 'data/dataset-size',
    bad: 'data:\n  dataset: fashion-mnist\n  train: 60000\n  val: 1000\n',
    good: 'data:\n  dataset: fashion-mnist\n  train: 59000\n  val: 1000\n',
    says: ['60,000 training examples', '= 61,000'],
  },
  {
    paper: 'lottery-ticket',
    code: 'data/dataset-size',
    // val is not written: it defaults to 1,000 for this paper, and comes out of the same 60,000 images.
    bad: 'data:\n  dataset: fashion-mnist\n  train: 60000\n',
    good: 'data:\n  dataset: fashion-mnist\n  train: 59000\n',
    says: ['+ val (1,000)', '= 61,000'],
  },
  {
    paper: 'lottery-ticket',
    code: 'data/idx-path',
    bad: 'data:\n  dataset: idx\n',
    good: 'data:\n  dataset: idx\n  path: /data/mnist\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'train/momentum-ignored',
    bad: 'train:\n  optimizer: adam\n  momentum: 0.9\n',
    good: 'train:\n  optimizer: sgd\n  momentum: 0.9\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'train/eval-after-end',
    bad: 'train:\n  iterations: 100\n  eval_every: 500\n',
    good: 'train:\n  iterations: 100\n  eval_every: 10\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'train/batch-exceeds-data',
    bad: 'data:\n  train: 50\ntrain:\n  batch_size: 60\n',
    good: 'data:\n  train: 60\ntrain:\n  batch_size: 60\n',
  },
  {
    paper: 'lottery-ticket',
    code: 'lottery-ticket/gap-not-reached',
    bad: 'prune:\n  rounds: 3\n',
    good: 'prune:\n  rounds: 7\n',
    says: ['3 rounds leave 51% of the weights', '7 rounds reach it.'],
  },
  // grokking-tickets
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/kept-fraction',
    bad: 'prune:\n  sparsity: 0.4\n',
    good: 'prune:\n  density: 0.4\n',
    says: ['`sparsity: 0.4` is read as the fraction KEPT (Grokking Tickets, config.py)', 'did you mean `density`?'],
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/ticket-before-generalization',
    bad: 'prune:\n  mask_from: iteration\n  mask_iteration: 200\n',
    good: 'prune:\n  mask_from: generalized\n',
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/dense-may-not-generalize',
    bad: 'train:\n  weight_decay: 0\n',
    good: 'train:\n  weight_decay: 1\n',
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/modulus-not-prime',
    bad: 'data:\n  modulus: 66\n',
    good: 'data:\n  modulus: 67\n',
    says: ['next prime is 67'],
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/asymmetric-task',
    bad: 'data:\n  task: modular_subtraction\n  symmetric: true\n',
    good: 'data:\n  task: modular_subtraction\n  symmetric: false\n',
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/missing-control',
    bad: 'controls: []\n',
    good: 'controls: [norm_matched_dense]\n',
  },
  {
    paper: 'grokking-tickets',
    code: 'grokking-tickets/train-pairs',
    bad: 'data:\n  modulus: 7\n  train_fraction: 0.1\n',
    good: 'data:\n  modulus: 7\n  train_fraction: 0.5\n',
    says: ['Only 2 training pairs out of 28'],
  },
  // random-pruning
  {
    paper: 'random-pruning',
    code: 'random-pruning/erk-dense-layers',
    bad: 'model:\n  hidden: [300, 100]\nmask:\n  densities: [0.5]\n  layerwise: [er]\nwidths: [1]\n',
    good: 'model:\n  hidden: [300, 100]\nmask:\n  densities: [0.5]\n  layerwise: [uniform]\nwidths: [1]\n',
    // At density 0.5 ε·f exceeds 1 for hidden 2 and output; the 102,100 weights left go to hidden 1: 43%.
    says: ['hidden 2 (300×100) and output (100×10) are kept dense', 'hidden 1 at 43%'],
  },
  {
    paper: 'random-pruning',
    code: 'random-pruning/er-equals-erk',
    bad: 'mask:\n  layerwise: [er, erk, uniform]\n',
    good: 'mask:\n  layerwise: [er, uniform]\n',
  },
  {
    paper: 'random-pruning',
    code: 'random-pruning/density-one',
    bad: 'mask:\n  densities: [0.1, 1]\n',
    good: 'mask:\n  densities: [0.1, 0.5]\n',
  },
  {
    paper: 'random-pruning',
    code: 'random-pruning/missing-control',
    bad: 'controls: []\n',
    good: 'controls: [dense]\n',
  },
  {
    paper: 'random-pruning',
    code: 'random-pruning/width-too-small',
    bad: 'widths: [0.01]\nmask:\n  layerwise: [uniform]\n',
    good: 'widths: [1]\nmask:\n  layerwise: [uniform]\n',
  },
  {
    paper: 'random-pruning',
    code: 'random-pruning/short-training',
    bad: 'train:\n  iterations: 1000\n',
    good: 'train:\n  iterations: 3000\n',
  },
  // train-longer
  {
    paper: 'train-longer',
    code: 'train-longer/ghost-divides-batch',
    bad: 'large_batch:\n  batch_size: 1024\n  ghost_batch: 100\n',
    good: 'large_batch:\n  batch_size: 1024\n  ghost_batch: 128\n',
    says: ['1,024 = 10 × 100 + 24', 'nearest divisor is 128'],
  },
  {
    paper: 'train-longer',
    code: 'train-longer/ghost-needs-batch-norm',
    bad: 'model:\n  batch_norm: false\n',
    good: 'model:\n  batch_norm: false\narms: [sb, lb, lb_lr]\n',
  },
  {
    paper: 'train-longer',
    code: 'train-longer/lr-scaling',
    bad: 'large_batch:\n  lr_scaling: linear\n',
    good: 'large_batch:\n  lr_scaling: sqrt\n',
    says: ['B/b = 8 (0.1 → 0.8)', '√(B/b) = 2.83 (→ 0.283)'],
  },
  {
    paper: 'train-longer',
    code: 'train-longer/regime-compute',
    bad: 'large_batch:\n  regime_adaptation: true\n',
    good: 'arms: [sb, lb, lb_lr, lb_lr_gbn]\n',
    says: ['⌈B/g⌉ = 8', '80 epochs instead of 10'],
  },
  {
    paper: 'train-longer',
    code: 'train-longer/few-steps-per-epoch',
    bad: 'large_batch:\n  batch_size: 4096\n',
    good: 'large_batch:\n  batch_size: 1024\n',
    says: ['only 2 steps per epoch'],
  },
  {
    paper: 'train-longer',
    code: 'train-longer/batch-not-large',
    bad: 'large_batch:\n  batch_size: 128\n  small_batch: 128\n',
    good: 'large_batch:\n  batch_size: 256\n  small_batch: 128\n',
  },
  {
    paper: 'train-longer',
    code: 'train-longer/lr-drop-after-end',
    bad: 'train:\n  epochs: 10\n  lr_drop_epochs: [5, 20]\n',
    good: 'train:\n  epochs: 10\n  lr_drop_epochs: [5, 8]\n',
  },
];

const codes = (text: string, file = 'case.exp.yaml') => lintText(text, file, { papers: paperRegistry }).findings;

test('every rule of the four papers has a case here', () => {
  const covered = new Set(cases.map((c) => c.code));
  for (const id of ['lottery-ticket', 'grokking-tickets', 'random-pruning', 'train-longer']) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p));
    for (const r of p.rules) assert.ok(covered.has(r.code), `${id}: rule ${r.code} has no test case`);
  }
});

for (const c of cases) {
  test(`${c.code}: trips on the bad config, not on the good one`, () => {
    const bad = codes(P(c.paper, c.bad));
    const hit = bad.find((f) => f.code === c.code);
    assert.ok(hit, `no ${c.code} in: ${bad.map((f) => f.code).join(', ')}`);
    assert.ok(hit.source && hit.source.length > 5, 'cites a source');
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

test('preferred fixes, applied, make their finding go away (YAML block and flow, JSON)', () => {
  let applied = 0;
  const texts: [string, string][] = cases.map((c) => [P(c.paper, c.bad), 'fix.exp.yaml']);
  texts.push([
    '{\n  "paper": "lottery-ticket",\n  "controls": ["random_mask"],\n  "train": {"iterations": 100, "eval_every": 500}\n}\n',
    'fix.exp.json',
  ]);
  for (const [text, file] of texts) {
    const r = lintText(text, file, { papers: paperRegistry });
    for (const f of r.findings.filter((x: Finding) => x.fixes?.some((fx) => fx.preferred))) {
      const fix = f.fixes!.find((fx) => fx.preferred)!;
      const fixed = applyTextEdits(r.document, fix.edits);
      const after = lintText(fixed, file, { papers: paperRegistry }).findings;
      assert.ok(!after.some((a) => a.code.startsWith('parse/')), `"${fix.title}" broke the syntax:\n${fixed}`);
      assert.ok(
        !after.some((a) => a.code === f.code && a.message === f.message),
        `"${fix.title}" did not fix ${f.code}:\n${fixed}`,
      );
      applied++;
    }
  }
  assert.ok(applied >= 10, `only ${applied} fixes applied`);
});

test("unknown keys get a did-you-mean with a rename, also for other codebases' names", () => {
  const r = lintText(
    P('lottery-ticket', 'train:\n  lerning_rate: 0.001\n  batchsize: 60\nprune:\n  levels: 5\n'),
    'x.exp.yaml',
    { papers: paperRegistry },
  );
  const msgs = r.findings.filter((f) => f.code === 'schema/unknown-key').map((f) => f.message);
  assert.ok(
    msgs.some((m) => m.includes('Unknown key `lerning_rate` in `train` — did you mean `lr`?')),
    msgs.join('\n'),
  );
  assert.ok(msgs.some((m) => m.includes('`batchsize`') && m.includes('`batch_size`')));
  assert.ok(msgs.some((m) => m.includes('`levels`') && m.includes('`rounds`')));
  const f = r.findings.find((x) => x.message.includes('lerning_rate'))!;
  assert.equal(
    applyTextEdits(r.document, f.fixes![0].edits),
    P('lottery-ticket', 'train:\n  lr: 0.001\n  batchsize: 60\nprune:\n  levels: 5\n'),
  );
});

test('enum errors list the allowed values; type errors say what was given', () => {
  const r = lintText(P('lottery-ticket', 'model:\n  init: xavier\ntrain:\n  lr: fast\n'), 'x.exp.yaml', {
    papers: paperRegistry,
  });
  const e = r.findings.find((f) => f.code === 'schema/enum')!;
  assert.match(
    e.message,
    /`model\.init` must be one of `glorot_normal`, `glorot_uniform`, `he_normal`, `he_uniform` or `lecun_normal`, got "xavier"/,
  );
  assert.equal(e.fixes?.[0].title, 'Use `glorot_normal`');
  const t = r.findings.find((f) => f.code === 'schema/type')!;
  assert.equal(t.message, '`train.lr` must be a number, got "fast".');
  assert.deepEqual(t.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 10 } });
});

test('departure notes: info, only where the user wrote a value, off with the option, with a "use the paper\'s value" fix', () => {
  const text = P('lottery-ticket', 'train:\n  lr: 0.01\n');
  const on = lintText(text, 'x.exp.yaml', { papers: paperRegistry }).findings.filter(
    (f) => f.code === 'paper/departure',
  );
  assert.equal(on.length, 1);
  assert.equal(on[0].severity, 'info');
  assert.match(on[0].fixes![0].title, /Use the paper's value \(0\.0012\)/);
  assert.equal(
    lintText(text, 'x.exp.yaml', { papers: paperRegistry, paperDepartures: false }).findings.filter(
      (f) => f.code === 'paper/departure',
    ).length,
    0,
  );
  assert.equal(
    lintText(P('lottery-ticket', ''), 'x.exp.yaml', { papers: paperRegistry }).findings.length,
    0,
    'a bare config uses our defaults silently',
  );
});

test("an empty config offers to start from each paper's example, in YAML or JSON", () => {
  for (const file of ['new.exp.yaml', 'new.exp.json']) {
    const r = lintText('', file, { papers: paperRegistry });
    const f = r.findings.find((x) => x.code === 'config/empty')!;
    const start = f.fixes!.find((x) => x.title === 'Start from the lottery-ticket example')!;
    const filled = applyTextEdits(r.document, start.edits);
    const after = lintText(filled, file, { papers: paperRegistry });
    assert.equal(after.ok, true, filled);
    assert.equal((after.config as any).prune.rounds, 15); // the example's value
  }
});
