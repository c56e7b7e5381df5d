#!/usr/bin/env node
// `npm test`: build, type-check, format, layer rules, lint, copied code, unit tests (node's test runner),
// then the suites inside real VS Code.
// It works as the first command on a fresh clone: it installs the npm packages when node_modules is
// missing or older than package-lock.json, names missing Debian packages with the apt-get command that
// installs them (then stops), and installs VS Code server before the VS Code tier.
// Ends with ONE line `N passed, N failed, N skipped` over both test tiers, where a step that could
// not run at all (build, type-check, a tier that crashed) counts as one failure; exits 1 if anything
// failed. Full unit-test output: test-results/unit.txt; VS Code tier counts: test-results/vscode.json.
//
//   npm test                  everything
//   npm run test:unit         unit tests only (= npm test -- --unit)
//   npm run test:vscode       build + VS Code suites only (= npm test -- --vscode)
//   npm test -- --verbose     VS Code suites with the workbench's and server's full logs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDebianPackages, ensureNodeModules } from './prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--vscode') ? 'vscode' : undefined;
const verbose = args.includes('--verbose');

// 0. What everything below needs. Stops here (one line says why) rather than failing 49 tests later.
if (!ensureNodeModules('npm test') || !checkDebianPackages(only === 'unit' ? 'unit' : 'test', 'npm test')) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const total = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const t0 = Date.now();

function step(title) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
  return Date.now();
}
function took(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
function run(cmd, cmdArgs, opts = {}) {
  return spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
}
function fail(what) {
  total.failed += 1;
  problems.push(what);
}

// 1. Build: the VS Code tier loads dist/extension.js.
let s;
let built = false;
if (only !== 'unit') {
  s = step('build (node esbuild.mjs)');
  built = run(process.execPath, ['esbuild.mjs']).status === 0;
  if (built) console.log(`built in ${took(s)}`);
  else fail('build failed');
}

// 2. Type-check (strict). A failure is reported but does not stop the tests.
if (!only) {
  s = step('type-check (npm run typecheck)');
  const tc = run('npm', ['run', '--silent', 'typecheck']);
  if (tc.status === 0) console.log(`no type errors (${took(s)})`);
  else fail('type errors');

  // The team's formatting (.prettierrc.json): a diff here is fixed by `npm run format`.
  s = step('format (prettier --check)');
  const fmt = run('npm', ['run', '--silent', 'format:check']);
  if (fmt.status === 0) console.log(`formatted (${took(s)})`);
  else fail('files not formatted: run `npm run format`');

  // The layers point one way (.dependency-cruiser.cjs: core imports no other layer, papers never
  // host or CLI, the registry reaches no tfjs, the webview only protocol and figure code).
  s = step('layers (npm run deps)');
  const deps = run('npm', ['run', '--silent', 'deps']);
  if (deps.status === 0) console.log(`no import breaks a layer rule (${took(s)})`);
  else fail('an import breaks a layer rule (see above and .dependency-cruiser.cjs)');

  // ESLint, type-aware (eslint.config.mjs): no `any` at the plug-in points, floating promises, …
  s = step('lint (npm run lint)');
  const lint = run('npm', ['run', '--silent', 'lint']);
  if (lint.status === 0) console.log(`no lint errors (${took(s)})`);
  else fail('lint errors (see above; `npx eslint --fix` fixes some)');

  // Copied blocks in src/ (scripts/dupes.mjs, .jscpd.json: 70 tokens ≈ 8 lines): one touching a paper
  // folder fails, since a block two papers need is a shared block; others are listed for their owners.
  s = step('copied code (npm run dupes)');
  const dupes = run('npm', ['run', '--silent', 'dupes']);
  if (dupes.status === 0) console.log(`no block copied in or out of a paper folder (${took(s)})`);
  else fail('copied blocks in src/ (see above): move the block to papers/common, src/trainer or src/core');
}

// 3. Unit tests. Node 20's --test does not expand globs, so the files are listed here.
if (only !== 'vscode') {
  s = step('unit tests (node --test test/unit/**/*.test.ts)');
  const files = findTests(path.join(root, 'test', 'unit'));
  if (!files.length) {
    console.log('no unit test files found');
  } else {
    const specFile = path.join(results, 'unit.txt');
    rmSync(specFile, { force: true });
    run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=dot',
      '--test-reporter-destination=stdout',
      '--test-reporter=spec',
      `--test-reporter-destination=${specFile}`,
      ...files.map((f) => path.relative(root, f)),
    ]);
    const counts = existsSync(specFile) ? parseNodeSummary(readFileSync(specFile, 'utf8')) : undefined;
    if (!counts) fail('unit tests did not report a summary (see test-results/unit.txt)');
    else {
      total.passed += counts.pass;
      total.failed += counts.fail + counts.cancelled;
      total.skipped += counts.skipped + counts.todo;
      if (counts.fail + counts.cancelled)
        problems.push(`${counts.fail + counts.cancelled} unit test(s) failed (details: test-results/unit.txt)`);
      console.log(
        `unit: ${counts.pass} passed, ${counts.fail + counts.cancelled} failed, ${counts.skipped + counts.todo} skipped in ${files.length} files (${took(s)})`,
      );
    }
  }
}

// 4. The suites inside real VS Code (installing VS Code server first if needed).
if (only !== 'unit') {
  s = step('VS Code suites (test/vscode/run.ts)');
  if (!built) {
    fail('VS Code suites not run: the build failed');
  } else {
    const setup = run(process.execPath, ['scripts/setup-vscode-server.mjs']);
    if (setup.status !== 0) fail('VS Code suites not run: VS Code server could not be installed (see above)');
    else {
      const out = path.join(results, 'vscode.json');
      rmSync(out, { force: true });
      run(process.execPath, [
        '--import',
        'tsx',
        'test/vscode/run.ts',
        '--results',
        out,
        ...(verbose ? ['--verbose'] : []),
      ]);
      const r = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
      if (!r) fail('VS Code suites did not report results');
      else {
        total.passed += r.passed;
        total.failed += r.failed;
        total.skipped += r.skipped;
        if (r.failed) problems.push(`${r.failed} VS Code test(s) failed`);
      }
    }
  }
}

step(`summary (${took(t0)})`);
for (const p of problems) console.log(`✗ ${p}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findTests(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

/** Reads the closing counts of node's spec reporter ("ℹ pass 12" …). */
function parseNodeSummary(text) {
  const get = (k) => {
    const m = text.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm'));
    return m ? Number(m[1]) : undefined;
  };
  const pass = get('pass');
  if (pass === undefined) return undefined;
  return {
    pass,
    fail: get('fail') ?? 0,
    cancelled: get('cancelled') ?? 0,
    skipped: get('skipped') ?? 0,
    todo: get('todo') ?? 0,
  };
}
