// lottery-ticket's §2 claims as numbers (reproClaims), on synthetic summary events: where each holds,
// where each fails, and which densities a run is judged at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproClaims } from '../../../src/papers/lottery-ticket/repro';
import { holds, type ClaimCheck } from '../../../src/core/repro/claims';
import type { RunEvent } from '../../../src/core/runs/events';

const s = (arm: string, round: number, density: number, es: number, acc: number): RunEvent => ({
  type: 'summary',
  time: 0,
  series: { arm, round, density },
  values: { density, early_stop_iter: es, test_acc_at_early_stop: acc },
});
const test0 = (cs: ClaimCheck[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `claim ${id} in ${cs.map((x) => x.id).join(', ')}`);
  return c.tests[0];
};
const ok = (cs: ClaimCheck[], id: string) => holds(test0(cs, id), test0(cs, id).value);

/** A 15-round-like run at the paper's three Pm, with a round in between that no claim reads. */
const run = (o: { ticket21: number; reinit21: number; ticketEs: number; reinitEs: number; ticket36: number }) =>
  reproClaims([
    s('ticket', 0, 1, 1000, 0.955),
    s('ticket', 3, 0.513, 400, 0.956),
    s('random_reinit', 3, 0.513, 900, 0.956),
    s('ticket', 7, 0.211, o.ticketEs, o.ticket21),
    s('random_reinit', 7, 0.211, o.reinitEs, o.reinit21),
    s('ticket', 12, 0.07, 800, 0.955),
    s('random_reinit', 12, 0.07, 1500, 0.94),
    s('ticket', 15, 0.036, 1400, o.ticket36),
    s('random_reinit', 15, 0.036, 1500, 0.93),
  ]);

test('reproClaims: the claims hold on a run like the paper’s', () => {
  const cs = run({ ticket21: 0.957, reinit21: 0.941, ticketEs: 400, reinitEs: 1500, ticket36: 0.952 });
  assert.deepEqual(
    cs.map((c) => c.id),
    [
      'ticket-keeps-dense-0.211',
      'ticket-keeps-dense-0.07',
      'ticket-keeps-dense-0.036',
      'reinit-behind-0.211',
      'reinit-behind-0.07',
      'reinit-behind-0.036',
      'ticket-earlier-than-dense-21',
      'reinit-later-than-ticket-21',
    ],
  );
  for (const c of cs) assert.ok(ok(cs, c.id), c.id);
  assert.ok(Math.abs(test0(cs, 'ticket-keeps-dense-0.036').value - -0.003) < 1e-12, 'ticket − dense at 3.6%');
  assert.equal(test0(cs, 'ticket-keeps-dense-0.036').family, 3);
  assert.equal(test0(cs, 'ticket-earlier-than-dense-21').value, 0.6);
  assert.equal(test0(cs, 'reinit-later-than-ticket-21').value, 3.75);
});

test('reproClaims: a ticket that loses more than 0.5 pp, a reinit as good, a slow ticket all fail', () => {
  const cs = run({ ticket21: 0.94, reinit21: 0.945, ticketEs: 1100, reinitEs: 900, ticket36: 0.949 });
  assert.ok(!ok(cs, 'ticket-keeps-dense-0.211'), '−1.5 pp at 21%');
  assert.ok(!ok(cs, 'ticket-keeps-dense-0.036'), '−0.6 pp at 3.6% is not "keeps"');
  assert.ok(ok(cs, 'ticket-keeps-dense-0.07'));
  assert.ok(!ok(cs, 'reinit-behind-0.211'));
  assert.ok(!ok(cs, 'ticket-earlier-than-dense-21'), '1,100 vs the dense 1,000');
  assert.ok(!ok(cs, 'reinit-later-than-ticket-21'), '900 vs 1,100');
});

test('reproClaims: no claim at a paper density the run never came near, none without the dense round', () => {
  const short = reproClaims([
    s('ticket', 0, 1, 1000, 0.955),
    s('ticket', 1, 0.8, 800, 0.956),
    s('random_reinit', 1, 0.8, 900, 0.95),
    s('ticket', 2, 0.64, 800, 0.956),
    s('random_reinit', 2, 0.64, 900, 0.95),
  ]);
  assert.deepEqual(short, []);
  assert.deepEqual(reproClaims([s('ticket', 7, 0.211, 400, 0.95)]), []);
});
