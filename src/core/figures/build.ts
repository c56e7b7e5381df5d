/**
 * From a FigureSpec and some runs' events to chart-ready lines: which events feed the figure, how
 * they group into lines (the spec's `lineBy` tags, seeds of one config merged as mean ± spread), the
 * early-stop summaries derived while a round is still training, smoothing, log guards, decimation.
 * Chart-library-agnostic: the webview turns `FigureData` into Chart.js datasets, the report and the
 * CSV/JSON exports read it as is. Imported by the webview: only type imports and local modules.
 */
import type { MetricEvent, RunEvent, SeriesTags, SummaryEvent } from '../runs/events';
import type { AxisSource, AxisSpec, FigureSpec, SummaryDerivation } from './spec';
import {
  aggregateSeeds,
  decimateMinMax,
  guardLog,
  smoothEma,
  type AggPoint,
  type Point,
  type SeedBand,
} from './numeric';
import { fitLines, type FitLine } from './fits';
import { buildHistogram } from './histogram';

/** One run's data as the figures need it. */
export interface RunData {
  id: string;
  name: string;
  /**
   * The seed-group key (manifest `groupKey`): runs that share it differ only in seed and are drawn as
   * one line (mean ± spread). Empty = a group of its own.
   */
  groupKey: string;
  events: RunEvent[];
}

export interface FigureLine {
  /** Stable across updates: group + line tags + axis. */
  key: string;
  label: string;
  /** Index into the figure's y axes. */
  axis: number;
  tags: Record<string, string | number | boolean>;
  runIds: string[];
  /** Index of the run group (0 when one config is shown): drives the marker shape. */
  group: number;
  /** Mean over seeds (or the single run), in display units (percent applied). */
  points: AggPoint[];
  /** True when more than one seed contributed: draw the [lo, hi] band. */
  band: boolean;
  /** How to draw it when not a plain line: a histogram's bars, or a predicted density over them. */
  style?: 'stepped' | 'overlay';
  /** Which of the figure's overlays this line is (its dash pattern), for `overlay` lines. */
  variant?: number;
}

export interface BuildOptions {
  /** 0..0.99, curves only. */
  smoothing?: number;
  /** Per axis ('x', 'y0', 'y1') overrides of the spec's scale. */
  scales?: Record<string, 'linear' | 'log'>;
  /** Bound on points per line (min–max decimation); unbounded when absent. */
  maxPointsPerLine?: number;
  /** The band around a seed group's mean: the seeds' range (default) or the mean's 95% CI. */
  band?: SeedBand;
  /**
   * The paper's arms (its definition's `arms`, method first): legends name an arm by its label and
   * list the method before its controls. Without them arms are named by their ids.
   */
  arms?: readonly { id: string; label: string; role: 'method' | 'control' }[];
}

export interface FigureData {
  spec: FigureSpec;
  xScale: 'linear' | 'log';
  yScales: ('linear' | 'log')[];
  lines: FigureLine[];
  /** Points not drawn because a log axis cannot show values ≤ 0. */
  droppedForLog: number;
  /** What the bands of seed groups show: the seeds' range or the mean's 95% CI. */
  band: SeedBand;
  /** Power-law fits of the lines (FigureSpec.fit), drawn dashed with their slopes. */
  fits?: FitLine[];
}

type Tags = SeriesTags | Record<string, string | number | boolean | undefined>;

/**
 * A series' identity as a string. Cheap on purpose (it runs once per event): the values in key order
 * as written. One trainer writes its tags in one order, so equal series give equal keys; two orders
 * of the same tags would only split a line, never merge two.
 */
const keyCache = new WeakMap<object, string>();
const seriesKey = (tags: Tags) => {
  // Unpacked events of one series share their tags object: compute its key once.
  let k = keyCache.get(tags);
  if (k !== undefined) return k;
  k = '';
  for (const t in tags) k += t + '\u0001' + String(tags[t]) + '\u0002';
  keyCache.set(tags, k);
  return k;
};

