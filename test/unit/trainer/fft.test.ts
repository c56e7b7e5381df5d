import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossCorrelation } from '../../../src/trainer/algorithms/fft';
import { createRng } from '../../../src/trainer/rng';

function direct(a: number[], b: number[]): number[] {
  return Array.from({ length: a.length - b.length + 1 }, (_, k) => b.reduce((s, v, i) => s + v * a[k + i], 0));
}

test('crossCorrelation equals the direct sum, across several blocks and at the text end', () => {
  const r = createRng(1);
  for (const [n, m, block] of [
    [100, 7, undefined],
    [1000, 33, 64],
    [257, 256, undefined],
    [5, 5, undefined],
  ] as const) {
    const a = Array.from({ length: n }, () => r.normal());
    const b = Array.from({ length: m }, () => r.normal());
    const got = crossCorrelation(a, b, block);
    const want = direct(a, b);
    assert.equal(got.values.length, want.length);
    want.forEach((v, k) =>
      assert.ok(Math.abs(got.values[k] - v) < 1e-9, `n=${n} m=${m} k=${k}: ${got.values[k]} vs ${v}`),
    );
    assert.ok(got.size >= 2 * m);
  }
  assert.equal(crossCorrelation([1, 2], [1, 2, 3]).values.length, 0);
});
