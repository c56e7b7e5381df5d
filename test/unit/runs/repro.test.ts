// The lottery-ticket reproduction table: rows per round from summary events, and the paper's §2
// comparisons computed from our numbers (not copied).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproTable } from '../../../src/papers/lottery-ticket/repro';
import type { RunEvent } from '../../../src/core/runs/events';

const s = (arm: string, round: number, density: number, es: number, acc: number): RunEvent => ({
  type: 'summary',
  time: 0,
  series: { arm, round, density },
  values: { density, early_stop_iter: es, test_acc_at_early_stop: acc, final_test_acc: acc },
});

test('rows per round and comparisons computed from the run', () => {
  const t = reproTable([
    s('ticket', 0, 1, 1000, 0.95),
    s('ticket', 1, 0.5, 800, 0.955),
    s('random_reinit', 1, 0.5, 900, 0.95),
    s('ticket', 2, 0.21, 600, 0.96),
    s('random_reinit', 2, 0.21, 1200, 0.94),
  ]);
  const lines = t.split('\n');
  assert.ok(
    lines.some((l) => l.startsWith('| 2 | 21.0% | 600 | 96.00% | 1200 | 94.00% |')),
    t,
  );
  assert.match(t, /vs the dense net \| 38% earlier \| 40% earlier/);
  assert.match(t, /2\.51× \| 2\.00× \|/);
  assert.match(t, /\+0\.5 pp \| 2\.00 pp \|/);
  assert.match(reproTable([]), /No summary events/);
});
