// The six teacher/adversary/peer papers through the real trainer process (the bundle the extension and
// the CLI launch, wasm backend): each tiny config completes, writes its summaries, and its repro table
// reads the run folder.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from './buildTrainer';
import { startTrainer } from '../../../src/core/runs/trainerProcess';
import { createRunDir, readManifest, readMetricsSync } from '../../../src/core/runs/folder';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

const tiny: Record<string, Record<string, unknown>> = {
  'adversarial-power-law': {
    data: { dataset: 'mnist', train: 300, test: 60 },
    arms: ['linear', 'mlp'],
    model: { hidden: [16] },
    train: { iterations: 20, eval_every: 10 },
    attack: { eps_count: 4, pgd_steps: 2 },
  },
  'one-byte-spsa': {
    data: { dataset: 'mnist', train: 400, test: 100 },
    model: { hidden: [8] },
    pretrain: { iterations: 10 },
    spsa: { machines: 2, perturbations: 2, steps: 4, batch_size: 16, eval_every: 2 },
  },
  fedau: {
    data: { dataset: 'fashion-mnist', train: 600, test: 100 },
    model: { hidden: [8] },
    fed: { clients: 10, rounds: 4, local_steps: 2, eval_every: 2, participation_mean: 0.4, participation_min: 0.1 },
  },
  'random-teachers': {
    data: { dataset: 'fashion-mnist', train: 300, val: 100, test: 100 },
    model: { encoder: [16], head_hidden: [], bottleneck: 4, out_dim: 16 },
    distill: { steps: 4, batch_size: 32, alphas: [0, 1] },
    probe: { every: 2, k: 5, linear_steps: 5 },
  },
  'doubly-robust-at': {
    data: { dataset: 'mnist', train: 300, test: 100 },
    model: { hidden: [16] },
    train: { iterations: 4, eval_every: 2, batch_size: 32 },
    attack: { steps: 2 },
    eval: { steps: 2, points: 100 },
  },
  'learngene-sws': {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    teacher: { hidden: [16], epochs: 2 },
    width: 8,
    aux: { blocks_per_stage: [2, 2], epochs: 2 },
    descendants: { depths: [[1, 1]], reference_epochs: 2 },
    train: { batch_size: 100 },
  },
};

for (const [paper, over] of Object.entries(tiny)) {
  test(`${paper}: a tiny config runs to completion in the trainer process and its repro table reads the folder`, async () => {
    const runsDir = mkdtempSync(path.join(os.tmpdir(), 'runs-b3-'));
    const runDir = createRunDir(runsDir, paper);
    const h = startTrainer({
      trainerPath: trainer,
      runDir,
      config: { paper, name: 'tiny', seed: 2, ...over },
      backend: 'wasm',
      onMessage: () => {},
    });
    const exit = await h.exited;
    assert.equal(exit.status, 'completed', exit.message);
    assert.equal(readManifest(runDir)?.status, 'completed');
    const { events, badLines } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
    assert.equal(badLines, 0);
    assert.ok(
      events.some((e) => e.type === 'summary'),
      'summaries written',
    );
    const { reproTable } = await import(`../../../src/papers/${paper}/repro.ts`);
    const table: string = reproTable(events);
    assert.ok(table.includes('|'), table);
    assert.doesNotMatch(table, /^No /);
  });
}
