/**
 * Whole layers and the loss as single ops on the wasm backend, each forward and each backward one
 * call into our kernels (kernels.c) instead of 5–15 tfjs ops:
 *   dense  y = act(x·W + b)           backward: g = dy masked where ReLU clamped, db = Σ g, dW = xᵀ·g, dX = g·Wᵀ
 *   conv   y = pool(act(conv(x, W) + b))  backward: the same with dW = colsᵀ·g and dX = col2im(g·Wᵀ)
 *                                  (conv.ts: without the im2col matrix), g routed through the pooling's saved argmax
 *   loss   mean softmax cross-entropy, whose gradient (softmax − y)/B is computed with the value
 * A layer's op is wrapped in tf.customGrad, so autograd (tf.variableGrads) sees one node per layer.
 * The first layer's input is data: it is closed over rather than passed as an input, so its gradient
 * (a GEMM as large as the forward one) is never computed.
 *
 * Numbers: products sum in k order (kernels.c), the bias is added to the finished sum and the ReLU is
 * `v > 0 ? v : 0`, as the separate tfjs ops did; the loss is computed in double precision and rounded
 * once, where tfjs' logSoftmax rounded each op to float32 — so losses and gradients differ from the
 * unfused ops in the last bits, and are the same on every run.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { convBackward, convForward } from './conv';
import { gemmScratchBytes, kernelsOn, scratchOn, type WasmBackendLike } from './index';

type Tf = typeof tfNs;
type Info = tfNs.TensorInfo;

interface ConvFusedAttrs {
  pad: 'valid' | 'same';
  relu: boolean;
  /** 2×2 max pooling with stride 2 after the activation. */
  pool: boolean;
  needDx?: boolean;
}

let registered = false;

function withTemp<T>(b: WasmBackendLike, bytes: number, fn: (p: number) => T): T {
  const p = b.wasm._malloc(bytes) >>> 0;
  try {
    return fn(p);
  } finally {
    b.wasm._free(p);
  }
}

