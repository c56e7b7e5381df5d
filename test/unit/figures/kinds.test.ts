// The histogram and power-law-fit figure kinds, built from events: bins, densities, overlays from the
// paper's predicted law, and fitted slopes that agree with core/stats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFigure, type RunData } from '../../../src/core/figures/build';
import { lgamma } from '../../../src/core/figures/histogram';
import { t975 } from '../../../src/core/figures/fits';
import type { FigureSpec } from '../../../src/core/figures/spec';
import type { RunEvent } from '../../../src/core/runs/events';
import { fitPowerLaw, tCritical } from '../../../src/core/stats';
import gammaln from '@stdlib/math-base-special-gammaln';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

const histSpec: FigureSpec = {
  id: 'h',
  title: 'outputs',
  kind: 'histogram',
  x: { source: { kind: 'value', key: 'output' }, label: 'output', scale: 'linear' },
  y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'linear' }],
  lineBy: ['arm'],
  histogram: {
    bins: 4,
    range: [0, 4],
    overlays: [{ family: 'normal', label: 'predicted', params: { scale: 'sd', loc: 'mu' } }],
  },
};

const samples = (arm: string, values: number[], summary?: Record<string, number>): RunEvent[] => [
  ...values.map((v, i) => ({ type: 'metric' as const, time: i, step: i, series: { arm }, values: { output: v } })),
  ...(summary ? [{ type: 'summary' as const, time: 99, series: { arm }, values: summary }] : []),
];

test('histogram: densities integrate to the share inside the range, seeds pooled, overlay from the summary', () => {
  const a: RunData = {
    id: 'r1',
    name: 'x',
    groupKey: 'h',
    events: samples('nngp', [0.5, 1.5, 1.6, 3.9, 9], { sd: 1, mu: 2 }),
  };
  const b: RunData = { id: 'r2', name: 'x', groupKey: 'h', events: samples('nngp', [2.5, 2.2, 0.1]) };
  const fig = buildFigure(histSpec, [a, b]) as ReturnType<typeof buildFigure> & { outside: Record<string, number> };
  const bars = fig.lines.find((l) => l.style === 'stepped')!;
  assert.equal(bars.label, 'nngp (8 samples)');
  // Bins [0,1) [1,2) [2,3) [3,4]: 2, 2, 2, 1 of 8 samples, width 1; the 9 is outside and said so.
  assert.deepEqual(
    bars.points.map((p) => p.y),
    [2 / 8, 2 / 8, 2 / 8, 1 / 8, 1 / 8],
  );
  assert.deepEqual(bars.runIds.sort(), ['r1', 'r2']);
  assert.equal(Object.values(fig.outside)[0], 1);
  const overlay = fig.lines.find((l) => l.style === 'overlay')!;
  const atMode = overlay.points.find((p) => Math.abs(p.x - 2) < 1e-9)!;
  close(atMode.y, 1 / Math.sqrt(2 * Math.PI), 1e-12);
  // Central range by default: 0.5–99.5% quantiles of the pooled samples.
  const central = buildFigure({ ...histSpec, histogram: { bins: 10 } }, [a, b]);
  const xs = central.lines[0].points.map((p) => p.x);
  assert.ok(xs[0] > 0.1 && xs[0] < 0.2 && xs.at(-1)! < 9 && xs.at(-1)! > 8);
});

test('lgamma for the Student-t overlay agrees with @stdlib gammaln', () => {
  for (const x of [0.3, 1, 2.5, 7, 41.5, 300]) close(lgamma(x), gammaln(x), 1e-10 * Math.max(1, Math.abs(gammaln(x))));
});

test('power-law fit per line: slope and interval as core/stats computes them, windowed', () => {
  const ns = [100, 200, 400, 800, 1600, 3200];
  const err = ns.map((n, i) => 50 * n ** -1 * (1 + 0.05 * Math.sin(i)));
  err[5] = err[4]; // a floor outside the window
  const events: RunEvent[] = ns.map((n, i) => ({
    type: 'summary',
    time: i,
    series: { arm: 'pretrain', n },
    values: { excess: err[i] },
  }));
  const spec: FigureSpec = {
    id: 'f',
    title: 'excess risk',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'n' }, label: 'n', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'excess' }, label: 'excess risk', scale: 'log' }],
    lineBy: ['arm'],
    fit: { model: 'power-law', window: { x: [100, 1600] }, label: 'exponent of n' },
  };
  const fig = buildFigure(spec, [{ id: 'r', name: 'r', groupKey: 'h', events }]);
  assert.equal(fig.fits!.length, 1);
  const f = fig.fits![0];
  const ref = fitPowerLaw(ns.slice(0, 5), err.slice(0, 5))!;
  close(f.slope, ref.slope, 1e-12);
  close(f.slopeLow, ref.slopeLow, 1e-3);
  close(f.slopeHigh, ref.slopeHigh, 1e-3);
  assert.equal(f.n, 5);
  assert.match(f.label, /^pretrain: exponent of n -1\.\d\d \[-1\.\d\d, -0\.\d\d\]$/);
  close(f.points[0].x, 100, 1e-9);
  close(f.points[1].x, 1600, 1e-9);
  // Too few points in the window: no fit rather than a line through two points.
  assert.equal(
    buildFigure({ ...spec, fit: { model: 'power-law', window: { x: [100, 200] } } }, [
      { id: 'r', name: 'r', groupKey: 'h', events },
    ]).fits!.length,
    0,
  );
});

test('the figures module’s t table equals core/stats’ t quantiles', () => {
  for (const df of [1, 2, 3, 5, 10, 30]) close(t975(df), tCritical(0.95, df), 2e-3);
});
