// The small shared blocks the seven sparse-subnetwork papers' recipes, work estimates and repro tables
// were moved onto (instead of each keeping its own copy): checked against values written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import {
  ADAM_COST_PER_PARAM,
  STEP_COST_PER_LAYER,
  TRAIN_STEP_FACTOR,
  imageMlpTraining,
  residualMacs,
} from '../../../src/core/estimate/work';
import { optimizerOf } from '../../../src/trainer/optim';
import { mlpSizes, type Dataset } from '../../../src/trainer/data/index';
import { iterationsTrainBlock } from '../../../src/papers/common/schema';
import { percentCell, pointsCell, summaryEvents } from '../../../src/papers/common/tables';
import type { RunEvent } from '../../../src/core/runs/events';

test('imageMlpTraining: forward + backward of every batch, the per-step cost, and the test set at every evaluation', () => {
  const c = {
    data: { train: 1000, test: 200 },
    model: { hidden: [30, 20] },
    train: { iterations: 100, batch_size: 50, eval_every: 40, optimizer: 'adam' },
  };
  const macs = 784 * 30 + 30 * 20 + 20 * 10;
  // Evaluations at 0, 40, 80 and the end (100); 3 weight layers; Adam's per-parameter cost.
  const expected =
    TRAIN_STEP_FACTOR * 100 * 50 * macs + 100 * (3 * STEP_COST_PER_LAYER + ADAM_COST_PER_PARAM * macs) + 4 * 200 * macs;
  const r = imageMlpTraining(c);
  assert.deepEqual(r.sizes, [784, 30, 20, 10]);
  assert.equal(r.work, expected);
  // A batch larger than the training set trains on the set.
  const big = imageMlpTraining({ ...c, train: { ...c.train, batch_size: 5000, optimizer: 'sgd' } });
  assert.equal(big.work, TRAIN_STEP_FACTOR * 100 * 1000 * macs + 100 * 3 * STEP_COST_PER_LAYER + 4 * 200 * macs);
});

test('residualMacs: stem, two layers per block at its inner width, head', () => {
  assert.equal(residualMacs(784, 128, 10, [128, 64]), 784 * 128 + 2 * 128 * 128 + 2 * 128 * 64 + 128 * 10);
  assert.equal(residualMacs(784, 128, 10, []), 784 * 128 + 128 * 10);
});

test('optimizerOf reads the train block as written; absent momentum and weight decay stay absent (0)', () => {
  assert.deepEqual(optimizerOf({ optimizer: 'sgd', lr: 0.1, momentum: 0.9, weight_decay: 5e-4 }), {
    name: 'sgd',
    lr: 0.1,
    momentum: 0.9,
    weight_decay: 5e-4,
  });
  const adam = optimizerOf({ optimizer: 'adam', lr: 1e-3 });
  assert.equal(adam.name, 'adam');
  assert.equal(adam.momentum ?? 0, 0);
  assert.equal(adam.weight_decay ?? 0, 0);
});

test('mlpSizes: input → hidden… → classes of the dataset', () => {
  const d = { inputShape: [784], numClasses: 10 } as unknown as Dataset;
  assert.deepEqual(mlpSizes(d, [300, 100]), [784, 300, 100, 10]);
});

test('iterationsTrainBlock: the given defaults, momentum and weight decay optional', () => {
  const block = iterationsTrainBlock(
    { optimizer: 'adam', lr: 1e-3, batchSize: 64, iterations: 1500, evalEvery: 100 },
    'How every arm is trained.',
  );
  assert.deepEqual(Value.Default(block, {}), {
    optimizer: 'adam',
    lr: 1e-3,
    batch_size: 64,
    iterations: 1500,
    eval_every: 100,
  });
  assert.equal(block.description, 'How every arm is trained.');
  assert.equal(block.additionalProperties, false);
});

test('table cells: percentages and signed points, "—" for missing or non-finite values', () => {
  assert.equal(percentCell(0.85123), '85.12%');
  assert.equal(percentCell(0.85123, 1), '85.1%');
  assert.equal(percentCell(undefined), '—');
  assert.equal(percentCell(NaN), '—');
  assert.equal(pointsCell(0.0123), '+1.23 pp');
  assert.equal(pointsCell(-0.0092), '-0.92 pp');
  assert.equal(pointsCell(Infinity), '—');
});

test('summaryEvents: the summaries, those of one kind when asked', () => {
  const ev = (type: 'summary' | 'metric', kind?: string): RunEvent =>
    type === 'summary'
      ? { type, time: 0, series: { arm: 'a', ...(kind ? { kind } : {}) }, values: { x: 1 } }
      : { type, time: 0, step: 1, series: { arm: 'a' }, values: { x: 1 } };
  const events = [ev('summary', 'mean'), ev('summary'), ev('metric'), ev('summary', 'final')];
  assert.equal(summaryEvents(events).length, 3);
  assert.deepEqual(
    summaryEvents(events, 'mean').map((e) => e.series.kind),
    ['mean'],
  );
});
