/**
 * The typed protocol between the dashboard webview and its host (the extension's panel, or the static
 * HTML report, which plays the host's part with inlined data). One union per direction, keyed on
 * `type`; both sides import this file with `import type`, and the host checks every message from the
 * webview with `parseWebviewMessage` before using it (a webview is untrusted input).
 *
 * Handshake: the webview posts `ready` once its script has loaded (and again after every reload —
 * VS Code destroys a hidden webview's page), the host answers with `init` (the whole picture), then
 * sends `runEvents` / `runUpdated` increments. Because a hidden webview is rebuilt from `init` when
 * it is shown again, nothing it missed while hidden is lost.
 *
 * Imported by the webview: it may import only run/figure types.
 */
import type { MetricEvent, RunEvent, RunManifest, SeriesTags } from '../runs/events';
import type { FigureSpec, ReferenceNumber } from '../figures/spec';
import type { ParamValue } from '../experiments/params';

/** A run as the run list shows it: its manifest plus a few settings read from its config. */
export interface RunInfo {
  manifest: RunManifest;
  /** Short "key: value" pairs for the list, e.g. `{ lr: '1.2e-3', iterations: '2000' }`. */
  settings: Record<string, string>;
  /**
   * This run's values at the keys its paper states a value for (`PaperView.setting`), by dotted key
   * (`{ 'train.iterations': '300' }`): what "How these runs differ from the paper" is built from.
   */
  setting?: Record<string, string>;
  /** Every setting of the resolved config, flat (`train.lr`): the experiments table's columns. */
  params?: Record<string, ParamValue>;
  /** Whether the run's process is alive (status `running` with a live pid), as far as the host can tell. */
  live: boolean;
}

/** A run waiting for a free core: no folder yet, so nothing to draw, but the user sees it in line. */
export interface QueuedRun {
  /** The run manager's key for it (not a run id: it has no folder yet). */
  key: string;
  name: string;
  paper: string;
  seed: number;
  /** 1 = next to start. */
  position: number;
  sourceConfig?: string;
}

/** An arm of a paper (its definition's `arms`): the method is drawn solid, controls dashed. */
export interface ArmView {
  id: string;
  label: string;
  role: 'method' | 'control';
}

/** What the webview needs of a paper's definition to draw its figures. */
export interface PaperView {
  id: string;
  title: string;
  citation: string;
  figures: FigureSpec[];
  references: ReferenceNumber[];
  /** How the example's small-scale setting differs from the paper's, said plainly. */
  scaleNote: string;
  /** The paper's own values (its definition's `paperSetting`), by dotted key, formatted as run settings are. */
  setting?: { key: string; paper: string }[];
  /** The arms its recipe emits, method first (absent from older reports: names are guessed then). */
  arms?: ArmView[];
}

/** Webview state persisted with `setState` and by the panel serializer. */
export interface DashboardState {
  /** Run ids (folder names) selected for the charts, in selection order. */
  selected: string[];
  /** Smoothing of training curves, 0 (none) to 0.99. */
  smoothing: number;
  /** Per chart id, per axis ('x', 'y0', 'y1'): the user's log/linear choice overriding the spec. */
  scales: Record<string, Record<string, 'linear' | 'log'>>;
  /** The experiments table: its sort, filter, opened seed groups, and the band of seed groups (table and charts). */
  experiments?: ExperimentsView;
}

export interface ExperimentsView {
  sort?: { column: string; desc: boolean };
  filter: string;
  /** Around a seed group's mean: the seeds' range, or the mean's 95% confidence interval. */
  band: 'range' | 'ci95';
  /** Seed groups shown with their runs. */
  open: string[];
  /** The table folded away. */
  collapsed?: boolean;
}

/**
 * A run's events packed for the wire: metric events as rows of one Float64Array (VS Code hands typed
 * arrays to a webview without turning them into JSON; a structured clone copies them in one go), the
 * few summary and phase events as they are. 50 runs × 5,000 events arrive in milliseconds instead of
 * seconds.
 */
export interface PackedEvents {
  series: SeriesTags[];
  keys: string[];
  /** Per metric event: series index, step, time, then one value per key (NaN = not reported). */
  rows: Float64Array;
  other: RunEvent[];
}

/** Everything needed to draw the dashboard at once: `init`, and the data inlined in an HTML report. */
export interface DashboardSnapshot {
  runs: RunInfo[];
  /** Events of the runs the webview asked for (the selection), keyed by run id. */
  events: Record<string, RunEvent[]>;
  /** The same, packed (the panel sends these; the report inlines plain `events`). */
  packed?: Record<string, PackedEvents>;
  papers: PaperView[];
  /** The host's suggestion (e.g. "Compare Runs…"): replaces the webview's selection when present. */
  select?: string[];
  /** Where the data came from, for the report's header. */
  origin?: string;
  /** Runs waiting in the editor's queue. */
  queued?: QueuedRun[];
  /** Why nothing is selected, when the host chose nothing (e.g. "no run of this config yet"). */
  hint?: string;
}

/** Sent by the host. */
export type HostToWebview =
  /** The whole picture, answering `ready` or `subscribe`. */
  | { type: 'init'; snapshot: DashboardSnapshot }
  /** New events of a run, in file order, appended to what the webview has (at most ~10 per second). */
  | { type: 'runEvents'; runId: string; events: RunEvent[] }
  /** A run appeared or its manifest changed (status, end time). */
  | { type: 'runUpdated'; run: RunInfo }
  /** A run folder was deleted. */
  | { type: 'runRemoved'; runId: string }
  /**
   * Select these runs (the run the user came from: a CodeLens, the status bar, a run that started,
   * "Compare Runs…"). `hint` says why nothing is selected when `runIds` is empty.
   */
  | { type: 'select'; runIds: string[]; hint?: string }
  /** The editor's queue changed. */
  | { type: 'queue'; queued: QueuedRun[] }
  /** Outcome of an export the webview asked for, shown in its status line. */
  | { type: 'exported'; ok: boolean; message: string };

