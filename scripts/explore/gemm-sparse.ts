// Where does kernels.c's sparse path (op(A)'s nonzeros only) beat its dense tiles? Builds kernels.c
// twice — always dense (SPARSE_BELOW=0) and always sparse (SPARSE_BELOW=2) — and times each of
// LeNet-300-100's products at batch 60 with a share of A's entries set to exactly 0, interleaved:
//   node --import tsx scripts/explore/gemm-sparse.ts [reps]
// Prints the median ms of each path and their ratio per product and density; the shipped threshold
// (SPARSE_BELOW in kernels.c) is where the ratio crosses 1. Both paths give the same bits.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/trainer/backend';
import { buildWasm } from '../../src/trainer/wasmKernels/build.mjs';
import { gemmScratchBytes, type KernelExports, type WasmBackendLike } from '../../src/trainer/wasmKernels/index';

const WA = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (m: object, i: object) => { exports: unknown };
    };
  }
).WebAssembly;

/** kernels.c with the sparse path's threshold set: 0 = always dense, 2 = always sparse. */
const build = (sparseBelow: number) => buildWasm([`-DSPARSE_BELOW=${sparseBelow.toFixed(2)}f`]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

void (async () => {
  const reps = Number(process.argv[2] ?? 200);
  await initBackend('wasm');
  const be = tf.backend() as unknown as WasmBackendLike;
  const instance = (bytes: Uint8Array) =>
    new WA.Instance(new WA.Module(bytes), { env: { memory: be.wasm.asm.memory } }).exports as unknown as KernelExports;
  const paths = { dense: instance(build(0)), sparse: instance(build(2)) };
  // [name, M, N, K, transA, transB]: the products of a LeNet-300-100 step whose A can hold zeros.
  const shapes = [
    ['forward 1: x·W1', 60, 300, 784, 0, 0],
    ['dW 1: xᵀ·g1', 784, 300, 60, 1, 0],
    ['forward 2: h1·W2', 60, 100, 300, 0, 0],
    ['dW 2: h1ᵀ·g2', 300, 100, 60, 1, 0],
    ['dX 2: g2·W2ᵀ', 60, 300, 100, 0, 1],
  ] as const;
  const alloc = (floats: number) => be.wasm._malloc(floats * 4) >>> 0;
  console.log('product            nonzeros  dense ms  sparse ms  dense/sparse');
  for (const [name, m, n, k, ta, tb] of shapes) {
    const a = alloc(m * k);
    const b = alloc(k * n);
    const c = alloc(m * n);
    const scratch = alloc(gemmScratchBytes(m, k, n, tb === 1) / 4);
    for (const density of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1]) {
      const heap = new Float32Array(be.wasm.HEAPU8.buffer);
      let seed = 1;
      const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < m * k; i++) heap[a / 4 + i] = rnd() < density ? rnd() : 0;
      for (let i = 0; i < k * n; i++) heap[b / 4 + i] = rnd() - 0.5;
      const times = { dense: [] as number[], sparse: [] as number[] };
      for (let r = 0; r < reps; r++)
        for (const p of ['dense', 'sparse'] as const) {
          const t0 = performance.now();
          paths[p].gemm(m, n, k, a, ta, b, tb, c, scratch);
          times[p].push(performance.now() - t0);
        }
      const d = median(times.dense);
      const s = median(times.sparse);
      console.log(
        `${name.padEnd(18)} ${density.toFixed(1).padStart(8)}  ${d.toFixed(3).padStart(8)}  ${s.toFixed(3).padStart(9)}  ${(d / s).toFixed(2).padStart(12)}`,
      );
    }
  }
  process.exit(0);
})();
