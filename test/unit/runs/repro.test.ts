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
  assert.match(t, /\+0\.5 pp \| \+2\.00 pp \|/);
  assert.match(reproTable([]), /No summary events/);
});

test('an early stop at the last iteration is flagged as a lower bound, and the test-set noise is 2 SE of a difference', () => {
  const at = (e: RunEvent, extra: Record<string, number>): RunEvent =>
    e.type === 'summary' ? { ...e, values: { ...e.values, ...extra } } : e;
  const t = reproTable([
    at(s('ticket', 0, 1, 1000, 0.955), { test_examples: 2000, early_stop_at_end: 0 }),
    at(s('ticket', 1, 0.211, 400, 0.957), { test_examples: 2000, early_stop_at_end: 0 }),
    at(s('random_reinit', 1, 0.211, 1500, 0.941), { test_examples: 2000, early_stop_at_end: 1 }),
  ]);
  assert.ok(t.includes('| 1 | 21.1% | 400 | 95.70% | ≥ 1500 (end) | 94.10% |'), t);
  // The ratio of early stops is only a lower bound when the reinit stopped at the end.
  assert.match(t, /2\.51× \| ≥ 3\.75× \(reinit early-stopped at the end of training: ≥\) \|/);
  // 2·√(2·0.955·0.045/2000) = 1.31 pp: not the 0.5 pp the docs used to say.
  assert.match(
    t,
    /two standard errors of a difference of two accuracies near 95\.5% on 2,000 test digits are ±1\.3 pp/,
  );
  assert.match(t, /\+1\.60 pp \(2 SE ±1\.4 pp\)/);
});
