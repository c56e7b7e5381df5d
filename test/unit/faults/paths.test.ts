// Issue 11 §3, paths: a relative `data.path` resolves against the config's folder, not the working
// directory of whoever starts the run, and the run's config.json records the resolved path so the run
// can be redone from its folder alone.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeIdx } from '../../../src/trainer/data/idx';
import { buildTrainer } from '../runs/buildTrainer';
import { cli, tmp } from './helpers';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

/** MNIST-shaped IDX files of random pixels: enough to train a tiny net on. */
function writeIdx(dir: string, n: number, prefix: string): void {
  const px = new Uint8Array(n * 784);
  for (let i = 0; i < px.length; i++) px[i] = (i * 2654435761) >>> 24;
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  writeFileSync(path.join(dir, `${prefix}-images-idx3-ubyte`), encodeIdx([n, 28, 28], px));
  writeFileSync(path.join(dir, `${prefix}-labels-idx1-ubyte`), encodeIdx([n], labels));
}

test('a relative data.path is read from beside the config, run from another folder, and recorded resolved', async () => {
  const project = tmp();
  mkdirSync(path.join(project, 'experiments', 'digits'), { recursive: true });
  writeIdx(path.join(project, 'experiments', 'digits'), 300, 'train');
  writeIdx(path.join(project, 'experiments', 'digits'), 100, 't10k');
  const cfg = path.join(project, 'experiments', 'own.exp.yaml');
  writeFileSync(
    cfg,
    [
      'paper: lottery-ticket',
      'name: own data',
      'data: { dataset: idx, path: ./digits, train: 200, val: 50, test: 100 }',
      'model: { hidden: [8] }',
      'train: { iterations: 10, eval_every: 5, batch_size: 20 }',
      'prune: { rounds: 0 }',
    ].join('\n'),
  );
  const elsewhere = tmp();
  const runs = path.join(elsewhere, 'runs');
  const r = await cli(['run', cfg, '--out', runs, '--backend', 'wasm', '--no-progress'], {
    cwd: elsewhere,
    env: { PAPERLAB_TRAINER: trainer },
    timeoutMs: 120_000,
  });
  assert.equal(r.code, 0, r.stderr);
  const [id] = readdirSync(runs);
  const recorded = JSON.parse(readFileSync(path.join(runs, id, 'config.json'), 'utf8'));
  assert.equal(recorded.data.path, path.join(project, 'experiments', 'digits'));
});
