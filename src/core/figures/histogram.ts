/**
 * Histogram figures (FigureSpec.kind `histogram`): every metric or summary event that carries the
 * figure's `x` value is one sample of it; samples of one `lineBy` combination are pooled over seeds and binned on a range
 * shared by all lines, then drawn as a density (counts / (n · bin width)) so lines with different
 * sample counts compare. The paper's predicted densities (`histogram.overlays`) are evaluated at the
 * bin centres' grid from a summary event of the same series. Imported by the webview: local modules only.
 */
import type { SummaryEvent } from '../runs/events';
import type { FigureData, FigureLine, RunData } from './build';
import { describeTags } from './build';
import type { FigureSpec, HistogramOverlay } from './spec';

export interface HistogramExtras {
  /** Samples outside the binned range, per line key (counted in n, not drawn). */
  outside: Record<string, number>;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
}

const valueOf = (e: { values: Record<string, number>; series: Record<string, unknown> }, key: string) => {
  const v = e.values[key] ?? e.series[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export function buildHistogram(spec: FigureSpec, runs: RunData[]): FigureData & HistogramExtras {
  const key =
    spec.x.source.kind === 'value' ? spec.x.source.key : spec.x.source.kind === 'tag' ? spec.x.source.tag : '';
  const fx = spec.x.percent ? 100 : 1;
  const groups = new Map<
    string,
    {
      tags: Record<string, string | number | boolean>;
      samples: number[];
      runIds: Set<string>;
      summaries: SummaryEvent[];
    }
  >();
  for (const run of runs) {
    for (const e of run.events) {
      if (e.type === 'phase') continue;
      if (spec.filter && !Object.entries(spec.filter).every(([k, v]) => e.series[k] === v)) continue;
      const lineKey = spec.lineBy.map((t) => String(e.series[t])).join('\u0001');
      let g = groups.get(lineKey);
      if (!g) {
        const tags: Record<string, string | number | boolean> = {};
        for (const t of spec.lineBy) {
          const v = e.series[t];
          if (v !== undefined) tags[t] = v;
        }
        groups.set(lineKey, (g = { tags, samples: [], runIds: new Set(), summaries: [] }));
      }
      const v = valueOf(e, key);
      if (v !== undefined) {
        g.samples.push(v * fx);
        g.runIds.add(run.id);
      } else if (e.type === 'summary') g.summaries.push(e);
    }
  }
  const all = [...groups.values()].flatMap((g) => g.samples).sort((a, b) => a - b);
  const h = spec.histogram ?? {};
  const bins = Math.max(1, Math.floor(h.bins ?? 40));
  let [lo, hi] = Array.isArray(h.range)
    ? [h.range[0] * fx, h.range[1] * fx]
    : [quantile(all, 0.005), quantile(all, 0.995)];
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5];
  const width = (hi - lo) / bins;
  const lines: FigureLine[] = [];
  const outside: Record<string, number> = {};
  for (const [lineKey, g] of groups) {
    if (g.samples.length === 0) continue;
    const counts = new Array<number>(bins).fill(0);
    let out = 0;
    for (const v of g.samples) {
      const b = Math.floor((v - lo) / width);
      if (v < lo || v > hi) out++;
      else counts[Math.min(bins - 1, b)]++;
    }
    const n = g.samples.length;
    const label = describeTags(g.tags, spec.lineBy) || 'samples';
    const key = `hist|${lineKey}`;
    outside[key] = out;
    const points = counts.map((c, i) => ({
      x: lo + i * width,
      y: c / (n * width),
      lo: c / (n * width),
      hi: c / (n * width),
      n,
    }));
    points.push({ ...points[points.length - 1], x: hi });
    lines.push({
      key,
      label: `${label} (${n} samples)`,
      axis: 0,
      tags: g.tags,
      runIds: [...g.runIds],
      group: 0,
      points,
      band: false,
      style: 'stepped',
    });
    (h.overlays ?? []).forEach((o, variant) => {
      const curve = overlayCurve(o, g.summaries, lo, hi, fx);
      if (curve)
        lines.push({
          key: `${key}|${o.family}|${o.label}`,
          label: `${label}: ${o.label}`,
          axis: 0,
          tags: g.tags,
          runIds: [...g.runIds],
          group: 0,
          points: curve,
          band: false,
          style: 'overlay',
          variant,
        });
    });
  }
  return {
    spec,
    xScale: 'linear',
    yScales: spec.y.map(() => 'linear' as const),
    lines,
    droppedForLog: 0,
    band: 'range',
    outside,
  };
}

/** The overlay's density on 120 points of [lo, hi]; parameters averaged over the series' summaries (seeds). */
function overlayCurve(o: HistogramOverlay, summaries: SummaryEvent[], lo: number, hi: number, fx: number) {
  const mean = (k?: string) => {
    if (!k) return undefined;
    const vs = summaries.map((s) => s.values[k]).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : undefined;
  };
  const scale = mean(o.params.scale);
  const loc = mean(o.params.loc) ?? 0;
  const df = mean(o.params.df);
  if (scale === undefined || !(scale > 0) || (o.family === 'student_t' && !(df! > 0))) return undefined;
  const pts = [];
  for (let i = 0; i <= 120; i++) {
    const x = lo + ((hi - lo) * i) / 120;
    const z = (x / fx - loc) / scale;
    const pdf =
      o.family === 'normal'
        ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
        : Math.exp(
            lgamma((df! + 1) / 2) -
              lgamma(df! / 2) -
              0.5 * Math.log(df! * Math.PI) -
              ((df! + 1) / 2) * Math.log1p((z * z) / df!),
          );
    const y = pdf / (scale * fx);
    pts.push({ x, y, lo: y, hi: y, n: 1 });
  }
  return pts;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: ~1e-15 relative), for the Student-t density. */
export function lgamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const xx = x - 1;
  let a = c[0];
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}