/** Sent by the webview. */
export type WebviewToHost =
  /** The script loaded; `selected` is the restored selection whose events the webview needs. */
  | { type: 'ready'; selected: string[] }
  /** The selection changed; the host sends `init` with these runs' events. */
  | { type: 'subscribe'; selected: string[] }
  /** Save a chart: PNG as a data URL, or its data as CSV / JSON text. */
  | { type: 'export'; format: 'png' | 'csv' | 'json'; suggestedName: string; content: string }
  /** "Export report" button: the host writes an HTML report of the selected runs. */
  | { type: 'exportReport'; selected: string[] };

const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length < 500);

/**
 * Checks a message from the webview: returns it typed, or undefined for anything malformed (dropped,
 * never trusted). File names are reduced to a plain base name so a webview cannot pick a path.
 */
export function parseWebviewMessage(m: unknown): WebviewToHost | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
    case 'subscribe':
      return isStringArray(o.selected) ? { type: o.type, selected: o.selected } : undefined;
    case 'exportReport':
      return isStringArray(o.selected) ? { type: 'exportReport', selected: o.selected } : undefined;
    case 'export': {
      if (o.format !== 'png' && o.format !== 'csv' && o.format !== 'json') return undefined;
      if (typeof o.content !== 'string' || o.content.length > MAX_EXPORT_CHARS) return undefined;
      if (o.format === 'png' && !o.content.startsWith('data:image/png;base64,')) return undefined;
      const base = typeof o.suggestedName === 'string' ? o.suggestedName.replace(/[^\w.\- ]+/g, '_').slice(0, 120) : '';
      return { type: 'export', format: o.format, suggestedName: base || 'chart', content: o.content };
    }
    default:
      return undefined;
  }
}

export const DEFAULT_DASHBOARD_STATE: DashboardState = { selected: [], smoothing: 0, scales: {} };

/** Reads persisted state defensively (it may come from an older version of the extension). */
export function parseDashboardState(s: unknown): DashboardState {
  if (typeof s !== 'object' || s === null) return { ...DEFAULT_DASHBOARD_STATE, scales: {} };
  const o = s as Record<string, unknown>;
  const smoothing = typeof o.smoothing === 'number' && o.smoothing >= 0 && o.smoothing < 1 ? o.smoothing : 0;
  const scales: DashboardState['scales'] = {};
  if (typeof o.scales === 'object' && o.scales !== null) {
    for (const [chart, axes] of Object.entries(o.scales as Record<string, unknown>)) {
      if (typeof axes !== 'object' || axes === null) continue;
      const clean: Record<string, 'linear' | 'log'> = {};
      for (const [axis, v] of Object.entries(axes as Record<string, unknown>))
        if (v === 'linear' || v === 'log') clean[axis] = v;
      scales[chart] = clean;
    }
  }
  const state: DashboardState = { selected: isStringArray(o.selected) ? o.selected : [], smoothing, scales };
  const x = o.experiments as Record<string, any> | null | undefined;
  if (typeof x === 'object' && x !== null)
    state.experiments = {
      sort: typeof x.sort?.column === 'string' ? { column: x.sort.column, desc: x.sort.desc === true } : undefined,
      filter: typeof x.filter === 'string' ? x.filter.slice(0, 500) : '',
      band: x.band === 'ci95' ? 'ci95' : 'range',
      open: isStringArray(x.open) ? x.open.slice(0, 1000) : [],
      collapsed: x.collapsed === true,
    };
  return state;
}

/** Packs a run's events (see `PackedEvents`). */
export function packEvents(events: RunEvent[]): PackedEvents {
  const series: SeriesTags[] = [];
  const seriesIndex = new Map<string, number>();
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const metrics: MetricEvent[] = [];
  const other: RunEvent[] = [];
  for (const e of events) {
    if (e.type !== 'metric') {
      other.push(e);
      continue;
    }
    metrics.push(e);
    for (const k in e.values) if (!keyIndex.has(k)) keyIndex.set(k, keys.push(k) - 1);
  }
  const width = 3 + keys.length;
  const rows = new Float64Array(metrics.length * width).fill(NaN);
  metrics.forEach((e, i) => {
    // A cheap key (this runs once per event); tags come in the writer's order, as in build.ts.
    let sk = '';
    for (const t in e.series) sk += t + '\u0001' + String(e.series[t]) + '\u0002';
    let si = seriesIndex.get(sk);
    if (si === undefined) seriesIndex.set(sk, (si = series.push(e.series) - 1));
    const o = i * width;
    rows[o] = si;
    rows[o + 1] = e.step;
    rows[o + 2] = e.time;
    for (const k in e.values) rows[o + 3 + keyIndex.get(k)!] = e.values[k];
  });
  return { series, keys, rows, other };
}

/** Unpacks to events; events of one series share one `series` object. Metric events come first. */
export function unpackEvents(p: PackedEvents): RunEvent[] {
  const width = 3 + p.keys.length;
  const n = Math.floor(p.rows.length / width);
  const out: RunEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * width;
    const values: Record<string, number> = {};
    for (let k = 0; k < p.keys.length; k++) {
      const v = p.rows[o + 3 + k];
      if (!Number.isNaN(v)) values[p.keys[k]] = v;
    }
    out[i] = { type: 'metric', series: p.series[p.rows[o]], step: p.rows[o + 1], time: p.rows[o + 2], values };
  }
  return out.concat(p.other);
}