export function readAxis(
  src: AxisSource,
  ev: { step?: number; time: number; series: Tags; values?: Record<string, number> },
): number | undefined {
  let v: unknown;
  switch (src.kind) {
    case 'step':
      v = ev.step;
      break;
    case 'time':
      v = ev.time / 1000;
      break;
    case 'tag':
      v = ev.series[src.tag] ?? ev.values?.[src.tag];
      break;
    case 'value':
      v = ev.values?.[src.key] ?? ev.series[src.key];
      break;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export const matches = (tags: Tags, want?: Record<string, string | number | boolean>) =>
  !want || Object.entries(want).every(([k, v]) => tags[k] === v);

/**
 * Early stopping read from a series' metric events: the step of minimum `loss`, and other values at
 * that step. The first minimum wins on ties (the paper stops at the earliest best iteration).
 */
export function deriveSummary(metrics: MetricEvent[], derive: SummaryDerivation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of derive) {
    if (d.kind === 'last') {
      for (let i = metrics.length - 1; i >= 0; i--) {
        const v = metrics[i].values[d.key];
        if (Number.isFinite(v)) {
          out[d.as] = v;
          break;
        }
      }
      continue;
    }
    let best: MetricEvent | undefined;
    for (const m of metrics) {
      const l = m.values[d.loss];
      if (Number.isFinite(l) && (!best || l < best.values[d.loss])) best = m;
    }
    if (!best) continue;
    out[d.stepAs] = best.step;
    for (const [as, key] of Object.entries(d.values ?? {}))
      if (Number.isFinite(best.values[key])) out[as] = best.values[key];
  }
  return out;
}

const summaryCache = new WeakMap<
  RunEvent[],
  { length: number; derive: SummaryDerivation[] | undefined; result: SummaryEvent[] }
>();

/** The summary events of a run, plus derived ones for series that have metrics but no summary yet. */
export function summariesOf(events: RunEvent[], derive?: SummaryDerivation[]): SummaryEvent[] {
  // Several figures ask for the same run's summaries; a run's event list only grows.
  const hit = summaryCache.get(events);
  if (hit && hit.length === events.length && hit.derive === derive) return hit.result;
  const result = computeSummaries(events, derive);
  summaryCache.set(events, { length: events.length, derive, result });
  return result;
}

function computeSummaries(events: RunEvent[], derive?: SummaryDerivation[]): SummaryEvent[] {
  const summaries = events.filter((e): e is SummaryEvent => e.type === 'summary');
  if (!derive || derive.length === 0) return summaries;
  const have = new Set(summaries.map((s) => seriesKey(s.series)));
  const pending = new Map<string, MetricEvent[]>();
  for (const e of events) {
    if (e.type !== 'metric') continue;
    const k = seriesKey(e.series);
    if (have.has(k)) continue;
    const list = pending.get(k);
    if (list) list.push(e);
    else pending.set(k, [e]);
  }
  const derived: SummaryEvent[] = [];
  for (const list of pending.values()) {
    const values = deriveSummary(list, derive);
    if (Object.keys(values).length > 0)
      derived.push({ type: 'summary', time: list[list.length - 1].time, series: list[0].series, values });
  }
  return [...summaries, ...derived];
}

/**
 * "ticket · round 3 · 21.1% weights": a line's tags in words, in `lineBy` order, an arm by its label
 * when `armLabels` has one. A line with all its weights (round 0, 100%) is the unpruned net whatever
 * arm produced it: it says "dense".
 */
export function describeTags(
  tags: Record<string, string | number | boolean>,
  order: string[],
  armLabels?: ReadonlyMap<string, string>,
): string {
  const parts: string[] = [];
  const unpruned = tags.round === 0 || tags.density === 1;
  for (const k of order) {
    const v = tags[k];
    if (v === undefined) continue;
    if (k === 'arm') parts.push(unpruned ? 'dense' : (armLabels?.get(String(v)) ?? String(v).replace(/_/g, ' ')));
    else if (k === 'round') parts.push(`round ${v}`);
    else if (k === 'density' && typeof v === 'number') parts.push(`${formatPercent(v)} weights`);
    else parts.push(`${k} ${v}`);
  }
  return parts.join(' · ');
}

export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 ? p.toFixed(1).replace(/\.0$/, '') : p.toPrecision(2)}%`;
}

const scaleOf = (axis: AxisSpec, override?: 'linear' | 'log') => override ?? axis.scale;

/** Builds one figure's lines from the runs shown. Runs are grouped by seed-group key, in the order given. */
export function buildFigure(spec: FigureSpec, runs: RunData[], opts: BuildOptions = {}): FigureData {
  if (spec.kind === 'histogram') return buildHistogram(spec, runs);
  const xScale = scaleOf(spec.x, opts.scales?.x);
  const yScales = spec.y.map((a, i) => scaleOf(a, opts.scales?.[`y${i}`]));
  const armLabels = new Map((opts.arms ?? []).map((a) => [a.id, a.label]));
  const armRank = armRanker(opts.arms);

  // Group runs: seeds of one config share a group key. Names tell groups apart in the legend.
  const groups: { hash: string; runs: RunData[] }[] = [];
  for (const r of runs) {
    const g = groups.find((x) => x.hash === r.groupKey && r.groupKey !== '');
    if (g) g.runs.push(r);
    else groups.push({ hash: r.groupKey, runs: [r] });
  }
  const nameCount = new Map<string, number>();
  for (const g of groups) nameCount.set(g.runs[0].name, (nameCount.get(g.runs[0].name) ?? 0) + 1);

  const lines: FigureLine[] = [];
  let droppedForLog = 0;
  groups.forEach((g, gi) => {
    const first = g.runs[0];
    let groupLabel = (nameCount.get(first.name) ?? 0) > 1 ? `${first.name} (${first.id})` : first.name;
    if (g.runs.length > 1) groupLabel += ` (${g.runs.length} seeds)`;

    // (line tags, axis) → run id → points. Percent is applied here, once per point.
    const fx = spec.x.percent ? 100 : 1;
    const fys = spec.y.map((a) => (a.percent ? 100 : 1));
    const perLine = new Map<
      string,
      { tags: Record<string, string | number | boolean>; axis: number; perRun: Map<string, AggPoint[]> }
    >();
    // Events of one series often share their `series` object (unpacked from the wire): key it once.
    const keyOf = new Map<object, string>();
    for (const run of g.runs) {
      const sources: { step?: number; time: number; series: Tags; values?: Record<string, number> }[] =
        spec.kind === 'curves' ? run.events : summariesOf(run.events, spec.derive);
      for (const ev of sources) {
        if (spec.kind === 'curves' && (ev as RunEvent).type !== 'metric') continue;
        if (spec.filter && !matches(ev.series, spec.filter)) continue;
        const x = readAxis(spec.x.source, ev);
        if (x === undefined) continue;
        let lineKey = keyOf.get(ev.series);
        if (lineKey === undefined) {
          lineKey = '';
          for (const t of spec.lineBy) lineKey += String(ev.series[t]) + '\u0001';
          keyOf.set(ev.series, lineKey);
        }
        for (let ai = 0; ai < spec.y.length; ai++) {
          const y = readAxis(spec.y[ai].source, ev);
          if (y === undefined) continue;
          const key = lineKey + ai;
          let line = perLine.get(key);
          if (!line) {
            const tags: Record<string, string | number | boolean> = {};
            for (const t of spec.lineBy) {
              const v = ev.series[t];
              if (v !== undefined) tags[t] = v;
            }
            perLine.set(key, (line = { tags, axis: ai, perRun: new Map() }));
          }
          let pts = line.perRun.get(run.id);
          if (!pts) line.perRun.set(run.id, (pts = []));
          const yy = y * fys[ai];
          const boundKey = spec.y[ai].lowerBoundIf;
          const bound = boundKey !== undefined && !!ev.values?.[boundKey];
          pts.push({ x: x * fx, y: yy, lo: yy, hi: yy, n: 1, ...(bound ? { bound } : {}) });
        }
      }
    }

    for (const [key, line] of perLine) {
      const perSeed = [...line.perRun.values()].map(sortedByX);
      let points: AggPoint[] = perSeed.length === 1 ? perSeed[0] : aggregateSeeds(perSeed, opts.band);
      const yAxis = spec.y[line.axis];
      if (spec.kind === 'curves' && opts.smoothing) points = smoothEma(points, opts.smoothing, ['y', 'lo', 'hi']);
      const guarded = guardLog(points, xScale === 'log', yScales[line.axis] === 'log');
      droppedForLog += guarded.dropped;
      points = guarded.points;
      if (opts.maxPointsPerLine) points = decimateMinMax(points, opts.maxPointsPerLine);
      const tagText = describeTags(line.tags, spec.lineBy, armLabels);
      const parts = [
        groups.length > 1 || !tagText ? groupLabel : '',
        tagText,
        spec.y.length > 1 ? yAxis.label : '',
      ].filter(Boolean);
      lines.push({
        key: `${g.hash || first.id}|${key}`,
        label: parts.join(' · '),
        axis: line.axis,
        tags: line.tags,
        runIds: [...line.perRun.keys()],
        group: gi,
        points,
        band: line.perRun.size > 1,
      });
    }
  });
  lines.sort((a, b) => a.group - b.group || compareTags(a.tags, b.tags, spec.lineBy, armRank) || a.axis - b.axis);
  const fits = spec.fit ? fitLines(lines, spec.fit, spec.x.percent ? 100 : 1, spec.y[0].percent ? 100 : 1) : undefined;
  return { spec, xScale, yScales, lines, droppedForLog, band: opts.band ?? 'range', ...(fits ? { fits } : {}) };
}

/** Orders lines by their tags in `lineBy` order (numbers numerically, descending density first). */
function compareTags(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  order: string[],
  armRank: (arm: string) => number,
): number {
  for (const k of order) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return k === 'density' ? y - x : x - y;
    // The method's own arm before its controls, so legends read "ticket …" then "random reinit …".
    if (k === 'arm') return armRank(String(x)) - armRank(String(y)) || String(x).localeCompare(String(y));
    return String(x).localeCompare(String(y));
  }
  return 0;
}

/** Arm names taken for the method when a paper's arms are not given (a report from an older version). */
const MAIN_ARMS = ['ticket', 'winning_ticket', 'dense', 'main'];

/** Legend order of arms: the paper's own order (method first), else method-like names first. */
function armRanker(arms: BuildOptions['arms']): (arm: string) => number {
  if (!arms?.length) return (arm) => (MAIN_ARMS.includes(arm) ? 0 : 1);
  return (arm) => {
    const i = arms.findIndex((a) => a.id === arm);
    return i < 0 ? arms.length : i;
  };
}

/** Points in x order; trainers write steps in order, so this is usually a check, not a sort. */
function sortedByX<T extends Point>(pts: T[]): T[] {
  for (let i = 1; i < pts.length; i++) if (pts[i].x < pts[i - 1].x) return [...pts].sort((a, b) => a.x - b.x);
  return pts;
}
