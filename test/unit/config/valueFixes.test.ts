// A wrong type or an out-of-range value gets a quick fix with the value the hover shows: the paper's
// own (else the schema's default); a percentage where a fraction belongs gets the fraction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, lintText } from '../../../src/core/config';
import { paperRegistry } from '../../../src/papers';

const base = (train: string, rate = '{ hidden: 0.2, output: 0.1 }') => `paper: lottery-ticket
name: fixes
train: { optimizer: adam, ${train}, iterations: 500, eval_every: 100 }
prune: { rounds: 2, rate: ${rate} }
controls: [random_reinit]
`;

function fixed(text: string, code: string, title: RegExp): string {
  const r = lintText(text, 'x.exp.yaml', { papers: paperRegistry });
  const f = r.findings.find((x) => x.code === code);
  assert.ok(f, `a ${code} finding; got ${r.findings.map((x) => x.code).join(', ')}`);
  const fix = f.fixes?.find((x) => title.test(x.title));
  assert.ok(fix, `a fix matching ${title}; offered: ${(f.fixes ?? []).map((x) => x.title).join(' | ') || 'none'}`);
  assert.equal(fix.preferred, true, 'offered first');
  return applyTextEdits(r.document!, fix.edits);
}

test('`lr: fast` (a wrong type): "Use the paper\'s value", and the error goes away', () => {
  const after = fixed(base('lr: fast'), 'schema/type', /^Use the paper's value `0\.0012`/);
  assert.match(after, /lr: 0\.0012/);
  assert.ok(!lintText(after, 'x.exp.yaml', { papers: paperRegistry }).findings.some((f) => f.code === 'schema/type'));
});

test('`rate.hidden: 1.5` (out of range): "Use the paper\'s value 0.2"', () => {
  const after = fixed(
    base('lr: 1.2e-3', '{ hidden: 1.5, output: 0.1 }'),
    'schema/range',
    /^Use the paper's value `0\.2`/,
  );
  assert.match(after, /hidden: 0\.2/);
  assert.ok(!lintText(after, 'x.exp.yaml', { papers: paperRegistry }).findings.some((f) => f.code === 'schema/range'));
});

test('`rate.hidden: 20` (a percentage): "Use 0.2" comes first', () => {
  const after = fixed(base('lr: 1.2e-3', '{ hidden: 20, output: 0.1 }'), 'schema/range', /^Use 0\.2$/);
  assert.match(after, /hidden: 0\.2/);
});
