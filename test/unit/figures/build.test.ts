import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricEvent, RunEvent, SeriesTags } from '../../../src/core/runs/events';
import type { FigureSpec, ReferenceNumber } from '../../../src/core/figures/spec';
import { buildFigure, deriveSummary, summariesOf, type RunData } from '../../../src/core/figures/build';
import { figureToCsv, placeReferences } from '../../../src/core/figures/marks';

const metric = (step: number, series: SeriesTags, values: Record<string, number>): MetricEvent => ({
  type: 'metric',
  time: step,
  step,
  series,
  values,
});

const curves: FigureSpec = {
  id: 'acc',
  title: 'Test accuracy',
  kind: 'curves',
  x: { source: { kind: 'step' }, label: 'iteration', scale: 'linear' },
  y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
  lineBy: ['arm', 'round'],
};

const earlyStop: FigureSpec = {
  id: 'es',
  title: 'Early-stop iteration',
  kind: 'summary',
  x: { source: { kind: 'tag', tag: 'density' }, label: 'weights remaining (%)', scale: 'log', percent: true },
  y: [{ source: { kind: 'value', key: 'early_stop_iter' }, label: 'early-stop iteration', scale: 'linear' }],
  lineBy: ['arm'],
  derive: [
    { kind: 'earlyStop', loss: 'val_loss', stepAs: 'early_stop_iter', values: { test_acc_at_early_stop: 'test_acc' } },
  ],
  references: ['faster'],
};

test('early stop = first step of minimum validation loss, with the accuracy at that step', () => {
  const s = { arm: 'ticket', round: 1, density: 0.8 };
  const ms = [
    metric(100, s, { val_loss: 0.5, test_acc: 0.9 }),
    metric(200, s, { val_loss: 0.3, test_acc: 0.95 }),
    metric(300, s, { val_loss: 0.3, test_acc: 0.96 }),
    metric(400, s, { val_loss: 0.4, test_acc: 0.97 }),
  ];
  const d = deriveSummary(ms, [
    { kind: 'earlyStop', loss: 'val_loss', stepAs: 'early_stop_iter', values: { acc: 'test_acc' } },
    { kind: 'last', key: 'test_acc', as: 'final' },
  ]);
  assert.deepEqual(d, { early_stop_iter: 200, acc: 0.95, final: 0.97 });
  assert.deepEqual(
    deriveSummary([metric(1, s, { val_loss: NaN })], earlyStop.derive!),
    {},
    'no finite loss, no early stop',
  );
});

test('a summary event wins over the derived one; series without one are derived', () => {
  const a = { arm: 'ticket', round: 0, density: 1 };
  const b = { arm: 'ticket', round: 1, density: 0.5 };
  const events: RunEvent[] = [
    metric(100, a, { val_loss: 0.2, test_acc: 0.9 }),
    { type: 'summary', time: 1, series: a, values: { early_stop_iter: 999 } },
    metric(100, b, { val_loss: 0.4, test_acc: 0.8 }),
    metric(200, b, { val_loss: 0.1, test_acc: 0.85 }),
  ];
  const sums = summariesOf(events, earlyStop.derive);
  assert.equal(sums.length, 2);
  assert.equal(sums.find((s) => s.series.round === 0)!.values.early_stop_iter, 999);
  assert.deepEqual(sums.find((s) => s.series.round === 1)!.values, {
    early_stop_iter: 200,
    test_acc_at_early_stop: 0.85,
  });
});

