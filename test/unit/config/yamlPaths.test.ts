// The two YAML paths (js-yaml's event parser for plain valid configs, `yaml` for everything else)
// must build the same document: the same value, the same tree with the same offsets, and no
// finding that `yaml` would have reported. Checked on hand-picked constructs and on thousands of
// seeded mutations of every example; the fast path must also really be the one taken on the
// examples and on the benchmark's 2,000-line config, or the benchmark measures the wrong thing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { parseYamlFast } from '../../../src/core/config/parseYamlFast';
import { parseWithYaml } from '../../../src/core/config/parseYaml';
import { LineIndex } from '../../../src/core/config/text';
import { implementedPapers } from '../../../src/papers/index';
import { mulberry32 } from '../../support/mulberry32';
import { mutate } from '../../support/mutate';
import { generatedConfig } from '../../support/bigConfig';
import { lintText } from '../../../src/core/config';
import { paperRegistry } from '../../../src/papers';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);

/** Undefined when the fast path declines; otherwise a description of the first difference, or ''. */
function compare(text: string): string | undefined {
  const fast = parseYamlFast(text);
  if (!fast) return undefined;
  const full = parseWithYaml(text, new LineIndex(text));
  if (full.findings.length) return `yaml reports ${full.findings.map((f) => f.code).join(', ')}, the fast path nothing`;
  if (!isDeepStrictEqual(fast.value, full.value))
    return `values differ: ${JSON.stringify(fast.value)} vs ${JSON.stringify(full.value)}`;
  if (!isDeepStrictEqual(plain(fast.root), plain(full.root)))
    return `trees differ: ${JSON.stringify(plain(fast.root))}\nvs ${JSON.stringify(plain(full.root))}`;
  return '';
}

/** The tree without `value: undefined` noise, NaN-safe. */
function plain(x: unknown): unknown {
  return x === undefined
    ? null
    : JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
}

test('the fast path reads ordinary YAML exactly as yaml does', () => {
  const same = [
    'a: foo\n  bar\nb: 1\n',
    "a: \"multi\n  line\"\nb: 'it''s'\n",
    '"quoted key": 1\n\'k2\': 2\n',
    'a:\n- 1\n- 2\nb: x\n',
    'a:\n  - {x: 1, y: [1, 2]}\n  - - 1\n    - 2\n',
    'a: [1, 2,]\nb: {x: 1,}\nc: [ {b: 1}, c ]\n',
    'é: 中\n🙂: x\n',
    'a: 1 # c\nb: "x" # y\n',
    '---\na: 1\n...\n',
    '[a, b]\n',
    '- a\n- b: 1\n  c: 2\n',
    'a:\n  b:\n    c:\n      d: 1\n',
    // Numbers and booleans of the YAML 1.2 core schema, including the corners (overflow, -0, non-numbers).
    'a: 0x1F\nb: 0o17\nc: .inf\nd: -.Inf\ne: .NaN\nf: 1_000\ng: +1\nh: -0\ni: 1e309\nj: 0b11\nk: 1.\nl: .5\nm: 012\n',
    'a: True\nb: FALSE\nc: yes\nd: Null\ne: ~\nf:\n',
    '__proto__: {x: 1}\nconstructor: 1\n',
    'a: 1\r\nb:\r\n  c: 2\r\n',
    '\ufeffa: 1\n',
    'a: "\\u00e9\\n"\nb: \'\'\nc: ""\n',
    'a:  \n  # c\nb: 1\n',
    'a: x #c\n   # more\n',
    'a:\n  b: 1   # c1\n       # c2\n  # c3\n# c4\nz: 2\n',
    'a:\n  b: 1\n  c:\n    # c2\n  # c3\nz: 2\n',
    '',
    '# only a comment\n',
  ];
  for (const t of same) assert.equal(compare(t), '', JSON.stringify(t));
  // These go to `yaml`: errors (several findings, a partial model), and what the fast path leaves alone.
  const declined = [
    'a: b: c\n',
    'a: 1\n---\nb: 2\n',
    '%YAML 1.1\n---\na: yes\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  x\n',
    '? a\n: 1\n',
    'a: 1\na: 2\n',
    'a: 1\rb: 2\n',
    // Keys the core schema reads as numbers or booleans: `00:` is the key "0" (a mutation of an example found it).
    '00: x\n',
    'a:\n  1e3: x\n',
    'true: 1\n',
  ];
  for (const t of declined) assert.equal(parseYamlFast(t), undefined, JSON.stringify(t));
});

test('the examples and the 2,000-line benchmark config take the fast path', () => {
  for (const p of implementedPapers()) assert.equal(compare(p.exampleYaml), '', p.id);
  assert.equal(compare(generatedConfig(2000)), '');
});

test(`${CASES} seeded mutations of the examples: wherever the fast path answers, it answers as yaml does`, () => {
  const r = mulberry32(SEED + 1);
  const seeds = implementedPapers().map((p) => p.exampleYaml);
  let fast = 0;
  for (let n = 0; n < CASES; n++) {
    let text = seeds[n % seeds.length];
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) text = mutate(text, r);
    const diff = compare(text);
    if (diff === undefined) continue;
    fast++;
    assert.equal(diff, '', `seed ${SEED + 1}, case ${n}:\n${text}`);
  }
  // Both branches must be exercised, or the test proves little about either.
  assert.ok(fast > CASES / 5 && fast < CASES * 0.9, `${fast} of ${CASES} took the fast path`);
});

// Why `yaml` stays beside js-yaml: js-yaml stops at the first error with no document, `yaml` recovers.
// While a line is being typed the file is often broken (1,124 of 5,669 states when each example's lines
// are cut every third character); a config's other findings must not vanish and come back meanwhile.
test('a config broken mid-edit on one line keeps the findings of its other lines', () => {
  const lt = implementedPapers().find((p) => p.id === 'lottery-ticket')!;
  const text = lt.exampleYaml
    .replace('  lr: 1.2e-3', '  lr 1.2e-3') // the line being typed: a key that has lost its colon
    .replace('  rewind_to: 0 ', '  rewind_to: 9000 ') // after the end of training: the paper's rule
    .replace('  activation: relu', '  activaton: relu'); // a typo: the schema's did-you-mean
  assert.equal(parseYamlFast(text), undefined, 'js-yaml gives up on this text');
  const codes = lintText(text, 'lt.exp.yaml', { papers: paperRegistry }).findings.map(
    (f) => `${f.range.start.line + 1} ${f.code}`,
  );
  for (const want of ['20 parse/syntax', '17 schema/unknown-key', '28 lottery-ticket/rewind-after-end'])
    assert.ok(codes.includes(want), `${want} expected; got ${codes.join(', ')}`);
});
