// The conv kernels (kernels.c: pad_nhwc, conv_forward, conv_filter_grad, conv_input_grad), which compute
// the products over the im2col matrix without making it. They promise the bits of that matrix's GEMMs:
// each output, dW and dcols entry a float32 sum in order (taps then channels for y, positions for dW,
// output channels for dcols), and col2im adding dcols into dX position by position. The references below
// do exactly that, in plain JS, so the comparisons are exact: for the raw module (on a memory of its own,
// checking that nothing outside the outputs is written), for tfjs' conv and its gradients on wasm
// (conv.ts) and for the fused conv block's ops (fused.ts). And a conv on wasm sees its filter change
// when the optimizer updates it in place (tfjs' own Conv2D did not). Shapes cover LeNet-5's, 'same' padding (on both sides and on one side only), strides,
// odd sizes, C = 1 and C > 1, output channels that fill no whole tile (5, 6, 7, 11) and a number of
// positions that is no multiple of 4.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { createRng } from '../../../src/trainer/rng';
import { kernelsOnOwnMemory, randn } from '../../support/wasmKernels';
import { createOptimizer } from '../../../src/trainer/optim';

before(async () => {
  assert.equal((await initBackend('wasm')).backend, 'wasm');
});

const size = (s: number[]) => s.reduce((p, v) => p * v, 1);
const f = Math.fround;

interface Case {
  x: [number, number, number, number];
  w: [number, number, number, number];
  stride: number;
  pad: 'valid' | 'same';
}

const cases: Case[] = [
  { x: [3, 12, 12, 6], w: [5, 5, 6, 16], stride: 1, pad: 'valid' }, // LeNet-5's second conv
  { x: [2, 28, 28, 1], w: [5, 5, 1, 6], stride: 1, pad: 'valid' }, // its first: 6 channels, 25 rows
  { x: [2, 9, 8, 3], w: [3, 3, 3, 5], stride: 2, pad: 'same' },
  { x: [1, 7, 7, 2], w: [2, 2, 2, 7], stride: 1, pad: 'same' }, // padding below and right only; 49 positions
  { x: [2, 6, 5, 4], w: [3, 2, 4, 11], stride: 1, pad: 'valid' },
  { x: [1, 11, 11, 6], w: [5, 5, 6, 16], stride: 1, pad: 'same' },
  // The remaining widths of a narrow last column tile (each is a separate copy of the tiles): 2, 1 (9 = 8 + 1), 4 (12 = 8 + 4).
  { x: [1, 6, 6, 2], w: [3, 3, 2, 2], stride: 1, pad: 'valid' },
  { x: [2, 5, 5, 1], w: [2, 2, 1, 9], stride: 1, pad: 'same' },
  { x: [1, 5, 6, 3], w: [3, 3, 3, 12], stride: 1, pad: 'valid' },
];

/** N, H, W, C, fh, fw, oh, ow, sh, sw, pt, pl: the kernels' geometry, from tfjs' own computation. */
function dims(c: Case): number[] {
  const info = tf.backend_util.computeConv2DInfo(c.x, c.w, c.stride, 1, c.pad);
  return [
    ...c.x,
    c.w[0],
    c.w[1],
    info.outHeight,
    info.outWidth,
    c.stride,
    c.stride,
    info.padInfo.top,
    info.padInfo.left,
  ];
}

/** x's value read by im2col row p, column (fy, fx, c): 0 in the padding. */
function tapReader(d: number[], x: Float32Array) {
  const [, H, W, C, , , oh, ow, sh, sw, pt, pl] = d;
  return (p: number, fy: number, fx: number, c: number) => {
    const n = Math.floor(p / (oh * ow)),
      oy = Math.floor(p / ow) % oh,
      ox = p % ow;
    const y = oy * sh + fy - pt,
      xx = ox * sw + fx - pl;
    return y < 0 || y >= H || xx < 0 || xx >= W ? 0 : x[((n * H + y) * W + xx) * C + c];
  };
}

/** y[p, o] = Σ over taps (fy, fx) then channels c, in order, of cols[p, ·] · w[·, o], in float32. */
function referenceForward(d: number[], x: Float32Array, w: Float32Array, outC: number) {
  const [N, , , C, fh, fw, oh, ow] = d;
  const at = tapReader(d, x);
  const y = new Float32Array(N * oh * ow * outC);
  for (let p = 0; p < N * oh * ow; p++)
    for (let o = 0; o < outC; o++) {
      let s = 0;
      for (let fy = 0; fy < fh; fy++)
        for (let fx = 0; fx < fw; fx++)
          for (let c = 0; c < C; c++) s = f(s + f(at(p, fy, fx, c) * w[((fy * fw + fx) * C + c) * outC + o]));
      y[p * outC + o] = s;
    }
  return y;
}

