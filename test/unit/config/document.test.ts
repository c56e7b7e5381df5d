// The document model: ranges of keys and values, what is under a position, and structural edits
// turned into text edits for YAML block and flow style and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigDocument, configEditsToTextEdits, applyTextEdits } from '../../../src/core/config';
import type { ConfigEdit } from '../../../src/core/paper/types';
import { parse as parseYaml } from 'yaml';

const yaml =
  'paper: lottery-ticket\ntrain:\n  lr: 0.1   # fast\n  batch_size: 60\nprune: { rounds: 7, rate: { hidden: 0.2 } }\ncontrols:\n  - random_reinit\n';
const json = '{\n  "paper": "lottery-ticket",\n  "train": { "lr": 0.1 },\n  "controls": ["random_reinit"]\n}\n';

const text = (d: ConfigDocument, r: { start: any; end: any }) =>
  d.text.slice(d.lines.offsetAt(r.start), d.lines.offsetAt(r.end));

test('rangeOf: keys, values, list items, and the nearest existing ancestor for missing paths', () => {
  for (const [src, file] of [
    [yaml, 'a.exp.yaml'],
    [json, 'a.exp.json'],
  ]) {
    const d = new ConfigDocument(src, file);
    assert.equal(text(d, d.rangeOf(['train', 'lr'])).replace(/"/g, ''), 'lr');
    assert.equal(text(d, d.rangeOf(['train', 'lr'], 'value')), '0.1');
    assert.equal(text(d, d.rangeOf(['controls', 0], 'value')).replace(/"/g, ''), 'random_reinit');
    assert.equal(text(d, d.rangeOf(['train', 'momentum'])).replace(/"/g, ''), 'train', 'missing key → its block');
    assert.equal(d.rangeOf(['nothing', 'here']).start.line, 0);
  }
  const d = new ConfigDocument(yaml, 'a.exp.yaml');
  assert.equal(text(d, d.rangeOf(['prune', 'rate', 'hidden'], 'value')), '0.2');
});

test('pathAt: key or value under the cursor, keys winning where a block value touches the next key', () => {
  const d = new ConfigDocument(yaml, 'a.exp.yaml');
  assert.deepEqual(d.pathAt(yaml.indexOf('batch_size') + 2).path, ['train', 'batch_size']);
  assert.equal(d.pathAt(yaml.indexOf('batch_size') + 2).onKey, true);
  assert.deepEqual(d.pathAt(yaml.indexOf('0.2') + 1).path, ['prune', 'rate', 'hidden']);
  assert.equal(d.pathAt(yaml.indexOf('0.2') + 1).onKey, false);
  assert.deepEqual(d.pathAt(yaml.indexOf('prune')).path, ['prune']);
  assert.deepEqual(d.pathAt(yaml.indexOf('random_reinit') + 3).path, ['controls', 0]);
});

test('duplicate keys: a finding, and the last one wins as in the value', () => {
  const d = new ConfigDocument('a: 1\nb: 2\na: 3\n', 'd.exp.yaml');
  assert.equal(d.findings[0].code, 'parse/duplicate-key');
  assert.equal(d.findings[0].range.start.line, 2);
  assert.deepEqual(d.value, { a: 3, b: 2 });
  assert.equal(d.rangeOf(['a'], 'value').start.line, 2);
});

const cases: [string, ConfigEdit, unknown][] = [
  ['set a block scalar', { kind: 'setValue', path: ['train', 'lr'], value: 0.0012 }, 0.0012],
  ['set a flow scalar', { kind: 'setValue', path: ['prune', 'rate', 'hidden'], value: 0.1 }, 0.1],
  [
    'set a list',
    { kind: 'setValue', path: ['controls'], value: ['random_reinit', 'random_mask'] },
    ['random_reinit', 'random_mask'],
  ],
  ['add to a block', { kind: 'addKey', parent: ['train'], key: 'iterations', value: 1500 }, 1500],
  ['add to a flow map', { kind: 'addKey', parent: ['prune'], key: 'rewind_to', value: 0 }, 0],
  ['add a missing block', { kind: 'setValue', path: ['data', 'dataset'], value: 'fashion-mnist' }, 'fashion-mnist'],
  ['a string that needs quotes', { kind: 'setValue', path: ['name'], value: 'yes: no # really' }, 'yes: no # really'],
];

test('structural edits become text edits that keep the document valid (YAML and JSON)', () => {
  for (const [src, file] of [
    [yaml, 'e.exp.yaml'],
    [json, 'e.exp.json'],
  ]) {
    for (const [what, edit, expected] of cases) {
      const d = new ConfigDocument(src, file);
      const edits = configEditsToTextEdits(d, [edit]);
      assert.ok(edits.length > 0, `${file}: ${what}: no edits`);
      const out = applyTextEdits(d, edits);
      const after = new ConfigDocument(out, file);
      assert.deepEqual(
        after.findings.filter((f) => f.severity === 'error'),
        [],
        `${file}: ${what} broke it:\n${out}`,
      );
      const path = edit.kind === 'addKey' ? [...edit.parent, edit.key] : edit.kind === 'setValue' ? edit.path : [];
      let v: any = file.endsWith('.json') ? JSON.parse(out) : parseYaml(out);
      for (const s of path) v = v[s];
      assert.deepEqual(v, expected, `${file}: ${what}:\n${out}`);
    }
  }
});

test('renameKey keeps quoting, and an edit that cannot be placed gives no edits', () => {
  const y = new ConfigDocument(yaml, 'r.exp.yaml');
  assert.equal(
    applyTextEdits(
      y,
      configEditsToTextEdits(y, [{ kind: 'renameKey', path: ['train', 'lr'], newKey: 'weight_decay' }]),
    ),
    yaml.replace('  lr:', '  weight_decay:'),
  );
  const j = new ConfigDocument(json, 'r.exp.json');
  assert.equal(
    applyTextEdits(
      j,
      configEditsToTextEdits(j, [{ kind: 'renameKey', path: ['train', 'lr'], newKey: 'weight_decay' }]),
    ),
    json.replace('"lr"', '"weight_decay"'),
  );
  assert.deepEqual(configEditsToTextEdits(y, [{ kind: 'addKey', parent: ['controls'], key: 'x', value: 1 }]), []);
  assert.deepEqual(configEditsToTextEdits(y, [{ kind: 'renameKey', path: ['nope'], newKey: 'x' }]), []);
  const empty = new ConfigDocument('', 'e.exp.yaml');
  assert.equal(
    applyTextEdits(
      empty,
      configEditsToTextEdits(empty, [{ kind: 'addKey', parent: [], key: 'paper', value: 'lottery-ticket' }]),
    ),
    'paper: lottery-ticket\n',
  );
});

test('pathAt takes a position as well as an offset', () => {
  const d = new ConfigDocument(yaml, 'p.exp.yaml');
  assert.deepEqual(d.pathAt({ line: 2, character: 7 }).path, ['train', 'lr']);
  assert.equal(d.pathAt({ line: 2, character: 7 }).onKey, false);
  assert.deepEqual(d.pathAt({ line: 0, character: 0 }), { ...d.pathAt(0), path: ['paper'] });
});

test('positions never fall between the \\r and \\n of a line break (found by the fuzz test)', async () => {
  const { LineIndex } = await import('../../../src/core/config/text');
  const l = new LineIndex('ab\r\ncd\re\n');
  assert.deepEqual(l.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(l.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(l.positionAt(7), { line: 2, character: 0 });
  assert.equal(l.offsetAt({ line: 0, character: 99 }), 2);
});
