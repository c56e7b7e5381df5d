// Our own wasm kernels (src/trainer/wasmKernels): exact results where the order of operations is ours to
// fix, agreement with the cpu backend elsewhere, no writes outside their outputs, the in-place optimizer
// update leaving tensors that share a variable's buffer alone, and the committed module built from the
// committed source.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { createOptimizer, type OptimizerConfig } from '../../../src/trainer/optim';
import { KERNELS_SOURCE_SHA256 } from '../../../src/trainer/wasmKernels/kernels.wasm';
import { kernelBytes, kernelsOnOwnMemory, randn, WA } from '../../support/wasmKernels';
import { gemmScratchBytes, wasmKernelsFor } from '../../../src/trainer/wasmKernels/index';

const dir = path.resolve(__dirname, '../../../src/trainer/wasmKernels');
before(async () => {
  assert.equal((await initBackend('wasm')).backend, 'wasm');
});

/** C = op(A)·op(B) summed in k order in float32: the order kernels.c promises. */
function reference(a: Float32Array, b: Float32Array, m: number, n: number, k: number, ta: boolean, tb: boolean) {
  const c = new Float32Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const av = ta ? a[p * m + i] : a[i * k + p];
        const bv = tb ? b[j * k + p] : b[p * n + j];
        s = Math.fround(s + Math.fround(av * bv));
      }
      c[i * n + j] = s;
    }
  return c;
}

const shapes = [
  [60, 300, 784],
  [60, 10, 100],
  [7, 13, 300],
  [1, 1, 1],
  [5, 4, 3],
  [6, 25, 600],
  [3, 150, 16],
];
for (const [m, n, k] of shapes)
  for (const [ta, tb] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const)
    test(`matMul ${m}×${k}·${k}×${n} (transposeA ${ta}, transposeB ${tb}) on wasm: bit for bit the k-ordered float32 sum`, () => {
      const a = randn(m * k, m * 7 + k);
      const b = randn(k * n, n * 13 + k);
      const got = tf.tidy(() =>
        tf.matMul(tf.tensor2d(a, ta ? [k, m] : [m, k]), tf.tensor2d(b, tb ? [n, k] : [k, n]), ta, tb).dataSync(),
      );
      assert.deepEqual(got, reference(a, b, m, n, k, ta, tb));
    });

/**
 * Inputs like an MNIST batch or a ReLU layer's outputs: about a share `zeros` of the entries exactly 0
 * (P(|N(0, 1)| < 1.645·z) is 0.81 for z = 0.8, 0.86 for z = 0.9), every third of them −0, so that
 * products with them are −0 as often as +0.
 */
function mostlyZero(n: number, seed: number, zeros: number) {
  const x = randn(n, seed);
  const u = randn(n, seed + 1000);
  for (let i = 0; i < n; i++) if (Math.abs(u[i]) < zeros * 1.6449) x[i] = i % 3 ? 0 : -0;
  return x;
}

// Mostly-zero A takes the kernel's sparse path (nonzeros only); it must give the dense sum's bits.
for (const [m, n, k] of [...shapes, [5, 60, 9], [60, 47, 784]])
  for (const [ta, tb] of [
    [false, false],
    [true, false],
    [false, true],
  ] as const)
    test(`matMul with a mostly-zero A ${m}×${k}·${k}×${n} (transposeA ${ta}, transposeB ${tb}): bit for bit the dense sum`, () => {
      const a = mostlyZero(m * k, m * 5 + k, 0.8);
      const b = randn(k * n, n * 11 + k);
      b[3 % b.length] = -b[3 % b.length];
      const got = tf.tidy(() =>
        tf.matMul(tf.tensor2d(a, ta ? [k, m] : [m, k]), tf.tensor2d(b, tb ? [n, k] : [k, n]), ta, tb).dataSync(),
      );
      const want = reference(a, b, m, n, k, ta, tb);
      assert.deepEqual(got, want);
      // deepEqual tells +0 from −0 (Object.is), but say it outright: the zeros' signs match too.
      for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `C[${i}]: ${got[i]} vs ${want[i]}`);
    });

