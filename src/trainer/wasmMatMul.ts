/**
 * tfjs-backend-wasm 4.22's BatchMatMul is several times slower when asked to transpose an operand
 * (measured here on [60,784]ᵀ·[60,300]: ~8× slower than transposing first, then multiplying) — and
 * every dense layer's backward pass asks for exactly that (dW = xᵀ·dy, dx = dy·Wᵀ). This wraps the
 * registered wasm kernel: transposed operands are transposed explicitly (a cheap copy) and the fast
 * non-transposed path does the multiply. Results are the same products; only the route changes.
 */
import type * as tfNs from '@tensorflow/tfjs';

type Tf = typeof tfNs;

let installed = false;

export function registerFastWasmMatMul(tf: Tf): void {
  if (installed) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) return;
  installed = true;
  const run = original.kernelFunc;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const { inputs, attrs, backend } = args;
      const a0 = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      if (!a0.transposeA && !a0.transposeB) return run(args);
      const { a, b } = inputs as unknown as { a: tfNs.Tensor; b: tfNs.Tensor };
      const swapLast = (t: tfNs.Tensor) =>
        tf.transpose(
          t,
          [...t.shape.keys()].map((i, _, all) =>
            i < all.length - 2 ? i : i === all.length - 2 ? all.length - 1 : all.length - 2,
          ),
        );
      const at = a0.transposeA ? swapLast(a) : a;
      const bt = a0.transposeB ? swapLast(b) : b;
      try {
        return run({
          inputs: { ...inputs, a: at, b: bt },
          attrs: { ...attrs, transposeA: false, transposeB: false },
          backend,
        });
      } finally {
        if (at !== a) at.dispose();
        if (bt !== b) bt.dispose();
      }
    },
  });
}
