// Types of build.mjs, for the TypeScript that reuses it (scripts/explore/gemm-fma.ts, gemm-sparse.ts).
export const CLANG_FLAGS: string[];
export function buildWasm(extraFlags?: string[]): Buffer;
export function sourceHash(): string;
export function moduleText(wasm: Buffer): string;
