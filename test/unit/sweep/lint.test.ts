// The `sweep:` block in the config language: cells, lint at each grid path (findings on the value's
// own range), completion and hover inside `grid`, and the published JSON Schema accepting the block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { complete, hover, lintText } from '../../../src/core/config/index';
import { cellCount, expandCells, readSweep } from '../../../src/core/sweep/spec';
import { experimentJsonSchema } from '../../../src/core/config/jsonSchema';
import { paperRegistry } from '../../../src/papers';

const P = { papers: paperRegistry };
import { finishTime, makespan } from '../../../src/core/sweep/estimate';

const base = `paper: lottery-ticket
name: lr sweep
seed: 4
train:
  iterations: 1000
prune:
  rewind_to: 0
`;

/** The finding whose range starts on this 1-based line, with its text under the range. */
function at(text: string, findings: ReturnType<typeof lintText>['findings'], line: number) {
  return findings
    .filter((f) => f.range.start.line === line - 1)
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      under: text.split('\n')[line - 1].slice(f.range.start.character, f.range.end.character),
    }));
}

test('a clean sweep: the base config without the block, and the spec with seeds from the config seed', () => {
  const text =
    base + 'sweep:\n  seeds: 3\n  grid:\n    train.lr: [1.0e-3, 3.0e-3]\n    prune.rate.hidden: [0.2, 0.5]\n';
  const r = lintText(text, 'a.exp.yaml', P);
  assert.equal(r.ok, true, JSON.stringify(r.findings));
  assert.equal(r.config!.sweep, undefined, 'the resolved config is the base');
  assert.deepEqual(r.sweep!.seeds, [4, 5, 6]);
  assert.equal(cellCount(r.sweep!), 12);
  const cells = expandCells(r.config!, r.sweep!);
  assert.equal(cells.length, 12);
  // Grid-first order, seeds innermost: the seeds of one setting are neighbours.
  assert.deepEqual(
    cells.slice(0, 4).map((c) => [c.settings['train.lr'], c.settings['prune.rate.hidden'], c.seed]),
    [
      [1e-3, 0.2, 4],
      [1e-3, 0.2, 5],
      [1e-3, 0.2, 6],
      [1e-3, 0.5, 4],
    ],
  );
  const c = cells[3].config as any;
  assert.equal(c.train.lr, 1e-3);
  assert.equal(c.prune.rate.hidden, 0.5);
  assert.equal(c.prune.rate.output, 0.1, 'keys beside the swept one keep their value');
  assert.equal(c.seed, 4);
  assert.match(c.name, /^lr sweep \[train\.lr=0\.001, prune\.rate\.hidden=0\.5\]$/);
  // What the trainer does with a cell: lint its JSON again. Every cell must pass.
  for (const cell of cells) {
    const again = lintText(JSON.stringify(cell.config), 'cell.exp.json', P);
    assert.equal(again.ok, true, JSON.stringify(again.findings.filter((f) => f.severity === 'error')));
  }
});

test('seeds as a list, and a sweep without a grid', () => {
  const r = lintText(base + 'sweep:\n  seeds: [7, 1, 9]\n', 'a.exp.yaml', P);
  assert.equal(r.ok, true);
  assert.deepEqual(r.sweep, { seeds: [7, 1, 9], grid: [] });
  assert.deepEqual(
    expandCells(r.config!, r.sweep!).map((c) => [c.seed, c.config.name]),
    [
      [7, 'lr sweep'],
      [1, 'lr sweep'],
      [9, 'lr sweep'],
    ],
  );
});

