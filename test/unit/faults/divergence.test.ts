// Issue 11 §3, divergence: a loss that becomes NaN or ∞ ends the run `failed` with "diverged at step N
// (loss …)", for every recipe, because the check sits where all their curves pass (the trainer's emit).
// Today grokking-lazy-rich notices, draws a "diverged" mark and still reports `completed`; eight other
// recipes write nulls and report `completed`. A NaN in something that is not a loss stops nothing.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from '../runs/buildTrainer';
import { startTrainer } from '../../../src/core/runs/trainerProcess';
import { createRunDir, readManifest } from '../../../src/core/runs/folder';
import { DivergenceWatch } from '../../../src/core/runs/divergence';
import type { RunEvent } from '../../../src/core/runs/events';

let trainer = '';
before(async () => {
  trainer = await buildTrainer();
});

test('a run whose loss blows up ends failed with "diverged at step N (loss …)"', async () => {
  const runDir = createRunDir(mkdtempSync(path.join(os.tmpdir(), 'runs-')), 'diverge');
  const h = startTrainer({
    trainerPath: trainer,
    runDir,
    backend: 'wasm',
    // lr 500 is ~60× the linearized stability limit the linter warns about.
    config: {
      paper: 'grokking-lazy-rich',
      name: 'diverge',
      seed: 1,
      data: { dim: 20, train: 50, test: 50 },
      model: { width: 50, epsilon: 0.02, center: true },
      train: { alphas: [1], lr_mode: 'scaled', lr: 500, steps: 200, evals_per_decade: 10, alignment: false },
    },
  });
  const exit = await h.exited;
  assert.equal(exit.status, 'failed', exit.message);
  assert.match(exit.message ?? '', /diverged at step \d+ \(loss train_mse = (NaN|∞)/);
  const m = readManifest(runDir)!;
  assert.equal(m.status, 'failed');
  assert.match(m.reason ?? '', /diverged at step/);
});

const metric = (step: number, values: Record<string, number>, arm = 'a'): RunEvent => ({
  type: 'metric',
  time: 0,
  step,
  series: { arm },
  values,
});

test('only losses count: NaN elsewhere, and a step-0 placeholder, are not a divergence', () => {
  const w = new DivergenceWatch();
  assert.equal(w.check(metric(0, { val_loss: NaN, test_acc: 0.1 })), undefined, 'a loss not measured yet');
  assert.equal(w.check(metric(5, { acc_std: NaN, distance_ratio: Infinity, train_loss: 0.3 })), undefined);
  assert.equal(
    w.check({ type: 'summary', time: 0, series: { arm: 'a' }, values: { final_train_loss: NaN } }),
    undefined,
  );
  const d = w.check(metric(10, { train_loss: Infinity }));
  assert.ok(d);
  assert.match(d.message, /diverged at step 10 \(loss train_loss = ∞; arm a\)/);
  assert.ok(
    w.check(metric(0, { test_mse: 1 }, 'b')) === undefined && w.check(metric(0, { test_mse: NaN }, 'b')),
    'NaN after a finite value, even at step 0',
  );
});