/** dW[(fy, fx, c), o] = Σ over positions p in order of cols[p, ·] · g[p, o], in float32. */
function referenceFilterGrad(d: number[], x: Float32Array, g: Float32Array, outC: number) {
  const [N, , , C, fh, fw, oh, ow] = d;
  const P = N * oh * ow;
  const at = tapReader(d, x);
  const dw = new Float32Array(fh * fw * C * outC);
  for (let fy = 0; fy < fh; fy++)
    for (let fx = 0; fx < fw; fx++)
      for (let c = 0; c < C; c++)
        for (let o = 0; o < outC; o++) {
          let s = 0;
          for (let p = 0; p < P; p++) s = f(s + f(at(p, fy, fx, c) * g[p * outC + o]));
          dw[((fy * fw + fx) * C + c) * outC + o] = s;
        }
  return dw;
}

/** dcols = g · Wᵀ (sums over output channels in order), then col2im: positions in order, taps in order. */
function referenceInputGrad(d: number[], g: Float32Array, w: Float32Array, outC: number) {
  const [N, H, W, C, fh, fw, oh, ow, sh, sw, pt, pl] = d;
  const dx = new Float32Array(N * H * W * C);
  for (let p = 0; p < N * oh * ow; p++) {
    const n = Math.floor(p / (oh * ow)),
      oy = Math.floor(p / ow) % oh,
      ox = p % ow;
    for (let fy = 0; fy < fh; fy++)
      for (let fx = 0; fx < fw; fx++)
        for (let c = 0; c < C; c++) {
          let s = 0;
          for (let o = 0; o < outC; o++) s = f(s + f(g[p * outC + o] * w[((fy * fw + fx) * C + c) * outC + o]));
          const y = oy * sh + fy - pt,
            xx = ox * sw + fx - pl;
          if (y < 0 || y >= H || xx < 0 || xx >= W) continue;
          const i = ((n * H + y) * W + xx) * C + c;
          dx[i] = f(dx[i] + s);
        }
  }
  return dx;
}

const label = (c: Case) => `x ${c.x.join('×')}, filter ${c.w.join('×')}, stride ${c.stride}, ${c.pad}`;

interface ConvExports {
  pad_nhwc(...a: number[]): void;
  conv_forward(...a: number[]): void;
  conv_filter_grad(...a: number[]): void;
  conv_input_grad(...a: number[]): void;
}

/**
 * A gradient as a 2 × 2 max pool and a ReLU pass it back: most entries exactly 0 (about one in six kept,
 * every third zero −0), every fourth position's row all zero — the input gradient's sparse path.
 */
function pooledGradient(n: number, outC: number, seed: number) {
  const g = randn(n, seed);
  const u = randn(n, seed + 500);
  for (let i = 0; i < n; i++) if (Math.abs(u[i]) > 0.21 || Math.floor(i / outC) % 4 === 3) g[i] = i % 3 ? 0 : -0; // P(|N(0,1)| ≤ 0.21) ≈ 1/6
  return g;
}

