// rethinking-pruning's claim as numbers (reproClaims), on synthetic summary events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproClaims } from '../../../src/papers/rethinking-pruning/repro';
import { holds } from '../../../src/core/repro/claims';
import type { RunEvent } from '../../../src/core/runs/events';

const s = (arm: string, ratio: number | undefined, acc: number): RunEvent => ({
  type: 'summary',
  time: 0,
  series: ratio === undefined ? { arm } : { arm, ratio },
  values: { final_test_acc: acc, iterations: 2000 },
});
const run = (b50: number, b75: number) =>
  reproClaims([
    s('full', undefined, 0.961),
    s('finetune', 0.5, 0.955),
    s('scratch_e', 0.5, 0.9615),
    s('scratch_b', 0.5, b50),
    s('finetune', 0.75, 0.943),
    s('scratch_e', 0.75, 0.9555),
    s('scratch_b', 0.75, b75),
  ]);

test('reproClaims: Scratch-B within 0.5 pp of fine-tuning or above it holds, per ratio', () => {
  const cs = run(0.9515, 0.956);
  assert.deepEqual(
    cs.map((c) => c.id),
    ['scratch-b-vs-finetune-0.5', 'scratch-b-vs-finetune-0.75'],
  );
  assert.ok(Math.abs(cs[0].tests[0].value - -0.0035) < 1e-12, '0.35 pp below: comparable');
  assert.equal(cs[0].tests[0].family, 2);
  for (const c of cs) assert.ok(holds(c.tests[0], c.tests[0].value), c.id);
});

test('reproClaims: Scratch-B more than 0.5 pp below fine-tuning fails', () => {
  const [at50, at75] = run(0.949, 0.956);
  assert.ok(!holds(at50.tests[0], at50.tests[0].value), '0.6 pp below');
  assert.ok(holds(at75.tests[0], at75.tests[0].value));
  assert.deepEqual(reproClaims([s('full', undefined, 0.96), s('scratch_b', 0.5, 0.95)]), [], 'no fine-tuned arm');
});
