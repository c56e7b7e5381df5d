// Shared by the fault suite: temporary folders, the CLI as a process (from the sources, with a time
// limit, so a hang fails the test instead of hanging the suite), process checks, run folders.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(__dirname, '../../..');
export const tsxLoader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
export const cliMain = path.join(root, 'src/cli/main.ts');

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder, removed when the test file ends. */
export function tmp(prefix = 'paperlab-fault-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a TypeScript file of this repo with tsx; kills it (and fails the caller's expectations) after `timeoutMs`. */
export function runTs(
  file: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {},
): Promise<Ran> {
  const child = spawn(process.execPath, ['--import', tsxLoader, file, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child, opts.timeoutMs ?? 60_000);
}

/** `paperlab <args>` from the sources. */
export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
  return runTs(cliMain, args, opts);
}

export function collect(child: ChildProcess, timeoutMs: number): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
export function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export function killIfAlive(pid: number | undefined): void {
  if (pid && alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

export async function waitFor<T>(what: string, f: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A minimal valid manifest, as the trainer writes one. */
export function manifest(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    paper: 'lottery-ticket',
    name: id,
    configHash: 'x'.repeat(64),
    seed: 1,
    backend: 'wasm',
    versions: { paperlab: '0.1.0', tfjs: '4.22.0', node: process.version },
    status: 'completed',
    startedAt: '2025-01-01T00:00:00.000Z',
    endedAt: '2025-01-01T00:01:00.000Z',
    ...over,
  };
}

export function metricLine(step: number, arm = 'ticket', values: Record<string, number> = { test_acc: 0.5 }): string {
  return JSON.stringify({ type: 'metric', time: step, step, series: { arm }, values }) + '\n';
}

/** A run folder with a manifest and `events` metric lines. */
export function writeRun(runsDir: string, id: string, events = 5, over: Record<string, unknown> = {}): string {
  const dir = path.join(runsDir, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest(id, over), null, 2));
  let lines = '';
  for (let i = 1; i <= events; i++) lines += metricLine(i);
  writeFileSync(path.join(dir, 'metrics.jsonl'), lines);
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ paper: 'lottery-ticket', train: { lr: 0.0012 } }));
  return dir;
}

export function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo ${file} failed: ${String(r.stderr)}`);
}

/** Whether this machine lets an unprivileged process mount a tmpfs in its own namespaces (for the disk-full test). */
export function canUnshareMount(): boolean {
  const r = spawnSync(
    'unshare',
    ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs /mnt'],
    {
      stdio: 'ignore',
    },
  );
  return r.status === 0;
}

/** A tiny config of the README's first paper: trains in a few seconds. */
export function tinyConfig(over = ''): string {
  return [
    'paper: lottery-ticket',
    'name: fault test',
    'seed: 1',
    'data: { dataset: mnist, train: 300, val: 100, test: 100 }',
    'model: { hidden: [16] }',
    'train: { iterations: 40, eval_every: 2, batch_size: 20, patience: 0 }',
    'prune: { rounds: 1 }',
    'controls: [random_reinit]',
    over,
  ].join('\n');
}

export const exists = existsSync;
