// The config core and the paper definitions load in the extension host, the CLI and the trainer:
// they must import neither `vscode` nor tfjs (DESIGN.md, Boundaries). Recipes are the exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('src/core/config and the paper definitions import neither vscode nor tfjs', () => {
  const checked = [
    ...files(path.join(root, 'src/core/config')),
    ...files(path.join(root, 'src/papers')).filter((f) => !/recipe\.ts$|recipes\.ts$/.test(f)),
  ];
  assert.ok(checked.length > 20);
  for (const f of checked) {
    const src = readFileSync(f, 'utf8');
    const bad = [
      ...src.matchAll(/from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g),
    ]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .filter((spec) => spec === 'vscode' || spec.startsWith('@tensorflow/') || /(^|\/)recipe$/.test(spec));
    assert.deepEqual(bad, [], `${path.relative(root, f)} imports ${bad.join(', ')}`);
  }
});