test('curves: one line per lineBy combination, percent applied, labels say arm and round', () => {
  const run: RunData = {
    id: 'r1',
    name: 'lenet',
    groupKey: 'h',
    events: [
      metric(0, { arm: 'ticket', round: 0 }, { test_acc: 0.1 }),
      metric(10, { arm: 'ticket', round: 0 }, { test_acc: 0.5 }),
      metric(0, { arm: 'random_reinit', round: 1 }, { test_acc: 0.2 }),
      { type: 'phase', time: 0, step: 0, series: { arm: 'ticket' }, label: 'pruned' },
    ],
  };
  const fig = buildFigure(curves, [run]);
  assert.equal(fig.lines.length, 2);
  const ticket = fig.lines.find((l) => l.tags.arm === 'ticket')!;
  assert.deepEqual(
    ticket.points.map((p) => [p.x, p.y]),
    [
      [0, 10],
      [10, 50],
    ],
  );
  assert.equal(ticket.label, 'dense · round 0');
  assert.equal(fig.lines.find((l) => l.tags.arm === 'random_reinit')!.label, 'random reinit · round 1');
});

test('seeds of one config become one line with a band; another config gets its own, named lines', () => {
  const mk = (id: string, hash: string, name: string, acc: number): RunData => ({
    id,
    name,
    groupKey: hash,
    events: [metric(10, { arm: 'ticket', round: 0 }, { test_acc: acc })],
  });
  const fig = buildFigure(curves, [mk('a1', 'A', 'adam', 0.5), mk('a2', 'A', 'adam', 0.7), mk('b1', 'B', 'sgd', 0.4)]);
  assert.equal(fig.lines.length, 2);
  const [a, b] = fig.lines;
  assert.equal(a.band, true);
  assert.deepEqual(a.runIds, ['a1', 'a2']);
  assert.ok(
    Math.abs(a.points[0].y - 60) < 1e-9 && Math.abs(a.points[0].lo - 50) < 1e-9 && Math.abs(a.points[0].hi - 70) < 1e-9,
  );
  assert.equal(a.label, 'adam (2 seeds) · dense · round 0');
  assert.equal(b.label, 'sgd · dense · round 0');
  assert.equal(b.group, 1);
});

test('summary figure on a log x axis: a point per round, zero density kept off the chart and counted', () => {
  const events: RunEvent[] = [0, 1, 2].flatMap((r) => {
    const d = r === 2 ? 0 : 0.8 ** r;
    return [
      {
        type: 'summary',
        time: r,
        series: { arm: 'ticket', round: r, density: d },
        values: { early_stop_iter: 1000 - r * 100 },
      },
    ];
  });
  const fig = buildFigure(earlyStop, [{ id: 'r', name: 'n', groupKey: 'h', events }]);
  assert.equal(fig.xScale, 'log');
  assert.equal(fig.droppedForLog, 1);
  assert.deepEqual(
    fig.lines[0].points.map((p) => [+p.x.toFixed(6), p.y]),
    [
      [80, 900],
      [100, 1000],
    ],
  );
  const lin = buildFigure(earlyStop, [{ id: 'r', name: 'n', groupKey: 'h', events }], { scales: { x: 'linear' } });
  assert.equal(lin.droppedForLog, 0);
  assert.equal(lin.lines[0].points.length, 3);
});

test('a relative reference is placed from our own baseline; without a baseline it says why', () => {
  const ref: ReferenceNumber = {
    id: 'faster',
    label: '2.51× faster than reinit at 21%',
    x: 0.21,
    relative: { to: { arm: 'random_reinit' }, factor: 1 / 2.51 },
    source: '§2',
    confirmed: true,
  };
  const s = (arm: string, density: number, it: number): RunEvent => ({
    type: 'summary',
    time: 0,
    series: { arm, density },
    values: { early_stop_iter: it },
  });
  const run: RunData = {
    id: 'r',
    name: 'n',
    groupKey: 'h',
    events: [s('random_reinit', 1, 1000), s('random_reinit', 0.2, 502), s('ticket', 0.2, 300)],
  };
  const [mark] = placeReferences(buildFigure(earlyStop, [run]), [ref]);
  assert.equal(mark.kind, 'point');
  assert.equal(mark.x, 21);
  assert.ok(mark.y! > 150 && mark.y! < 250, `y ${mark.y}`);
  assert.match(mark.label, /^paper: 2\.51× faster.*\(§2\)$/);
  const noBase = placeReferences(buildFigure(earlyStop, [{ ...run, events: [s('ticket', 0.2, 300)] }]), [ref])[0];
  assert.equal(noBase.y, undefined);
  assert.match(noBase.missing!, /random_reinit/);
});

