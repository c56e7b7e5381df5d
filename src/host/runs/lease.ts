/**
 * The lease a window holds on the detached runs it follows (`lease.json` in each run folder, see
 * src/core/protocol/trainer.ts). VS Code gives extensions no way to ask anything when a window
 * closes, and cannot tell a reload from a close; so the user's answer ("when VS Code closes, keep
 * training or stop?") is written into the lease, and the trainer itself acts on it once no window
 * has renewed the lease for a while — a reload re-adopts the run within seconds, a close does not.
 * Free of `vscode`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DETACHED_FILES, LEASE_RENEW_MS, type RunLease } from '../../core/protocol/trainer';

export type WhenVSCodeCloses = RunLease['whenVSCodeCloses'];

export function writeLease(runDir: string, whenVSCodeCloses: WhenVSCodeCloses, now = Date.now()): void {
  const file = path.join(runDir, DETACHED_FILES.lease);
  const lease: RunLease = { whenVSCodeCloses, renewedAt: now };
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(lease) + '\n');
    renameSync(tmp, file);
  } catch {
    // A folder deleted under a live run, a read-only disk: the trainer then keeps training (no lease = keep).
  }
}

/** Renews the leases of the runs this window follows, every LEASE_RENEW_MS. */
export class LeaseKeeper {
  private readonly dirs = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly policy: () => WhenVSCodeCloses,
    private readonly renewMs = LEASE_RENEW_MS,
  ) {}

  hold(runDir: string): void {
    this.dirs.add(runDir);
    writeLease(runDir, this.policy());
    this.timer ??= setInterval(() => this.renewAll(), this.renewMs);
    this.timer.unref?.();
  }

  drop(runDir: string): void {
    this.dirs.delete(runDir);
    if (this.dirs.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Now, e.g. after the user changed the setting. */
  renewAll(): void {
    const p = this.policy();
    for (const d of this.dirs) writeLease(d, p);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.dirs.clear();
  }
}
