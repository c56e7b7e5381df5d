// Completion and hover: what the host adapters show, checked without VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, hover, type CompletionEntry } from '../../../src/core/config';
import { lotteryExampleYaml } from '../../../src/papers/lottery-ticket/example';
import { paperRegistry } from '../../../src/papers';
import { CATALOG_ONLY, registryWithCatalogOnly } from '../../support/catalogOnly';

/** `|` marks the cursor. */
function at(marked: string) {
  const i = marked.indexOf('|');
  const before = marked.slice(0, i);
  const line = before.split('\n').length - 1;
  return {
    text: marked.slice(0, i) + marked.slice(i + 1),
    pos: { line, character: before.length - (before.lastIndexOf('\n') + 1) },
  };
}
const completeAt = (marked: string, file = 'c.exp.yaml') => {
  const { text, pos } = at(marked);
  return complete(text, file, pos, { papers: paperRegistry });
};
const hoverAt = (marked: string, file = 'c.exp.yaml') => {
  const { text, pos } = at(marked);
  return hover(text, file, pos, { papers: paperRegistry });
};
const labels = (xs: CompletionEntry[]) => xs.map((x) => x.label);
const first = (xs: CompletionEntry[]) => [...xs].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];

test('paper ids complete on `paper:`, papers with a schema first', () => {
  const items = completeAt('paper: |\n');
  assert.ok(items.length >= 55, 'every catalog paper');
  assert.ok(items.every((i) => i.kind === 'paper'));
  assert.equal(first(items).label, 'lottery-ticket');
  // A catalog entry without a definition (none is left in the real catalog; a test registry has one).
  const withOne = complete('paper: ', 'c.exp.yaml', { line: 0, character: 7 }, { papers: registryWithCatalogOnly });
  assert.match(withOne.find((i) => i.label === CATALOG_ONLY.id)!.detail!, /schema not available yet/);
  assert.match(items.find((i) => i.label === 'grokking-tickets')!.documentation!, /Grokking Tickets/);
});

test('keys of the block at the cursor, minus those present, in schema order, with defaults', () => {
  const items = completeAt(lotteryExampleYaml.replace('  eval_every: 100\n', '  eval_every: 100\n  |\n'));
  assert.deepEqual(labels(items), ['max_iterations', 'momentum', 'weight_decay']);
  const root = completeAt('paper: lottery-ticket\n|');
  assert.deepEqual(labels(root), ['name', 'seed', 'data', 'model', 'train', 'prune', 'controls', 'sweep']);
  assert.equal(root.find((i) => i.label === 'controls')!.insertText, 'controls: ${1:[random_reinit]}');
  assert.equal(root.find((i) => i.label === 'prune')!.insertText, 'prune:\n  $0');
  const nested = completeAt('paper: lottery-ticket\nprune:\n  rate:\n    hidden: 0.2\n    |');
  assert.deepEqual(labels(nested), ['output']);
  assert.match(nested[0].documentation!, /The paper:\*\* `0.1`/);
});