/** Registers the fused kernels on wasm (once). */
export function registerFusedKernels(tf: Tf): void {
  if (registered) return;
  registered = true;

  tf.registerKernel({
    kernelName: 'PaperlabDense',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, w, b } = inputs as unknown as Record<'x' | 'w' | 'b', Info>;
      const be = backend as unknown as WasmBackendLike;
      const ks = kernelsOn(be);
      const [m, k] = x.shape;
      const n = w.shape[1];
      const out = be.makeOutput([m, n], 'float32');
      const y = ks.offset(out);
      ks.k.gemm(m, n, k, ks.offset(x), 0, ks.offset(w), 0, y, scratchOn(be, gemmScratchBytes(m, k, n, false)));
      ks.k.bias_act(m, n, y, ks.offset(b), (attrs as unknown as { relu: boolean }).relu ? 1 : 0);
      return out;
    },
  });

  tf.registerKernel({
    kernelName: 'PaperlabDenseGrad',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, w, y, dy } = inputs as unknown as Record<'x' | 'w' | 'y' | 'dy', Info>;
      const { relu, needDx } = attrs as unknown as { relu: boolean; needDx: boolean };
      const be = backend as unknown as WasmBackendLike;
      const ks = kernelsOn(be);
      const [m, k] = x.shape;
      const n = w.shape[1];
      const dW = be.makeOutput([k, n], 'float32');
      const db = be.makeOutput([n], 'float32');
      const dX = needDx ? be.makeOutput([m, k], 'float32') : undefined;
      withTemp(be, m * n * 4, (g) => {
        ks.k.bias_act_grad(m, n, ks.offset(dy), ks.offset(y), relu ? 1 : 0, g, ks.offset(db));
        ks.k.gemm(k, n, m, ks.offset(x), 1, g, 0, ks.offset(dW), scratchOn(be, gemmScratchBytes(k, m, n, false)));
        if (dX)
          ks.k.gemm(m, k, n, g, 0, ks.offset(w), 1, ks.offset(dX), scratchOn(be, gemmScratchBytes(m, n, k, true)));
      });
      return dX ? [dW, db, dX] : [dW, db];
    },
  });

  const geometry = (xShape: number[], wShape: number[], pad: 'valid' | 'same') => {
    const info = tf.backend_util.computeConv2DInfo(
      xShape as [number, number, number, number],
      wShape as [number, number, number, number],
      1,
      1,
      pad,
    );
    const [nb, h, wd, c] = xShape;
    return {
      dims: [
        nb,
        h,
        wd,
        c,
        info.filterHeight,
        info.filterWidth,
        info.outHeight,
        info.outWidth,
        1,
        1,
        info.padInfo.top,
        info.padInfo.left,
      ],
      positions: nb * info.outHeight * info.outWidth,
    };
  };

  tf.registerKernel({
    kernelName: 'PaperlabConv',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, w, b } = inputs as unknown as Record<'x' | 'w' | 'b', Info>;
      const { pad, relu, pool } = attrs as unknown as ConvFusedAttrs;
      const be = backend as unknown as WasmBackendLike;
      const ks = kernelsOn(be);
      const { dims, positions } = geometry(x.shape, w.shape, pad);
      const [nb, , , , , , oh, ow] = dims;
      const outC = w.shape[3];
      const conv = (y: number) => convForward(be, ks, dims, ks.offset(x), ks.offset(w), outC, y);
      if (!pool) {
        const out = be.makeOutput([nb, oh, ow, outC], 'float32');
        conv(ks.offset(out));
        ks.k.bias_act(positions, outC, ks.offset(out), ks.offset(b), relu ? 1 : 0);
        return out;
      }
      // Pooled output and, for the backward pass, the index of each window's maximum; bias and ReLU are
      // applied on the way (one pass over the conv's output, which is not kept).
      const pooledShape = [nb, Math.floor(oh / 2), Math.floor(ow / 2), outC];
      const pooled = be.makeOutput(pooledShape, 'float32');
      const arg = be.makeOutput(pooledShape, 'int32');
      withTemp(be, positions * outC * 4, (y) => {
        conv(y);
        ks.k.bias_act_pool2(nb, oh, ow, outC, y, ks.offset(b), relu ? 1 : 0, ks.offset(pooled), ks.offset(arg));
      });
      return [pooled, arg];
    },
  });

  tf.registerKernel({
    kernelName: 'PaperlabConvGrad',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, w, y, dy, arg } = inputs as unknown as Record<'x' | 'w' | 'y' | 'dy' | 'arg', Info>;
      const { pad, relu, pool, needDx } = attrs as unknown as ConvFusedAttrs;
      const be = backend as unknown as WasmBackendLike;
      const ks = kernelsOn(be);
      const { dims, positions: P } = geometry(x.shape, w.shape, pad);
      const outC = w.shape[3];
      const dW = be.makeOutput([...w.shape], 'float32');
      const db = be.makeOutput([outC], 'float32');
      const dX = needDx ? be.makeOutput([...x.shape], 'float32') : undefined;
      withTemp(be, P * outC * 4, (g) => {
        if (pool) {
          const count = y.shape.reduce((p, v) => p * v, 1);
          ks.k.maxpool2_act_grad(
            count,
            outC,
            P * outC,
            ks.offset(y),
            ks.offset(arg),
            ks.offset(dy),
            relu ? 1 : 0,
            g,
            ks.offset(db),
          );
        } else ks.k.bias_act_grad(P, outC, ks.offset(dy), ks.offset(y), relu ? 1 : 0, g, ks.offset(db));
        const ptrs = { x: ks.offset(x), g, w: ks.offset(w), dw: ks.offset(dW), dx: dX && ks.offset(dX) };
        convBackward(be, ks, dims, ptrs, outC);
      });
      return dX ? [dW, db, dX] : [dW, db];
    },
  });

  tf.registerKernel({
    kernelName: 'PaperlabSoftmaxCE',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { logits, labels } = inputs as unknown as Record<'logits' | 'labels', Info>;
      const be = backend as unknown as WasmBackendLike;
      const ks = kernelsOn(be);
      const [rows, cols] = logits.shape;
      const loss = be.makeOutput([], 'float32');
      const grad = be.makeOutput([rows, cols], 'float32');
      const heap = new Float32Array(be.wasm.HEAPU8.buffer);
      heap[ks.offset(loss) / 4] = softmaxCrossEntropyInto(
        heap,
        ks.offset(logits),
        ks.offset(labels),
        ks.offset(grad),
        rows,
        cols,
      );
      return [loss, grad];
    },
  });
}

/**
 * Mean softmax cross-entropy of the logits at byte offset `logits` against the labels at `labels`
 * (rows × cols floats each), in double precision; writes its gradient (softmax·Σy − y) / rows at
 * `grad` and returns the mean (the caller rounds it to float32 where it stores it).
 */
export function softmaxCrossEntropyInto(
  heap: Float32Array,
  logits: number,
  labels: number,
  grad: number,
  rows: number,
  cols: number,
): number {
  const l = logits / 4,
    t = labels / 4,
    g = grad / 4;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, heap[l + i * cols + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(heap[l + i * cols + j] - max);
    const logSum = Math.log(sum) + max;
    let ySum = 0;
    for (let j = 0; j < cols; j++) {
      const y = heap[t + i * cols + j];
      ySum += y;
      total -= y * (heap[l + i * cols + j] - logSum);
    }
    // d/dlogits of −Σ y·logSoftmax, averaged over rows: (softmax·Σy − y) / rows.
    for (let j = 0; j < cols; j++)
      heap[g + i * cols + j] = (Math.exp(heap[l + i * cols + j] - logSum) * ySum - heap[t + i * cols + j]) / rows;
  }
  return total / rows;
}

