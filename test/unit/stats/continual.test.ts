// Continual-learning summaries of an accuracy matrix, against values worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageAccuracy, averageForgetting, backwardTransfer, forgetting } from '../../../src/core/stats';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

// R[i][j]: accuracy on task j after learning tasks 0..i (lower triangle only).
const R = [[0.9], [0.8, 0.95], [0.7, 0.9, 0.85]];

test('average accuracy, backward transfer and forgetting of a 3-task matrix', () => {
  close(averageAccuracy(R), (0.7 + 0.9 + 0.85) / 3);
  close(backwardTransfer(R), (0.7 - 0.9 + (0.9 - 0.95)) / 2);
  close(forgetting(R, 0), 0.9 - 0.7);
  close(forgetting(R, 1), 0.95 - 0.9);
  close(averageForgetting(R), (0.2 + 0.05) / 2);
});

test('no forgetting gives BWT 0; missing cells are skipped; one task has no transfer', () => {
  const flat = [[0.9], [0.9, 0.8], [0.9, 0.8, 0.7]];
  close(backwardTransfer(flat), 0);
  close(averageForgetting(flat), 0);
  assert.ok(Number.isNaN(backwardTransfer([[0.9]])));
  close(averageAccuracy([[0.9], [undefined, 0.5]]), 0.5);
});
