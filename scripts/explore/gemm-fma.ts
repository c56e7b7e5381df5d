// Would relaxed-SIMD fused multiply-adds close the MLP gap? (docs/performance.md, "What is left")
// Builds kernels.c twice — as shipped (SIMD128: a multiply and an add per 4 lanes) and with the GEMM's
// multiply-add as relaxed SIMD's f32x4.relaxed_madd — and times the eight products of one
// LeNet-300-100 Adam step at batch 60 (forward, dW, dX; 67.6 MFLOP) with each, interleaved:
//   node --experimental-wasm-relaxed-simd --import tsx scripts/explore/gemm-fma.ts [reps]
// An experiment, not shipped: Node 20 enables relaxed SIMD only behind that flag, and Debian's clang 14
// knows only the proposal's prototype instruction (`__builtin_wasm_fma_f32x4`, opcode 0xaf, computing
// a + b·c), which V8 no longer accepts. This script rewrites that opcode to the final relaxed_madd
// (0x105, computing a·b + c) after compiling, with the operands already passed in the final order.
// A fused multiply-add rounds once, so its sums differ from the shipped kernel's in the last bits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/trainer/backend';
import { CLANG_FLAGS } from '../../src/trainer/wasmKernels/build.mjs';
import { gemmScratchBytes, type KernelExports, type WasmBackendLike } from '../../src/trainer/wasmKernels/index';

/** The few WebAssembly JS-API members used here (the project's TS lib is ES2022, without them). */
const WA = (
  globalThis as unknown as {
    WebAssembly: {
      validate(bytes: Uint8Array): boolean;
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: unknown };
    };
  }
).WebAssembly;

const here = path.resolve(__dirname, '../../src/trainer/wasmKernels');
const SHIPPED_MADD = '#define MADD(acc, a, b) wasm_f32x4_add((acc), wasm_f32x4_mul((a), (b)))';
const FMA_MADD =
  '#define MADD(acc, a, b) ((v128_t)__builtin_wasm_fma_f32x4((__f32x4)(a), (__f32x4)(b), (__f32x4)(acc)))';

function build(fma: boolean): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperlab-fma-'));
  try {
    const source = readFileSync(path.join(here, 'kernels.c'), 'utf8');
    if (!source.includes(SHIPPED_MADD)) throw new Error('kernels.c no longer defines MADD as this script expects');
    const c = path.join(dir, 'kernels.c');
    writeFileSync(c, fma ? source.replace(SHIPPED_MADD, FMA_MADD) : source);
    const out = path.join(dir, 'k.wasm');
    const flags = CLANG_FLAGS.filter((f) => f !== '-Werror');
    execFileSync('clang', [...flags, ...(fma ? ['-mrelaxed-simd'] : []), '-I', here, '-o', out, c], {
      stdio: 'inherit',
    });
    const bytes = readFileSync(out);
    if (fma) {
      // 0xfd 0xaf 0x01 (prototype fma) → 0xfd 0x85 0x02 (relaxed_madd): the same length, so no offsets move.
      let n = 0;
      for (let i = 0; i + 2 < bytes.length; i++)
        if (bytes[i] === 0xfd && bytes[i + 1] === 0xaf && bytes[i + 2] === 0x01)
          ((bytes[i + 1] = 0x85), (bytes[i + 2] = 0x02), n++);
      if (!n) throw new Error('no fused multiply-add was emitted');
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

void (async () => {
  const reps = Number(process.argv[2] ?? 400);
  await initBackend('wasm');
  const be = tf.backend() as unknown as WasmBackendLike;
  const fmaBytes = build(true);
  if (!WA.validate(fmaBytes)) {
    console.error('This Node does not accept relaxed SIMD: run it with --experimental-wasm-relaxed-simd (Node 20).');
    process.exit(2);
  }
  const instance = (bytes: Uint8Array) =>
    new WA.Instance(new WA.Module(bytes), { env: { memory: be.wasm.asm.memory } }).exports as unknown as KernelExports;
  const kernels = { simd128: instance(build(false)), fma: instance(fmaBytes) };
  // [M, N, K, transA, transB]: forward x·W per layer, dW = xᵀ·g per layer, dX = g·Wᵀ for layers 2 and 3.
  const shapes = [
    [60, 300, 784, 0, 0],
    [60, 100, 300, 0, 0],
    [60, 10, 100, 0, 0],
    [784, 300, 60, 1, 0],
    [300, 100, 60, 1, 0],
    [100, 10, 60, 1, 0],
    [60, 300, 100, 0, 1],
    [60, 100, 10, 0, 1],
  ];
  const flop = shapes.reduce((s, [m, n, k]) => s + 2 * m * n * k, 0);
  const buffers = shapes.map(([m, n, k, , transB]) => {
    const alloc = (floats: number) => be.wasm._malloc(floats * 4) >>> 0;
    const b = {
      a: alloc(m * k),
      b: alloc(k * n),
      c: alloc(m * n),
      scratch: alloc(gemmScratchBytes(m, k, n, transB === 1) / 4),
    };
    const heap = new Float32Array(be.wasm.HEAPU8.buffer);
    for (let i = 0; i < m * k; i++) heap[b.a / 4 + i] = Math.sin(i);
    for (let i = 0; i < k * n; i++) heap[b.b / 4 + i] = Math.cos(i);
    return b;
  });
  const step = (k: KernelExports) => {
    const t0 = performance.now();
    shapes.forEach(([m, n, kk, ta, tb], i) => {
      const b = buffers[i];
      k.gemm(m, n, kk, b.a, ta, b.b, tb, b.c, b.scratch);
    });
    return performance.now() - t0;
  };
  const times = { simd128: [] as number[], fma: [] as number[] };
  for (let r = 0; r < reps; r++) {
    times.simd128.push(step(kernels.simd128));
    times.fma.push(step(kernels.fma));
  }
  const ms = { simd128: median(times.simd128), fma: median(times.fma) };
  const gflops = (t: number) => (flop / t / 1e6).toFixed(1);
  console.log(
    `one step's GEMMs (${(flop / 1e6).toFixed(1)} MFLOP), medians of ${reps} interleaved reps: ` +
      `SIMD128 ${ms.simd128.toFixed(3)} ms (${gflops(ms.simd128)} GFLOP/s), ` +
      `relaxed-SIMD FMA ${ms.fma.toFixed(3)} ms (${gflops(ms.fma)} GFLOP/s): ${(ms.simd128 / ms.fma).toFixed(2)}×`,
  );
  process.exit(0);
})();
