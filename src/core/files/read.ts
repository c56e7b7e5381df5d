/**
 * Reading a file Paperlab did not write itself (a config, a run folder someone copied, a data file)
 * without trusting it to be a file. A FIFO blocks `open`/`read` forever, `/dev/zero` never ends, a
 * directory or a 600 MB "manifest" is not what its name says: each would hang or exhaust the process
 * that reads it — in the editor, the extension host. So every read here:
 *  - opens with O_NONBLOCK (a FIFO with no writer opens at once instead of blocking) and checks the
 *    type of what it opened (fstat, so a symlink swapped between a check and the open cannot fool it);
 *  - refuses anything but a regular file, in words that say what it found;
 *  - reads at most `maxBytes + 1` bytes, so a file that grows past its limit is caught too.
 * The async variant never blocks the calling thread; use it in the extension host.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileProblemKind = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export interface FileProblem {
  kind: FileProblemKind;
  /** What is wrong, in words, without the path (callers name the file the way their user knows it). */
  message: string;
  code?: string;
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem };
export type TextRead = { ok: true; text: string } | { ok: false; problem: FileProblem };

export interface ReadLimits {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** "1.5 MB", "600 MB": sizes as a researcher reads them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) ((v /= 1024), i++);
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** What a non-regular file is, for messages. */
export function describeFileType(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The problem of opening something that is not a regular file (says where a link leads). */
export function notARegularFile(st: Stats, file: string): FileProblem {
  let link = '';
  try {
    if (lstatSync(file).isSymbolicLink()) link = `a link to ${readlinkSync(file)}, which is `;
  } catch {
    /* the type alone says enough */
  }
  return { kind: 'not-a-file', message: `is ${link}${describeFileType(st)}, not a regular file` };
}

function typeProblem(st: Stats, file: string): FileProblem | undefined {
  return st.isFile() ? undefined : notARegularFile(st, file);
}

function sizeProblem(size: number, limits: ReadLimits): FileProblem | undefined {
  if (size <= limits.maxBytes) return undefined;
  return {
    kind: 'too-large',
    message: `is ${formatBytes(size)}, more than the ${formatBytes(limits.maxBytes)} Paperlab reads from such a file`,
  };
}

/** An fs error as a problem in words. */
export function errorProblem(err: unknown): FileProblem {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { kind: 'missing', message: 'does not exist', code };
    case 'ENOTDIR':
      return { kind: 'missing', message: 'does not exist (a part of its path is not a folder)', code };
    case 'EISDIR':
      return { kind: 'not-a-file', message: 'is a folder, not a regular file', code };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'unreadable', message: 'cannot be read: permission denied', code };
    case 'ELOOP':
      return { kind: 'unreadable', message: 'is a symbolic link that loops back on itself', code };
    default:
      return {
        kind: 'unreadable',
        message: `cannot be read (${err instanceof Error ? err.message : String(err)})`,
        code,
      };
  }
}

/** Reads a regular file of at most `limits.maxBytes` bytes; never blocks on a FIFO, never reads past the limit. */
export function readRegularFileSync(file: string, limits: ReadLimits): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, problem: errorProblem(e) };
  }
  try {
    const st = fstatSync(fd);
    const problem = typeProblem(st, file) ?? sizeProblem(st.size, limits);
    if (problem) return { ok: false, problem };
    // The file may grow between fstat and the read: read up to the limit + 1 to notice.
    const buf = Buffer.allocUnsafe(Math.min(st.size, limits.maxBytes) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) break;
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got > limits.maxBytes) return { ok: false, problem: sizeProblem(got, limits)! };
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    return { ok: false, problem: errorProblem(e) };
  } finally {
    closeSync(fd);
  }
}

/** The async twin of `readRegularFileSync`: the calling thread never waits on the disk. */
export async function readRegularFile(file: string, limits: ReadLimits): Promise<ReadResult> {
  let fh;
  try {
    fh = await open(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, problem: errorProblem(e) };
  }
  try {
    const st = await fh.stat();
    const problem = typeProblem(st, file) ?? sizeProblem(st.size, limits);
    if (problem) return { ok: false, problem };
    const buf = Buffer.allocUnsafe(Math.min(st.size, limits.maxBytes) + 1);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > limits.maxBytes) return { ok: false, problem: sizeProblem(got, limits)! };
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    return { ok: false, problem: errorProblem(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** UTF-8 text of a regular file, or the problem; a leading byte-order mark is dropped. */
export function readTextFileSync(
  file: string,
  limits: ReadLimits,
): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  const r = readRegularFileSync(file, limits);
  return r.ok ? { ok: true, text: stripBom(r.bytes.toString('utf8')) } : r;
}

export async function readTextFile(file: string, limits: ReadLimits): Promise<TextRead> {
  const r = await readRegularFile(file, limits);
  return r.ok ? { ok: true, text: stripBom(r.bytes.toString('utf8')) } : r;
}

/** Editors on Windows write a UTF-8 byte-order mark; it is not part of the text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Opens a file for chunked reading after the same checks: the caller reads and closes. */
export function openRegularFileSync(
  file: string,
  limits: ReadLimits,
): { ok: true; fd: number; size: number } | { ok: false; problem: FileProblem } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, problem: errorProblem(e) };
  }
  try {
    const st = fstatSync(fd);
    const problem = typeProblem(st, file) ?? sizeProblem(st.size, limits);
    if (problem) {
      closeSync(fd);
      return { ok: false, problem };
    }
    return { ok: true, fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    return { ok: false, problem: errorProblem(e) };
  }
}
