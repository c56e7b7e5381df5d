// Issue 11 §3, special files: a config, manifest or metrics file that is a FIFO, a folder, a device or a
// link to /dev/zero is refused by its type before it is read — today `lint` grew to 16.8 GB on
// /dev/zero and `report` and the dashboard blocked forever on a FIFO. Each case runs in a child
// process with a time limit, so the old behaviour fails the test instead of hanging the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { cli, mkfifo, root, runTs, tmp, writeRun } from './helpers';

const probe = path.join(root, 'test/unit/faults/probe-dashboard.ts');

test('lint refuses a FIFO config at once, with a message, instead of blocking', async () => {
  const dir = tmp();
  mkfifo(path.join(dir, 'pipe.exp.yaml'));
  const r = await cli(['lint', path.join(dir, 'pipe.exp.yaml')], { timeoutMs: 20_000 });
  assert.equal(r.timedOut, false, 'lint blocked on the FIFO');
  assert.equal(r.code, 2);
  assert.match(r.stdout, /pipe\.exp\.yaml: cannot read: is a named pipe \(FIFO\), not a regular file/);
});

test('lint refuses a link to /dev/zero without reading it (it never ends)', async () => {
  const dir = tmp();
  symlinkSync('/dev/zero', path.join(dir, 'zero.exp.yaml'));
  const r = await cli(['lint', path.join(dir, 'zero.exp.yaml')], { timeoutMs: 20_000 });
  assert.equal(r.timedOut, false, 'lint kept reading /dev/zero');
  assert.equal(r.code, 2);
  assert.match(r.stdout, /zero\.exp\.yaml: cannot read: is a link to \/dev\/zero, which is a character device/);
});

test('lint refuses a device named as a config instead of linting it as an empty file', async () => {
  const dir = tmp();
  symlinkSync('/dev/null', path.join(dir, 'null.exp.yaml'));
  const r = await cli(['lint', path.join(dir, 'null.exp.yaml')], { timeoutMs: 20_000 });
  assert.equal(r.code, 2);
  assert.match(r.stdout, /null\.exp\.yaml: cannot read: .*character device/);
});

/** A runs folder with one good run and one broken in each way; returns its path. */
function hostileRunsFolder(): string {
  const runs = tmp('paperlab-runs-');
  writeRun(runs, 'good', 5);
  mkdirSync(path.join(runs, 'manifest-fifo'));
  mkfifo(path.join(runs, 'manifest-fifo', 'manifest.json'));
  writeRun(runs, 'manifest-folder', 1);
  rmSync(path.join(runs, 'manifest-folder', 'manifest.json'));
  mkdirSync(path.join(runs, 'manifest-folder', 'manifest.json'));
  writeRun(runs, 'metrics-fifo', 0);
  rmSync(path.join(runs, 'metrics-fifo', 'metrics.jsonl'));
  mkfifo(path.join(runs, 'metrics-fifo', 'metrics.jsonl'));
  writeRun(runs, 'metrics-zero', 0);
  rmSync(path.join(runs, 'metrics-zero', 'metrics.jsonl'));
  symlinkSync('/dev/zero', path.join(runs, 'metrics-zero', 'metrics.jsonl'));
  writeRun(runs, 'metrics-folder', 0);
  rmSync(path.join(runs, 'metrics-folder', 'metrics.jsonl'));
  mkdirSync(path.join(runs, 'metrics-folder', 'metrics.jsonl'));
  return runs;
}

test('report skips each run whose files are FIFOs, folders or /dev/zero, naming it, and writes the rest', async () => {
  const runs = hostileRunsFolder();
  const out = path.join(tmp(), 'r.html');
  const r = await cli(['report', runs, '-o', out], { timeoutMs: 30_000 });
  assert.equal(r.timedOut, false, 'report blocked');
  assert.equal(r.code, 0, r.stderr);
  for (const bad of ['manifest-fifo', 'manifest-folder', 'metrics-fifo', 'metrics-zero', 'metrics-folder'])
    assert.match(
      r.stderr,
      new RegExp(`${bad}: (manifest\\.json|metrics\\.jsonl) is .*not a regular file.*skipped`),
      bad,
    );
  assert.match(r.stdout, /wrote .*\(1 run,/);
});

test('the dashboard lists the good runs of a folder with FIFOs in it, and reports the others once', async () => {
  const runs = hostileRunsFolder();
  const r = await runTs(probe, [runs, 'good', 'metrics-fifo', 'metrics-zero', 'metrics-folder'], { timeoutMs: 30_000 });
  assert.equal(r.timedOut, false, 'the dashboard blocked on a FIFO');
  assert.equal(r.code, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { runs: string[]; events: Record<string, number>; problems: string[] };
  assert.deepEqual(seen.runs, ['good', 'metrics-fifo', 'metrics-folder', 'metrics-zero']);
  assert.deepEqual(seen.events, { good: 5, 'metrics-fifo': 0, 'metrics-zero': 0, 'metrics-folder': 0 });
  for (const bad of ['manifest-fifo', 'manifest-folder', 'metrics-fifo', 'metrics-zero', 'metrics-folder'])
    assert.equal(seen.problems.filter((p) => p.includes(`${bad}:`)).length, 1, `${bad}: ${seen.problems.join(' | ')}`);
});
