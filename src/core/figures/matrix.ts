/**
 * A `matrix` figure's data (spec.ts): summary events as heatmap panels. Each panel is one combination
 * of the spec's `lineBy` tags (e.g. one per arm); its rows come from `row`, its columns from `x`, and
 * a cell holds the mean of `y[0]` over the runs of one config (seeds) with their sd. Pure, like
 * build.ts: the webview draws it (webview/matrixCard.ts), the CSV export and the tests read it.
 */
import type { FigureSpec } from './spec';
import { describeTags, matches, readAxis, summariesOf, type RunData } from './build';

export interface MatrixCell {
  /** Mean over the runs that reported this cell, in display units (percent applied). */
  mean: number;
  /** Sample sd over those runs; NaN with one run. */
  sd: number;
  n: number;
}

export interface MatrixPanel {
  key: string;
  label: string;
  tags: Record<string, string | number | boolean>;
  runIds: string[];
  /** Sorted row and column values, as reported (before percent). */
  rows: number[];
  cols: number[];
  /** cells[r][c]; undefined where no run reported that cell (yet). */
  cells: (MatrixCell | undefined)[][];
}

export interface MatrixData {
  spec: FigureSpec;
  panels: MatrixPanel[];
  /** The smallest and largest cell mean over all panels, for one shared colour scale. */
  min: number;
  max: number;
}

export function buildMatrix(spec: FigureSpec, runs: RunData[]): MatrixData {
  if (spec.kind !== 'matrix' || !spec.row) throw new Error(`Figure ${spec.id} is not a matrix figure with a row axis.`);
  const rowSrc = spec.row.source;
  const yAxis = spec.y[0];
  const factor = yAxis.percent ? 100 : 1;
  // Seeds of one config share a seed-group key: their cells are averaged, as lines are elsewhere.
  const groups = new Map<string, RunData[]>();
  for (const r of runs) {
    const k = r.groupKey || r.id;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const panels: MatrixPanel[] = [];
  for (const [hash, group] of groups) {
    const perPanel = new Map<
      string,
      { tags: Record<string, string | number | boolean>; runIds: Set<string>; values: Map<string, number[]> }
    >();
    for (const run of group) {
      for (const ev of summariesOf(run.events, spec.derive)) {
        if (spec.filter && !matches(ev.series, spec.filter)) continue;
        const row = readAxis(rowSrc, ev);
        const col = readAxis(spec.x.source, ev);
        const v = readAxis(yAxis.source, ev);
        if (row === undefined || col === undefined || v === undefined) continue;
        const tags: Record<string, string | number | boolean> = {};
        for (const t of spec.lineBy) {
          const tv = ev.series[t];
          if (tv !== undefined) tags[t] = tv;
        }
        const pk = spec.lineBy.map((t) => String(tags[t])).join('\u0001');
        let p = perPanel.get(pk);
        if (!p) perPanel.set(pk, (p = { tags, runIds: new Set(), values: new Map() }));
        p.runIds.add(run.id);
        const ck = `${row}\u0001${col}`;
        const list = p.values.get(ck);
        if (list) list.push(v * factor);
        else p.values.set(ck, [v * factor]);
      }
    }
    const groupLabel = groups.size > 1 ? `${group[0].name}${group.length > 1 ? ` (${group.length} seeds)` : ''}` : '';
    for (const [pk, p] of perPanel) {
      const rows = new Set<number>();
      const cols = new Set<number>();
      for (const ck of p.values.keys()) {
        const [r, c] = ck.split('\u0001').map(Number);
        rows.add(r);
        cols.add(c);
      }
      const rs = [...rows].sort((a, b) => a - b);
      const cs = [...cols].sort((a, b) => a - b);
      const cells = rs.map((r) => cs.map((c) => cellOf(p.values.get(`${r}\u0001${c}`))));
      const tagText = describeTags(p.tags, spec.lineBy);
      panels.push({
        key: `${hash}|${pk}`,
        label: [groupLabel, tagText].filter(Boolean).join(' · ') || spec.title,
        tags: p.tags,
        runIds: [...p.runIds],
        rows: rs,
        cols: cs,
        cells,
      });
    }
  }
  let min = Infinity;
  let max = -Infinity;
  for (const p of panels)
    for (const row of p.cells)
      for (const c of row)
        if (c) {
          min = Math.min(min, c.mean);
          max = Math.max(max, c.mean);
        }
  return { spec, panels, min, max };
}

function cellOf(values: number[] | undefined): MatrixCell | undefined {
  if (!values || values.length === 0) return undefined;
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
  return { mean, sd, n };
}

/** The matrix as CSV: one line per cell (panel, row, column, mean, sd, n). */
export function matrixToCsv(m: MatrixData): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['panel', m.spec.row?.label ?? 'row', m.spec.x.label, m.spec.y[0].label, 'sd', 'n'].map(q).join(',');
  const lines = [head];
  for (const p of m.panels)
    p.rows.forEach((r, i) =>
      p.cols.forEach((c, j) => {
        const cell = p.cells[i][j];
        if (cell) lines.push([q(p.label), r, c, cell.mean, Number.isNaN(cell.sd) ? '' : cell.sd, cell.n].join(','));
      }),
    );
  return lines.join('\n') + '\n';
}
