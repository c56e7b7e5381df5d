#!/usr/bin/env node
// What `npm test` and `npm start` need before they can do anything, installed or named when missing:
//  - npm packages: `npm ci` when node_modules is absent or older than package-lock.json (a fresh clone,
//    or a pull that changed the lock file);
//  - Debian packages (on Debian/Ubuntu, where dpkg can tell): one line naming the missing ones and the
//    exact apt-get command, then stop — installing system packages is the user's call (sudo);
//  - VS Code server is installed by scripts/setup-vscode-server.mjs when a step needs it.
// Only Node's built-ins here: this runs before node_modules exists.
//
//   node scripts/prerequisites.mjs --apt-packages test|unit|start   prints the Debian packages, one line
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages by what needs them. README.md's apt-get line is `aptPackages('test')` (a test checks). */
const DEBIAN = {
  // VS Code server's native modules (node-pty, kerberos, …) are built at install; its search needs rg.
  server: ['ripgrep', 'build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev'],
  // The browser the VS Code tier drives (never a downloaded one), with readable fonts.
  browser: ['chromium', 'fonts-liberation', 'fonts-dejavu-core'],
  // The built-in fashion-mnist dataset, which some tests train on.
  data: ['dataset-fashion-mnist'],
  // clang + wasm-ld: a unit test rebuilds src/trainer/wasmKernels/kernels.c and compares the committed module.
  toolchain: ['clang', 'lld'],
};

/**
 * The Debian packages `npm test` (both tiers), `npm run test:unit` or `npm start` (VS Code server in
 * a browser) needs.
 */
export function aptPackages(what) {
  if (what === 'start') return [...DEBIAN.server];
  if (what === 'unit') return [...DEBIAN.data, ...DEBIAN.toolchain];
  return [...DEBIAN.server, ...DEBIAN.browser, ...DEBIAN.data, ...DEBIAN.toolchain];
}

export function aptCommand(packages) {
  return `sudo apt-get install -y ${packages.join(' ')}`;
}

/** Installed packages among `names`, or undefined where dpkg cannot say (not Debian). */
function installed(names) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], { encoding: 'utf8' });
  if (r.error) return undefined;
  const ok = new Set();
  for (const line of (r.stdout ?? '').split('\n')) {
    const [pkg, ...status] = line.trim().split(' ');
    if (pkg && status.join(' ') === 'install ok installed') ok.add(pkg.split(':')[0]);
  }
  return ok;
}

/**
 * Stops with one line when Debian packages are missing (returns false); true when all are there or
 * this is not a Debian system (later steps then say what they miss in their own words).
 */
export function checkDebianPackages(what, who) {
  const names = aptPackages(what).filter((p) => !(p === 'chromium' && process.env.PAPERLAB_CHROMIUM));
  const have = installed(names);
  if (!have) return true;
  const missing = names.filter((n) => !have.has(n));
  if (missing.length === 0) return true;
  console.error(
    `${who}: missing Debian package${missing.length === 1 ? '' : 's'} ${missing.join(' ')}; install with: ${aptCommand(missing)}`,
  );
  return false;
}

/** `npm ci` when node_modules is missing or older than package-lock.json; false if it failed. */
export function ensureNodeModules(who) {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.package-lock.json'); // written by every npm install
  const fresh = existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return true;
  console.log(
    `── ${who}: ${existsSync(stamp) ? 'package-lock.json changed since the last install' : 'no node_modules yet'}: npm ci`,
  );
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${who}: \`npm ci\` failed (see above). Fix that, then run it again.`);
    return false;
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--apt-packages');
  if (i < 0) {
    console.error('usage: node scripts/prerequisites.mjs --apt-packages test|unit|start');
    process.exit(2);
  }
  console.log(aptPackages(process.argv[i + 1] ?? 'test').join(' '));
}
