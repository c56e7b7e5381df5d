/**
 * The experiments table's model (as vscode-dvc's experiments table): one row per run, grouped by
 * sweep and, within it, by seed group (runs that differ only in seed); columns are the settings that
 * differ across the runs shown, the paper's summary metrics — one column per point of each summary
 * figure, e.g. lottery-ticket's "ticket @ 21.1%: early-stop iteration" — then status, seed, backend.
 * A seed group's row shows each number as the mean with its band (the seeds' range or the mean's
 * 95% CI) and the seed count. Sorting and a text filter apply to runs; groups follow.
 *
 * Pure and free of imports but types and local modules: the webview renders it, tests and the bench
 * build it directly.
 */
import type { RunInfo } from '../protocol/dashboard';
import type { FigureSpec } from '../figures/spec';
import { t975 } from '../figures/numeric';
import type { ParamValue } from './params';

export type Scalar = ParamValue | undefined;

export interface TableRun {
  id: string;
  name: string;
  paper: string;
  status: string;
  seed: number;
  backend: string;
  startedAt: string;
  groupKey: string;
  /** The sweep folder's path, when the run is a sweep's cell. */
  sweep?: string;
  params: Record<string, ParamValue>;
  summaries: { series: Record<string, unknown>; values: Record<string, number> }[];
}

export interface Column {
  id: string;
  label: string;
  kind: 'name' | 'param' | 'metric' | 'status' | 'seed' | 'backend';
  numeric: boolean;
  percent?: boolean;
}

export interface Band {
  lo: number;
  hi: number;
  n: number;
}

export interface GroupRow {
  key: string;
  runs: TableRun[];
  /** Per column: the runs' common value, or the mean of a numeric column that differs between seeds. */
  values: Record<string, Scalar>;
  /** Per numeric column that differs between the seeds: the band around the mean. */
  bands: Record<string, Band>;
}

export interface Section {
  id: string;
  label: string;
  groups: GroupRow[];
}

export interface TableModel {
  columns: Column[];
  sections: Section[];
  /** Runs given, and runs left after the filter. */
  total: number;
  shown: number;
  /** Each run's own cells, by run id and column id (the rows of an opened seed group). */
  runCells: Map<string, Record<string, Scalar>>;
}

export interface TableOptions {
  sort?: { column: string; desc: boolean };
  /** Whitespace-separated terms, each matched (case-insensitive) against a run's name, status, seed and `setting=value` pairs. */
  filter?: string;
  band?: 'range' | 'ci95';
}

/** What the table needs of a paper: its summary figures. */
export interface PaperFigures {
  id: string;
  figures: FigureSpec[];
}

export function tableRunOf(info: RunInfo & { params?: Record<string, ParamValue> }): TableRun {
  const m = info.manifest;
  return {
    id: m.id,
    name: m.name,
    paper: m.paper,
    status: m.status,
    seed: m.seed,
    backend: m.backend,
    startedAt: m.startedAt ?? '',
    groupKey: m.groupKey ?? m.id,
    sweep: m.sweep?.dir,
    params: info.params ?? {},
    summaries: m.summaries ?? [],
  };
}

const FIXED_FRONT: Column[] = [{ id: 'name', label: 'run', kind: 'name', numeric: false }];
const FIXED_BACK: Column[] = [
  { id: 'status', label: 'status', kind: 'status', numeric: false },
  { id: 'seed', label: 'seed', kind: 'seed', numeric: true },
  { id: 'backend', label: 'backend', kind: 'backend', numeric: false },
];

interface MetricCell {
  id: string;
  label: string;
  percent: boolean;
  /** Figure and axis, the line's tags in the order the runs first report them (method arms come first), x. */
  order: [number, number, number];
}

