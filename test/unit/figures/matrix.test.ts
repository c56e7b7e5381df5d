// The `matrix` figure kind's data: cells from summary events by row/column tags, panels per lineBy,
// seeds averaged with their sd, filters, percent, CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatrix, matrixToCsv } from '../../../src/core/figures/matrix';
import type { FigureSpec } from '../../../src/core/figures/spec';
import type { RunData } from '../../../src/core/figures/build';

const spec: FigureSpec = {
  id: 'acc-matrix',
  title: 'Accuracy matrix',
  kind: 'matrix',
  row: { source: { kind: 'tag', tag: 'after_task' }, label: 'after learning task', scale: 'linear' },
  x: { source: { kind: 'tag', tag: 'task' }, label: 'task evaluated', scale: 'linear' },
  y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
  lineBy: ['arm'],
};

const cell = (arm: string, after: number, task: number, acc: number) => ({
  type: 'summary' as const,
  time: 0,
  series: { arm, after_task: after, task },
  values: { test_acc: acc },
});

const run = (id: string, hash: string, accs: number[]): RunData => ({
  id,
  name: 'exssnet',
  groupKey: hash,
  events: [
    cell('supsup', 0, 0, accs[0]),
    cell('supsup', 1, 0, accs[1]),
    cell('supsup', 1, 1, accs[2]),
    cell('exssnet', 0, 0, 0.95),
    { type: 'metric', time: 0, step: 3, series: { arm: 'supsup', after_task: 0, task: 0 }, values: { test_acc: 0.1 } },
  ] as RunData['events'],
});

test('one panel per arm, rows × columns from the tags, the upper triangle left empty', () => {
  const m = buildMatrix(spec, [run('a', 'h', [0.9, 0.8, 0.95])]);
  assert.deepEqual(
    m.panels.map((p) => p.label),
    ['supsup', 'exssnet'],
  );
  const s = m.panels[0];
  assert.deepEqual(s.rows, [0, 1]);
  assert.deepEqual(s.cols, [0, 1]);
  assert.equal(s.cells[0][0]!.mean, 90);
  assert.equal(s.cells[0][1], undefined);
  assert.equal(s.cells[1][1]!.mean, 95);
  assert.deepEqual([m.min, m.max], [80, 95]);
});

test('seeds of one config average cell by cell with their sd; a filter keeps one arm; CSV lists every cell', () => {
  const m = buildMatrix({ ...spec, filter: { arm: 'supsup' } }, [
    run('a', 'h', [0.9, 0.8, 0.95]),
    run('b', 'h', [0.8, 0.8, 0.85]),
  ]);
  assert.equal(m.panels.length, 1);
  const c = m.panels[0].cells[0][0]!;
  assert.ok(Math.abs(c.mean - 85) < 1e-9 && Math.abs(c.sd - Math.SQRT2 * 5) < 1e-9 && c.n === 2);
  assert.deepEqual(m.panels[0].runIds, ['a', 'b']);
  const csv = matrixToCsv(m).trim().split('\n');
  assert.equal(csv[0], 'panel,after learning task,task evaluated,test accuracy (%),sd,n');
  assert.equal(csv.length, 1 + 3);
});

test('a spec that is not a matrix is refused', () => {
  assert.throws(() => buildMatrix({ ...spec, kind: 'summary' }, []), /not a matrix/);
});
