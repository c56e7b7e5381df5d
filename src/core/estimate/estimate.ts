/**
 * How long a run of this config will take here: the paper's work for the config, at this machine's
 * speed, plus startup. Never throws: a paper without a work function, or a config it cannot read,
 * gives no estimate rather than a wrong one.
 */
import type { PaperEntry } from '../paper/types';
import { STARTUP_SECONDS, type Speed } from './calibrate';

export interface RunEstimate {
  seconds: number;
  basis: Speed['basis'];
  /** Past runs the speed is the median of (0 for the default speed). */
  n: number;
}

/** The paper's work for a resolved config, or undefined (no work function, unreadable config). */
export function workOf(paper: PaperEntry | undefined, config: unknown): number | undefined {
  const fn = paper && 'work' in paper ? paper.work : undefined;
  if (!fn || !config || typeof config !== 'object') return undefined;
  try {
    const w = fn(config);
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : undefined;
  } catch {
    return undefined;
  }
}

export function estimateRun(paper: PaperEntry | undefined, config: unknown, speed: Speed): RunEstimate | undefined {
  const work = workOf(paper, config);
  if (work === undefined || !(speed.perSecond > 0)) return undefined;
  return { seconds: STARTUP_SECONDS + work / speed.perSecond, basis: speed.basis, n: speed.n };
}
