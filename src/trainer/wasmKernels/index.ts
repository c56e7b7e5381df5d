/**
 * Paperlab's own kernels (kernels.c, built to kernels.wasm.ts) inside tfjs' WebAssembly backend.
 *
 * The module is instantiated on tfjs' own wasm memory, so a kernel works on tensors where they already
 * are: a tensor's data is `memoryOffset` bytes into that memory. Two uses:
 *   - `registerWasmKernels(tf)` replaces the backend's BatchMatMul (every dense forward and backward
 *     product) with ours: tfjs 4.22's is slow when an operand is transposed (~8× on xᵀ·dy), and
 *     ours reads the transposed operand in place;
 *   - `wasmKernelsFor(tf)` hands optim.ts the fused optimizer updates, which write the variables'
 *     buffers in place instead of making ~10 tensors per variable per step.
 * On any other backend nothing here runs.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { KERNELS_WASM_BASE64 } from './kernels.wasm';
import { registerConvKernels } from './conv';
import { registerFusedKernels } from './fused';

type Tf = typeof tfNs;
type Ptr = number;

/** The few WebAssembly JS-API members used here (the project's TS lib is ES2022, without them). */
interface WasmJsApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly: WasmJsApi }).WebAssembly;

export interface KernelExports {
  gemm(M: number, N: number, K: number, a: Ptr, transA: number, b: Ptr, transB: number, c: Ptr, scratch: Ptr): void;
  adam_update(
    n: number,
    w: Ptr,
    g: Ptr,
    m: Ptr,
    s: Ptr,
    mask: Ptr,
    b1: number,
    oneMinusB1: number,
    b2: number,
    oneMinusB2: number,
    stepSize: number,
    epsHat: number,
    l2: number,
    decoupled: number,
  ): void;
  pad_nhwc(
    n: number,
    h: number,
    w: number,
    c: number,
    hp: number,
    wp: number,
    pt: number,
    pl: number,
    x: Ptr,
    xp: Ptr,
  ): void;
  conv_forward(...a: number[]): void;
  conv_filter_grad(...a: number[]): void;
  conv_input_grad(...a: number[]): void;
  maxpool_grad(...dims: number[]): void;
  maxpool2_act_grad(...a: number[]): void;
  bias_act_pool2(n: number, h: number, w: number, c: number, y: Ptr, bias: Ptr, relu: number, out: Ptr, arg: Ptr): void;
  bias_act(rows: number, cols: number, out: Ptr, bias: Ptr, relu: number): void;
  bias_act_grad(rows: number, cols: number, dy: Ptr, y: Ptr, relu: number, g: Ptr, db: Ptr): void;
  sgd_update(
    n: number,
    w: Ptr,
    g: Ptr,
    b: Ptr,
    mask: Ptr,
    lr: number,
    l2: number,
    mu: number,
    firstStep: number,
    nesterov: number,
  ): void;
}

/** The parts of tfjs' BackendWasm this file relies on (tfjs-backend-wasm 4.22). */
export interface WasmBackendLike {
  wasm: { asm: { memory: object }; HEAPU8: Uint8Array; _malloc(n: number): number; _free(p: Ptr): void };
  dataIdMap: { get(id: object): { memoryOffset: number; refCount: number } | undefined };
  makeOutput(shape: number[], dtype: string): tfNs.TensorInfo;
  disposeData(dataId: object): boolean;
}

export interface WasmKernels {
  readonly k: KernelExports;
  /** Byte offset of a tensor's data in tfjs' wasm memory. */
  offset(t: { dataId: object }): Ptr;
  /**
   * Makes sure the variable's buffer is its own before a kernel writes it in place: a variable shares
   * its buffer with the tensor it was assigned from, and that tensor may still be alive.
   */
  ownBuffer(tf: Tf, v: tfNs.Variable): void;
}

let moduleBytes: object | undefined;
const instances = new WeakMap<object, WasmKernels>();
let registered = false;