test('matMul with a mostly-zero A: a row of zeros and two terms that cancel give +0, as the dense sum does', () => {
  // Row 0 is ±0 throughout; row 1 is a·B[1] − a·B[2] with B's rows 1 and 2 equal, the rest −0; B's
  // negative entries make 0 · B = −0. The dense sum is +0 in every column of both rows (it starts at +0,
  // and +0 + −0 = +0); leaving the zero terms out must give +0 too, not −0.
  const [m, n, k] = [4, 9, 6];
  const a = new Float32Array([-0, 0, -0, 0, -0, 0, -0, 1.5, -1.5, -0, -0, -0, 0.5, 0, 2, 0, -1, 0, 0, 3, 0, -2, 0, 1]);
  const b = randn(k * n, 9);
  for (let j = 0; j < n; j++) b[2 * n + j] = b[n + j];
  const got = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])).dataSync());
  const want = reference(a, b, m, n, k, false, false);
  for (let i = 0; i < m * n; i++) assert.ok(Object.is(got[i], want[i]), `C[${i}]: ${got[i]} vs ${want[i]}`);
  for (let i = 0; i < 2 * n; i++) assert.ok(Object.is(got[i], 0), `C[${i}] = ${got[i]}, not +0`);
});

test('matMul over several blocks of rows (the nonzero lists are bounded), one mostly zero, one dense: the dense sum', () => {
  // kernels.c lists the nonzeros of 65,536 / K rows at a time: here 109 rows a block, so three blocks,
  // the first mostly zero (sparse path), the second dense, the third a short mostly-zero tail.
  const [m, n, k] = [230, 37, 600];
  for (const ta of [false, true]) {
    const a = randn(m * k, 41);
    const z = mostlyZero(m * k, 42, 0.9);
    const row = (i: number, j: number) => (ta ? j * m + i : i * k + j);
    for (let i = 0; i < m; i++) if (i < 109 || i >= 218) for (let j = 0; j < k; j++) a[row(i, j)] = z[row(i, j)];
    const b = randn(k * n, 43);
    const got = tf.tidy(() => tf.matMul(tf.tensor2d(a, ta ? [k, m] : [m, k]), tf.tensor2d(b, [k, n]), ta).dataSync());
    const want = reference(a, b, m, n, k, ta, false);
    for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `transposeA ${ta}, C[${i}]`);
  }
});

test('matMul with a mostly-zero A: a NaN in A still reaches its row of C, as in the dense sum', () => {
  const [m, n, k] = [8, 40, 50];
  const a = mostlyZero(m * k, 3, 0.9);
  a[2 * k + 17] = NaN;
  const b = randn(k * n, 4);
  const got = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])).dataSync());
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      assert.equal(Number.isNaN(got[i * n + j]), i === 2, `C[${i}, ${j}] = ${got[i * n + j]}`);
});

test('matMul with an empty inner dimension on wasm gives zeros, as on cpu (it used to leave the output unwritten)', () => {
  for (const [ta, tb] of [
    [false, false],
    [true, true],
  ] as const) {
    const a = tf.zeros(ta ? [0, 3] : [3, 0]);
    const b = tf.zeros(tb ? [4, 0] : [0, 4]);
    // A used buffer first, so that an unwritten output would show what was there before.
    tf.tidy(() => tf.fill([3, 4], 7).dataSync());
    const c = tf.matMul(a, b, ta, tb);
    assert.deepEqual(c.shape, [3, 4]);
    assert.deepEqual(Array.from(c.dataSync()), new Array(12).fill(0));
    [a, b, c].forEach((t) => t.dispose());
  }
});

test('batched matMul on wasm: one side broadcast, and equal batches', () => {
  const a = randn(3 * 4 * 5, 1);
  const b = randn(5 * 6, 2);
  const got = tf.tidy(() => tf.matMul(tf.tensor3d(a, [3, 4, 5]), tf.tensor3d(b, [1, 5, 6])).dataSync());
  for (let i = 0; i < 3; i++)
    assert.deepEqual(
      got.slice(i * 24, (i + 1) * 24),
      reference(a.slice(i * 20, (i + 1) * 20), b, 4, 6, 5, false, false),
    );
  const b3 = randn(3 * 5 * 6, 3);
  const got3 = tf.tidy(() => tf.matMul(tf.tensor3d(a, [3, 4, 5]), tf.tensor3d(b3, [3, 5, 6])).dataSync());
  for (let i = 0; i < 3; i++)
    assert.deepEqual(
      got3.slice(i * 24, (i + 1) * 24),
      reference(a.slice(i * 20, (i + 1) * 20), b3.slice(i * 30, (i + 1) * 30), 4, 6, 5, false, false),
    );
});