function fmtX(v: unknown, percent: boolean | undefined): string {
  if (typeof v !== 'number') return String(v);
  if (percent) {
    const p = v * 100;
    return `${p >= 10 ? p.toFixed(1).replace(/\.0$/, '') : p.toPrecision(2)}%`;
  }
  // A computed x (S² = 1600.0000000000018) would show its float noise: 6 significant digits are
  // more than any figure's x axis resolves.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** The metric cells of one run: for each summary figure point its summaries give. */
function metricsOf(
  run: TableRun,
  papers: Map<string, PaperFigures>,
  out: Map<string, MetricCell>,
  tagOrder: Map<string, number>,
): Record<string, number> {
  const values: Record<string, number> = {};
  const paper = papers.get(run.paper);
  if (!paper) return values;
  paper.figures.forEach((f, fi) => {
    if (f.kind !== 'summary') return;
    for (const s of run.summaries) {
      if (f.filter && Object.entries(f.filter).some(([k, v]) => s.series[k] !== v)) continue;
      const x =
        f.x.source.kind === 'tag'
          ? s.series[f.x.source.tag]
          : f.x.source.kind === 'value'
            ? s.values[f.x.source.key]
            : undefined;
      if (x === undefined) continue;
      const tags = f.lineBy.map((t) => s.series[t]).filter((v) => v !== undefined);
      f.y.forEach((axis, ai) => {
        if (axis.source.kind !== 'value') return;
        const y = s.values[axis.source.key];
        if (typeof y !== 'number' || !Number.isFinite(y)) return;
        const id = `m:${f.id}:${ai}:${tags.join('|')}:${String(x)}`;
        values[id] = y;
        if (!out.has(id)) {
          const who = tags.map((t) => String(t).replace(/_/g, ' ')).join(' · ');
          out.set(id, {
            id,
            label: `${who ? `${who} ` : ''}@ ${fmtX(x, f.x.percent)}: ${axis.label}`,
            percent: !!axis.percent,
            // Figure order, then the line's tags, then x from high to low (density reads 100% → 3.6%).
            order: [fi * 4 + ai, tagRank(tagOrder, tags.join('|')), typeof x === 'number' ? -x : 0],
          });
        }
      });
    }
  });
  return values;
}

function tagRank(order: Map<string, number>, tags: string): number {
  let r = order.get(tags);
  if (r === undefined) order.set(tags, (r = order.size));
  return r;
}

function same(a: Scalar, b: Scalar): boolean {
  return (
    a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)))
  );
}

function compare(a: Scalar, b: Scalar): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1; // blanks last
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

