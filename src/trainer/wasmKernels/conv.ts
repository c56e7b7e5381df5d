/**
 * Convolution gradients and the max-pool gradient for the wasm backend, on our kernels (kernels.c):
 * tfjs 4.22's wasm backend has no Conv2DBackpropFilter (wasmConvGrad.ts built one from 25 strided
 * slices and matMuls, most of a LeNet-5 step) and slow Conv2DBackpropInput and MaxPoolGrad.
 * Both conv gradients are one GEMM over the im2col matrix of the input (one row per output position):
 *   dW = colsᵀ · dY   (colsᵀ built directly, so the long axis is the GEMM's inner loop)
 *   dX = col2im(dY · Wᵀ)
 * NHWC, dilation 1 (our nets); anything else goes to the previous kernels.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { conv2dFilterGrad } from '../wasmConvGrad';
import { gemmScratchBytes, kernelsOn, scratchOn, type WasmBackendLike } from './index';

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
      const g = geometry(x.shape, a.filterShape!, a);
      const [fh, fw, inC, outC] = a.filterShape!;
      const K = fh * fw * inC;
      const P = g[0] * g[6] * g[7];
      const out = b.makeOutput([fh, fw, inC, outC], 'float32');
      withTemp(b, P * K * 4, (colsT) => {
        ks.k.im2col_t(...g, ks.offset(x), colsT);
        // dW[K, outC] = colsᵀ · dY: the positions are the GEMM's inner loop.
        ks.k.gemm(
          K,
          outC,
          P,
          colsT,
          0,
          ks.offset(dy),
          0,
          ks.offset(out),
          scratchOn(b, gemmScratchBytes(P, outC, false)),
        );
      });
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
      const g = geometry(a.inputShape!, fShape, a);
      const [fh, fw, inC, outC] = fShape;
      const K = fh * fw * inC;
      const P = g[0] * g[6] * g[7];
      const out = b.makeOutput([...a.inputShape!], 'float32');
      withTemp(b, P * K * 4, (dcols) => {
        // dcols[P, K] = dY[P, outC] · Wᵀ, W seen as [K, outC].
        ks.k.gemm(
          P,
          K,
          outC,
          ks.offset(dy),
          0,
          ks.offset(filter),
          1,
          dcols,
          scratchOn(b, gemmScratchBytes(outC, K, true)),
        );
        ks.k.col2im(...g, dcols, ks.offset(out));
      });
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