test('each grid value is checked at its path, with the finding on that value', () => {
  const text =
    base +
    [
      'sweep:',
      '  seeds: 0',
      '  grid:',
      '    train.lr: [1.0e-3, -3, 1.0e-3]',
      '    prune.rate.hiden: [0.2]',
      '    train.learning_rate: [0.1]',
      '    prune.rate.hidden: [0.2, 1.5]',
      '    train.iterations: 100',
      '    prune.rewind_to: [0, 5000]',
      '    seed: [1, 2]',
      '    train.optimizer: [adam, adamm]',
      '  repeats: 2',
    ].join('\n') +
    '\n';
  const r = lintText(text, 'a.exp.yaml', P);
  assert.equal(r.ok, false);
  assert.equal(r.sweep, undefined);
  const f = (line: number) => at(text, r.findings, line);
  assert.deepEqual(
    f(9).map((x) => [x.code, x.under]),
    [['sweep/seeds', '0']],
  );
  const lr = f(11);
  assert.deepEqual(
    lr.map((x) => [x.code, x.severity, x.under]),
    [
      ['sweep/value', 'error', '-3'],
      ['sweep/duplicate-value', 'warning', '1.0e-3'],
    ],
  );
  assert.match(lr[0].message, /`train\.lr` must be > 0, got -3/);
  assert.deepEqual(
    f(12).map((x) => [x.code, x.under]),
    [['sweep/unknown-path', 'prune.rate.hiden']],
  );
  assert.match(f(12)[0].message, /Did you mean `prune\.rate\.hidden`\?/);
  assert.match(f(13)[0].message, /Did you mean `train\.lr`\?/, 'synonyms from other codebases');
  assert.deepEqual(
    f(14).map((x) => [x.code, x.under]),
    [['sweep/value', '1.5']],
  );
  assert.deepEqual(
    f(15).map((x) => [x.code, x.under]),
    [['sweep/not-a-list', '100']],
  );
  // A cross-field rule of the paper, on the base config with this one value set.
  assert.deepEqual(
    f(16).map((x) => [x.code, x.under]),
    [['sweep/value', '5000']],
  );
  assert.match(f(16)[0].message, /^With `prune\.rewind_to: 5000`: .*before the end of training/);
  assert.match(f(17)[0].message, /cannot be swept.*sweep\.seeds/);
  assert.deepEqual(
    f(18).map((x) => [x.code, x.under]),
    [['sweep/value', 'adamm']],
  );
  assert.match(f(19)[0].message, /Unknown key `repeats` in `sweep` — did you mean `seeds`\?/);

  // The fixes edit the text into what was meant.
  const fix = r.findings.find((x) => x.code === 'sweep/unknown-path' && /hiden/.test(x.message))!.fixes![0];
  assert.equal(fix.edits[0].newText, 'prune.rate.hidden');
  const wrap = r.findings.find((x) => x.code === 'sweep/not-a-list')!.fixes![0];
  assert.equal(wrap.edits[0].newText.replace(/\s/g, ''), '[100]');
});

test('an index into a list setting, and a JSON config', () => {
  const ok = lintText(base + 'sweep:\n  grid:\n    model.hidden.0: [100, 300]\n', 'a.exp.yaml', P);
  assert.equal(ok.ok, true, JSON.stringify(ok.findings));
  assert.deepEqual(
    expandCells(ok.config!, ok.sweep!).map((c) => (c.config.model as any).hidden),
    [
      [100, 100],
      [300, 100],
    ],
  );
  const bad = lintText(base + 'sweep:\n  grid:\n    model.hidden.5: [1]\n', 'a.exp.yaml', P);
  assert.match(bad.findings.find((f) => f.code === 'sweep/unknown-path')!.message, /`model\.hidden` has 2 items/);
  const json = '{\n  "paper": "lottery-ticket",\n  "sweep": { "seeds": 2, "grid": { "train.lr": [0.001, 20] } }\n}\n';
  const j = lintText(json, 'a.exp.json', P);
  const v = j.findings.find((f) => f.code === 'sweep/value')!;
  assert.equal(json.split('\n')[v.range.start.line].slice(v.range.start.character, v.range.end.character), '20');
  assert.equal(readSweep({ seeds: 2 }, 10)!.seeds.join(), '10,11');
});

test('a block that is not a block, and a sweep too large to run', () => {
  const r = lintText(base + 'sweep: 3\n', 'a.exp.yaml', P);
  assert.match(r.findings.find((f) => f.code === 'sweep/not-a-block')!.message, /block with `seeds:`/);
  const big = lintText(
    base +
      `sweep:\n  seeds: 1000\n  grid:\n    train.lr: [${Array.from({ length: 101 }, (_, i) => (i + 1) / 1000).join(', ')}]\n`,
    'a.exp.yaml',
    P,
  );
  assert.match(big.findings.find((f) => f.code === 'sweep/too-many-cells')!.message, /101,000 cells/);
});

