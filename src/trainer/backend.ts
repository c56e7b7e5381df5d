/**
 * Picks and starts the TensorFlow.js backend for a run.
 *   auto → tfjs-node if installed and loadable (from the extension's global storage, passed in as
 *          `nativeModulesDir`, or resolvable from here), else wasm, else the pure-JS cpu backend.
 * tfjs-node brings its own copy of tfjs, so the namespace recipes use (`tf`) is whichever module
 * owns the chosen backend — that is why RecipeContext carries `tf` instead of recipes importing it.
 */
import * as tfBundled from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BackendChoice } from '../core/protocol/trainer';
import { registerWasmKernels } from './wasmKernels/index';

export type Tf = typeof tfBundled;

export interface BackendResult {
  tf: Tf;
  /** 'node' | 'wasm' | 'cpu': what the run actually uses (recorded in the manifest). */
  backend: 'node' | 'wasm' | 'cpu';
  /** Why a preferred backend was skipped, in words (logged and shown). */
  notes: string[];
}

const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

/** Where the .wasm files are: beside the bundle (dist/), or in node_modules when running from source. */
export function findWasmDir(extra?: string): string | undefined {
  const candidates = [extra, typeof __dirname === 'string' ? __dirname : undefined];
  try {
    candidates.push(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist');
  } catch {
    /* not resolvable from here: fine when bundled */
  }
  return candidates.find((d): d is string => !!d && existsSync(path.join(d, WASM_FILE)));
}

function loadNative(nativeModulesDir: string | undefined): Tf {
  const tries: string[] = [];
  if (nativeModulesDir) tries.push(path.join(nativeModulesDir, 'package.json'));
  tries.push(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'x.js'));
  let lastError: unknown;
  for (const base of tries) {
    try {
      return createRequire(base)('@tensorflow/tfjs-node') as Tf;
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

let wasmKernelRegistered = false;

export async function initBackend(
  choice: BackendChoice,
  opts: { nativeModulesDir?: string; wasmDir?: string } = {},
): Promise<BackendResult> {
  const notes: string[] = [];
  if (choice === 'node' || choice === 'auto') {
    try {
      const tf = loadNative(opts.nativeModulesDir);
      await tf.setBackend('tensorflow');
      await tf.ready();
      return { tf, backend: 'node', notes };
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      if (choice === 'node') {
        throw new Error(
          `The native backend (tfjs-node) is not available: ${why}. Run "Paperlab: Install Native Backend", or choose backend "wasm".`,
          { cause: e },
        );
      }
      notes.push(`native backend (tfjs-node) not installed or not loadable (${why}); using WebAssembly`);
    }
  }
  const tf = tfBundled;
  if (choice === 'wasm' || choice === 'auto') {
    const dir = findWasmDir(opts.wasmDir);
    try {
      if (!dir) throw new Error(`${WASM_FILE} not found beside the trainer`);
      setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
      if (!wasmKernelRegistered) registerWasmKernels(tf);
      wasmKernelRegistered = true;
      if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialize');
      await tf.ready();
      return { tf, backend: 'wasm', notes };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (choice === 'wasm')
        throw new Error(`The WebAssembly backend could not start: ${why}. Choose backend "cpu" to run without it.`, {
          cause: e,
        });
      notes.push(`WebAssembly backend not available (${why}); using the pure-JavaScript cpu backend (slow)`);
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, backend: 'cpu', notes };
}
