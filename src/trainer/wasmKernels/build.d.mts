// Types of build.mjs, for the TypeScript that reuses its compiler flags (scripts/explore/gemm-fma.ts).
export const CLANG_FLAGS: string[];
export function buildWasm(): Buffer;
export function sourceHash(): string;
export function moduleText(wasm: Buffer): string;
