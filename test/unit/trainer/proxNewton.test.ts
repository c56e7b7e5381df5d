import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxNewton, softThreshold, type SmoothObjective } from '../../../src/trainer/algorithms/proxNewton';

/** f(x) = ½ (x − b)ᵀ A (x − b) for a dense symmetric positive-definite A. */
function quadratic(a: number[][], b: number[]): SmoothObjective {
  const d = b.length;
  const hess = Float64Array.from(a.flat());
  return {
    dim: d,
    value(x) {
      let s = 0;
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) s += 0.5 * (x[i] - b[i]) * a[i][j] * (x[j] - b[j]);
      return s;
    },
    derivatives(x) {
      const grad = Float64Array.from(a.map((row) => row.reduce((s, v, j) => s + v * (x[j] - b[j]), 0)));
      return { value: this.value(x), grad, hess };
    },
  };
}

test('softThreshold: shrinks toward 0 by t, and Infinity pins at 0', () => {
  assert.deepEqual(
    [softThreshold(3, 1), softThreshold(-3, 1), softThreshold(0.5, 1), softThreshold(9, Infinity)],
    [2, -2, 0, 0],
  );
});

test('proxNewton: separable quadratic + ℓ1 = per-coordinate soft-thresholding (closed form)', () => {
  const diag = [1, 2, 4, 0.5];
  const b = [3, -0.2, 1, -4];
  const a = diag.map((v, i) => diag.map((_, j) => (i === j ? v : 0)));
  const pen = Uint8Array.from([1, 1, 1, 0]);
  const lambda = 0.7;
  const r = proxNewton(quadratic(a, b), [0, 0, 0, 0], { lambda, penalized: pen });
  const want = b.map((bi, i) => (pen[i] ? softThreshold(bi, lambda / diag[i]) : bi));
  r.x.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-9, `x${i} = ${v}, want ${want[i]}`));
  assert.ok(r.converged);
});

test('proxNewton: a coupled quadratic meets the lasso optimality (KKT) conditions', () => {
  const a = [
    [2, 0.8, 0.3],
    [0.8, 1.5, -0.4],
    [0.3, -0.4, 1],
  ];
  const b = [1, -1, 0.1];
  const lambda = 0.5;
  const f = quadratic(a, b);
  const r = proxNewton(f, [0, 0, 0], { lambda, penalized: Uint8Array.from([1, 1, 1]) });
  const { grad } = f.derivatives(r.x);
  r.x.forEach((v, i) => {
    if (v !== 0) assert.ok(Math.abs(grad[i] + lambda * Math.sign(v)) < 1e-8, `stationarity at ${i}: ${grad[i]}`);
    else assert.ok(Math.abs(grad[i]) <= lambda + 1e-9, `subgradient at ${i}: ${grad[i]}`);
  });
  assert.ok(r.x.some((v) => v === 0) && r.x.some((v) => v !== 0), `a mixed solution: ${[...r.x]}`);
});

test('proxNewton: λ = Infinity holds penalized coordinates at exactly 0 and fits the rest', () => {
  const a = [
    [1, 0.5],
    [0.5, 1],
  ];
  const r = proxNewton(quadratic(a, [2, 2]), [1, 1], { lambda: Infinity, penalized: Uint8Array.from([0, 1]) });
  // With x₂ = 0: minimize ½(x₁−2)² + 0.5(x₁−2)(−2) ⇒ x₁ = 2 + 1 = 3.
  assert.equal(r.x[1], 0);
  assert.ok(Math.abs(r.x[0] - 3) < 1e-9);
});

test('proxNewton: logistic regression on an intercept is the logit of the mean (closed form), and an invalid start is refused', () => {
  const ys = [1, 1, 1, 0, 0, 1, 0, 1, 1, 1];
  const mean = ys.reduce((s, v) => s + v, 0) / ys.length;
  const nll = (t: number) => ys.reduce((s, y) => s + Math.log(1 + Math.exp(-(2 * y - 1) * t)), 0) / ys.length;
  const f: SmoothObjective = {
    dim: 1,
    value: (x) => nll(x[0]),
    derivatives(x) {
      const p = 1 / (1 + Math.exp(-x[0]));
      return { value: nll(x[0]), grad: Float64Array.of(p - mean), hess: Float64Array.of(p * (1 - p)) };
    },
  };
  const r = proxNewton(f, [0], { lambda: 0, penalized: new Uint8Array(1) });
  assert.ok(Math.abs(r.x[0] - Math.log(mean / (1 - mean))) < 1e-8);
  assert.throws(
    () => proxNewton({ ...f, value: () => Infinity }, [0], { lambda: 0, penalized: new Uint8Array(1) }),
    /not finite at the starting point/,
  );
});
