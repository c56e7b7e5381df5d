// The Conv2DBackpropFilter kernel we register for wasm agrees with the cpu backend's on random shapes
// (stride/padding variants our conv nets use), and a conv net trains on wasm.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';

before(async () => {
  const r = await initBackend('wasm');
  assert.equal(r.backend, 'wasm');
});

function filterGrad(
  backend: string,
  x: Float32Array,
  xShape: number[],
  f: Float32Array,
  fShape: number[],
  stride: number,
  pad: 'same' | 'valid',
) {
  const prev = tf.getBackend();
  tf.setBackend(backend);
  const out = tf.tidy(() => {
    const xt = tf.tensor4d(x, xShape as [number, number, number, number]);
    const ft = tf.tensor4d(f, fShape as [number, number, number, number]);
    const g = tf.grad((w: tf.Tensor) => tf.sum(tf.square(tf.conv2d(xt, w as tf.Tensor4D, stride, pad))))(ft);
    return g.dataSync().slice();
  });
  tf.setBackend(prev);
  return out as Float32Array;
}

const cases = [
  { x: [2, 8, 8, 1], f: [3, 3, 1, 4], stride: 1, pad: 'same' },
  { x: [3, 9, 7, 2], f: [3, 3, 2, 3], stride: 1, pad: 'valid' },
  { x: [2, 12, 12, 3], f: [5, 5, 3, 6], stride: 1, pad: 'valid' },
  { x: [2, 10, 11, 2], f: [3, 3, 2, 5], stride: 2, pad: 'same' },
  { x: [1, 9, 9, 4], f: [2, 2, 4, 2], stride: 2, pad: 'valid' },
  { x: [4, 28, 28, 1], f: [5, 5, 1, 6], stride: 1, pad: 'same' },
] as { x: number[]; f: number[]; stride: number; pad: 'same' | 'valid' }[];

for (const c of cases) {
  test(`filter gradient on wasm matches cpu: x ${c.x.join('×')}, filter ${c.f.join('×')}, stride ${c.stride}, ${c.pad}`, () => {
    const rng = createRng(c.x.reduce((a, b) => a * 31 + b, c.stride));
    const x = Float32Array.from({ length: c.x.reduce((a, b) => a * b, 1) }, () => rng.normal());
    const f = Float32Array.from({ length: c.f.reduce((a, b) => a * b, 1) }, () => rng.normal() * 0.3);
    const onWasm = filterGrad('wasm', x, [...c.x], f, [...c.f], c.stride, c.pad);
    const onCpu = filterGrad('cpu', x, [...c.x], f, [...c.f], c.stride, c.pad);
    assert.equal(onWasm.length, onCpu.length);
    let maxErr = 0,
      maxAbs = 0;
    for (let i = 0; i < onCpu.length; i++) {
      maxErr = Math.max(maxErr, Math.abs(onWasm[i] - onCpu[i]));
      maxAbs = Math.max(maxAbs, Math.abs(onCpu[i]));
    }
    assert.ok(maxAbs > 0);
    assert.ok(maxErr <= 1e-4 * Math.max(1, maxAbs), `max abs error ${maxErr} (scale ${maxAbs})`);
  });
}

test('the kernel leaks no tensors', () => {
  const x = tf.randomNormal([2, 8, 8, 2]) as tf.Tensor4D;
  const w = tf.variable(tf.randomNormal([3, 3, 2, 4]));
  const step = () =>
    tf.tidy(() => {
      tf.variableGrads(() => tf.sum(tf.conv2d(x, w as unknown as tf.Tensor4D, 1, 'same')) as tf.Scalar, [w]);
    });
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) step();
  assert.equal(tf.memory().numTensors, before);
});

test('transposed matMuls on wasm (rerouted through the fast kernel) equal the cpu backend', () => {
  const rng = createRng(11);
  const a = Float32Array.from({ length: 2 * 7 * 5 }, () => rng.normal());
  const b = Float32Array.from({ length: 2 * 7 * 3 }, () => rng.normal());
  const mm = (backend: string, ta: boolean, tb: boolean) => {
    const prev = tf.getBackend();
    tf.setBackend(backend);
    const out = tf.tidy(() => {
      const A = ta ? tf.tensor3d(a, [2, 7, 5]) : tf.tensor3d(a, [2, 5, 7]);
      const B = tb ? tf.tensor3d(b, [2, 3, 7]) : tf.tensor3d(b, [2, 7, 3]);
      return tf.matMul(A, B, ta, tb).dataSync().slice();
    });
    tf.setBackend(prev);
    return out;
  };
  for (const [ta, tb] of [
    [true, false],
    [false, true],
    [true, true],
    [false, false],
  ] as const) {
    if (ta && tb) continue; // shapes above are set up for at most one transpose at a time
    const w = mm('wasm', ta, tb),
      c = mm('cpu', ta, tb);
    for (let i = 0; i < c.length; i++)
      assert.ok(Math.abs(w[i] - c[i]) < 1e-4, `transposeA=${ta} transposeB=${tb} at ${i}: ${w[i]} vs ${c[i]}`);
  }
});