test('a relative reference without x sits at the end of our baseline line (its last point)', () => {
  const ref: ReferenceNumber = {
    id: 'above',
    label: '2 pp above the baseline',
    relative: { to: { arm: 'random_reinit' }, offset: 0.02 },
    source: 'abstract',
    confirmed: true,
  };
  const s = (arm: string, density: number, it: number): RunEvent => ({
    type: 'summary',
    time: 0,
    series: { arm, density },
    values: { early_stop_iter: it },
  });
  const run: RunData = {
    id: 'r',
    name: 'n',
    groupKey: 'h',
    events: [s('random_reinit', 1, 1000), s('random_reinit', 0.2, 500)],
  };
  const spec = { ...earlyStop, references: ['above'] };
  const [mark] = placeReferences(buildFigure(spec, [run]), [ref]);
  // Points are kept in x order: the line's last point is the largest x (density 100%, 1,000 iterations).
  assert.equal(mark.missing, undefined);
  assert.equal(mark.kind, 'point');
  assert.equal(mark.x, 100);
  assert.ok(Math.abs(mark.y! - (1000 + 0.02)) < 1e-9, `y ${mark.y}`);
  const none = placeReferences(buildFigure(spec, []), [ref])[0];
  assert.match(none.missing!, /no x position/);
});

test('x-only references are vertical lines; unconfirmed ones say so', () => {
  const ref: ReferenceNumber = {
    id: 'faster',
    label: 'reinit loses accuracy from here',
    x: 0.211,
    source: '§2',
    confirmed: false,
  };
  const [mark] = placeReferences(buildFigure(earlyStop, []), [ref]);
  assert.equal(mark.kind, 'xline');
  assert.ok(Math.abs(mark.x! - 21.1) < 1e-9);
  assert.match(mark.label, /unconfirmed/);
});

test('CSV has one row per point and quotes labels with commas', () => {
  const run: RunData = {
    id: 'r',
    name: 'a, b',
    groupKey: 'h',
    events: [metric(0, { arm: 'ticket', round: 0 }, { test_acc: 0.5 })],
  };
  const other: RunData = { ...run, id: 'q', groupKey: 'k' };
  const csv = figureToCsv(buildFigure(curves, [run, other]));
  const rows = csv.trim().split('\n');
  assert.equal(rows.length, 3);
  assert.match(rows[1], /^acc,"a, b \(r\) · dense · round 0",r,1,test accuracy \(%\),0,50,50,50$/);
});

test('a summary point whose lowerBoundIf value is set is drawn as a bound, and a seed mean with one bound is a bound', () => {
  const spec: FigureSpec = {
    ...earlyStop,
    y: [{ ...earlyStop.y[0], lowerBoundIf: 'early_stop_at_end' }],
    derive: undefined,
    references: undefined,
  };
  const sum = (density: number, es: number, atEnd: number): RunEvent => ({
    type: 'summary',
    time: 0,
    series: { arm: 'random_reinit', density },
    values: { early_stop_iter: es, early_stop_at_end: atEnd },
  });
  const run = (id: string, atEnd: number): RunData => ({
    id,
    name: 'lt',
    groupKey: 'h',
    events: [sum(0.5, 900, 0), sum(0.21, 1500, atEnd)],
  });
  const one = buildFigure(spec, [run('a', 1)]).lines[0].points;
  assert.deepEqual(
    one.map((p) => [p.x, !!p.bound]),
    [
      [21, true],
      [50, false],
    ],
  );
  const seeds = buildFigure(spec, [run('a', 0), run('b', 1)]).lines[0].points;
  assert.equal(seeds.find((p) => p.x === 21)?.bound, true);
  assert.equal(seeds.find((p) => p.x === 50)?.bound, undefined);
});
