/**
 * Thinning a run's events as they are read, so the HTML report's memory and size stay bounded
 * whatever the length of the run: each series keeps at most `2 × perSeries` metric events while
 * reading (every k-th one, k doubling when the buffer fills) and its last event. Runs shorter than
 * `perSeries` points per series — every run the examples make — are kept exactly. Summary and phase
 * events (a few per series) are kept up to `MAX_OTHER_EVENTS`.
 */
import type { MetricEvent, RunEvent } from '../runs/events';

/** Summary and phase events are a few per series; past this many a file is not a run's log. */
const MAX_OTHER_EVENTS = 50_000;

interface SeriesBuffer {
  kept: MetricEvent[];
  stride: number;
  seen: number;
  last?: MetricEvent;
}

export class EventThinner {
  private series = new Map<string, SeriesBuffer>();
  private other: RunEvent[] = [];
  private metricEvents = 0;
  /** Summary and phase events past `MAX_OTHER_EVENTS`, not kept. */
  droppedOther = 0;

  constructor(readonly perSeries: number) {}

  add = (e: RunEvent): void => {
    if (e.type !== 'metric') {
      if (this.other.length < MAX_OTHER_EVENTS) this.other.push(e);
      else this.droppedOther++;
      return;
    }
    this.metricEvents++;
    let key = '';
    for (const t in e.series) key += t + '\u0001' + String(e.series[t]) + '\u0002';
    let b = this.series.get(key);
    if (!b) this.series.set(key, (b = { kept: [], stride: 1, seen: 0 }));
    if (b.seen % b.stride === 0) {
      b.kept.push(e);
      if (b.kept.length >= 2 * this.perSeries) {
        // Keep every other one: the same even spacing, at twice the stride.
        let w = 0;
        for (let r = 0; r < b.kept.length; r += 2) b.kept[w++] = b.kept[r];
        b.kept.length = w;
        b.stride *= 2;
      }
    }
    b.seen++;
    b.last = e;
  };

  /** True when some series lost points. */
  get thinned(): boolean {
    for (const b of this.series.values()) if (b.stride > 1) return true;
    return this.droppedOther > 0;
  }

  get totalMetricEvents(): number {
    return this.metricEvents;
  }

  /** Metric events series by series (each in file order, ending with its last event), then the rest. */
  events(): RunEvent[] {
    const out: RunEvent[] = [];
    for (const b of this.series.values()) {
      for (const e of b.kept) out.push(e);
      if (b.last && b.kept[b.kept.length - 1] !== b.last) out.push(b.last);
    }
    for (const e of this.other) out.push(e);
    return out;
  }
}
