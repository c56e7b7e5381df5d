import { test } from 'node:test';
import assert from 'node:assert/strict';
import { svd, reconstruct, column } from '../../../src/trainer/linalg/svd';
import { mulberry32 } from '../../support/mulberry32';

const rng = mulberry32;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** ‖QᵀQ − I‖∞ for a rows×k row-major Q. */
function orthogonalityError(q: Float64Array, rows: number, k: number): number {
  let err = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += q[i * k + a] * q[i * k + b];
      err = Math.max(err, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return err;
}

test('known decomposition: [[3,0],[4,5]] has singular values √45 and √5', () => {
  const d = svd([3, 0, 4, 5], 2, 2);
  assert.ok(Math.abs(d.S[0] - Math.sqrt(45)) < 1e-12);
  assert.ok(Math.abs(d.S[1] - Math.sqrt(5)) < 1e-12);
  assert.ok(maxAbsDiff(reconstruct(d), [3, 0, 4, 5]) < 1e-12);
});

test('known decomposition: a diagonal matrix gives its sorted absolute diagonal and signed unit vectors', () => {
  const a = [0, 0, 0, 0, -7, 0, 0, 0, 2]; // diag(0, -7, 2)
  const d = svd(a, 3, 3);
  assert.deepEqual(
    [...d.S].map((x) => Math.round(x * 1e12) / 1e12),
    [7, 2, 0],
  );
  // First singular pair lives on axis 1 with a sign flip between u and v.
  const u0 = column(d.U, 3, 3, 0);
  const v0 = column(d.V, 3, 3, 0);
  assert.ok(Math.abs(Math.abs(u0[1]) - 1) < 1e-12 && Math.abs(Math.abs(v0[1]) - 1) < 1e-12);
  assert.ok(u0[1] * v0[1] < 0);
  assert.ok(
    orthogonalityError(d.U, 3, 3) < 1e-12,
    'U completed to an orthonormal basis despite the zero singular value',
  );
  assert.ok(maxAbsDiff(reconstruct(d), a) < 1e-12);
});

test('a matrix built from chosen factors gives back those singular values', () => {
  // A = Q1 · diag(5, 3, 1) · Q2ᵀ with Q1, Q2 rotations: the singular values are exactly 5, 3, 1.
  const c = Math.cos(0.3),
    s = Math.sin(0.3),
    c2 = Math.cos(1.1),
    s2 = Math.sin(1.1);
  const q1 = [c, -s, 0, s, c, 0, 0, 0, 1];
  const q2 = [1, 0, 0, 0, c2, -s2, 0, s2, c2];
  const sig = [5, 3, 1];
  const a = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) for (let r = 0; r < 3; r++) a[i * 3 + j] += q1[i * 3 + r] * sig[r] * q2[j * 3 + r];
  const d = svd(a, 3, 3);
  assert.ok(maxAbsDiff(d.S, sig) < 1e-12);
  // Each left singular vector equals the chosen one up to sign.
  for (let r = 0; r < 3; r++) {
    const u = column(d.U, 3, 3, r);
    const dotp = u[0] * q1[r] + u[1] * q1[3 + r] + u[2] * q1[6 + r];
    assert.ok(Math.abs(Math.abs(dotp) - 1) < 1e-12);
  }
});

for (const [m, n] of [
  [40, 12],
  [12, 40],
  [64, 64],
  [1, 5],
  [5, 1],
] as const) {
  test(`random ${m}×${n}: reconstruction, orthonormal factors, descending values`, () => {
    const rand = rng(m * 100 + n);
    const a = Float64Array.from({ length: m * n }, () => rand() * 2 - 1);
    const d = svd(a, m, n);
    const k = Math.min(m, n);
    assert.equal(d.k, k);
    assert.ok(maxAbsDiff(reconstruct(d), a) < 1e-11);
    assert.ok(orthogonalityError(d.U, m, k) < 1e-11);
    assert.ok(orthogonalityError(d.V, n, k) < 1e-11);
    for (let r = 1; r < k; r++) assert.ok(d.S[r - 1] >= d.S[r]);
    // Frobenius norm² = Σσ².
    const fro = a.reduce((t, x) => t + x * x, 0);
    assert.ok(Math.abs(fro - d.S.reduce((t, x) => t + x * x, 0)) < 1e-9);
  });
}

test('rank-deficient input: zero singular values and still orthonormal U', () => {
  // Rank 1: outer product of (1,2,3,4) and (1,-1,2).
  const x = [1, 2, 3, 4],
    y = [1, -1, 2];
  const a = x.flatMap((xi) => y.map((yj) => xi * yj));
  const d = svd(a, 4, 3);
  assert.ok(Math.abs(d.S[0] - Math.sqrt(30) * Math.sqrt(6)) < 1e-11);
  assert.ok(d.S[1] < 1e-12 && d.S[2] < 1e-12);
  assert.ok(orthogonalityError(d.U, 4, 3) < 1e-11);
  assert.ok(maxAbsDiff(reconstruct(d), a) < 1e-11);
});

test('bad input is refused with a clear message', () => {
  assert.throws(() => svd([1, 2, 3], 2, 2), /expected 4 entries/);
  assert.throws(() => svd([1, Infinity], 1, 2), /must be finite/);
  assert.throws(() => svd([], 0, 0), /positive integers/);
});
