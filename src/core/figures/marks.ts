/**
 * The paper's reported numbers placed on a figure's axes, beside our lines, and a figure's data as
 * CSV for export. Imported by the webview: only type imports and local modules.
 */
import type { ReferenceNumber } from './spec';
import type { FigureData } from './build';
import { interpolateAt } from './numeric';

export interface ReferenceMark {
  id: string;
  /** "paper: 2.51× faster at 21% (§2)"; prefixed "unconfirmed" when the notes could not confirm it. */
  label: string;
  /** `point` at (x, y); `xline` a vertical line at x; `yline` a horizontal line at y. */
  kind: 'point' | 'xline' | 'yline';
  /** In display units (percent applied). */
  x?: number;
  y?: number;
  axis: number;
  source: string;
  confirmed: boolean;
  note?: string;
  /** Why it is not on the chart (no baseline run near x, outside a log axis), when it is not. */
  missing?: string;
}

/**
 * Places the figure's references. A relative claim is computed from our own baseline line
 * (interpolated at the claim's x, or at the line's last point when the claim gives no x); it is left
 * off, with the reason, when no run of ours is near.
 */
export function placeReferences(fig: FigureData, refs: ReferenceNumber[]): ReferenceMark[] {
  const wanted = fig.spec.references ?? [];
  const out: ReferenceMark[] = [];
  const fx = fig.spec.x.percent ? 100 : 1;
  for (const id of wanted) {
    const r = refs.find((x) => x.id === id);
    if (!r) continue;
    const axis = Math.min(r.axis ?? 0, fig.spec.y.length - 1);
    const fy = fig.spec.y[axis].percent ? 100 : 1;
    const mark: ReferenceMark = {
      id: r.id,
      label: `${r.confirmed ? 'paper' : 'paper (unconfirmed)'}: ${r.label} (${r.source})`,
      kind: 'point',
      axis,
      source: r.source,
      confirmed: r.confirmed,
      note: r.note,
    };
    if (r.relative) {
      const rel = r.relative;
      const baseX = rel.atX ?? r.x;
      const base = fig.lines.find((l) => l.axis === axis && Object.entries(rel.to).every(([k, v]) => l.tags[k] === v));
      const last = base?.points[base.points.length - 1];
      if (baseX === undefined && base && last) {
        // No x given: the claim is about where our baseline line ends (its final value, or its only point).
        mark.x = last.x;
        mark.y = last.y * (rel.factor ?? 1) + (rel.offset ?? 0) * fy;
      } else if (r.x === undefined || baseX === undefined) mark.missing = 'the reference has no x position';
      else if (!base)
        mark.missing = `no line of ours matches ${Object.entries(rel.to)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`;
      else {
        const y0 = interpolateAt(base.points, baseX * fx, fig.xScale === 'log');
        if (y0 === undefined) mark.missing = `our runs have no point near x = ${+(baseX * fx).toPrecision(3)}`;
        else {
          mark.x = r.x * fx;
          mark.y = y0 * (rel.factor ?? 1) + (rel.offset ?? 0) * fy;
        }
      }
    } else if (r.y !== undefined && r.x !== undefined) {
      mark.x = r.x * fx;
      mark.y = r.y * fy;
    } else if (r.y !== undefined) {
      mark.kind = 'yline';
      mark.y = r.y * fy;
    } else if (r.x !== undefined) {
      mark.kind = 'xline';
      mark.x = r.x * fx;
    } else mark.missing = 'the reference has no position';
    if (!mark.missing && fig.xScale === 'log' && mark.x !== undefined && mark.x <= 0)
      mark.missing = 'x ≤ 0 cannot be shown on a log axis';
    if (!mark.missing && fig.yScales[axis] === 'log' && mark.y !== undefined && mark.y <= 0)
      mark.missing = 'y ≤ 0 cannot be shown on a log axis';
    out.push(mark);
  }
  return out;
}

const csvCell = (v: string | number | undefined) => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per drawn point: which line, its runs and seeds, x, y and the seed spread. */
export function figureToCsv(fig: FigureData): string {
  const xName = fig.spec.x.label;
  const rows = [['figure', 'line', 'runs', 'seeds', 'y_axis', xName, 'y', 'y_min', 'y_max'].map(csvCell).join(',')];
  for (const l of fig.lines) {
    const yName = fig.spec.y[l.axis].label;
    for (const p of l.points)
      rows.push([fig.spec.id, l.label, l.runIds.join(' '), p.n, yName, p.x, p.y, p.lo, p.hi].map(csvCell).join(','));
  }
  return rows.join('\n') + '\n';
}
