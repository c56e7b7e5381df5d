// Issue 10's pieces done with issue 11: the CLI does not import the VS Code adapters (src/host/), and
// one definition decides what an experiment file is (three regexes disagreed: `Foo.EXP.YAML` linted but
// would not run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isExperimentFile } from '../../../src/core/files/experimentFile';

const root = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [
    ...src.matchAll(/from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]));
}

test('src/cli imports nothing from src/host', () => {
  const host = path.join(root, 'src', 'host') + path.sep;
  const cli = files(path.join(root, 'src', 'cli'));
  assert.ok(cli.length >= 4);
  for (const f of cli) {
    const bad = imports(f).filter((p) => p.startsWith(host));
    assert.deepEqual(bad, [], `${path.relative(root, f)} imports ${bad.map((b) => path.relative(root, b)).join(', ')}`);
  }
});

test('one definition of an experiment file, in any letter case', () => {
  for (const name of ['a.exp.yaml', 'a.exp.yml', 'a.exp.json', 'Foo.EXP.YAML', '/x/B.Exp.Json', 'C:\\w\\c.exp.YML'])
    assert.ok(isExperimentFile(name), name);
  for (const name of ['a.yaml', 'exp.yaml', 'a.exp.yaml.bak', 'a.exp.txt']) assert.ok(!isExperimentFile(name), name);
  const own = path.join(root, 'src', 'core', 'files', 'experimentFile.ts');
  const copies = files(path.join(root, 'src')).filter(
    (f) => f !== own && /\\\.exp\\\.\(ya\?ml\|json\)/.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(
    copies.map((f) => path.relative(root, f)),
    [],
  );
  // The editor's menus use the same rule, case-insensitive.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const whens = [...pkg.contributes.menus['editor/title'], ...pkg.contributes.menus.commandPalette]
    .map((m: { when?: string }) => m.when ?? '')
    .filter((w: string) => w.includes('resourceFilename'));
  assert.ok(whens.length >= 2);
  for (const w of whens) assert.match(w, /\/\\\.exp\\\.\(ya\?ml\|json\)\$\/i/);
});