test('completion inside the block: the sweep key, its keys, grid paths, and values of the swept setting', () => {
  const text = base + 'sweep:\n  seeds: 3\n  grid:\n    train.lr: [1.0e-3, ]\n    train.optimizer: [ad]\n    \n';
  const lines = text.split('\n');
  const line = (s: string) => lines.findIndex((l) => l.startsWith(s));
  const labels = (l: number, c: number) =>
    complete(text, 'a.exp.yaml', { line: l, character: c }, P).map((i) => i.label);
  const grid = labels(line('    \n') >= 0 ? line('    \n') : lines.length - 2, 4);
  assert.ok(grid.includes('train.lr') === false, 'a path already in the grid is not offered again');
  assert.ok(grid.includes('prune.rate.hidden') && grid.includes('train.batch_size'), grid.join());
  assert.ok(!grid.includes('seed') && !grid.includes('name') && !grid.includes('paper'));
  const lrLine = line('    train.lr');
  const lrItems = complete(text, 'a.exp.yaml', { line: lrLine, character: lines[lrLine].indexOf(']') }, P);
  assert.deepEqual(
    lrItems.map((i) => [i.label, i.detail]),
    [['0.0012', "the paper's value, default"]],
  );
  const opt = line('    train.optimizer');
  assert.deepEqual(labels(opt, lines[opt].indexOf(']')), ['sgd', 'adam', 'adamw']);
  const top = complete(base, 'a.exp.yaml', { line: base.split('\n').length - 1, character: 0 }, P);
  assert.ok(top.some((i) => i.label === 'sweep' && /seeds/.test(i.insertText ?? '')));
  const inside = complete('paper: lottery-ticket\nsweep:\n  \n', 'a.exp.yaml', { line: 2, character: 2 }, P);
  assert.deepEqual(
    inside.map((i) => i.label),
    ['seeds', 'grid'],
  );
});

test('hover inside the block: the block, seeds, grid, and a grid key documented as its setting', () => {
  const text = base + 'sweep:\n  seeds: 3\n  grid:\n    train.lr: [1.0e-3, 3.0e-3]\n';
  const lines = text.split('\n');
  const h = (prefix: string, col: number) =>
    hover(text, 'a.exp.yaml', { line: lines.findIndex((l) => l.startsWith(prefix)), character: col }, P)?.markdown ??
    '';
  assert.match(h('sweep:', 1), /run this config several times/);
  assert.match(h('  seeds', 3), /\*\*`sweep\.seeds`\*\*/);
  assert.match(h('  grid', 3), /\*\*`sweep\.grid`\*\*/);
  const lr = h('    train.lr', 6);
  assert.match(lr, /\*\*`train\.lr`\*\*.*Learning rate/s);
  assert.match(lr, /Swept:\*\* 2 values/);
  assert.match(h('    train.lr', 20), /\*\*`train\.lr`\*\*/, 'on a value too');
});

test('the published JSON Schema accepts a sweep block (other editors validate with it)', () => {
  const validate = new Ajv({ strict: false }).compile(experimentJsonSchema(paperRegistry));
  const ok = { paper: 'lottery-ticket', sweep: { seeds: 3, grid: { 'train.lr': [0.001, 0.003] } } };
  assert.equal(validate(ok), true, JSON.stringify(validate.errors));
  assert.equal(validate({ paper: 'lottery-ticket', sweep: { seeds: 0 } }), false);
});

test('how long a sweep takes on N slots: longest first for the estimate, in order for the ETA', () => {
  assert.equal(makespan([2, 4, 3, 3], 2), 6, 'LPT: 4+2 | 3+3');
  assert.equal(makespan([10], 4), 10);
  assert.equal(makespan([], 2), 0);
  // One cell left running with 70 s to go and nothing queued: 70 s, not 35 s over two cores.
  assert.equal(finishTime([70], [], 2), 70);
  assert.equal(finishTime([0, 70], [70], 2), 70);
  assert.equal(finishTime([10, 20], [30, 30], 2), 50);
});

test('planning lints each grid setting once; every seed of it resolves to what a full lint gives', async () => {
  const { planSweep, resolveCell } = await import('../../../src/core/sweep/plan');
  const { cellOf } = await import('../../../src/core/sweep/folder');
  const { configHash } = await import('../../../src/core/runs/folder');
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  const text = base + 'sweep:\n  seeds: [3, 8]\n  grid:\n    train.lr: [1.0e-3, 3.0e-3]\n';
  const plan = planSweep({
    text,
    file: path.join(dir, 'a.exp.yaml'),
    runsDir: path.join(dir, 'runs'),
    backend: 'wasm',
    papers: paperRegistry,
  });
  assert.ok(plan.ok);
  for (const cell of plan.sweep.cells) {
    const full = resolveCell(cellOf(plan.sweep, cell.index), paperRegistry);
    assert.equal(configHash(full.config), cell.configHash, `cell ${cell.index}`);
    assert.deepEqual(plan.configs.get(cell.index), full.config);
  }
});

test('--seeds as a count starts at the config’s own seed; as a list it is taken as given', async () => {
  const { sweepSpecOf } = await import('../../../src/core/sweep/plan');
  const lint = lintText(base, 'a.exp.yaml', P);
  assert.deepEqual(sweepSpecOf(lint, { count: 3 })!.seeds, [4, 5, 6]);
  assert.deepEqual(sweepSpecOf(lint, [9, 2])!.seeds, [9, 2]);
  assert.equal(sweepSpecOf(lint), undefined, 'no block and no --seeds: nothing to sweep');
});
