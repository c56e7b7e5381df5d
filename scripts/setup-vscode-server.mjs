#!/usr/bin/env node
// Installs VS Code server (code-server 4.100.3 = VS Code 1.100.3, the last one that runs on Node 20)
// into .vscode-test/code-server/, for the in-VS-Code test suite, the screenshots and `npm start`
// on machines without a desktop VS Code.
//
// Why not a plain `npm install code-server`: its postinstall refuses to run as root, and it (and
// @vscode/ripgrep's) download binaries from GitHub, which CI here cannot reach. So we install with
// --ignore-scripts and do by hand what the postinstall would do, with the system ripgrep.
// Recipe verified in shared/notes/vscode-and-tfjs-facts.md. Needs the Debian packages libkrb5-dev,
// pkg-config, libxkbfile-dev, libsecret-1-dev (native modules) and ripgrep; see .ci/run.
//
// Idempotent: a marker file records a finished install of this exact version; with it present the
// script returns at once. Usage: node scripts/setup-vscode-server.mjs [--force] [--quiet]
import {
  existsSync,
  mkdirSync,
  writeFileSync,
  readFileSync,
  copyFileSync,
  chmodSync,
  rmSync,
  symlinkSync,
  lstatSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = path.join(root, '.vscode-test', 'code-server');
const pkgDir = path.join(installDir, 'node_modules', 'code-server');
const vscodeDir = path.join(pkgDir, 'lib', 'vscode');
const marker = path.join(installDir, `.installed-${CODE_SERVER_VERSION}`);

/** Path of the code-server entry script (run it with `node`), or undefined if not installed. */
export function codeServerEntry() {
  const entry = path.join(pkgDir, 'out', 'node', 'entry.js');
  return existsSync(marker) && existsSync(entry) ? entry : undefined;
}

function run(cmd, args, cwd, extraEnv = {}) {
  const t0 = Date.now();
  log(`  $ (cd ${path.relative(root, cwd) || '.'}) ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd,
    stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      npm_config_yes: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      ...extraEnv,
    },
  });
  if (r.status !== 0) {
    if (quiet && r.stderr) process.stderr.write(r.stderr);
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed in ${cwd} (exit ${r.status ?? r.signal})`);
  }
  log(`    done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function link(dir, name, target) {
  const p = path.join(dir, name);
  try {
    lstatSync(p);
    return; // already there (a link or a real file)
  } catch {
    /* missing: create it */
  }
  symlinkSync(target, p);
}

let quiet = false;
function log(msg) {
  if (!quiet) console.log(msg);
}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  const pc = spawnSync('pkg-config', ['--exists', 'krb5-gssapi'], { stdio: 'ignore' });
  if (pc.error || pc.status !== 0) missing.push('pkg-config libkrb5-dev');
  if (missing.length) {
    throw new Error(
      `VS Code server needs these Debian packages to build its native modules: ${missing.join(' ')}.\n` +
        `Install them with: sudo apt-get install -y libkrb5-dev pkg-config libxkbfile-dev libsecret-1-dev ripgrep`,
    );
  }
}

export function setupVscodeServer({ force = false, quietOutput = false } = {}) {
  quiet = quietOutput;
  if (!force && codeServerEntry()) {
    log(`VS Code server ${CODE_SERVER_VERSION} already installed in ${path.relative(root, installDir)}`);
    return codeServerEntry();
  }
  checkPrerequisites();
  const t0 = Date.now();
  log(
    `Installing VS Code server (code-server ${CODE_SERVER_VERSION}) into ${path.relative(root, installDir)} — about 2 minutes…`,
  );
  if (force) rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // A package.json of its own so npm does not walk up and install into the project.
  writeFileSync(
    path.join(installDir, 'package.json'),
    JSON.stringify({ name: 'paperlab-vscode-server', private: true }, null, 2) + '\n',
  );

  run(
    'npm',
    ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    installDir,
  );
  // VS Code's own production dependencies; scripts off because @vscode/ripgrep's downloads rg.
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir);
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync('/usr/bin/rg', path.join(rgBin, 'rg'));
  chmodSync(path.join(rgBin, 'rg'), 0o755);
  // Native modules (node-pty, kerberos, spdlog, …) built against this Node; node-pty runs `npx node-gyp`.
  run('npm', ['rebuild'], vscodeDir);
  // What code-server's postinstall.sh would do.
  link(vscodeDir, 'node_modules.asar', 'node_modules');
  link(path.join(vscodeDir, 'bin', 'remote-cli'), 'code-server', 'code-linux.sh');
  link(path.join(vscodeDir, 'bin', 'helpers'), 'browser.sh', 'browser-linux.sh');
  run('npm', ['install', '--omit=dev', '--no-package-lock'], path.join(vscodeDir, 'extensions'));
  // argon2 (password hashing) is loaded at start even with --auth none.
  run('npm', ['rebuild', 'argon2'], installDir);

  const entry = path.join(pkgDir, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  if (version !== CODE_SERVER_VERSION) throw new Error(`expected code-server ${CODE_SERVER_VERSION}, got ${version}`);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(`VS Code server ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setupVscodeServer({ force: process.argv.includes('--force'), quietOutput: process.argv.includes('--quiet') });
  } catch (e) {
    console.error(`setup-vscode-server: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