const run = (tf: Tf, name: string, inputs: Record<string, tfNs.Tensor>, attrs: object = {}) =>
  tf.engine().runKernel(name, inputs as unknown as tfNs.NamedTensorMap, attrs as unknown as tfNs.NamedAttrMap);

/** act(x·W + b) as one op; `dataInput`: x is the net's input, whose gradient is not needed. */
export function fusedDense(
  tf: Tf,
  x: tfNs.Tensor,
  w: tfNs.Tensor,
  b: tfNs.Tensor,
  relu: boolean,
  dataInput: boolean,
): tfNs.Tensor2D {
  const forward = (xx: tfNs.Tensor, ww: tfNs.Tensor, bb: tfNs.Tensor, save: tfNs.GradSaveFunc) => {
    const y = run(tf, 'PaperlabDense', { x: xx, w: ww, b: bb }, { relu }) as tfNs.Tensor;
    save([xx, ww, y]);
    return {
      value: y,
      gradFunc: (dy: tfNs.Tensor, saved: tfNs.Tensor[]) => {
        const [sx, sw, sy] = saved;
        const out = run(
          tf,
          'PaperlabDenseGrad',
          { x: sx, w: sw, y: sy, dy },
          { relu, needDx: !dataInput },
        ) as tfNs.Tensor[];
        return dataInput ? [out[0], out[1]] : [out[2], out[0], out[1]];
      },
    };
  };
  const f = dataInput
    ? tf.customGrad(((ww: tfNs.Tensor, bb: tfNs.Tensor, save: tfNs.GradSaveFunc) =>
        forward(x, ww, bb, save)) as unknown as Parameters<Tf['customGrad']>[0])
    : tf.customGrad(forward as unknown as Parameters<Tf['customGrad']>[0]);
  return (dataInput ? f(w, b) : f(x, w, b)) as tfNs.Tensor2D;
}

/**
 * act(conv2d(x, W, stride 1) + b), then 2×2 max pooling when `pool`, as one op (NHWC); `dataInput` as
 * for fusedDense.
 */
export function fusedConv(
  tf: Tf,
  x: tfNs.Tensor,
  w: tfNs.Tensor,
  b: tfNs.Tensor,
  pad: 'valid' | 'same',
  relu: boolean,
  pool: boolean,
  dataInput: boolean,
): tfNs.Tensor4D {
  const forward = (xx: tfNs.Tensor, ww: tfNs.Tensor, bb: tfNs.Tensor, save: tfNs.GradSaveFunc) => {
    const res = run(tf, 'PaperlabConv', { x: xx, w: ww, b: bb }, { pad, relu, pool });
    const [y, arg] = Array.isArray(res) ? res : [res];
    save(arg ? [xx, ww, y, arg] : [xx, ww, y]);
    return {
      value: y,
      gradFunc: (dy: tfNs.Tensor, saved: tfNs.Tensor[]) => {
        const [sx, sw, sy, sarg] = saved;
        const inputs = { x: sx, w: sw, y: sy, dy, ...(sarg ? { arg: sarg } : {}) };
        const out = run(tf, 'PaperlabConvGrad', inputs, { pad, relu, pool, needDx: !dataInput }) as tfNs.Tensor[];
        return dataInput ? [out[0], out[1]] : [out[2], out[0], out[1]];
      },
    };
  };
  const f = dataInput
    ? tf.customGrad(((ww: tfNs.Tensor, bb: tfNs.Tensor, save: tfNs.GradSaveFunc) =>
        forward(x, ww, bb, save)) as unknown as Parameters<Tf['customGrad']>[0])
    : tf.customGrad(forward as unknown as Parameters<Tf['customGrad']>[0]);
  return (dataInput ? f(w, b) : f(x, w, b)) as tfNs.Tensor4D;
}

/** Mean softmax cross-entropy of logits against one-hot (or soft) labels, as one op. */
export function fusedSoftmaxCrossEntropy(tf: Tf, logits: tfNs.Tensor2D, labels: tfNs.Tensor2D): tfNs.Scalar {
  const f = tf.customGrad(((l: tfNs.Tensor, save: tfNs.GradSaveFunc) => {
    const [loss, grad] = run(tf, 'PaperlabSoftmaxCE', { logits: l, labels }) as tfNs.Tensor[];
    save([grad]);
    return { value: loss, gradFunc: (dy: tfNs.Tensor, [g]: tfNs.Tensor[]) => tf.mul(g, dy) };
  }) as unknown as Parameters<Tf['customGrad']>[0]);
  return f(logits) as tfNs.Scalar;
}
