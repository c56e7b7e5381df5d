import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateSeeds, decimateMinMax, guardLog, interpolateAt, smoothEma } from '../../../src/core/figures/numeric';

test('smoothing 0 returns the points unchanged; bias correction keeps the first point', () => {
  const pts = [
    { x: 0, y: 10 },
    { x: 1, y: 0 },
  ];
  assert.equal(smoothEma(pts, 0), pts);
  const s = smoothEma(pts, 0.9);
  assert.equal(s[0].y, 10, 'first point is not pulled towards zero');
  // second: ema = 0.9*(0.1*10) + 0.1*0 = 0.9, debiased by 1-0.81 = 0.19
  assert.ok(Math.abs(s[1].y - 0.9 / 0.19) < 1e-12);
});

test('smoothing skips NaN values without poisoning the rest of the curve', () => {
  const s = smoothEma(
    [
      { x: 0, y: 1 },
      { x: 1, y: NaN },
      { x: 2, y: 1 },
    ],
    0.5,
  );
  assert.ok(Number.isNaN(s[1].y));
  assert.equal(s[2].y, 1);
});

test('seeds: mean and min–max spread only where every seed has a value', () => {
  const agg = aggregateSeeds([
    [
      { x: 0, y: 1 },
      { x: 10, y: 3 },
      { x: 20, y: 5 },
    ],
    [
      { x: 0, y: 3 },
      { x: 10, y: 5 },
    ],
  ]);
  assert.deepEqual(agg, [
    { x: 0, y: 2, lo: 1, hi: 3, n: 2 },
    { x: 10, y: 4, lo: 3, hi: 5, n: 2 },
  ]);
});

test('log guard drops non-positive points on the log axis and counts them', () => {
  const pts = [
    { x: 0, y: 1 },
    { x: 1, y: 0 },
    { x: 2, y: -1 },
    { x: 3, y: 2 },
  ];
  assert.deepEqual(guardLog(pts, true, false), { points: pts.slice(1), dropped: 1 });
  assert.deepEqual(guardLog(pts, false, true), { points: [pts[0], pts[3]], dropped: 2 });
  assert.deepEqual(guardLog(pts, false, false), { points: pts, dropped: 0 });
});

test('log guard clamps a band lower edge at or below zero instead of dropping the mean', () => {
  const { points } = guardLog(
    [
      { x: 1, y: 0.5, lo: -0.1, hi: 1 },
      { x: 2, y: 0.2, lo: 0.1, hi: 0.3 },
    ],
    false,
    true,
  );
  assert.equal(points[0].lo, 0.2);
  assert.equal(points[1].lo, 0.1);
});

test('decimation: bounded size, endpoints and global extremes kept, x order preserved', () => {
  const pts = Array.from({ length: 10_000 }, (_, i) => ({
    x: i,
    y: Math.sin(i / 50) + (i === 4321 ? 5 : 0) - (i === 777 ? 5 : 0),
  }));
  for (const max of [4, 10, 101, 1000]) {
    const d = decimateMinMax(pts, max);
    assert.ok(d.length <= max, `${d.length} ≤ ${max}`);
    assert.equal(d[0], pts[0]);
    assert.equal(d[d.length - 1], pts[pts.length - 1]);
    assert.ok(d.includes(pts[4321]) && d.includes(pts[777]), 'extremes survive');
    for (let i = 1; i < d.length; i++) assert.ok(d[i].x > d[i - 1].x);
  }
  const short = pts.slice(0, 50);
  assert.equal(decimateMinMax(short, 100), short);
});

test('interpolation in log x and refusal to extrapolate', () => {
  const line = [
    { x: 1, y: 10 },
    { x: 100, y: 30 },
  ];
  assert.equal(interpolateAt(line, 10, true), 20);
  assert.equal(interpolateAt(line, 50.5, false), 20);
  assert.equal(interpolateAt(line, 105, true), 30, 'within 10% of the end');
  assert.equal(interpolateAt(line, 0.5, true), undefined);
  assert.equal(interpolateAt(line, 1000, false), undefined);
});
