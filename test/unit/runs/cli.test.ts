// `paperlab run` end to end through its command function: lint errors stop it with file:line:col,
// a tiny config trains to completion and the run folder is where --out says.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { runCommand } from '../../../src/cli/commands/run';
import { listRuns } from '../../../src/core/runs/folder';
import { loadRecipe } from '../../../src/papers/recipes';

before(async () => {
  process.env.PAPERLAB_TRAINER = await buildTrainer();
});

function capture<T>(fn: () => Promise<T>): Promise<{ result: T; err: string }> {
  const orig = console.error;
  let err = '';
  console.error = (...a: unknown[]) => void (err += a.join(' ') + '\n');
  return fn().then(
    (result) => ((console.error = orig), { result, err }),
    (e) => {
      console.error = orig;
      throw e;
    },
  );
}

test('a config with errors is refused with its findings and nothing runs', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const file = path.join(dir, 'bad.exp.yaml');
  writeFileSync(file, 'paper: lottery-ticket\ntrain:\n  lr: fast\n');
  const { result, err } = await capture(() => runCommand(file, { out: path.join(dir, 'runs'), progress: false }));
  assert.equal(result, 1);
  assert.match(err, /bad\.exp\.yaml:3:\d+ error .*lr/);
  assert.deepEqual(listRuns(path.join(dir, 'runs')), []);
  assert.equal((await capture(() => runCommand(path.join(dir, 'missing.exp.yaml'), {}))).result, 2);
  assert.equal((await capture(() => runCommand(file, { backend: 'gpu' }))).result, 2);
});

test('a tiny config trains to completion into --out', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const file = path.join(dir, 'tiny.exp.yaml');
  writeFileSync(
    file,
    'paper: lottery-ticket\nname: cli test\ndata: { train: 200, test: 100 }\nmodel: { hidden: [8] }\ntrain: { iterations: 20, eval_every: 2, patience: 0 }\nprune: { rounds: 0 }\n',
  );
  const { result, err } = await capture(() =>
    runCommand(file, { out: path.join(dir, 'runs'), progress: false, backend: 'wasm' }),
  );
  assert.equal(result, 0, err);
  const runs = listRuns(path.join(dir, 'runs'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].status, 'completed');
  assert.equal(runs[0].manifest.sourceConfig, file);
});

test('papers without a recipe say so instead of crashing', async () => {
  // A schema-only paper (real, with `needs`) names the blocks it lacks; no catalog-only id is left to
  // rely on here once every catalog paper has at least a schema.
  await assert.rejects(loadRecipe('shrinkmatch'), /checks this paper's configs but cannot train it yet: it needs SEMI/);
  await assert.rejects(loadRecipe('not-a-paper'), /Unknown paper/);
  assert.equal(typeof (await loadRecipe('lottery-ticket')), 'function');
});
