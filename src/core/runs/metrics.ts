/**
 * `metrics.jsonl`: the one definition of a valid line, the writer, and the one reader shared by the
 * CLI, the report, the dashboard and the scripts. The reader
 *  - reads from a byte offset, so a live run is followed by reading only what was appended;
 *  - leaves a last line without its newline for the next read (a write in progress, or torn by a kill);
 *  - counts and skips complete lines that are not events;
 *  - reads in bounded chunks and refuses files that are not regular files or are larger than
 *    `MAX_METRICS_BYTES`, so a FIFO or a runaway file never hangs or exhausts the reader;
 *  - hands events one at a time to `onEvent` when the caller thins them as it reads (the report).
 */
import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { errorProblem, formatBytes, notARegularFile, type FileProblem } from '../files/read';
import type { RunEvent } from './events';

/** Larger metrics files are not read: 256 MB is well over a million events, far past any run here. */
export const MAX_METRICS_BYTES = 256 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A "line" longer than this is not an event: it is skipped without being held in memory. */
const MAX_LINE_BYTES = 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one definition of a valid event line (values may be null: JSON writes NaN and ∞ as null). */
export function isRunEvent(e: unknown): e is RunEvent {
  if (!isObject(e) || !isObject(e.series) || typeof e.time !== 'number') return false;
  switch (e.type) {
    case 'metric':
      return typeof e.step === 'number' && isObject(e.values);
    case 'summary':
      return isObject(e.values);
    case 'phase':
      return typeof e.step === 'number' && typeof e.label === 'string';
    default:
      return false;
  }
}

/** Appends events to metrics.jsonl, one line each, written through to the OS before returning. */
export class MetricsWriter {
  private fd: number | undefined;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }
  append(event: RunEvent): void {
    if (this.fd === undefined) throw new Error('metrics log already closed');
    writeSync(this.fd, JSON.stringify(event) + '\n');
  }
  close(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        /* closing can report a deferred write error (a full disk); the run's outcome is recorded elsewhere */
      }
    }
    this.fd = undefined;
  }
}

export interface MetricsRead {
  /** The events read (empty when `onEvent` received them instead). */
  events: RunEvent[];
  /** Byte offset just past the last complete line: pass it back to read only what was appended. */
  nextOffset: number;
  /** Complete lines that were not valid events (skipped). */
  badLines: number;
  /** The file is shorter than the offset asked for: it was rewritten, and was read from the start. */
  restarted: boolean;
  /** Why nothing could be read (missing, not a file, too large, unreadable). */
  problem?: FileProblem;
}

export interface MetricsReadOptions {
  maxBytes?: number;
  /** Receives each event instead of the `events` array (for readers that thin as they go). */
  onEvent?: (e: RunEvent) => void;
}

/** Splits chunks into lines and parses them; holds at most one partial line between chunks. */
class LineParser {
  events: RunEvent[] = [];
  badLines = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private skipping = false;
  /** Bytes consumed through the last complete line, relative to the start. */
  consumed = 0;
  private seen = 0;

  constructor(private readonly onEvent?: (e: RunEvent) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      const piece = chunk.subarray(start, nl);
      if (this.skipping) this.skipping = false;
      else if (this.carryBytes) {
        this.carry.push(piece);
        this.line(Buffer.concat(this.carry));
        this.carry = [];
        this.carryBytes = 0;
      } else this.line(piece);
      start = nl + 1;
      this.consumed = this.seen + start;
    }
    const rest = chunk.subarray(start);
    if (rest.length && !this.skipping) {
      if (this.carryBytes + rest.length > MAX_LINE_BYTES) {
        this.badLines++;
        this.skipping = true;
        this.carry = [];
        this.carryBytes = 0;
      } else {
        this.carry.push(Buffer.from(rest)); // a copy: the chunk buffer is reused
        this.carryBytes += rest.length;
      }
    }
    this.seen += chunk.length;
  }

  private line(bytes: Buffer): void {
    const text = bytes.toString('utf8').trim();
    if (!text) return;
    let e: unknown;
    try {
      e = JSON.parse(text);
    } catch {
      this.badLines++;
      return;
    }
    if (!isRunEvent(e)) {
      this.badLines++;
      return;
    }
    if (this.onEvent) this.onEvent(e);
    else this.events.push(e);
  }
}

function tooLarge(size: number, maxBytes: number): FileProblem {
  return {
    kind: 'too-large',
    message: `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} Paperlab reads from a metrics log`,
  };
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function result(p: LineParser, from: number, restarted: boolean): MetricsRead {
  return { events: p.events, nextOffset: from + p.consumed, badLines: p.badLines, restarted };
}

function empty(offset: number, problem?: FileProblem): MetricsRead {
  return { events: [], nextOffset: offset, badLines: 0, restarted: false, problem };
}

/** Reads the complete lines of `file` from `offset` on (see the module comment). */
export function readMetricsSync(file: string, offset = 0, opts: MetricsReadOptions = {}): MetricsRead {
  const maxBytes = opts.maxBytes ?? MAX_METRICS_BYTES;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return empty(offset, errorProblem(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return empty(offset, notARegularFile(st, file));
    if (st.size > maxBytes) return empty(offset, tooLarge(st.size, maxBytes));
    const restarted = st.size < offset;
    const from = restarted ? 0 : offset;
    const parser = new LineParser(opts.onEvent);
    const buf = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, st.size - from)));
    let pos = from;
    // Only what existed at fstat time: a live writer keeps appending, the next read takes the rest.
    while (pos < st.size) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, st.size - pos), pos);
      if (n === 0) break;
      parser.push(buf.subarray(0, n));
      pos += n;
    }
    return result(parser, from, restarted);
  } catch (e) {
    return empty(offset, errorProblem(e));
  } finally {
    closeSync(fd);
  }
}

/** The async twin of `readMetricsSync`, for the extension host (never blocks its thread). */
export async function readMetricsAsync(file: string, offset = 0, opts: MetricsReadOptions = {}): Promise<MetricsRead> {
  const maxBytes = opts.maxBytes ?? MAX_METRICS_BYTES;
  let fh;
  try {
    fh = await open(file, OPEN_FLAGS);
  } catch (e) {
    return empty(offset, errorProblem(e));
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return empty(offset, notARegularFile(st, file));
    if (st.size > maxBytes) return empty(offset, tooLarge(st.size, maxBytes));
    const restarted = st.size < offset;
    const from = restarted ? 0 : offset;
    const parser = new LineParser(opts.onEvent);
    const buf = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, st.size - from)));
    let pos = from;
    while (pos < st.size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, st.size - pos), pos);
      if (bytesRead === 0) break;
      parser.push(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
    return result(parser, from, restarted);
  } catch (e) {
    return empty(offset, errorProblem(e));
  } finally {
    await fh.close().catch(() => undefined);
  }
}
