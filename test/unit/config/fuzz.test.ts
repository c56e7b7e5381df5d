// Seeded fuzzing: 10,000 random mutations of the example configs (YAML and JSON) — deleted
// characters, truncations, swapped values, wrong types, junk, broken indentation. Linting must
// never throw, and every finding and every fix must point inside the document. Reproducible: a
// failure prints the seed and case number; FUZZ_CASES / FUZZ_SEED override the defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, complete, hover, type Range } from '../../../src/core/config';
import { LineIndex } from '../../../src/core/config/text';
import { implementedPapers } from '../../../src/papers/index';
import { parse as parseYaml } from 'yaml';
import { mulberry32 } from '../../support/mulberry32';
import { mutate } from '../../support/mutate';
import { paperRegistry } from '../../../src/papers';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);

const rng = mulberry32;

function inside(lines: LineIndex, r: Range): boolean {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < lines.lineCount &&
    p.character <= lines.lineText(p.line).length;
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  return ok(r.start) && ok(r.end) && ordered;
}

test(`${CASES} seeded mutations of the example configs: lint never throws, every range is inside the document`, () => {
  const r = rng(SEED);
  const seeds: [string, string][] = [];
  for (const p of implementedPapers()) {
    seeds.push([p.exampleYaml, `${p.id}.exp.yaml`]);
    seeds.push([JSON.stringify(parseYaml(p.exampleYaml), null, 2), `${p.id}.exp.json`]);
  }
  let findings = 0;
  let broken = 0;
  for (let n = 0; n < CASES; n++) {
    const [base, file] = seeds[n % seeds.length];
    let text = base;
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) text = mutate(text, r);
    const where = `seed ${SEED}, case ${n} (${file}):\n${text.slice(0, 2000)}`;
    let result;
    try {
      result = lintText(text, file, { papers: paperRegistry });
    } catch (err) {
      assert.fail(`lintText threw ${String(err)} — ${where}`);
    }
    const lines = new LineIndex(text);
    for (const f of result.findings) {
      findings++;
      assert.ok(inside(lines, f.range), `finding ${f.code} at ${JSON.stringify(f.range)} is outside — ${where}`);
      assert.ok(f.message.length > 0 && f.code.length > 0);
      for (const fix of f.fixes ?? [])
        for (const e of fix.edits) assert.ok(inside(lines, e.range), `fix "${fix.title}" edits outside — ${where}`);
    }
    if (!result.ok) broken++;
    if (n % 10 === 0) {
      // The language service gets the same treatment at a random position.
      const line = Math.floor(r() * lines.lineCount);
      const pos = { line, character: Math.floor(r() * (lines.lineText(line).length + 1)) };
      assert.ok(Array.isArray(complete(text, file, pos, { papers: paperRegistry })), where);
      const h = hover(text, file, pos, { papers: paperRegistry });
      if (h?.range) assert.ok(inside(lines, h.range), `hover range outside — ${where}`);
    }
  }
  // The mutations must actually break things, or the test proves nothing.
  assert.ok(broken > CASES / 4, `only ${broken} of ${CASES} mutated configs had an error`);
  assert.ok(findings > CASES, `only ${findings} findings`);
});

test('pathological inputs: empty, 10 MB, binary, deep nesting, alias bomb, long lines, odd line ends', () => {
  const big = 'paper: lottery-ticket\n' + 'x: 1\n'.repeat(2_100_000);
  const inputs: [string, string][] = [
    ['', 'a.exp.yaml'],
    ['', 'a.exp.json'],
    [big, 'big.exp.yaml'],
    ['\u0000\u0001\u0002binary', 'b.exp.yaml'],
    ['['.repeat(100_000), 'deep.exp.yaml'],
    ['['.repeat(100_000), 'deep.exp.json'],
    ['{"a":'.repeat(50_000), 'deep2.exp.json'],
    ['a:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + 'a:').join('\n'), 'indent.exp.yaml'],
    [
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      'bomb.exp.yaml',
    ],
    ['paper: lottery-ticket\nname: ' + 'x'.repeat(200_000), 'long.exp.yaml'],
    ['paper: lottery-ticket\r\ntrain:\r\n  lr: x\r\n', 'crlf.exp.yaml'],
    ['paper: lottery-ticket\rtrain:\r  lr: x\r', 'cr.exp.yaml'],
    ['\ufeffpaper: lottery-ticket\n', 'bom.exp.yaml'],
    ['{"paper": "lottery-ticket", "__proto__": {"polluted": 1}}', 'proto.exp.json'],
    ['paper: lottery-ticket\n__proto__: {polluted: 1}\n', 'proto.exp.yaml'],
  ];
  for (const [text, file] of inputs) {
    const t0 = performance.now();
    const res = lintText(text, file, { papers: paperRegistry });
    const ms = performance.now() - t0;
    const lines = new LineIndex(text);
    for (const f of res.findings) assert.ok(inside(lines, f.range), `${file}: ${f.code} outside`);
    assert.ok(ms < 5000, `${file} took ${ms.toFixed(0)} ms`);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  const big10 = lintText(big, 'big.exp.yaml', { papers: paperRegistry });
  assert.equal(big10.findings[0].code, 'parse/too-large');
  assert.equal(lintText('['.repeat(100_000), 'deep.exp.yaml', { papers: paperRegistry }).ok, false);
  assert.equal(
    lintText('paper: lottery-ticket\r\ntrain:\r\n  lr: x\r\n', 'crlf.exp.yaml', {
      papers: paperRegistry,
    }).findings.find((f) => f.code === 'schema/type')?.range.start.line,
    2,
  );
});
