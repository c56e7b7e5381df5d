// The shipped examples equal their definitions' exampleYaml and lint without errors; every key of the
// four papers owned here is documented; the generated JSON Schema agrees with the validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../../src/core/config';
import { publishedSchema } from '../../../src/core/config/validate';
import { experimentJsonSchema } from '../../../src/core/config/jsonSchema';
import { allPapers, getPaper, implementedPapers, isImplemented, suggestPaperIds } from '../../../src/papers/index';
import { paperRegistry } from '../../../src/papers';
import { CATALOG_ONLY, registryWithCatalogOnly } from '../../support/catalogOnly';

const root = path.resolve(import.meta.dirname, '../../..');
const MINE = ['lottery-ticket', 'grokking-tickets', 'random-pruning', 'train-longer'];

test('examples/*.exp.yaml equal their definitions and lint with no errors', () => {
  for (const p of implementedPapers()) {
    const file = path.join(root, 'examples', `${p.id}.exp.yaml`);
    assert.ok(existsSync(file), `${file} is missing: run \`npm run build\`, which writes it from ${p.id}'s example.ts`);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, p.exampleYaml, `${file} differs from ${p.id}'s exampleYaml: rewrite it from the definition`);
    const r = lintText(text, file, { papers: paperRegistry });
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
      p.id,
    );
    assert.ok(r.config, `${p.id} resolves`);
  }
});

test('every key of the four papers has a description, and a default unless it is optional', () => {
  for (const id of MINE) {
    const p = getPaper(id);
    assert.ok(p && isImplemented(p));
    const visit = (s: any, where: string) => {
      if (!s || typeof s !== 'object') return;
      if (s.properties) {
        for (const [k, sub] of Object.entries<any>(s.properties)) {
          const at = `${id}: ${where}${k}`;
          assert.ok(typeof sub.description === 'string' && sub.description.length > 15, `${at} has no description`);
          const optional = !('default' in sub);
          if (optional && k !== 'paper')
            assert.ok(!(s.required ?? []).includes(k), `${at}: no default, so it must be optional`);
          visit(sub, `${where}${k}.`);
        }
      }
      if (s.items) visit(s.items, where);
    };
    visit(publishedSchema(p.schema), '');
  }
});

test("the resolved config of a bare `paper:` line is the example's setting (defaults = our sized run)", () => {
  for (const id of MINE) {
    const bare = lintText(`paper: ${id}\n`, 'bare.exp.yaml', { papers: paperRegistry });
    const example = lintText(
      getPaper(id) && isImplemented(getPaper(id)!) ? (getPaper(id) as any).exampleYaml : '',
      'ex.exp.yaml',
      { papers: paperRegistry },
    );
    // name and seed are free choices; everything else must match.
    const { name: _a, seed: _s, ...b } = bare.config as Record<string, unknown>;
    const { name: _b, seed: _t, ...e } = example.config as Record<string, unknown>;
    assert.deepEqual(b, e, `${id}: the example and the defaults disagree`);
  }
});

// The catalog the project was briefed with lives beside the repository, not in it (src/papers/catalog.ts
// is the project's copy); where it is absent there is nothing to compare with, and the test says so.
const SHARED_CATALOG = '/work/shared/papers/CATALOG.md';
const noSharedCatalog = !existsSync(SHARED_CATALOG) && `${SHARED_CATALOG} is not on this machine`;

test('the registry lists the whole catalog, with did-you-mean for unknown ids', { skip: noSharedCatalog }, () => {
  const catalog = readFileSync(SHARED_CATALOG, 'utf8');
  const ids = [...catalog.matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]).filter((x) => x !== 'id');
  assert.ok(ids.length >= 50);
  assert.deepEqual(
    allPapers().map((p) => p.id),
    ids,
  );
  for (const p of allPapers()) assert.ok(p.title && p.summary.length > 20 && ['A', 'B', 'C'].includes(p.tier), p.id);
  assert.equal(suggestPaperIds('lotery-ticket')[0], 'lottery-ticket');
  assert.equal(suggestPaperIds('grokking_tickets')[0], 'grokking-tickets');
  assert.ok(suggestPaperIds('lottery').includes('lottery-ticket'));
});

test('the generated experiment.schema.json accepts the examples and rejects what the validator rejects', () => {
  const schema = experimentJsonSchema(paperRegistry);
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  for (const p of implementedPapers())
    assert.ok(validate(parseYaml(p.exampleYaml)), `${p.id}: ${JSON.stringify(validate.errors)}`);
  assert.equal(validate({ paper: 'lottery-ticket', train: { lr: 'fast' } }), false);
  assert.equal(validate({ paper: 'lottery-ticket', prune: { sparsity: 0.4 } }), false);
  assert.equal(validate({ paper: 'lotery-ticket' }), false);
  // A catalog id without a definition needs only to be known. No real one is left, so a test registry adds one.
  const withOne = new Ajv({ strict: false, allErrors: true }).compile(experimentJsonSchema(registryWithCatalogOnly));
  assert.equal(withOne({ paper: CATALOG_ONLY.id, anything: 1 }), true, 'papers without a schema only need a known id');
  assert.equal(validate({ paper: CATALOG_ONLY.id }), false, 'and only where the registry knows them');
  assert.equal((schema.properties as any).paper.enum.length, allPapers().length);
});
