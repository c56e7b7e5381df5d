/**
 * The convolution, its gradients and the max-pool gradient for the wasm backend, on our kernels
 * (kernels.c). tfjs 4.22's Conv2D on wasm (XNNPACK) caches each filter packed at its first use, so it
 * cannot see the in-place optimizer updates; its wasm backend has no Conv2DBackpropFilter (wasmConvGrad.ts built one from 25 strided
 * slices and matMuls, most of a LeNet-5 step) and slow Conv2DBackpropInput and MaxPoolGrad.
 * Both conv gradients are the products over the im2col matrix of the input (one row per output position),
 *   dW = colsᵀ · dY   and   dX = col2im(dY · Wᵀ),
 * computed by kernels that never make that matrix (conv_filter_grad reads the input, zero-padded when
 * a tap falls outside it; conv_input_grad adds each strip of dY · Wᵀ into dX as it is made).
 * NHWC, dilation 1 (our nets); anything else goes to the previous kernels.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { conv2dFilterGrad } from '../wasmConvGrad';
import { kernelsOn, type WasmBackendLike, type WasmKernels } from './index';

type Tf = typeof tfNs;

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape?: [number, number, number, number];
  inputShape?: [number, number, number, number];
}

const unitDilation = (d: ConvAttrs['dilations']) =>
  d == null || d === 1 || (Array.isArray(d) && d[0] === 1 && d[1] === 1);

/** Temporary buffer in tfjs' heap for the call's duration. */
function withTemp<T>(backend: WasmBackendLike, bytes: number, fn: (p: number) => T): T {
  const p = backend.wasm._malloc(bytes) >>> 0;
  try {
    return fn(p);
  } finally {
    backend.wasm._free(p);
  }
}

/**
 * The image a conv's kernels read (conv_forward, conv_filter_grad): x itself when every tap falls inside
 * it, else a zero-padded copy of (oh − 1)·sh + fh rows × (ow − 1)·sw + fw columns (`bytes` of scratch).
 */
function paddedImage(dims: number[]) {
  const [n, h, w, c, fh, fw, oh, ow, sh, sw, pt, pl] = dims;
  const hp = (oh - 1) * sh + fh;
  const wp = (ow - 1) * sw + fw;
  const padded = pt > 0 || pl > 0 || hp > h || wp > w;
  return {
    bytes: padded ? n * hp * wp * c * 4 : 0,
    /** The image's pointer and size, copying x into tmp when padding is needed. */
    place(ks: WasmKernels, x: number, tmp: number) {
      if (!padded) return { xb: x, hb: h, wb: w };
      ks.k.pad_nhwc(n, h, w, c, hp, wp, pt, pl, x, tmp);
      return { xb: tmp, hb: hp, wb: wp };
    },
  };
}

/** y [N, oh, ow, outC] = conv(x, w) (bias and activation are the caller's). `dims` as for convBackward. */
export function convForward(
  b: WasmBackendLike,
  ks: WasmKernels,
  dims: number[],
  x: number,
  w: number,
  outC: number,
  y: number,
): void {
  const image = paddedImage(dims);
  withTemp(b, image.bytes + 16, (tmp) => {
    const { xb, hb, wb } = image.place(ks, x, tmp);
    const [n, , , c, fh, fw, oh, ow, sh, sw] = dims;
    ks.k.conv_forward(n, hb, wb, c, fh, fw, oh, ow, sh, sw, xb, w, outC, y);
  });
}

/**
 * A conv's gradients from its input x and the gradient g [P, outC] at its (pre-pooling) output, into dw
 * and/or dx (byte offsets; either may be omitted). `dims`: N, H, W, C, fh, fw, oh, ow, sh, sw, pt, pl.
 */
export function convBackward(
  b: WasmBackendLike,
  ks: WasmKernels,
  dims: number[],
  ptrs: { x?: number; g: number; w?: number; dw?: number; dx?: number },
  outC: number,
): void {
  const [, , , c, fh, fw, oh, ow, sh, sw] = dims;
  const image = paddedImage(dims);
  const padBytes = ptrs.dw !== undefined ? image.bytes : 0;
  // conv_input_grad's packed Wᵀ [outC, Rp], its strip of 4 rows of g · Wᵀ and those rows' nonzeros.
  const rp = (fh * fw * c + 7) & ~7;
  const dxBytes = ptrs.dx !== undefined ? ((outC + 4) * rp + 13 + 8 * outC) * 4 : 0;
  withTemp(b, padBytes + dxBytes + 16, (tmp) => {
    if (ptrs.dw !== undefined) {
      const { xb, hb, wb } = image.place(ks, ptrs.x!, tmp);
      ks.k.conv_filter_grad(dims[0], hb, wb, c, fh, fw, oh, ow, sh, sw, xb, ptrs.g, outC, ptrs.dw);
    }
    if (ptrs.dx !== undefined) {
      const wT = tmp + padBytes;
      const strip = wT + outC * rp * 4;
      ks.k.conv_input_grad(...dims, ptrs.g, outC, ptrs.w!, wT, strip, strip + 4 * rp * 4, ptrs.dx);
    }
  });
}