for (const c of cases) {
  for (const gradient of ['dense', 'pooled'] as const)
    test(`conv kernels, ${label(c)}, ${gradient} g: the bits of the im2col GEMMs, and no write outside y, dW, dX and scratch`, () => {
      const d = dims(c);
      const [N, H, W, C, fh, fw, oh, ow, sh, sw, pt, pl] = d;
      const outC = c.w[3];
      const P = N * oh * ow;
      const x = randn(size(c.x), 1);
      const w = randn(size(c.w), 2);
      const g = gradient === 'dense' ? randn(P * outC, 3) : pooledGradient(P * outC, outC, 3);
      const { k, heap } = kernelsOnOwnMemory<ConvExports>(8);
      heap.fill(7.25);
      // Float offsets of each buffer, with a gap of untouched floats between them.
      let next = 256;
      const place = (n: number) => ((next += n + 64), next - n - 64);
      const [X, G, Wt, DW, DX, Y] = [x.length, g.length, w.length, w.length, x.length, g.length].map(place);
      const hp = (oh - 1) * sh + fh,
        wp = (ow - 1) * sw + fw;
      const XP = place(N * hp * wp * C);
      const rp = (fh * fw * C + 7) & ~7;
      const WT = place(outC * rp),
        STRIP = place(4 * rp),
        NZ = place(13 + 8 * outC);
      heap.set(x, X);
      heap.set(g, G);
      heap.set(w, Wt);
      const before = heap.slice();
      k.pad_nhwc(N, H, W, C, hp, wp, pt, pl, X * 4, XP * 4);
      k.conv_forward(N, hp, wp, C, fh, fw, oh, ow, sh, sw, XP * 4, Wt * 4, outC, Y * 4);
      k.conv_filter_grad(N, hp, wp, C, fh, fw, oh, ow, sh, sw, XP * 4, G * 4, outC, DW * 4);
      k.conv_input_grad(...d, G * 4, outC, Wt * 4, WT * 4, STRIP * 4, NZ * 4, DX * 4);
      assert.deepEqual(heap.slice(Y, Y + g.length), referenceForward(d, x, w, outC), 'y');
      assert.deepEqual(heap.slice(DW, DW + w.length), referenceFilterGrad(d, x, g, outC), 'dW');
      assert.deepEqual(heap.slice(DX, DX + x.length), referenceInputGrad(d, g, w, outC), 'dX');
      const written = [
        [Y, g.length],
        [DW, w.length],
        [DX, x.length],
        [XP, N * hp * wp * C],
        [WT, outC * rp],
        [STRIP, 4 * rp],
        [NZ, 13 + 8 * outC],
      ];
      for (let i = 0; i < heap.length; i++)
        if (!written.some(([s, n]) => i >= s && i < s + n)) assert.equal(heap[i], before[i], `float ${i} changed`);
    });

  test(`tfjs' conv on wasm (conv.ts), ${label(c)}: the im2col GEMM's bits, and the cpu backend's values to rounding`, () => {
    const d = dims(c);
    const x = randn(size(c.x), 10);
    const w = randn(size(c.w), 11);
    const conv = () => tf.tidy(() => tf.conv2d(tf.tensor4d(x, c.x), tf.tensor4d(w, c.w), c.stride, c.pad).dataSync());
    const want = referenceForward(d, x, w, c.w[3]);
    assert.deepEqual(conv(), want);
    // The cpu backend sums in another order: equal to rounding.
    const prev = tf.getBackend();
    tf.setBackend('cpu');
    try {
      const cpu = conv();
      for (let i = 0; i < want.length; i++)
        assert.ok(Math.abs(cpu[i] - want[i]) <= 1e-5 * (1 + Math.abs(want[i])), `output ${i}: ${cpu[i]} vs ${want[i]}`);
    } finally {
      tf.setBackend(prev);
    }
  });

  test(`tfjs' conv gradients on wasm (conv.ts), ${label(c)}: exactly the im2col GEMMs' bits`, () => {
    const d = dims(c);
    const outC = c.w[3];
    const x = randn(size(c.x), 4);
    const w = randn(size(c.w), 5);
    const g = randn(d[0] * d[6] * d[7] * outC, 6);
    const [dx, dw] = tf.tidy(() => {
      const dy = tf.tensor4d(g, [d[0], d[6], d[7], outC]);
      // The gradient of Σ conv · dy at the conv's output is dy itself, exactly.
      const loss = (xi: tf.Tensor, wi: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, c.stride, c.pad), dy));
      return tf
        .grads(loss)([tf.tensor4d(x, c.x), tf.tensor4d(w, c.w)])
        .map((t) => t.dataSync() as Float32Array);
    });
    assert.deepEqual(dw, referenceFilterGrad(d, x, g, outC), 'dW');
    assert.deepEqual(dx, referenceInputGrad(d, g, w, outC), 'dX');
  });

  if (c.stride === 1)
    test(`the fused conv block's backward op, ${label(c)}: exactly the im2col GEMMs' bits`, () => {
      const d = dims(c);
      const outC = c.w[3];
      const x = randn(size(c.x), 7);
      const w = randn(size(c.w), 8);
      const g = randn(d[0] * d[6] * d[7] * outC, 9);
      const [dW, db, dX] = tf.tidy(() => {
        const y = tf.zeros([d[0], d[6], d[7], outC]); // without ReLU or pooling, y is not read
        const inputs = { x: tf.tensor4d(x, c.x), w: tf.tensor4d(w, c.w), y, dy: tf.tensor4d(g, y.shape as Case['x']) };
        const attrs = { pad: c.pad, relu: false, pool: false, needDx: true };
        return (
          tf.engine().runKernel('PaperlabConvGrad', inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[]
        ).map((t) => t.dataSync() as Float32Array);
      });
      assert.deepEqual(dW, referenceFilterGrad(d, x, g, outC), 'dW');
      assert.deepEqual(dX, referenceInputGrad(d, g, w, outC), 'dX');
      assert.equal(db.length, outC);
    });
}