function bandOf(xs: number[], kind: 'range' | 'ci95'): Band & { mean: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (kind === 'range') return { mean, lo: Math.min(...xs), hi: Math.max(...xs), n };
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

export function buildTable(runs: TableRun[], papers: PaperFigures[], opts: TableOptions = {}): TableModel {
  const byPaper = new Map(papers.map((p) => [p.id, p]));
  const metricCols = new Map<string, MetricCell>();
  const tagOrder = new Map<string, number>();
  const cells = new Map<string, Record<string, Scalar>>();
  // Settings that differ across the runs given (before filtering, so columns do not jump while typing).
  const paramKeys: string[] = [];
  const firstValue = new Map<string, Scalar>();
  const differs = new Set<string>();
  runs.forEach((r, i) => {
    for (const k of Object.keys(r.params)) {
      if (!firstValue.has(k)) {
        paramKeys.push(k);
        firstValue.set(k, r.params[k]);
        if (i > 0) differs.add(k); // missing in an earlier run
      } else if (!same(firstValue.get(k), r.params[k])) differs.add(k);
    }
  });
  for (const r of runs) for (const k of paramKeys) if (!(k in r.params)) differs.add(k);
  for (const r of runs) {
    const row: Record<string, Scalar> = { name: r.name, status: r.status, seed: r.seed, backend: r.backend };
    for (const k of differs) row[`p:${k}`] = r.params[k];
    Object.assign(row, metricsOf(r, byPaper, metricCols, tagOrder));
    cells.set(r.id, row);
  }
  const columns: Column[] = [
    ...FIXED_FRONT,
    ...paramKeys
      .filter((k) => differs.has(k))
      .map((k): Column => ({
        id: `p:${k}`,
        label: k,
        kind: 'param',
        numeric: runs.some((r) => typeof r.params[k] === 'number'),
      })),
    ...[...metricCols.values()]
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
      .map((m): Column => ({ id: m.id, label: m.label, kind: 'metric', numeric: true, percent: m.percent })),
    ...FIXED_BACK,
  ];

  const terms = (opts.filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const shownRuns = terms.length
    ? runs.filter((r) => {
        const text = [
          r.name,
          r.status,
          r.backend,
          `seed=${r.seed}`,
          ...Object.entries(r.params).map(([k, v]) => `${k}=${v}`),
        ]
          .join(' ')
          .toLowerCase();
        return terms.every((t) => text.includes(t));
      })
    : runs;

  const sections = new Map<string, Map<string, TableRun[]>>();
  for (const r of shownRuns) {
    const sid = r.sweep ?? '';
    let groups = sections.get(sid);
    if (!groups) sections.set(sid, (groups = new Map()));
    const g = groups.get(r.groupKey);
    if (g) g.push(r);
    else groups.set(r.groupKey, [r]);
  }
  const band = opts.band ?? 'range';
  const sort = opts.sort;
  const out: { section: Section; newest: number }[] = [];
  for (const [sid, groups] of sections) {
    const rows: GroupRow[] = [];
    for (const [key, members] of groups) {
      members.sort((a, b) => a.seed - b.seed);
      const rowsOf = members.map((m) => cells.get(m.id)!);
      // One run: its own cells. Several seeds: per column, the common value or the mean with its band.
      let values: Record<string, Scalar> = rowsOf[0];
      const bands: Record<string, Band> = {};
      if (rowsOf.length > 1) {
        values = {};
        const vs: Scalar[] = new Array(rowsOf.length);
        for (const c of columns) {
          for (let i = 0; i < rowsOf.length; i++) vs[i] = rowsOf[i][c.id];
          if (vs.every((v) => same(v, vs[0]))) values[c.id] = vs[0];
          else if (c.kind === 'metric' || (c.numeric && c.kind === 'param')) {
            const xs = vs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
            if (!xs.length) continue;
            const b = bandOf(xs, band);
            values[c.id] = b.mean;
            if (xs.length > 1) bands[c.id] = { lo: b.lo, hi: b.hi, n: b.n };
          } else if (c.kind === 'status') values[c.id] = summarizeStatus(vs);
        }
      }
      rows.push({ key, runs: sort ? sortRuns(members, cells, sort) : members, values, bands });
    }
    if (sort) rows.sort((a, b) => (sort.desc ? -1 : 1) * compare(a.values[sort.column], b.values[sort.column]));
    let newest = 0;
    for (const g of groups.values()) for (const r of g) newest = Math.max(newest, Date.parse(r.startedAt) || 0);
    const label = sid ? `sweep ${sid.split(/[\\/]/).pop()}` : 'runs not in a sweep';
    out.push({ section: { id: sid, label, groups: rows }, newest });
  }
  // Newest sweep first; runs outside sweeps after the sweeps of the same age.
  out.sort((a, b) => b.newest - a.newest || (a.section.id ? 0 : 1) - (b.section.id ? 0 : 1));
  return { columns, sections: out.map((o) => o.section), total: runs.length, shown: shownRuns.length, runCells: cells };
}

function sortRuns(
  runs: TableRun[],
  cells: Map<string, Record<string, Scalar>>,
  sort: { column: string; desc: boolean },
) {
  return [...runs].sort(
    (a, b) =>
      (sort.desc ? -1 : 1) * compare(cells.get(a.id)![sort.column], cells.get(b.id)![sort.column]) || a.seed - b.seed,
  );
}

/** `3 completed`, `2 completed · 1 running`. */
function summarizeStatus(vs: Scalar[]): string {
  const counts = new Map<string, number>();
  for (const v of vs) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${s}`).join(' · ');
}

/** A cell as text: percentages for fractions shown as %, 4 significant digits, blanks as —. */
export function cellText(c: Column, v: Scalar): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'number') {
    if (c.percent) return `${(100 * v).toFixed(1)}%`;
    // A setting is shown exactly as configured; a measured number (or a mean) to 4 significant digits.
    if (c.kind === 'seed' || c.kind === 'param') return String(v);
    return v.toLocaleString('en', { maximumSignificantDigits: 4 });
  }
  return String(v);
}

/** The band of a group's cell as text: `[0.95–0.97]` for a range, `± 0.01` for a CI half-width. */
export function bandText(c: Column, b: Band | undefined, kind: 'range' | 'ci95'): string {
  if (!b) return '';
  const f = (v: number) => cellText(c, v);
  return kind === 'range' ? `[${f(b.lo)} – ${f(b.hi)}]` : `95% CI ${f(b.lo)} – ${f(b.hi)}`;
}