export function registerConvKernels(tf: Tf): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  const geometry = (xShape: number[], filterShape: [number, number, number, number], a: ConvAttrs) => {
    const info = tf.backend_util.computeConv2DInfo(
      xShape as [number, number, number, number],
      filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const [n, h, w, c] = xShape;
    return [
      n,
      h,
      w,
      c,
      info.filterHeight,
      info.filterWidth,
      info.outHeight,
      info.outWidth,
      info.strideHeight,
      info.strideWidth,
      info.padInfo.top,
      info.padInfo.left,
    ];
  };

  // tfjs' Conv2D on wasm (XNNPACK) packs a filter once per tensor and keeps it: after the optimizers'
  // in-place updates (optim.ts) it would go on convolving with the first step's filter. Ours reads it.
  const originalConv = tf.getKernel('Conv2D', 'wasm');
  if (originalConv) tf.unregisterKernel('Conv2D', 'wasm');
  tf.registerKernel({
    kernelName: 'Conv2D',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { x, filter } = args.inputs as unknown as { x: tfNs.Tensor4D; filter: tfNs.Tensor4D };
      const a = args.attrs as unknown as ConvAttrs;
      const b = args.backend as unknown as WasmBackendLike;
      if ((a.dataFormat && a.dataFormat !== 'NHWC') || !unitDilation(a.dilations) || x.dtype !== 'float32') {
        if (!originalConv) throw new Error('Conv2D: only NHWC with dilation 1 is supported on wasm.');
        return originalConv.kernelFunc(args);
      }
      const ks = kernelsOn(b);
      const dims = geometry(x.shape, filter.shape, a);
      const outC = filter.shape[3];
      const out = b.makeOutput([dims[0], dims[6], dims[7], outC], 'float32');
      convForward(b, ks, dims, ks.offset(x), ks.offset(filter), outC, ks.offset(out));
      return out;
    },
  });

  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, dy } = inputs as unknown as { x: tfNs.Tensor4D; dy: tfNs.Tensor4D };
      const a = attrs as unknown as ConvAttrs;
      const b = backend as unknown as WasmBackendLike;
      if ((a.dataFormat && a.dataFormat !== 'NHWC') || !unitDilation(a.dilations) || x.dtype !== 'float32')
        return conv2dFilterGrad(tf, x, dy, a as Parameters<typeof conv2dFilterGrad>[3]) as unknown as tfNs.TensorInfo;
      const ks = kernelsOn(b);
      const [fh, fw, inC, outC] = a.filterShape!;
      const out = b.makeOutput([fh, fw, inC, outC], 'float32');
      convBackward(
        b,
        ks,
        geometry(x.shape, a.filterShape!, a),
        { x: ks.offset(x), g: ks.offset(dy), dw: ks.offset(out) },
        outC,
      );
      return out;
    },
  });

  const originalInput = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (originalInput) tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as unknown as { dy: tfNs.Tensor4D; filter: tfNs.Tensor4D };
      const a = args.attrs as unknown as ConvAttrs;
      const b = args.backend as unknown as WasmBackendLike;
      if ((a.dataFormat && a.dataFormat !== 'NHWC') || !unitDilation(a.dilations) || dy.dtype !== 'float32') {
        if (!originalInput) throw new Error('Conv2DBackpropInput: only NHWC with dilation 1 is supported on wasm.');
        return originalInput.kernelFunc(args);
      }
      const ks = kernelsOn(b);
      const fShape = filter.shape as [number, number, number, number];
      const out = b.makeOutput([...a.inputShape!], 'float32');
      const ptrs = { g: ks.offset(dy), w: ks.offset(filter), dx: ks.offset(out) };
      convBackward(b, ks, geometry(a.inputShape!, fShape, a), ptrs, fShape[3]);
      return out;
    },
  });

  const originalPool = tf.getKernel('MaxPoolGrad', 'wasm');
  if (originalPool) tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({
    kernelName: 'MaxPoolGrad',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { dy, input } = args.inputs as unknown as { dy: tfNs.Tensor4D; input: tfNs.Tensor4D };
      const a = args.attrs as unknown as {
        filterSize: number | [number, number];
        strides: number | [number, number];
        pad: 'valid' | 'same' | number;
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
      };
      const b = args.backend as unknown as WasmBackendLike;
      if (input.dtype !== 'float32') {
        if (!originalPool) throw new Error('MaxPoolGrad on wasm supports float32 only.');
        return originalPool.kernelFunc(args);
      }
      const info = tf.backend_util.computePool2DInfo(input.shape, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
      const [n, h, w, c] = input.shape;
      const out = b.makeOutput([n, h, w, c], 'float32');
      const ks = kernelsOn(b);
      ks.k.maxpool_grad(
        n,
        h,
        w,
        c,
        info.filterHeight,
        info.filterWidth,
        info.outHeight,
        info.outWidth,
        info.strideHeight,
        info.strideWidth,
        info.padInfo.top,
        info.padInfo.left,
        ks.offset(input),
        ks.offset(dy),
        ks.offset(out),
      );
      return out;
    },
  });
}
