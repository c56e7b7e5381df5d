// Shared by the wasm kernel tests: the committed kernels module on a memory of its own (so a test sees
// every float a kernel writes), and seeded normal inputs.
import { createRng } from '../../src/trainer/rng';
import { KERNELS_WASM_BASE64 } from '../../src/trainer/wasmKernels/kernels.wasm';

// The project's TS lib (ES2022) has no WebAssembly types: the few members the tests use.
export const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  Module: { new (b: Uint8Array): object; imports(m: object): { module: string; name: string }[] };
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (m: object, i: object) => { exports: unknown };
}

export const kernelBytes = () => Buffer.from(KERNELS_WASM_BASE64, 'base64');

/** The kernels instantiated on a fresh memory of `pages` × 64 KiB, and a float view of it. */
export function kernelsOnOwnMemory<K>(pages: number): { k: K; heap: Float32Array } {
  const memory = new WA.Memory({ initial: pages });
  const k = new WA.Instance(new WA.Module(kernelBytes()), { env: { memory } }).exports as K;
  return { k, heap: new Float32Array(memory.buffer) };
}

export const randn = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};