function compiled(): object {
  return (moduleBytes ??= new WA.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64')));
}

export function kernelsOn(backend: WasmBackendLike): WasmKernels {
  let ks = instances.get(backend);
  if (ks) return ks;
  const instance = new WA.Instance(compiled(), { env: { memory: backend.wasm.asm.memory } });
  const k = instance.exports as unknown as KernelExports;
  const offset = (t: { dataId: object }) => {
    const d = backend.dataIdMap.get(t.dataId);
    if (!d) throw new Error('tensor data is not on the wasm backend');
    return d.memoryOffset;
  };
  ks = {
    k,
    offset,
    ownBuffer(tf, v) {
      if (backend.dataIdMap.get(v.dataId)!.refCount === 1) return;
      const info = backend.makeOutput([...v.shape], 'float32');
      const src = offset(v);
      backend.wasm.HEAPU8.copyWithin(offset(info), src, src + v.size * 4);
      const copy = tf.engine().makeTensorFromTensorInfo(info);
      v.assign(copy);
      copy.dispose();
    },
  };
  instances.set(backend, ks);
  return ks;
}

/** True when the fused layer ops (fused.ts) can run: the active backend is wasm with our kernels. */
export function fusedLayersActive(tf: Tf): boolean {
  return registered && !!wasmKernelsFor(tf) && !!tf.getKernel('PaperlabDense', 'wasm');
}

/** The kernels, when tfjs' active backend is wasm and they could be loaded; otherwise undefined. */
export function wasmKernelsFor(tf: Tf): WasmKernels | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const backend = tf.backend() as unknown as WasmBackendLike;
  if (!backend.wasm?.asm?.memory) return undefined;
  return kernelsOn(backend);
}

/**
 * Scratch bytes for gemm(M, N, K, …): Bᵀ when transB, the tail columns' padding, and the nonzeros of a
 * block of rows of op(A) — as many rows as hold 65,536 entries (kernels.c, sparse_block_rows) — and two
 * cursors a row.
 */
export const gemmScratchBytes = (m: number, k: number, n: number, transB: boolean) => {
  const rows = Math.min(m, Math.max(1, Math.floor(65536 / k)));
  return ((transB ? k * n : 0) + 256 * 8 + 32 + rows + 1 + 2 * rows * k + 2 * rows) * 4;
};

/** Scratch space in tfjs' heap for packing a transposed operand (grown, never shrunk). */
const scratch = new WeakMap<object, { ptr: Ptr; bytes: number }>();
export function scratchOn(backend: WasmBackendLike, bytes: number): Ptr {
  const s = scratch.get(backend);
  if (s && s.bytes >= bytes) return s.ptr;
  if (s) backend.wasm._free(s.ptr);
  const ptr = backend.wasm._malloc(bytes) >>> 0;
  scratch.set(backend, { ptr, bytes });
  return ptr;
}

/**
 * Replaces the wasm backend's BatchMatMul, and the conv and pooling gradients (conv.ts), with ours
 * (float32; anything else goes to tfjs' own).
 */
export function registerWasmKernels(tf: Tf): void {
  if (registered) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) return;
  registered = true;
  registerConvKernels(tf);
  registerFusedKernels(tf);
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const { a, b } = args.inputs as unknown as { a: tfNs.TensorInfo; b: tfNs.TensorInfo };
      const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const backend = args.backend as unknown as WasmBackendLike;
      if (a.dtype !== 'float32' || b.dtype !== 'float32' || !backend.wasm?.asm?.memory)
        return original.kernelFunc(args);
      const ra = a.shape.length;
      const rb = b.shape.length;
      const [m, ka] = transposeA ? [a.shape[ra - 1], a.shape[ra - 2]] : [a.shape[ra - 2], a.shape[ra - 1]];
      const [kb, n] = transposeB ? [b.shape[rb - 1], b.shape[rb - 2]] : [b.shape[rb - 2], b.shape[rb - 1]];
      if (ka !== kb)
        throw new Error(
          `Inner dimensions of a matrix product differ: ${ka} and ${kb} (shapes ${a.shape}, ${b.shape}).`,
        );
      const batchA = a.shape.slice(0, -2);
      const batchB = b.shape.slice(0, -2);
      const sizeA = batchA.reduce((p, x) => p * x, 1);
      const sizeB = batchB.reduce((p, x) => p * x, 1);
      // Broadcasting only where one side has a single matrix; other broadcasts are left to tfjs.
      if (sizeA !== sizeB && sizeA !== 1 && sizeB !== 1) return original.kernelFunc(args);
      const batchShape = batchA.length >= batchB.length ? batchA : batchB;
      if (sizeA === sizeB && batchA.join() !== batchB.join() && sizeA !== 1) return original.kernelFunc(args);
      const batch = Math.max(sizeA, sizeB);
      const out = backend.makeOutput([...batchShape, m, n], 'float32');
      const ks = kernelsOn(backend);
      const pa = ks.offset(a);
      const pb = ks.offset(b);
      const pc = ks.offset(out);
      const tmp = scratchOn(backend, gemmScratchBytes(m, ka, n, transposeB));
      for (let i = 0; i < batch; i++) {
        ks.k.gemm(
          m,
          n,
          ka,
          pa + (sizeA === 1 ? 0 : i * m * ka * 4),
          transposeA ? 1 : 0,
          pb + (sizeB === 1 ? 0 : i * ka * n * 4),
          transposeB ? 1 : 0,
          pc + i * m * n * 4,
          tmp,
        );
      }
      return out;
    },
  });
}
