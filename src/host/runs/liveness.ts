/**
 * Is the trainer recorded in a run folder still that process? A pid alone can lie: after a reboot
 * or a long time, the number may belong to another program, and a run would then look alive for
 * ever. On Linux the process's own start time (from /proc) must match the run's start (the trainer
 * writes `startedAt` a moment after its process starts); elsewhere, a live pid is all we can check.
 * Free of `vscode`.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { isProcessAlive } from '../../core/runs/folder';

/** Clock ticks per second of /proc/<pid>/stat's start time: 100 on every Linux that Node supports. */
const CLK_TCK = 100;
/** A trainer writes its manifest this long after its process started, at most (a loaded machine, a slow disk). */
const STARTUP_SLACK_MS = 10 * 60_000;
/** Rounding of the boot time (whole seconds) and of the ticks. */
const CLOCK_SLACK_MS = 3_000;

let bootMs: number | undefined | null;

function bootTimeMs(): number | undefined {
  if (bootMs === undefined) {
    try {
      const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
      bootMs = m ? Number(m[1]) * 1000 : null;
    } catch {
      bootMs = null;
    }
  }
  return bootMs ?? undefined;
}

/** When the process started, in ms since the epoch; undefined where /proc cannot tell. */
export function processStartMs(pid: number): number | undefined {
  if (os.platform() !== 'linux') return undefined;
  const boot = bootTimeMs();
  if (boot === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 overall
    return Number.isFinite(ticks) ? boot + (ticks * 1000) / CLK_TCK : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is alive and, where the start time can be read, started shortly before
 * `startedAt` (the run's recorded start): the same process that wrote the manifest.
 */
export function trainerAlive(pid: number | undefined, startedAt: string | undefined): boolean {
  if (!pid || !isProcessAlive(pid)) return false;
  const started = startedAt ? Date.parse(startedAt) : NaN;
  const proc = processStartMs(pid);
  if (proc === undefined || !Number.isFinite(started)) return true;
  return proc <= started + CLOCK_SLACK_MS && proc >= started - STARTUP_SLACK_MS;
}
