import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalSteps } from '../../../src/trainer/logSteps';

test('evaluation steps: 1–10 then log-spaced, ending at the last step', () => {
  const s = evalSteps(1000, 10);
  assert.deepEqual(s.slice(0, 12), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 16]);
  assert.equal(s.at(-1), 1000);
  assert.deepEqual(evalSteps(3, 10), [1, 2, 3]);
});
