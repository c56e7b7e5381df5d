/**
 * The wasm backend of tfjs 4.22 has no `Conv2DBackpropFilter` kernel, so training any conv layer on
 * it throws. This registers one built from kernels wasm does have (pad, strided slice, reshape,
 * matMul, stack): for each filter tap (i, j), the filter gradient is
 *   dW[i, j] = Xᵀ_{ij} · dY,  X_{ij} = the input window the tap sees at every output position,
 * flattened to [batch·outH·outW, inC], and dY flattened to [batch·outH·outW, outC].
 * That is im2col done one tap at a time: kh·kw matMuls, no [.., kh·kw·inC] buffer.
 * A kernel may return a Tensor built from other ops (tfjs' engine accepts that: it is how the node
 * backend's legacy kernels work); dilations other than 1 and NCHW are not used by our nets and are
 * refused with a clear message.
 */
import type * as tfNs from '@tensorflow/tfjs';

type Tf = typeof tfNs;

interface FilterGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | unknown;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** The filter gradient of a 2-D convolution from ops any backend has. Exported for the tests. */
export function conv2dFilterGrad(tf: Tf, x: tfNs.Tensor4D, dy: tfNs.Tensor4D, attrs: FilterGradAttrs): tfNs.Tensor4D {
  if (attrs.dataFormat && attrs.dataFormat !== 'NHWC')
    throw new Error('Conv2DBackpropFilter for wasm supports NHWC only.');
  const [fh, fw, inC, outC] = attrs.filterShape;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape,
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad as 'valid' | 'same' | number,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const { top, left, bottom, right } = info.padInfo;
  const [n] = x.shape;
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  return tf.tidy(() => {
    const xp =
      top || left || bottom || right
        ? tf.pad(x, [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ])
        : x;
    const dyFlat = tf.reshape(dy, [n * oh * ow, outC]);
    const taps: tfNs.Tensor2D[] = [];
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        const win = tf.stridedSlice(
          xp,
          [0, i, j, 0],
          [n, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, inC],
          [1, sh, sw, 1],
        );
        taps.push(tf.matMul(tf.reshape(win, [n * oh * ow, inC]), dyFlat, true, false));
      }
    }
    return tf.reshape(tf.stack(taps), [fh, fw, inC, outC]) as tfNs.Tensor4D;
  });
}

export function registerWasmConvFilterGrad(tf: Tf): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { x, dy } = inputs as unknown as { x: tfNs.Tensor4D; dy: tfNs.Tensor4D };
      return conv2dFilterGrad(tf, x, dy, attrs as unknown as FilterGradAttrs);
    },
  });
}
