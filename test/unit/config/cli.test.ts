// `paperlab lint`: argument expansion, the text and JSON formats, and the exit codes CI relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expandArgs, globToRegExp } from '../../../src/cli/files';
import { lintFiles, formatText, formatJson } from '../../../src/cli/commands/lint';

const root = path.resolve(import.meta.dirname, '../../..');

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'paperlab-lint-'));
  mkdirSync(path.join(dir, 'exp/sub'), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
  writeFileSync(path.join(dir, 'exp/good.exp.yaml'), 'paper: lottery-ticket\n');
  writeFileSync(
    path.join(dir, 'exp/sub/bad.exp.json'),
    '{\n  "paper": "lottery-ticket",\n  "train": { "lr": "fast" }\n}\n',
  );
  writeFileSync(path.join(dir, 'exp/sub/warn.exp.yml'), 'paper: lottery-ticket\ncontrols: []\n');
  writeFileSync(path.join(dir, 'exp/notes.yaml'), 'not: a config\n');
  writeFileSync(path.join(dir, 'node_modules/x/skip.exp.yaml'), 'paper: nope\n');
  return dir;
}

test('globs: *, **, ?, {a,b}', () => {
  assert.ok(globToRegExp('exp/**/*.exp.{yaml,json}').test('exp/a/b/c.exp.json'));
  assert.ok(globToRegExp('exp/**/*.exp.{yaml,json}').test('exp/c.exp.yaml'));
  assert.ok(!globToRegExp('exp/*.exp.yaml').test('exp/a/c.exp.yaml'));
  assert.ok(globToRegExp('exp/?.exp.yaml').test('exp/a.exp.yaml'));
  assert.ok(!globToRegExp('exp/*.yaml').test('exp/a.yaml.bak'));
});

test('arguments expand to files, folders to their configs (skipping node_modules), misses are reported', () => {
  const dir = workspace();
  try {
    const folder = expandArgs(['exp'], dir);
    assert.deepEqual(folder.files.map((f) => f.split(path.sep).join('/')).sort(), [
      'exp/good.exp.yaml',
      'exp/sub/bad.exp.json',
      'exp/sub/warn.exp.yml',
    ]);
    const glob = expandArgs(['**/*.exp.json', 'exp/*.exp.yaml'], dir);
    assert.deepEqual(
      glob.files.map((f) => f.split(path.sep).join('/')),
      ['exp/sub/bad.exp.json', 'exp/good.exp.yaml'],
    );
    const miss = expandArgs(['nope.exp.yaml', 'exp/*.exp.toml'], dir);
    assert.equal(miss.files.length, 0);
    assert.equal(miss.problems.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('text format: file:line:col severity code message, 1-based; JSON has the same findings', () => {
  const dir = workspace();
  try {
    const file = path.join(dir, 'exp/sub/bad.exp.json');
    const reports = lintFiles([file, path.join(dir, 'missing.exp.yaml')]);
    const text = formatText(reports);
    assert.match(
      text,
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:20 error schema/type \`train\\.lr\` must be a number, got "fast"\\.`,
        'm',
      ),
    );
    assert.match(text, /missing\.exp\.yaml: cannot read: does not exist/);
    const json = JSON.parse(formatJson(reports));
    assert.equal(json[0].findings[0].line, 3);
    assert.equal(json[0].findings[0].column, 20);
    assert.equal(json[1].error, 'does not exist');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exit codes: 0 clean (warnings allowed), 1 on errors, 2 on usage errors and unreadable files', () => {
  const dir = workspace();
  const run = (...args: string[]) => {
    try {
      // tsx by absolute URL: the temporary workspace has no node_modules to resolve it from.
      execFileSync(
        process.execPath,
        [
          '--import',
          pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href,
          path.join(root, 'src/cli/main.ts'),
          ...args,
        ],
        { cwd: dir, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } },
      );
      return 0;
    } catch (err) {
      return (err as { status: number }).status;
    }
  };
  try {
    assert.equal(run('lint', 'exp/good.exp.yaml', 'exp/sub/warn.exp.yml'), 0);
    assert.equal(run('lint', 'exp'), 1);
    assert.equal(run('lint', 'exp/good.exp.yaml', 'missing.exp.yaml'), 2);
    assert.equal(run('lint'), 2);
    assert.equal(run('lint', '--format', 'xml', 'exp'), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
