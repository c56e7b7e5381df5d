/**
 * This machine's speed, in work units (MAC-equivalents, see work.ts) per second, read from the runs it
 * has already finished: a completed run's work divided by its wall time. The median of the most recent
 * ones on the same backend, so one run slowed by a busy machine (or sped up by an idle one) does not
 * move the estimate much, and a newer machine or backend version wins over old history.
 */
import type { RunStatus } from '../runs/events';

/** What the estimate needs from one run folder (manifest + the paper's work for its config.json). */
export interface PastRun {
  status: RunStatus;
  backend: string;
  startedAt?: string;
  endedAt?: string;
  /** Work of the run's resolved config; undefined when its paper has no work function. */
  work?: number;
}

/**
 * Seconds of a run's recorded time spent outside training (loading TensorFlow.js, the wasm module and
 * the dataset): 1.0 s for a 10-iteration mnist run and 1.25 s for fashion-mnist on this machine (wasm).
 */
export const STARTUP_SECONDS = 1.5;

/**
 * The speed used before this machine has finished any run. Measured with the wasm backend on the
 * development machine (2 cores shared with another training session, load average ~3): six
 * random-pruning runs of 44–354 s gave 8.2–10.6 G/s, a 2-round lottery-ticket run (148 s, 54% of a
 * core) 5.6 G/s. The default takes the slow end, so a first estimate errs long rather than short.
 */
export const DEFAULT_SPEED = 5e9;

/** How many recent runs the median is taken over. */
export const RECENT_RUNS = 10;

/** Runs shorter than this are mostly startup, so their speed says little about training. */
const MIN_TRAINING_SECONDS = 5;

export type SpeedBasis = 'past runs on this machine' | 'default';

export interface Speed {
  /** Work units per second. */
  perSecond: number;
  basis: SpeedBasis;
  /** How many past runs the median is over (0 for the default). */
  n: number;
  backend?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Work per second of one finished run, or undefined when it cannot say (not completed, no times, no work). */
export function runSpeed(r: PastRun): number | undefined {
  if (r.status !== 'completed' || !(typeof r.work === 'number' && r.work > 0)) return undefined;
  const t0 = Date.parse(r.startedAt ?? '');
  const t1 = Date.parse(r.endedAt ?? '');
  const training = (t1 - t0) / 1000 - STARTUP_SECONDS;
  if (!Number.isFinite(training) || training < MIN_TRAINING_SECONDS) return undefined;
  return r.work / training;
}

/**
 * The speed to estimate with. `backend`: the one the next run will use; `auto` or undefined = the
 * backend of the most recent usable run (what `auto` chose last time). Runs are newest first.
 * Undefined for a backend chosen explicitly other than wasm with no runs of its own: the default was
 * measured on wasm, and the native backend is several times faster, pure JS many times slower.
 */
export function calibrate(runs: PastRun[], backend?: string): Speed | undefined {
  const usable = runs
    .map((r) => ({ r, speed: runSpeed(r) }))
    .filter((x): x is { r: PastRun; speed: number } => x.speed !== undefined);
  const want = backend && backend !== 'auto' ? backend : usable[0]?.r.backend;
  const same = usable.filter((x) => x.r.backend === want).slice(0, RECENT_RUNS);
  if (same.length === 0)
    return backend && backend !== 'auto' && backend !== 'wasm'
      ? undefined
      : { perSecond: DEFAULT_SPEED, basis: 'default', n: 0 };
  return {
    perSecond: median(same.map((x) => x.speed)),
    basis: 'past runs on this machine',
    n: same.length,
    backend: want,
  };
}
