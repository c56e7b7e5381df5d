// Starts VS Code server (code-server, installed by scripts/setup-vscode-server.mjs) on loopback with
// a fresh user-data and extensions dir, and stops its whole process tree when asked or at cleanup.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { killTree, onCleanup, removeAtCleanup } from './cleanup';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER_VERSION = '4.100.3'; // keep equal to scripts/setup-vscode-server.mjs
const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Installs code-server if it is missing (fast no-op otherwise) and returns its entry script. */
export function ensureCodeServer(): string {
  if (existsSync(entry) && existsSync(path.join(installDir, `.installed-${CODE_SERVER_VERSION}`))) return entry;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'setup-vscode-server.mjs')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not install VS Code server (see the messages above)');
  return entry;
}

export interface ServerOptions {
  /** false = Workspace Trust on, so a folder not trusted before opens in Restricted Mode. */
  disableWorkspaceTrust: boolean;
  /** User settings (settings.json) written into the fresh user-data dir. */
  userSettings?: Record<string, unknown>;
  /** Extra environment for the server (and so for its extension host). */
  env?: NodeJS.ProcessEnv;
  /** Receives each line the server prints (for --verbose runs and failure reports). */
  onOutput?: (line: string) => void;
  /** A .vsix installed into the fresh extensions dir before the server starts (`--install-extension`). */
  installExtension?: string;
  startTimeoutMs?: number;
}

export interface RunningServer {
  /** Host the server listens on, as the browser must use it ("127.0.0.1:PORT"). */
  authority: string;
  origin: string;
  pid: number;
  /** Where extensions are installed for this server. */
  extensionsDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Settings that keep a test window quiet and deterministic. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.accessibilitySupport': 'off',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
};

export async function startCodeServer(opts: ServerOptions): Promise<RunningServer> {
  const cs = ensureCodeServer();
  const home = mkdtempSync(path.join(os.tmpdir(), 'paperlab-vscode-'));
  removeAtCleanup(home);
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...opts.userSettings }, null, 2),
  );
  // An empty config file of our own: otherwise code-server writes ~/.config/code-server/config.yaml.
  const config = path.join(home, 'config.yaml');
  writeFileSync(config, 'auth: none\n');

  if (opts.installExtension) {
    const r = spawnSync(
      process.execPath,
      [cs, '--install-extension', opts.installExtension, '--extensions-dir', extensions, '--user-data-dir', userData],
      {
        cwd: home,
        encoding: 'utf8',
        env: {
          ...process.env,
          XDG_DATA_HOME: path.join(home, 'xdg-data'),
          XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
        },
      },
    );
    if (r.status !== 0)
      throw new Error(
        `code-server --install-extension ${opts.installExtension} failed (${r.status}):\n${r.stdout}${r.stderr}`,
      );
    opts.onOutput?.(r.stdout.trim());
  }

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [
    cs,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    authority,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (opts.disableWorkspaceTrust) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, {
    cwd: home,
    detached: true, // its own process group, so killTree reaches the extension host and pty host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_DATA_HOME: path.join(home, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
      ELECTRON_RUN_AS_NODE: '',
      ...opts.env,
    },
  });
  const pid = child.pid!;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killTree(pid);
  };
  onCleanup(stop);

  await new Promise<void>((resolve, reject) => {
    const tail: string[] = [];
    const timer = setTimeout(
      () => fail(`VS Code server did not start within ${(opts.startTimeoutMs ?? 60000) / 1000} s`),
      opts.startTimeoutMs ?? 60000,
    );
    let buf = '';
    const onData = (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        tail.push(line);
        if (tail.length > 40) tail.shift();
        opts.onOutput?.(line);
        if (/HTTP server listening on/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, sig) => fail(`VS Code server exited early (${code ?? sig})`));
    function fail(msg: string) {
      clearTimeout(timer);
      reject(new Error(`${msg}. Last output:\n${tail.join('\n')}`));
    }
  });
  return { authority, origin: `http://${authority}`, pid, stop, extensionsDir: extensions };
}
