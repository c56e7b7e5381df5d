import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figures } from '../../../src/papers/lottery-ticket/figures';
import { references } from '../../../src/papers/lottery-ticket/references';
import { buildFigure, type RunData } from '../../../src/core/figures/build';
import { placeReferences } from '../../../src/core/figures/marks';
import type { RunEvent } from '../../../src/core/runs/events';

test('every reference a lottery-ticket figure names exists, with a source and a density in (0, 1]', () => {
  const ids = new Set(references.map((r) => r.id));
  assert.equal(ids.size, references.length, 'reference ids are unique');
  for (const f of figures) for (const id of f.references ?? []) assert.ok(ids.has(id), `${f.id} names ${id}`);
  for (const r of references) {
    assert.ok(r.source.length > 0);
    assert.ok(r.x !== undefined && r.x > 0 && r.x <= 1, `${r.id} x is a density`);
  }
});

test("Fig. 4a from a small synthetic IMP run: two lines, the paper's marks placed on our baselines", () => {
  // Round r keeps 0.8^r of the weights; the ticket stops earlier as it is pruned, reinit later.
  const events: RunEvent[] = [];
  for (let r = 0; r <= 8; r++) {
    const density = 0.8 ** r;
    for (const arm of ['ticket', 'random_reinit']) {
      const es = arm === 'ticket' ? 1000 - 50 * r : 1000 + 80 * r;
      events.push({
        type: 'summary',
        time: r,
        series: { arm, round: r, density },
        values: { early_stop_iter: es, test_acc_at_early_stop: 0.97 - (arm === 'ticket' ? 0 : 0.002 * r) },
      });
    }
  }
  const run: RunData = { id: 'r', name: 'lenet', groupKey: 'h', events };
  const iter = buildFigure(
    figures.find((f) => f.id === 'lth-fig4a-iter')!,
    [run],
  );
  assert.equal(iter.lines.length, 2);
  assert.equal(iter.lines[0].points.length, 9);
  const marks = placeReferences(iter, references);
  const m38 = marks.find((m) => m.id === 'lth-es-38pct-earlier')!;
  assert.equal(m38.missing, undefined);
  assert.ok(Math.abs(m38.y! - 620) < 1e-9, 'dense ticket stops at 1000: the paper puts 21% at 620');
  const acc = buildFigure(
    figures.find((f) => f.id === 'lth-fig4a-acc')!,
    [run],
  );
  const accMarks = placeReferences(acc, references);
  assert.equal(accMarks.filter((m) => m.kind === 'xline').length, 2);
  // "Back to the unpruned accuracy at 3.6%" needs only our dense point, even below our sparsest round.
  const back = accMarks.find((m) => m.id === 'lth-acc-back-to-dense')!;
  assert.ok(Math.abs(back.x! - 3.6) < 1e-9 && Math.abs(back.y! - 97) < 1e-9);
  // Without a reinit run, the marks relative to reinit are left off, with the reason.
  const ticketOnly = buildFigure(
    figures.find((f) => f.id === 'lth-fig4a-acc')!,
    [{ ...run, events: events.filter((e) => e.series.arm === 'ticket') }],
  );
  assert.match(
    placeReferences(ticketOnly, references).find((m) => m.id === 'lth-acc-0.5pp-vs-reinit')!.missing!,
    /random_reinit/,
  );
});
