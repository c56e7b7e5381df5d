/**
 * How long a sweep takes on N slots (cores, or Slurm's concurrent tasks): each cell's run-time
 * estimate (src/core/estimate), packed onto the slots longest first — what the pool does when cells
 * differ in length, within 4/3 of the best packing (Graham's LPT bound). Seeds do not change a cell's
 * work, so one estimate per grid setting serves all its seeds.
 */
import type { PaperEntry } from '../paper/types';
import { estimateRun } from '../estimate/estimate';
import type { Speed } from '../estimate/calibrate';
import { cellAt, cellCount, type SweepSpec } from './spec';

export interface SweepEstimate {
  runs: number;
  /** Wall seconds on `slots` slots. */
  seconds: number;
  slots: number;
  /** Sum of the cells' estimates: what the sweep costs in core-seconds. */
  cpuSeconds: number;
}

/** Longest-processing-time-first packing of jobs onto `slots` machines: the makespan. */
export function makespan(seconds: number[], slots: number): number {
  const k = Math.max(1, Math.floor(slots));
  const load = new Array<number>(Math.min(k, Math.max(1, seconds.length))).fill(0);
  for (const s of [...seconds].sort((a, b) => b - a)) {
    let min = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[min]) min = i;
    load[min] += s;
  }
  return Math.max(0, ...load);
}

/**
 * When the last job ends: each slot first finishes what it is running (seconds left), then queued
 * jobs, in order, go to whichever slot frees first — what a pool does.
 */
export function finishTime(runningLeft: number[], queued: number[], slots: number): number {
  const load = [...runningLeft];
  while (load.length < Math.max(1, slots)) load.push(0);
  for (const s of queued) {
    let min = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[min]) min = i;
    load[min] += s;
  }
  return Math.max(0, ...load);
}

export function estimateSweep(
  paper: PaperEntry | undefined,
  base: Record<string, unknown>,
  spec: SweepSpec,
  speed: Speed,
  slots: number,
): SweepEstimate | undefined {
  const runs = cellCount(spec);
  const nSeeds = spec.seeds.length;
  const perCell: number[] = [];
  for (let i = 0; i < runs; i += nSeeds) {
    const e = estimateRun(paper, cellAt(base, spec, i).config, speed);
    if (!e) return undefined;
    for (let s = 0; s < nSeeds; s++) perCell.push(e.seconds);
  }
  return {
    runs,
    seconds: makespan(perCell, slots),
    slots: Math.min(slots, runs),
    cpuSeconds: perCell.reduce((a, b) => a + b, 0),
  };
}
