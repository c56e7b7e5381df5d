// The seven sparse-subnetwork papers (issue 17) through the real trainer process, each on a tiny
// config: the bundle finds its recipe, the run completes, and the folder holds the summaries each
// paper's figures and repro table read.
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
  nupes: {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    model: { hidden: [16] },
    train: { iterations: 10, eval_every: 5 },
    quant: { bits: [3], grid: 4, calibration: 32, figure_bits: 3 },
  },
  'mixture-growth': {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    model: { hidden: [8, 8] },
    train: { eval_every: 5 },
    growth: { member_iterations: 10, growth_iterations: 5 },
    scratch_iterations: 10,
  },
  'weight-compander': {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    model: { hidden: [16] },
    train: { iterations: 10, eval_every: 5 },
  },
  'random-search-sparse': {
    data: { dataset: 'mnist', train: 200, val: 100, test: 100 },
    model: { hidden: [16, 8] },
    train: { iterations: 10, eval_every: 5 },
    search: { sparsities: [0.5], candidates: 3, repeats: 2 },
  },
  'iss-p': {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    model: { hidden: [16] },
    train: { iterations: 12, eval_every: 6 },
    prune: { ratios: [0.9], alphas: [0.9], prune_iterations: 6, grad_norm_every: 3 },
  },
  'layer-lottery': {
    data: { dataset: 'fashion-mnist', train: 200, test: 100 },
    model: { width: 8, blocks: 3 },
    train: { iterations: 10, eval_every: 5 },
    prune: { blocks_removed: [1], criteria: ['grasp', 'snip'], unit_control: [1], saliency_batch: 32 },
  },
  exssnet: {
    data: { dataset: 'mnist', train: 200, test: 100 },
    tasks: { count: 2 },
    model: { hidden: [16], density: 0.2 },
    train: { eval_every: 5 },
    mask: { iterations: 10 },
    weights: { iterations: 5 },
  },
};

for (const [paper, over] of Object.entries(tiny)) {
  test(`${paper}: a tiny run completes through the trainer process and writes its summaries`, async () => {
    const runsDir = mkdtempSync(path.join(os.tmpdir(), 'runs-'));
    const runDir = createRunDir(runsDir, 'tiny');
    const h = startTrainer({
      trainerPath: trainer,
      runDir,
      config: { paper, name: 'tiny', seed: 2, ...over },
      backend: 'wasm',
      env: process.env,
      onMessage: () => {},
    });
    const exit = await h.exited;
    assert.equal(exit.status, 'completed', exit.message);
    assert.equal(readManifest(runDir)!.status, 'completed');
    const { events, badLines } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
    assert.equal(badLines, 0);
    assert.ok(events.some((e) => e.type === 'metric'));
    assert.ok(events.filter((e) => e.type === 'summary').length >= 2, `${paper} wrote its summaries`);
  });
}
