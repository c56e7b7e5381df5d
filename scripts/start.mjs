#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and opens the examples/ workspace with the
// extension loaded from this folder (development mode, so a rebuild + window reload picks up changes).
//  - desktop VS Code when `code` is on PATH: `code --extensionDevelopmentPath=<repo> examples`;
//  - otherwise VS Code server on 127.0.0.1, printing the URL to open; Ctrl-C stops it.
// Options: --server (use VS Code server even if `code` exists), --port N (default: $PORT or 8080,
// or a free port if that one is taken).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDebianPackages, ensureNodeModules } from './prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const examples = path.join(root, 'examples');

function sh(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      `\nnpm start: ${what} failed (${cmd} ${cmdArgs.join(' ')}). Fix the error above and run npm start again.`,
    );
    process.exit(1);
  }
}

function onPath(cmd) {
  const r = spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' });
  return r.status === 0;
}

if (!ensureNodeModules('npm start')) process.exit(1);
console.log('── building');
sh(process.execPath, ['esbuild.mjs'], 'the build');
if (!existsSync(examples)) mkdirSync(examples, { recursive: true });

if (!args.includes('--server') && onPath('code')) {
  console.log('── opening desktop VS Code with the extension in development mode');
  sh('code', [`--extensionDevelopmentPath=${root}`, examples], 'starting VS Code');
  process.exit(0);
}

console.log('── VS Code server (no desktop `code` on PATH)');
if (!checkDebianPackages('start', 'npm start')) process.exit(1);
sh(process.execPath, ['scripts/setup-vscode-server.mjs'], 'installing VS Code server');
const entry = path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// A profile kept between runs (settings, trusted folders), inside the gitignored .vscode-test/.
const home = path.join(root, '.vscode-test', 'start');
const userData = path.join(home, 'user-data');
mkdirSync(path.join(userData, 'User'), { recursive: true });
mkdirSync(path.join(home, 'extensions'), { recursive: true });
const settings = path.join(userData, 'User', 'settings.json');
if (!existsSync(settings))
  writeFileSync(
    settings,
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off' }, null, 2),
  );
const config = path.join(home, 'config.yaml');
writeFileSync(config, 'auth: none\n'); // otherwise code-server writes ~/.config/code-server/config.yaml

const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : NaN;
const wanted = portArg || Number(process.env.PORT) || 8080;
const port = (await isFree(wanted)) ? wanted : await freePort();
const authority = `127.0.0.1:${port}`;
const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${root}`]];
const url = `http://${authority}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const server = spawn(
  process.execPath,
  [
    entry,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    authority,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    path.join(home, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ],
  { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
let announced = false;
const onData = (chunk) => {
  const text = chunk.toString();
  if (!announced && /HTTP server listening on/.test(text)) {
    announced = true;
    console.log(`\nPaperlab is running in VS Code server. Open this URL in a browser on this machine:\n\n  ${url}\n`);
    console.log(
      '(over SSH, forward the port first: ssh -L ' + `${port}:127.0.0.1:${port} <host>). Press Ctrl-C to stop.`,
    );
  }
  if (args.includes('--verbose')) process.stdout.write(text);
};
server.stdout.on('data', onData);
server.stderr.on('data', onData);
server.on('exit', (code, sig) => {
  if (!stopping)
    console.error(`VS Code server stopped unexpectedly (${code ?? sig}); run with --verbose to see its log.`);
  process.exit(stopping ? 0 : 1);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping VS Code server…');
  // Its own process group: the extension host and the trainers it spawned go with it.
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    process.exit(0);
  }
  setTimeout(() => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    process.exit(0);
  }, 3000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

function isFree(p) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address();
      s.close(() => resolve(p));
    });
  });
}
