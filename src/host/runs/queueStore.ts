/**
 * The queue of runs waiting for a free core, kept in a file (the extension's workspace storage) as
 * it changes, so a window reload does not drop it. The file is renewed while runs wait: after VS Code
 * was closed (not reloaded) for longer than the lease, a queue is restored only if the user chose to
 * keep training when VS Code closes. Free of `vscode`.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackendChoice } from '../../core/protocol/trainer';

export interface StoredRequest {
  config: Record<string, unknown>;
  runsDir: string;
  backend: BackendChoice;
  sourceConfig?: string;
  /** A cell of a sweep: stays one after a reload (its run folder is made from the sweep folder). */
  sweepCell?: { sweepDir: string; index: number };
}

interface QueueFile {
  renewedAt: number;
  requests: StoredRequest[];
}

export class QueueStore {
  constructor(readonly file: string) {}

  save(requests: StoredRequest[], now = Date.now()): void {
    try {
      if (requests.length === 0) {
        rmSync(this.file, { force: true });
        return;
      }
      mkdirSync(path.dirname(this.file), { recursive: true });
      const body: QueueFile = { renewedAt: now, requests };
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(body));
      renameSync(tmp, this.file);
    } catch {
      // Storage not writable: the queue still works in this window, it just does not survive a reload.
    }
  }

  /** The saved queue and when it was last renewed; empties the file (the caller re-queues). */
  take(): { requests: StoredRequest[]; renewedAt: number } {
    try {
      const q = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<QueueFile>;
      rmSync(this.file, { force: true });
      const requests = Array.isArray(q.requests)
        ? q.requests.filter(
            (r): r is StoredRequest =>
              !!r && typeof r === 'object' && typeof r.config === 'object' && typeof r.runsDir === 'string',
          )
        : [];
      return { requests, renewedAt: Number(q.renewedAt) || 0 };
    } catch {
      return { requests: [], renewedAt: 0 };
    }
  }
}