function onBackend<T>(backend: string, fn: () => T): T {
  const prev = tf.getBackend();
  tf.setBackend(backend);
  try {
    return fn();
  } finally {
    tf.setBackend(prev);
  }
}

function close(got: ArrayLike<number>, want: ArrayLike<number>, what: string) {
  assert.equal(got.length, want.length);
  let maxErr = 0,
    scale = 0;
  for (let i = 0; i < want.length; i++) {
    maxErr = Math.max(maxErr, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  assert.ok(scale > 0, `${what}: all zeros`);
  assert.ok(maxErr <= 1e-5 * Math.max(1, scale), `${what}: max error ${maxErr} at scale ${scale}`);
}

for (const c of [
  { x: [2, 12, 12, 6], f: [5, 5, 6, 16], stride: 1, pad: 'valid' },
  { x: [2, 9, 8, 3], f: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { x: [3, 7, 7, 2], f: [2, 2, 2, 5], stride: 1, pad: 'same' },
] as {
  x: [number, number, number, number];
  f: [number, number, number, number];
  stride: number;
  pad: 'valid' | 'same';
}[]) {
  test(`conv input gradient and max-pool gradient on wasm match cpu: x ${c.x.join('×')}, filter ${c.f.join('×')}, stride ${c.stride}, ${c.pad}`, () => {
    const x = randn(
      c.x.reduce((p, v) => p * v),
      5,
    );
    const f = randn(
      c.f.reduce((p, v) => p * v),
      6,
    );
    const grads = () =>
      tf.tidy(() => {
        const xt = tf.tensor4d(x, [...c.x]);
        const ft = tf.tensor4d(f, [...c.f]);
        const loss = (xi: tf.Tensor) =>
          tf.sum(tf.square(tf.maxPool(tf.relu(tf.conv2d(xi as tf.Tensor4D, ft, c.stride, c.pad)), 2, 2, 'same')));
        return tf.grad(loss)(xt).dataSync();
      });
    close(onBackend('wasm', grads), onBackend('cpu', grads), 'dX');
  });
}

test('max-pool gradient on wasm equals cpu exactly, ties included', () => {
  // Quantized values make ties in a window common: the first maximum in row-major order gets the gradient.
  const rng = createRng(9);
  const x = Float32Array.from({ length: 2 * 6 * 6 * 3 }, () => rng.int(3));
  const g = () =>
    tf.tidy(() =>
      tf
        .grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), 1.5)))(
          tf.tensor4d(x, [2, 6, 6, 3]),
        )
        .dataSync(),
    );
  assert.deepEqual(onBackend('wasm', g), onBackend('cpu', g));
});

/** The optimizer's state after a few masked steps, on one backend. */
function optimize(backend: string, cfg: OptimizerConfig) {
  return onBackend(backend, () => {
    const w = tf.variable(tf.tensor2d(randn(37 * 11, 1), [37, 11]), true, `w-${backend}-${cfg.name}`);
    const b = tf.variable(tf.tensor1d(randn(11, 2)), true, `b-${backend}-${cfg.name}`);
    const mask = tf.tensor2d(
      Float32Array.from(randn(37 * 11, 3), (v) => (v > -0.3 ? 1 : 0)),
      [37, 11],
    );
    const opt = createOptimizer(tf, cfg, [w, b]);
    for (let s = 0; s < 4; s++) {
      tf.tidy(() => {
        const gw = tf.tensor2d(randn(37 * 11, 10 + s), [37, 11]);
        const gb = tf.tensor1d(randn(11, 20 + s));
        opt.apply({ [w.name]: gw, [b.name]: gb }, (v) => (v === w ? mask : undefined));
      });
    }
    const out = [w.dataSync().slice(), b.dataSync().slice()];
    opt.dispose();
    w.dispose();
    b.dispose();
    mask.dispose();
    return out;
  });
}

