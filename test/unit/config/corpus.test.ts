// The broken-config corpus: each file in test/fixtures/configs must produce the finding its manifest
// entry names, on the named line (1-based), and linting it must never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../../src/core/config';
import { registryWithCatalogOnly } from '../../support/catalogOnly';

const dir = path.resolve(import.meta.dirname, '../../fixtures/configs');
const manifest: { cases: { file: string; code: string; line: number; severity?: string }[] } = JSON.parse(
  readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
);

test('the corpus has at least 40 broken configs, and every fixture file is in the manifest', () => {
  assert.ok(manifest.cases.length >= 40, `only ${manifest.cases.length} cases`);
  const listed = new Set(manifest.cases.map((c) => c.file));
  for (const f of readdirSync(dir)) if (f !== 'manifest.json') assert.ok(listed.has(f), `${f} has no manifest entry`);
});

for (const c of manifest.cases) {
  test(`${c.file} → ${c.code} on line ${c.line}`, () => {
    const text = readFileSync(path.join(dir, c.file), 'latin1').includes('\u0000')
      ? readFileSync(path.join(dir, c.file), 'latin1')
      : readFileSync(path.join(dir, c.file), 'utf8');
    // The real registry plus one catalog entry without a definition (schema-not-available.exp.yaml).
    const r = lintText(text, c.file, { papers: registryWithCatalogOnly });
    const got = r.findings.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`);
    const hit = r.findings.find(
      (f) => f.code === c.code && f.range.start.line + 1 === c.line && (!c.severity || f.severity === c.severity),
    );
    assert.ok(
      hit,
      `expected ${c.code}${c.severity ? ` (${c.severity})` : ''} on line ${c.line}; got:\n  ${got.join('\n  ')}`,
    );
    assert.ok(hit.message.length > 20, 'the message says what to do');
    // A broken config never yields a runnable config.
    if (r.findings.some((f) => f.severity === 'error')) assert.equal(r.ok, false);
  });
}
