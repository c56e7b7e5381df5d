/**
 * Reader for IDX files (the MNIST file format: LeCun et al.), gzipped or not. Serves Fashion-MNIST
 * from Debian's `dataset-fashion-mnist` and any MNIST-format folder a user points `data.path` at.
 * Format: 2 zero bytes, a type byte (0x08 = unsigned byte), a rank byte, rank big-endian uint32
 * dimensions, then the data.
 */
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdx(buf: Uint8Array, what = 'IDX file'): IdxArray {
  const bytes = buf[0] === 0x1f && buf[1] === 0x8b ? new Uint8Array(gunzipSync(buf)) : buf;
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0)
    throw new Error(`${what} is not an IDX file (bad magic number).`);
  if (bytes[2] !== 0x08)
    throw new Error(
      `${what} holds type 0x${bytes[2].toString(16)}; only unsigned-byte IDX files (0x08) are supported.`,
    );
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 + 4 * rank) throw new Error(`${what} is truncated (header).`);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  if (bytes.length < start + size)
    throw new Error(`${what} is truncated: expected ${size} values, found ${bytes.length - start}.`);
  return { dims, data: bytes.subarray(start, start + size) };
}

/** Encodes an IDX unsigned-byte array (used by tests and by anyone converting data). */
export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

export interface IdxImageSet {
  images: Uint8Array;
  labels: Uint8Array;
  n: number;
  rows: number;
  cols: number;
}

/** Finds `<prefix>-images…idx3…` and `<prefix>-labels…idx1…` (optionally .gz) in a folder. */
function findFile(dir: string, prefix: 'train' | 't10k', kind: 'images' | 'labels'): string | undefined {
  const re = new RegExp(`^${prefix}-${kind}[-.]idx${kind === 'images' ? 3 : 1}-ubyte(\\.gz)?$`);
  return readdirSync(dir).find((f) => re.test(f));
}

export function readIdxImageSet(dir: string, prefix: 'train' | 't10k'): IdxImageSet {
  if (!existsSync(dir)) throw new Error(`Data folder ${dir} does not exist.`);
  const imagesFile = findFile(dir, prefix, 'images');
  const labelsFile = findFile(dir, prefix, 'labels');
  if (!imagesFile || !labelsFile) {
    throw new Error(
      `${dir} has no ${prefix}-images-idx3-ubyte[.gz] / ${prefix}-labels-idx1-ubyte[.gz] pair (MNIST-format IDX files).`,
    );
  }
  const images = parseIdx(readFileSync(path.join(dir, imagesFile)), imagesFile);
  const labels = parseIdx(readFileSync(path.join(dir, labelsFile)), labelsFile);
  if (images.dims.length !== 3)
    throw new Error(`${imagesFile} should have 3 dimensions (count, rows, cols), has ${images.dims.length}.`);
  if (labels.dims[0] !== images.dims[0])
    throw new Error(`${imagesFile} has ${images.dims[0]} images but ${labelsFile} has ${labels.dims[0]} labels.`);
  return { images: images.data, labels: labels.data, n: images.dims[0], rows: images.dims[1], cols: images.dims[2] };
}
