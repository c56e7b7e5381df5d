// Seeds grouped for real: three runs written by the trainer itself (two differ only in seed and name,
// one in the learning rate) are read back the way the dashboard reads them (run folders → RunSource →
// the webview's model → buildFigure): the two seeds are one line with a band, the third is its own.
// On the code before the seed-group key, the group was the config hash, which includes the seed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { createRunDir, listRuns, readManifest, writeManifest } from '../../../src/core/runs/folder';
import { startTrainer } from '../../../src/core/runs/trainerProcess';
import { seedGroupKey } from '../../../src/core/runs/seedGroup';
import { RunSource } from '../../../src/host/dashboard/runSource';
import { initialModel, reduce, runData } from '../../../webview/model';
import { DEFAULT_DASHBOARD_STATE } from '../../../src/core/protocol/dashboard';
import { buildFigure } from '../../../src/core/figures/build';
import { figures } from '../../../src/papers/lottery-ticket/figures';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

const tiny = (seed: number, name: string, lr = 1.2e-3) => ({
  paper: 'lottery-ticket',
  name,
  seed,
  data: { dataset: 'mnist', train: 200, test: 100 },
  model: { hidden: [8] },
  train: { iterations: 20, eval_every: 10, batch_size: 20, lr },
  prune: { rounds: 1 },
  controls: ['random_reinit'],
});

async function train(runsDir: string, config: unknown): Promise<string> {
  const runDir = createRunDir(runsDir, 'seed-group');
  const exit = await startTrainer({ trainerPath: trainer, runDir, config, backend: 'wasm' }).exited;
  assert.equal(exit.status, 'completed', exit.message);
  return path.basename(runDir);
}

test('runs that differ only in seed and name are one line; another learning rate is another', async () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'seed-groups-'));
  const a = await train(runsDir, tiny(1, 'first seed'));
  const b = await train(runsDir, tiny(2, 'second seed, renamed'));
  const c = await train(runsDir, tiny(1, 'first seed', 3e-3));

  const ma = readManifest(path.join(runsDir, a))!;
  const mb = readManifest(path.join(runsDir, b))!;
  const mc = readManifest(path.join(runsDir, c))!;
  assert.notEqual(ma.configHash, mb.configHash, 'the config hash still tells the two seeds apart');
  assert.ok(ma.groupKey && ma.groupKey === mb.groupKey, 'the trainer wrote one group key for both seeds');
  assert.notEqual(ma.groupKey, mc.groupKey);

  const source = new RunSource(runsDir);
  await source.scan();
  const model = reduce(initialModel({ ...DEFAULT_DASHBOARD_STATE }), {
    type: 'init',
    snapshot: await source.snapshot([a, b, c]),
  });
  const runs = [a, b, c].map((id) => runData(model, id)!);
  const spec = figures.find((f) => f.id === 'lth-fig4a-iter')!;
  const fig = buildFigure(spec, runs);
  const groups = new Set(fig.lines.map((l) => l.group));
  assert.equal(groups.size, 2, 'two groups: the seed pair and the other learning rate');
  const pair = fig.lines.filter((l) => l.runIds.includes(a));
  assert.ok(pair.length > 0);
  for (const l of pair) {
    assert.deepEqual([...l.runIds].sort(), [a, b].sort(), `${l.label}: both seeds feed the line`);
    assert.equal(l.band, true, `${l.label}: drawn with a band`);
    assert.match(l.label, /2 seeds/);
  }
  for (const l of fig.lines.filter((x) => x.runIds.includes(c))) assert.deepEqual(l.runIds, [c]);
});

test('a folder written before manifests carried a group key gets one from its config.json', () => {
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'seed-groups-old-'));
  for (const seed of [1, 2]) {
    const dir = path.join(runsDir, `old-${seed}`);
    const config = tiny(seed, `old ${seed}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    writeManifest(dir, {
      id: `old-${seed}`,
      paper: 'lottery-ticket',
      name: config.name,
      configHash: `hash-${seed}`,
      seed,
      backend: 'wasm',
      versions: { paperlab: '0', tfjs: '0', node: process.version },
      status: 'completed',
      startedAt: new Date(2026, 0, seed).toISOString(),
    });
  }
  const keys = listRuns(runsDir).map((r) => r.manifest.groupKey);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
  assert.equal(keys[0], seedGroupKey(tiny(7, 'any name')));
});