for (const [xs, ws, relu] of [
  [[2, 9, 11, 3], [3, 3, 3, 6], true],
  [[1, 8, 8, 2], [2, 2, 2, 5], false],
] as [Case['x'], Case['w'], boolean][])
  test(`the fused conv block's forward op, x ${xs.join('×')}, relu ${relu}: tfjs' conv, bias, ReLU and pooling bit for bit, ties to the first maximum`, () => {
    // Small integers: exact sums, so many windows tie (and every clamped value ties at 0).
    const rng = createRng(10);
    const ints = (n: number) => Float32Array.from({ length: n }, () => rng.int(3) - 1);
    const [x, w, b] = [ints(size(xs)), ints(size(ws)), ints(ws[3])];
    const { pooled, arg, y } = tf.tidy(() => {
      const [xt, wt, bt] = [tf.tensor4d(x, xs), tf.tensor4d(w, ws), tf.tensor1d(b)];
      const attrs = { pad: 'valid', relu, pool: true } as unknown as tf.NamedAttrMap;
      const [p, a] = tf.engine().runKernel('PaperlabConv', { x: xt, w: wt, b: bt }, attrs) as tf.Tensor[];
      let act = tf.add(tf.conv2d(xt, wt, 1, 'valid'), bt);
      if (relu) act = tf.relu(act);
      assert.deepEqual(p.dataSync(), tf.maxPool(act as tf.Tensor4D, 2, 2, 'valid').dataSync());
      return { pooled: p.dataSync(), arg: a.dataSync(), y: act.dataSync() };
    });
    let ties = 0;
    for (let i = 0; i < arg.length; i++) {
      // The window of pooled output i, in row-major order; the index must be its first maximum.
      const c = i % ws[3];
      const px = Math.floor(i / ws[3]) % Math.floor((xs[2] - ws[1] + 1) / 2);
      const rest = Math.floor(i / ws[3] / Math.floor((xs[2] - ws[1] + 1) / 2));
      const oh = Math.floor((xs[1] - ws[0] + 1) / 2),
        ow = xs[2] - ws[1] + 1;
      const py = rest % oh,
        n = Math.floor(rest / oh);
      const at0 = ((n * (xs[1] - ws[0] + 1) + 2 * py) * ow + 2 * px) * ws[3] + c;
      const window = [at0, at0 + ws[3], at0 + ow * ws[3], at0 + ow * ws[3] + ws[3]];
      const values = window.map((j) => y[j]);
      const max = Math.max(...values);
      if (values.filter((v) => v === max).length > 1) ties++;
      assert.equal(arg[i], window[values.indexOf(max)], `index of pooled output ${i}`);
      assert.equal(pooled[i], max);
    }
    assert.ok(ties > 10, `only ${ties} windows with ties`);
  });

// tfjs' own Conv2D on wasm (XNNPACK) packed each filter once and cached it by tensor: after an optimizer
// step, which writes the variable's buffer in place, it went on convolving with the old filter.
test('a conv on wasm sees its filter after an in-place optimizer step (tf.conv2d and the fused conv block)', () => {
  const x = tf.tensor4d(randn(2 * 10 * 10 * 3, 12), [2, 10, 10, 3]);
  const w = tf.variable(tf.tensor4d(randn(3 * 3 * 3 * 4, 13), [3, 3, 3, 4]), true, 'stale-filter');
  const b = tf.zeros([4]);
  const opt = createOptimizer(tf, { name: 'sgd', lr: 0.5 }, [w]);
  const attrs = { pad: 'valid', relu: false, pool: false } as unknown as tf.NamedAttrMap;
  const outputs = (filter: tf.Tensor) =>
    tf.tidy(() => [
      tf.conv2d(x, filter as tf.Tensor4D, 1, 'valid').dataSync(),
      (tf.engine().runKernel('PaperlabConv', { x, w: filter, b }, attrs) as tf.Tensor).dataSync(),
    ]);
  const step = () => tf.tidy(() => opt.apply({ [w.name]: tf.onesLike(w) }));
  step(); // the variable gets a buffer of its own (ownBuffer): later steps write it in place
  outputs(w); // a use with the current filter (where XNNPACK packed it)
  step();
  const fresh = tf.tensor4d(w.dataSync(), w.shape as Case['w']); // a new tensor with the updated values
  const [conv, fused] = outputs(w);
  const [want] = outputs(fresh);
  assert.deepEqual(conv, want, 'tf.conv2d');
  assert.deepEqual(fused, want, 'PaperlabConv');
  opt.dispose();
  [x, w, b, fresh].forEach((t) => t.dispose());
});
