import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cholesky, choleskySolve, kernelRegression } from '../../../src/trainer/linalg/cholesky';
import { createRng } from '../../../src/trainer/rng';

test('cholesky of a known 3×3 matrix', () => {
  // A = L Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]] (a textbook example).
  const a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
  assert.deepEqual([...cholesky(a, 3)], [2, 0, 0, 6, 1, 0, -8, 5, 3]);
  const x = choleskySolve(cholesky(a, 3), 3, [4 * 1 + 12 * 2 - 16 * 3, 12 + 74 - 129, -16 - 86 + 294]);
  [1, 2, 3].forEach((v, i) => assert.ok(Math.abs(x[i] - v) < 1e-12));
});

test('cholesky solve of a random SPD system has a tiny residual', () => {
  const n = 60;
  const r = createRng(3);
  const b = Array.from({ length: n * n }, () => r.normal());
  const a = new Float64Array(n * n); // BᵀB + I
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) s += b[k * n + i] * b[k * n + j];
      a[i * n + j] = s;
    }
  const rhs = Array.from({ length: n }, () => r.normal());
  const x = choleskySolve(cholesky(a, n), n, rhs);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
    assert.ok(Math.abs(s - rhs[i]) < 1e-9, `row ${i}`);
  }
});

test('cholesky says what to do with a matrix that is not positive definite', () => {
  assert.throws(() => cholesky([1, 2, 2, 1], 2), /not positive definite.*ridge/);
  assert.throws(() => cholesky([1, 2, 3], 2), /expected 4 entries/);
});

test('kernel regression with a linear kernel recovers a linear target exactly (known answer)', () => {
  // K = XXᵀ with P = 20 points in 3 dims is rank 3: the ridge grows until it factors, and the
  // minimum-norm interpolant of y = w·x is w·x itself, so predictions at new points are exact.
  const r = createRng(11);
  const w = [0.5, -2, 1];
  const pts = (k: number) => Array.from({ length: k }, () => [r.normal(), r.normal(), r.normal()]);
  const tr = pts(20);
  const te = pts(5);
  const dot = (u: number[], v: number[]) => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const kTrain = tr.flatMap((u) => tr.map((v) => dot(u, v)));
  const kTest = te.flatMap((u) => tr.map((v) => dot(u, v)));
  const res = kernelRegression(
    kTrain,
    20,
    kTest,
    5,
    tr.map((u) => dot(u, w)),
  );
  assert.ok(res.ridge > 0);
  te.forEach((u, i) =>
    assert.ok(Math.abs(res.predictions[i] - dot(u, w)) < 1e-4, `${res.predictions[i]} vs ${dot(u, w)}`),
  );
});
