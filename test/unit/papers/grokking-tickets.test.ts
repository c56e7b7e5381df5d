// grokking-tickets' claims as numbers (reproClaims), on synthetic summary events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproClaims } from '../../../src/papers/grokking-tickets/repro';
import { holds, type ClaimCheck } from '../../../src/core/repro/claims';
import type { RunEvent } from '../../../src/core/runs/events';

/** One arm's summary: `gen` undefined = did not generalize within `trained` epochs. */
const s = (arm: string, gen: number | undefined, trained: number): RunEvent => ({
  type: 'summary',
  time: 0,
  series: { arm, density: arm.includes('dense') ? 1 : 0.4 },
  values: {
    epochs_trained: trained,
    final_test_acc: 0.99,
    ...(gen === undefined ? {} : { generalization_epoch: gen }),
  },
});
const t0 = (cs: ClaimCheck[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `claim ${id} in ${cs.map((x) => x.id).join(', ')}`);
  return c.tests[0];
};
const ok = (cs: ClaimCheck[], id: string) => holds(t0(cs, id), t0(cs, id).value);

test('reproClaims: a ticket that groks first, a random mask that never does, a no-weight-decay ticket that groks', () => {
  const cs = reproClaims([
    s('dense', 2900, 7000),
    s('ticket', 600, 600),
    s('random_mask', undefined, 4400),
    s('norm_matched_dense', 3800, 3800),
    s('norm_matched_dense_l1', 3000, 3000),
    s('ticket_no_weight_decay', 1300, 1300),
  ]);
  assert.deepEqual(
    cs.map((c) => c.id),
    [
      'ticket-sooner-than-dense',
      'ticket-sooner-than-random-mask',
      'ticket-sooner-than-l2-matched',
      'ticket-sooner-than-l1-matched',
      'ticket-groks-without-weight-decay',
    ],
  );
  for (const c of cs) assert.ok(ok(cs, c.id), c.id);
  assert.equal(t0(cs, 'ticket-sooner-than-dense').value, 600 / 2900);
  // The random mask never generalized: its epochs trained stand in (a lower bound of its epoch).
  assert.equal(t0(cs, 'ticket-sooner-than-random-mask').value, 600 / 4400);
});

test('reproClaims: a ticket slower than the norm-matched net, or one that never groks, fails', () => {
  const slow = reproClaims([
    s('dense', 3400, 7000),
    s('ticket', 2400, 2400),
    s('random_mask', undefined, 5100),
    s('norm_matched_dense', 2300, 2300),
    s('ticket_no_weight_decay', undefined, 5100),
  ]);
  assert.ok(ok(slow, 'ticket-sooner-than-dense'));
  assert.ok(!ok(slow, 'ticket-sooner-than-l2-matched'), '2,400 vs 2,300');
  assert.ok(!ok(slow, 'ticket-groks-without-weight-decay'));
  assert.ok(!slow.some((c) => c.id === 'ticket-sooner-than-l1-matched'), 'an arm not run has no claim');
  const never = reproClaims([s('dense', 3400, 7000), s('ticket', undefined, 5100), s('random_mask', undefined, 5100)]);
  assert.ok(!ok(never, 'ticket-sooner-than-dense'));
  assert.ok(!ok(never, 'ticket-sooner-than-random-mask'), 'neither generalized: ratio 1, not a speed-up');
  // Without a dense generalization epoch there is nothing to compare with.
  assert.deepEqual(reproClaims([s('dense', undefined, 7000), s('ticket', 600, 600)]), []);
});
