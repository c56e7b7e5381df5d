// Issue 11 §3, faults during a run: a full disk, SIGTERM while the trainer is blocked, a double Ctrl-C,
// a read-only --out, a gzip bomb in IDX data. Each ends with a clear status and message, and nothing is
// left behind: no `.tmp` file, no orphaned trainer.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx, parseIdx } from '../../../src/trainer/data/idx';
import { buildTrainer } from '../runs/buildTrainer';
import { alive, canUnshareMount, cliMain, collect, killIfAlive, tinyConfig, tmp, tsxLoader, waitFor } from './helpers';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

function config(over = 'train: { iterations: 4000, eval_every: 2, batch_size: 20 }'): string {
  const file = path.join(tmp(), 'run.exp.yaml');
  writeFileSync(file, tinyConfig().replace(/^train: .*$/m, over));
  return file;
}

test(
  'disk full: the run ends failed with the ENOSPC reason, and no .tmp file is left',
  { skip: !canUnshareMount() && 'needs unprivileged user and mount namespaces (unshare) for a small tmpfs' },
  async () => {
    const cfg = config();
    // A 48 KB tmpfs in a private mount namespace: room for the run folder's start, not for its metrics.
    const runs = path.join(tmp(), 'runs');
    mkdirSync(runs);
    const script = [
      'set -e',
      `mount -t tmpfs -o size=48k tmpfs "${runs}"`,
      `"${process.execPath}" --import "${tsxLoader}" "${cliMain}" run "${cfg}" --out "${runs}" --backend wasm --no-progress || echo "exit=$?"`,
      `for d in "${runs}"/*/; do echo "files: $(ls -A "$d" | tr '\\n' ' ')"; echo "manifest: $(tr -d '\\n' < "$d/manifest.json")"; done`,
    ].join('\n');
    const r = await collect(
      spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
        env: { ...process.env, PAPERLAB_TRAINER: trainer },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
      180_000,
    );
    assert.equal(r.timedOut, false);
    assert.match(r.stdout, /exit=1/, r.stderr);
    if (process.env.PAPERLAB_FAULT_VERBOSE) console.log(r.stdout, r.stderr);
    const files = r.stdout.match(/^files: (.*)$/m)![1];
    assert.ok(!/\.tmp\b/.test(files), `left behind: ${files}`);
    const m = JSON.parse(r.stdout.match(/^manifest: (.*)$/m)![1]);
    assert.equal(m.status, 'failed');
    assert.match(m.reason, /ENOSPC/);
    assert.match(r.stderr, /failed: The disk holding the run folder is full/);
  },
);

/** Starts `paperlab run` as a process; resolves once its trainer has written a metric. */
async function startRun(env: NodeJS.ProcessEnv = {}) {
  const runs = path.join(tmp(), 'runs');
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, cliMain, 'run', config(), '--out', runs, '--backend', 'wasm', '--no-progress'],
    {
      env: { ...process.env, PAPERLAB_TRAINER: trainer, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const done = collect(child, 120_000);
  const runDir = await waitFor(
    'the run folder',
    () => existsSync(runs) && readdirSync(runs).length > 0 && path.join(runs, readdirSync(runs)[0]),
  );
  const pid = await waitFor('the first metric', () => {
    try {
      const m = JSON.parse(readFileSync(path.join(runDir, 'manifest.json'), 'utf8'));
      return (
        m.pid &&
        m.backend !== 'starting' &&
        readFileSync(path.join(runDir, 'metrics.jsonl'), 'utf8').length > 0 &&
        (m.pid as number)
      );
    } catch {
      return undefined;
    }
  });
  return { child, done, runDir, trainerPid: pid };
}

test('SIGTERM to the CLI while the trainer is blocked: the trainer still ends (no orphan)', async () => {
  const run = await startRun({ PAPERLAB_STOP_GRACE_MS: '1500' });
  try {
    process.kill(run.trainerPid, 'SIGSTOP'); // blocked: it cannot run a line of JavaScript
    run.child.kill('SIGTERM');
    const r = await run.done;
    assert.equal(r.timedOut, false);
    await waitFor('the trainer to end', () => !alive(run.trainerPid), 10_000);
    const m = JSON.parse(readFileSync(path.join(run.runDir, 'manifest.json'), 'utf8'));
    assert.equal(m.status, 'stopped');
    assert.equal(r.code, 143);
  } finally {
    killIfAlive(run.trainerPid);
  }
});

test('a double Ctrl-C is reported as stopped, not as a run that ended unexpectedly', async () => {
  const run = await startRun();
  try {
    process.kill(run.trainerPid, 'SIGSTOP'); // the first Ctrl-C's stop cannot be honoured in time
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    const r = await run.done;
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /stopped/);
    assert.doesNotMatch(r.stderr, /unexpectedly|interrupted/);
    const m = JSON.parse(readFileSync(path.join(run.runDir, 'manifest.json'), 'utf8'));
    assert.equal(m.status, 'stopped');
  } finally {
    killIfAlive(run.trainerPid);
  }
});

test('a read-only --out is named read-only in the message', async (t) => {
  const parent = tmp();
  chmodSync(parent, 0o755);
  const ro = path.join(parent, 'ro');
  mkdirSync(ro, { mode: 0o555 });
  chmodSync(ro, 0o555);
  const cfg = config();
  chmodSync(path.dirname(cfg), 0o755);
  // As root, permissions do not apply: run the CLI as nobody then.
  const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
  if (asUser.length && spawnSync('setpriv', ['--version']).status !== 0) {
    t.skip('running as root without setpriv: a read-only folder cannot be shown to this user');
    return;
  }
  const argv = [
    ...asUser,
    process.execPath,
    '--import',
    tsxLoader,
    cliMain,
    'run',
    cfg,
    '--out',
    path.join(ro, 'runs'),
    '--no-progress',
  ];
  const r = await collect(
    spawn(argv[0], argv.slice(1), {
      env: { ...process.env, HOME: parent, PAPERLAB_TRAINER: trainer },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    60_000,
  );
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /read-only/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('a gzip bomb in IDX data is refused from its header, before it is inflated', () => {
  // The header declares 10 images of 28×28 (7,840 bytes); the stream inflates to 64 MB.
  const payload = Buffer.alloc(64 * 1024 * 1024);
  Buffer.from(encodeIdx([10, 28, 28], new Uint8Array(0))).copy(payload);
  const bomb = gzipSync(payload);
  assert.throws(
    () => parseIdx(bomb, 'train-images-idx3-ubyte.gz'),
    /decompresses to more than the 7856 bytes its header declares/,
  );
  // An honest file still reads.
  const honest = gzipSync(encodeIdx([2, 2, 2], Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])));
  assert.deepEqual([...parseIdx(honest).data], [1, 2, 3, 4, 5, 6, 7, 8]);
});
