// The README's Quick start names the exact apt-get line the setup scripts ask for, so a user who runs
// it (and CI, which runs the same list) needs no step the README does not name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../faults/helpers';

test("README's apt-get line is the list npm test asks for", async () => {
  const { aptPackages, aptCommand } = await import(pathToFileURL(path.join(root, 'scripts', 'prerequisites.mjs')).href);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(aptCommand(aptPackages('test'))), `README lacks: ${aptCommand(aptPackages('test'))}`);
  const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
  assert.match(ci, /prerequisites\.mjs --apt-packages test/);
  assert.doesNotMatch(ci, /npm ci|setup-vscode-server/, 'CI installs nothing the README does not name');
});
