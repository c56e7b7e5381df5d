/**
 * Reader for IDX files (the MNIST file format: LeCun et al.), gzipped or not. Serves Fashion-MNIST
 * from Debian's `dataset-fashion-mnist` and any MNIST-format folder a user points `data.path` at.
 * Format: 2 zero bytes, a type byte (0x08 = unsigned byte), a rank byte, rank big-endian uint32
 * dimensions, then the data.
 */
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readRegularFileSync } from '../../core/files/read';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** The largest IDX file read (compressed or not) and the largest array inflated: 60k MNIST images are 47 MB. */
export const MAX_IDX_BYTES = 1024 * 1024 * 1024;

interface IdxHeader {
  dims: number[];
  /** Bytes of header before the values. */
  start: number;
  /** Bytes of values the dimensions call for. */
  size: number;
}

/** Reads the header (magic, type, rank, dimensions) from the first bytes; undefined if they are too few. */
function readHeader(bytes: Uint8Array, what: string): IdxHeader | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${what} is not an IDX file (bad magic number).`);
  if (bytes[2] !== 0x08)
    throw new Error(
      `${what} holds type 0x${bytes[2].toString(16)}; only unsigned-byte IDX files (0x08) are supported.`,
    );
  const rank = bytes[3];
  if (bytes.length < 4 + 4 * rank) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  let size = 1;
  for (const d of dims) size *= d;
  const start = 4 + 4 * rank;
  if (start + size > MAX_IDX_BYTES)
    throw new Error(
      `${what} declares ${dims.join(' × ')} values, more than the ${MAX_IDX_BYTES / 2 ** 20} MB Paperlab loads; is it an IDX file?`,
    );
  return { dims, start, size };
}

/**
 * The IDX header of a gzipped file, from a decompressed prefix only: the header says how large the
 * whole array is, so the full inflate can be capped at that size (a decompression bomb stops there).
 */
function gzipHeader(buf: Uint8Array, what: string): IdxHeader {
  for (const prefix of [1024, 64 * 1024]) {
    let head: Buffer;
    try {
      head = gunzipSync(buf.subarray(0, prefix), {
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
        maxOutputLength: 4 * 1024 * 1024,
      });
    } catch {
      continue; // too short a prefix for the gzip header, or damaged: try a longer one, then give up
    }
    const h = readHeader(head, what);
    if (h) return h;
    if (prefix >= buf.length) break;
  }
  throw new Error(`${what} is gzipped but its start cannot be decompressed into an IDX header; the file is damaged.`);
}

export function parseIdx(buf: Uint8Array, what = 'IDX file'): IdxArray {
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    const h = gzipHeader(buf, what);
    let bytes: Buffer;
    try {
      bytes = gunzipSync(buf, { maxOutputLength: h.start + h.size });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new Error(
          `${what} decompresses to more than the ${h.start + h.size} bytes its header declares (${h.dims.join(' × ')} values): the file is damaged or is a decompression bomb. Replace it.`,
          { cause: e },
        );
      throw new Error(`${what} cannot be decompressed (${(e as Error).message}); the file is damaged.`, { cause: e });
    }
    return checkSize(bytes, h, what);
  }
  const h = readHeader(buf, what);
  if (!h) throw new Error(`${what} is truncated (header).`);
  return checkSize(buf, h, what);
}

function checkSize(bytes: Uint8Array, h: IdxHeader, what: string): IdxArray {
  if (bytes.length < h.start + h.size)
    throw new Error(`${what} is truncated: expected ${h.size} values, found ${bytes.length - h.start}.`);
  return { dims: h.dims, data: bytes.subarray(h.start, h.start + h.size) };
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
  const images = parseIdx(readIdxFile(path.join(dir, imagesFile), imagesFile), imagesFile);
  const labels = parseIdx(readIdxFile(path.join(dir, labelsFile), labelsFile), labelsFile);
  if (images.dims.length !== 3)
    throw new Error(`${imagesFile} should have 3 dimensions (count, rows, cols), has ${images.dims.length}.`);
  if (labels.dims[0] !== images.dims[0])
    throw new Error(`${imagesFile} has ${images.dims[0]} images but ${labelsFile} has ${labels.dims[0]} labels.`);
  return { images: images.data, labels: labels.data, n: images.dims[0], rows: images.dims[1], cols: images.dims[2] };
}

/** A data file is read only if it is a regular file of sane size (a FIFO would block the trainer for good). */
function readIdxFile(file: string, what: string): Buffer {
  const r = readRegularFileSync(file, { maxBytes: MAX_IDX_BYTES });
  if (!r.ok) throw new Error(`${what} ${r.problem.message}.`);
  return r.bytes;
}
