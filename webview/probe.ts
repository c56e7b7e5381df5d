/**
 * The test build's window onto the dashboard (`window.__paperlabProbe`): what each chart drew, when
 * each drawing pass finished and how many events it included. Only the bundles built by the unit
 * tests' harness and the benchmark define `__PAPERLAB_PROBE__` as true; in `dist/webview.js` (the
 * panel and every report) it is false and this code is dropped by the bundler. Tests of the shipped
 * bundle read the DOM instead (each card's `data-points`, the run list).
 */
import type { Model } from './model';
import type { ChartBoard } from './board';

export interface Probe {
  /** Drawing passes so far, and the events each had seen. */
  log: { at: number; events: number }[];
  drawn(events: number, pending: number): void;
  /** Cards not drawn yet. */
  readonly pending: number;
  model(): Model;
  charts(): { id: string; datasets: number; points: number; labels: string[] }[];
}

export function installProbe(model: () => Model, board: ChartBoard): Probe {
  const probe: Probe = {
    log: [],
    get pending() {
      return board.pendingCount;
    },
    drawn(events) {
      if (probe.log.length < 10_000) probe.log.push({ at: performance.now(), events });
    },
    model,
    charts: () => board.drawnCharts(),
  };
  (window as unknown as { __paperlabProbe: Probe }).__paperlabProbe = probe;
  return probe;
}