test("enum values with the paper's value first and preselected; block, flow and list positions", () => {
  const opt = completeAt('paper: lottery-ticket\ntrain:\n  optimizer: |\n');
  assert.deepEqual(labels(opt).sort(), ['adam', 'adamw', 'sgd']);
  assert.equal(first(opt).label, 'adam');
  assert.equal(opt.find((i) => i.label === 'adam')!.preselect, true);
  assert.match(opt.find((i) => i.label === 'adam')!.detail!, /the paper's value/);
  const flow = completeAt('paper: lottery-ticket\nprune: { scope: | }\n');
  assert.deepEqual(labels(flow), ['layerwise', 'global']);
  const list = completeAt('paper: lottery-ticket\ncontrols: [random_reinit, |]\n');
  assert.deepEqual(labels(list).sort(), ['random_mask', 'random_reinit']);
  const dash = completeAt('paper: train-longer\narms:\n  - sb\n  - |\n');
  assert.ok(labels(dash).includes('lb_lr_gbn_ra'));
  const num = completeAt('paper: lottery-ticket\ntrain:\n  lr: |\n');
  assert.equal(num[0].label, '0.0012');
  assert.equal(num[0].preselect, true);
});

test('JSON: keys inside quotes and values, with the right quoting', () => {
  const keys = completeAt('{"paper": "lottery-ticket", "train": {"lr": 0.1, "|"}}', 'c.exp.json');
  assert.ok(labels(keys).includes('batch_size') && !labels(keys).includes('lr'));
  assert.equal(keys.find((k) => k.label === 'batch_size')!.insertText, 'batch_size');
  const bare = completeAt('{"paper": "lottery-ticket", |}', 'c.exp.json');
  assert.equal(bare.find((k) => k.label === 'seed')!.insertText, '"seed": ${1:1}');
  const vals = completeAt('{"paper": "lottery-ticket", "model": {"init": |}}', 'c.exp.json');
  assert.equal(vals.find((v) => v.label === 'he_normal')!.insertText, '"he_normal"');
  assert.equal(completeAt('|', 'c.exp.json')[0].insertText, '{\n  "paper": "$1"\n}');
  const papers = completeAt('{"paper": "|"}', 'c.exp.json');
  assert.equal(papers.find((p) => p.label === 'lottery-ticket')!.insertText, 'lottery-ticket');
});

test('nothing is offered inside comments, and broken text does not throw', () => {
  assert.deepEqual(completeAt('paper: lottery-ticket # a comm|ent\n'), []);
  for (const t of ['|', '{|', '[[[|', 'paper: lottery-ticket\ntrain: {lr: [|', ': : :|', '"|'])
    assert.ok(Array.isArray(completeAt(t)));
  assert.deepEqual(labels(completeAt('|')), ['paper']);
});

test("hover on a key: meaning, legal range, default, the paper's value and its source", () => {
  const h = hoverAt(lotteryExampleYaml.replace('  lr: 1.2e-3', '  l|r: 1.2e-3'))!;
  assert.match(h.markdown, /\*\*`train\.lr`\*\* — number/);
  assert.match(h.markdown, /Learning rate/);
  assert.match(h.markdown, /Legal: > 0, ≤ 10/);
  assert.match(h.markdown, /Default: `0\.0012`/);
  assert.match(h.markdown, /\*\*The paper:\*\* `0\.0012` — Frankle & Carbin 2019, §2/);
  const line = lotteryExampleYaml.split('\n').findIndex((l) => l.startsWith('  lr:'));
  assert.deepEqual(h.range, { start: { line, character: 2 }, end: { line, character: 4 } });
});

test('hover on values, nested keys, the paper id, and JSON', () => {
  const v = hoverAt('paper: lottery-ticket\nmodel:\n  init: glorot_nor|mal\n')!;
  assert.match(v.markdown, /^`glorot_normal` — value of \*\*`model\.init`\*\*/);
  const nested = hoverAt('paper: lottery-ticket\nprune:\n  rate: { hid|den: 0.2 }\n')!;
  assert.match(nested.markdown, /REMAINING weights of each hidden layer/);
  const p = hoverAt('paper: grokking-tick|ets\n')!;
  assert.match(p.markdown, /Grokking Tickets: Lottery Tickets Accelerate Grokking/);
  assert.match(p.markdown, /tier A/);
  const unknown = hover(
    'paper: catalog-only-example\n',
    'c.exp.yaml',
    { line: 0, character: 12 },
    {
      papers: registryWithCatalogOnly,
    },
  )!;
  assert.match(unknown.markdown, /Schema not available yet/);
  const j = hoverAt('{"paper": "train-longer", "large_batch": {"ghost_ba|tch": 100}}', 'h.exp.json')!;
  assert.match(j.markdown, /Must divide batch_size/);
  assert.equal(hoverAt('paper: lottery-ticket\nfoo|bar: 1\n'), undefined);
  assert.equal(hoverAt('|'), undefined);
});