for (const cfg of [
  { name: 'adam', lr: 1.2e-3 },
  { name: 'adam', lr: 3e-3, weight_decay: 1e-2, beta1: 0.8 },
  { name: 'adamw', lr: 1e-3, weight_decay: 5e-2 },
  { name: 'sgd', lr: 0.1 },
  { name: 'sgd', lr: 0.05, momentum: 0.9, weight_decay: 5e-4 },
  { name: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
] as OptimizerConfig[]) {
  test(`fused ${JSON.stringify(cfg)} on wasm gives the bits of the tfjs ops it replaces (cpu backend)`, () => {
    const [w, b] = optimize('wasm', cfg);
    const [wc, bc] = optimize('cpu', cfg);
    assert.deepEqual(w, wc);
    assert.deepEqual(b, bc);
  });
}

test('the in-place update leaves a tensor that shares the variable’s buffer untouched', () => {
  const init = tf.tensor1d([1, 2, 3, 4]);
  const v = tf.variable(init, true, 'shared-buffer'); // v and init share one buffer
  const opt = createOptimizer(tf, { name: 'sgd', lr: 0.5 }, [v]);
  tf.tidy(() => opt.apply({ [v.name]: tf.tensor1d([1, 1, 1, 1]) }));
  assert.deepEqual([...init.dataSync()], [1, 2, 3, 4]);
  assert.deepEqual([...v.dataSync()], [0.5, 1.5, 2.5, 3.5]);
  opt.dispose();
  v.dispose();
  init.dispose();
});

test('the module owns no memory: no data or global use, and writes nothing outside its output', () => {
  const bytes = kernelBytes();
  // Section ids in order: a data section (11) would put static data somewhere in tfjs' heap.
  const sections: number[] = [];
  for (let p = 8; p < bytes.length;) {
    const id = bytes[p++];
    let size = 0,
      shift = 0,
      x: number;
    do {
      x = bytes[p++];
      size |= (x & 127) << shift;
      shift += 7;
    } while (x & 128);
    sections.push(id);
    p += size;
  }
  assert.ok(!sections.includes(11), `data section present: ${sections}`);
  assert.deepEqual(
    WA.Module.imports(new WA.Module(bytes)).map((i) => `${i.module}.${i.name}`),
    ['env.memory'],
  );
  // On a memory of its own filled with a pattern, a GEMM with transposes and tails changes only C.
  const memory = new WA.Memory({ initial: 4 });
  const k = new WA.Instance(new WA.Module(bytes), { env: { memory } }).exports as unknown as {
    gemm(...a: number[]): void;
    adam_update(...a: number[]): void;
  };
  const heap = new Float32Array(memory.buffer);
  heap.fill(7.25);
  const [M, N, K] = [9, 11, 6];
  const A = 1024,
    B = A + M * K,
    C = B + K * N,
    S = C + M * N;
  heap.set(randn(M * K, 1), A);
  heap.set(randn(K * N, 2), B);
  const before = heap.slice();
  k.gemm(M, N, K, A * 4, 1, B * 4, 1, C * 4, S * 4);
  const scratchEnd = S + gemmScratchBytes(M, K, N, true) / 4;
  for (let i = 0; i < heap.length; i++)
    if ((i < C || i >= C + M * N) && (i < S || i >= scratchEnd)) assert.equal(heap[i], before[i], `float ${i} changed`);
  assert.deepEqual(
    heap.slice(C, C + M * N),
    reference(heap.slice(A, A + M * K), heap.slice(B, B + K * N), M, N, K, true, true),
  );
});

test('a first moment decaying into the subnormal range is flushed to 0, and the weights keep their bits', () => {
  // A weight whose gradient stops (a ReLU unit that died): a few real steps, then 3,000 of zero
  // gradient. Without the flush its moment crawls through float32's subnormals, where every multiply on
  // x86 takes a microcode assist; the reference below is the unflushed update, op for op, in float32.
  const { k: inst, heap } = kernelsOnOwnMemory<{ adam_update(...a: number[]): void; sgd_update(...a: number[]): void }>(
    4,
  );
  const n = 8;
  const [W, G, M, S] = [0, 1, 2, 3].map((i) => 64 + i * n); // float offsets
  const f = Math.fround;
  const w0 = randn(n, 5);
  const grads = (step: number) => (step < 5 ? randn(n, 40 + step).map((v) => v * 1e-3) : new Float32Array(n));
  const STEPS = 3005;
  const [b1, b2, lr, eps] = [0.9, 0.999, 1e-3, 1e-7];
  // Adam, through the kernel and by hand.
  heap.set(w0, W);
  heap.fill(0, M, M + 2 * n);
  const ref = { w: Float32Array.from(w0), m: new Float32Array(n), s: new Float32Array(n) };
  let sawSubnormal = false;
  for (let t = 1; t <= STEPS; t++) {
    const g = grads(t - 1);
    const ss = f((lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t));
    const eh = f(eps * Math.sqrt(1 - b2 ** t));
    heap.set(g, G);
    inst.adam_update(n, W * 4, G * 4, M * 4, S * 4, 0, b1, f(1 - b1), b2, f(1 - b2), ss, eh, 0, 0);
    for (let i = 0; i < n; i++) {
      const nm = f(f(ref.m[i] * f(b1)) + f(g[i] * f(1 - b1)));
      const ns = f(f(ref.s[i] * f(b2)) + f(f(g[i] * g[i]) * f(1 - b2)));
      ref.m[i] = nm;
      ref.s[i] = ns;
      ref.w[i] = f(ref.w[i] - f(f(nm * ss) / f(f(Math.sqrt(ns)) + eh)));
      if (nm !== 0 && Math.abs(nm) < 1.1754944e-38) sawSubnormal = true;
      // Ours: the same moment until it falls below 1e-30, exactly 0 from then on.
      assert.equal(Math.abs(heap[M + i]), Math.abs(nm) < 1e-30 ? 0 : Math.abs(nm), `m[${i}] at step ${t}`);
    }
  }
  assert.ok(sawSubnormal, 'the unflushed moment went subnormal (the case this test is about)');
  assert.deepEqual(heap.slice(W, W + n), ref.w, 'the weights keep their bits');
  assert.deepEqual(heap.slice(S, S + n), ref.s, 'the second moments are untouched');
  // SGD with momentum: the momentum buffer the same way.
  heap.set(w0, W);
  heap.fill(0, M, M + n);
  const sw = Float32Array.from(w0);
  const sb = new Float32Array(n);
  const mu = 0.9;
  for (let t = 1; t <= STEPS; t++) {
    const g = grads(t - 1);
    heap.set(g, G);
    inst.sgd_update(n, W * 4, G * 4, M * 4, 0, 0.05, 0, mu, t === 1 ? 1 : 0, 0);
    for (let i = 0; i < n; i++) {
      sb[i] = t === 1 ? g[i] : f(f(sb[i] * f(mu)) + g[i]);
      sw[i] = f(sw[i] - f(sb[i] * f(0.05)));
      assert.equal(Math.abs(heap[M + i]), Math.abs(sb[i]) < 1e-30 ? 0 : Math.abs(sb[i]), `momentum[${i}] at step ${t}`);
    }
  }
  assert.deepEqual(heap.slice(W, W + n), sw);
});

test('kernels.wasm.ts was built from kernels.c as committed', () => {
  const source = readFileSync(path.join(dir, 'kernels.c'));
  assert.equal(
    createHash('sha256').update(source).digest('hex'),
    KERNELS_SOURCE_SHA256,
    'kernels.c changed since kernels.wasm.ts was built: run `node src/trainer/wasmKernels/build.mjs`',
  );
});

test('rebuilding kernels.c with clang gives the committed module byte for byte', (t) => {
  try {
    execFileSync('clang', ['--version'], { stdio: 'ignore' });
    execFileSync('wasm-ld', ['--version'], { stdio: 'ignore' });
  } catch {
    t.skip('clang/wasm-ld not installed (apt-get install clang lld; .ci/run installs them)');
    return;
  }
  execFileSync(process.execPath, [path.join(dir, 'build.mjs'), '--check'], { stdio: 'pipe' });
});

test('wasmKernelsFor is undefined off the wasm backend', () => {
  assert.ok(wasmKernelsFor(tf));
  onBackend('cpu', () => assert.equal(wasmKernelsFor(tf), undefined));
});
