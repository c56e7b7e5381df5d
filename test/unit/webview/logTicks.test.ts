// Log-axis tick labels: across decades only 1 and 3 × 10ᵏ, so neighbouring labels never overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelledLogTick } from '../../../webview/logTicks';

test('across decades a log axis labels 1 and 3 × 10ᵏ only; within one decade, every tick', () => {
  const ticks = [0.001, 0.002, 0.003, 0.004, 0.007, 0.01, 0.03, 0.07, 0.1, 0.3, 1];
  assert.deepEqual(
    ticks.filter((v) => labelledLogTick(v, 0.001, 1)),
    [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1],
  );
  assert.deepEqual(
    [2, 3, 4, 5, 7].filter((v) => labelledLogTick(v, 2, 8)),
    [2, 3, 4, 5, 7],
  );
  assert.ok(labelledLogTick(0, 0.001, 1), 'a non-positive value (never a log tick) is left to the formatter');
});
