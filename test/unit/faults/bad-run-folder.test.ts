// Issue 11 §3, one bad run folder never takes down the others: a manifest whose fields have the wrong
// types (`startedAt: 42` aborted `paperlab run --out` into that folder and emptied the dashboard's run
// list), a metrics log that is a folder or 600 MB. The report, the dashboard and the run list skip
// that folder with a message naming it, and show the rest.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTrainer } from '../runs/buildTrainer';
import { cli, root, runTs, tinyConfig, tmp, writeRun } from './helpers';

const probe = path.join(root, 'test/unit/faults/probe-dashboard.ts');
let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

function folderWithBadManifest(): string {
  const runs = tmp('paperlab-runs-');
  // Named like run folders: the broken one is the newest, as after a hand edit of the last run.
  writeRun(runs, '20250101-000000-good', 4);
  writeRun(runs, '20990101-000000-bad-types', 4, { startedAt: 42 });
  return runs;
}

test('paperlab run --out into a folder holding a manifest with wrong types trains anyway', async () => {
  const runs = folderWithBadManifest();
  const cfg = path.join(tmp(), 'tiny.exp.yaml');
  writeFileSync(cfg, tinyConfig());
  const r = await cli(['run', cfg, '--out', runs, '--backend', 'wasm', '--no-progress'], {
    env: { PAPERLAB_TRAINER: trainer },
    timeoutMs: 120_000,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /completed:/);
});

test('the dashboard lists the other runs and names the folder whose manifest is wrong', async () => {
  const r = await runTs(probe, [folderWithBadManifest()], { timeoutMs: 30_000 });
  assert.equal(r.code, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { runs: string[]; problems: string[] };
  assert.deepEqual(seen.runs, ['20250101-000000-good']);
  assert.equal(seen.problems.length, 1);
  assert.match(seen.problems[0], /bad-types: manifest\.json .*startedAt.*42.*not shown/);
});

test('the report skips a manifest with wrong types, a metrics folder and a 600 MB metrics log, naming each', async () => {
  const runs = folderWithBadManifest();
  writeRun(runs, 'metrics-folder', 0);
  rmSync(path.join(runs, 'metrics-folder', 'metrics.jsonl'));
  mkdirSync(path.join(runs, 'metrics-folder', 'metrics.jsonl'));
  writeRun(runs, 'huge', 0);
  truncateSync(path.join(runs, 'huge', 'metrics.jsonl'), 600 * 1024 * 1024); // sparse: no disk used
  const out = path.join(tmp(), 'r.html');
  const r = await cli(['report', runs, '-o', out], { timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /bad-types: manifest\.json .*startedAt.*skipped/);
  assert.match(r.stderr, /metrics-folder: metrics\.jsonl is a folder, not a regular file: skipped/);
  assert.match(r.stderr, /huge: metrics\.jsonl is 600 MB, more than the 256 MB .*: skipped/);
  assert.match(r.stdout, /\(1 run,/);
});
