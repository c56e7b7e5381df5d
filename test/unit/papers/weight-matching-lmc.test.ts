// weight-matching-lmc's claims as numbers (reproClaims), on synthetic summary events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproClaims, reproTable } from '../../../src/papers/weight-matching-lmc/repro';
import { holds, type ClaimCheck } from '../../../src/core/repro/claims';
import type { RunEvent } from '../../../src/core/runs/events';

const sum = (series: Record<string, string | number>, values: Record<string, number>): RunEvent => ({
  type: 'summary',
  time: 0,
  series: series as { arm: string },
  values,
});
/** Two paths, the totals, and singular-vector alignment for two hidden layers and the output layer, 20 ranks each. */
const run = (o: { naive: number; permuted: number; ratio: number; topGain: number }) => [
  ...[0, 0.5, 1].flatMap((lambda) => [
    sum({ arm: 'naive', lambda }, { test_loss: 0.2, test_acc: 0.95 }),
    sum({ arm: 'permuted', lambda }, { test_loss: 0.2, test_acc: 0.95 }),
  ]),
  sum({ arm: 'naive' }, { barrier_test_loss: o.naive, barrier_train_loss: o.naive, distance: 10 }),
  sum(
    { arm: 'permuted' },
    { barrier_test_loss: o.permuted, barrier_train_loss: o.permuted, distance: 10 * o.ratio, distance_ratio: o.ratio },
  ),
  ...[0, 1, 2].flatMap((layer) =>
    Array.from({ length: 20 }, (_, rank) => [
      sum({ arm: 'naive', layer, rank }, { cos_left: 0.05 }),
      sum({ arm: 'permuted', layer, rank }, { cos_left: 0.05 + (rank < 10 ? o.topGain : 0.01) }),
    ]).flat(),
  ),
];
const t0 = (cs: ClaimCheck[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `claim ${id} in ${cs.map((x) => x.id).join(', ')}`);
  return c.tests[0];
};
const ok = (cs: ClaimCheck[], id: string) => holds(t0(cs, id), t0(cs, id).value);

test('reproClaims: most of the barrier removed, little of the distance, top directions aligned: all hold', () => {
  const events = run({ naive: 0.319, permuted: 0.001, ratio: 0.9, topGain: 0.3 });
  const cs = reproClaims(events);
  assert.deepEqual(
    cs.map((c) => c.id),
    ['barrier-mostly-removed', 'distance-shrinks-little', 'aligns-top-singular-0', 'aligns-top-singular-1'],
  );
  for (const c of cs) assert.ok(ok(cs, c.id), c.id);
  assert.ok(Math.abs(t0(cs, 'barrier-mostly-removed').value - (1 - 0.001 / 0.319)) < 1e-12);
  assert.ok(Math.abs(t0(cs, 'aligns-top-singular-0').value - 0.29) < 1e-12, 'gain 0.30 on top, 0.01 on the bottom');
  // The output layer (2) has no claim: its left singular vectors are in class space, never permuted.
  assert.equal(t0(cs, 'aligns-top-singular-1').family, 2);
  // The table reads the same alignment numbers.
  assert.match(reproTable(events), /\| 0 \| 0\.050 → 0\.350 \| 0\.050 → 0\.060 \|/);
});

test('reproClaims: a barrier only partly removed, a distance halved, no top-rank alignment: all fail', () => {
  const cs = reproClaims(run({ naive: 0.3, permuted: 0.2, ratio: 0.4, topGain: 0.005 }));
  for (const c of cs) assert.ok(!ok(cs, c.id), c.id);
  // No barrier on the naive path: nothing was removed.
  assert.equal(
    t0(reproClaims(run({ naive: 0, permuted: 0, ratio: 0.9, topGain: 0.3 })), 'barrier-mostly-removed').value,
    0,
  );
});
