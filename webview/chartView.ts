/**
 * One figure drawn with Chart.js: our lines (with seed bands), the paper's reference marks, per-axis
 * log/linear, zoom/pan/reset, and the numbers behind it for export. Updated in place (no animation)
 * so live points appear without the chart jumping.
 */
import {
  Chart,
  Decimation,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import type { FigureData } from '../src/core/figures/build';
import type { ReferenceMark } from '../src/core/figures/marks';
import { FigureStyles, palette, withAlpha, type ChartColours, type ThemeKind } from './theme';
import { PAGE_ARMS, type ArmRole, type LegendKey } from './lineStyles';
import { labelledLogTick } from './logTicks';
import { fitDatasets, lineKindStyle } from './figureKinds';

/** A chart point drawn as only a lower bound (its figure axis' lowerBoundIf). */
const isBound = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { bound?: unknown }).bound === true;

Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Filler,
  Decimation,
  zoomPlugin,
);

type XY = { x: number; y: number };
type Marked = ChartDataset<'line', XY[]> & { refMarks?: ReferenceMark[] };

/** Draws the reference marks' labels and the vertical/horizontal reference lines. */
const referencePlugin: Plugin<'line'> = {
  id: 'paperlabReferences',
  afterDatasetsDraw(chart) {
    const marks = (chart.config.options as { refMarks?: ReferenceMark[] }).refMarks ?? [];
    const colour = (chart.config.options as { refColour?: string }).refColour ?? '#cca700';
    const { ctx, chartArea: area } = chart;
    const x = chart.scales.x;
    ctx.save();
    ctx.font = '11px sans-serif';
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    marks.forEach((m, i) => {
      if (m.missing) return;
      const tag = `P${i + 1}`;
      const y = chart.scales[m.axis === 1 ? 'y1' : 'y'];
      if (m.kind === 'xline' && m.x !== undefined) {
        const px = x.getPixelForValue(m.x);
        if (px < area.left || px > area.right) return;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        const w = ctx.measureText(tag).width;
        ctx.fillText(tag, px + 3 + w > area.right ? px - 3 - w : px + 3, area.top + 12);
      } else if (m.kind === 'yline' && m.y !== undefined && y) {
        const py = y.getPixelForValue(m.y);
        if (py < area.top || py > area.bottom) return;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillText(tag, area.left + 3, py - 3);
      } else if (m.x !== undefined && m.y !== undefined && y) {
        const px = x.getPixelForValue(m.x);
        const py = y.getPixelForValue(m.y);
        if (px < area.left - 1 || px > area.right + 1 || py < area.top - 1 || py > area.bottom + 1) return;
        ctx.fillText(tag, Math.min(px + 7, area.right - 20), py - 6);
      }
    });
    ctx.restore();
  },
};

export interface ChartViewOptions {
  kind: ThemeKind;
  colours: ChartColours;
}

export class ChartView {
  readonly chart: Chart<'line', XY[]>;
  private data?: FigureData;
  marks: ReferenceMark[] = [];
  /** How the lines were styled: the card states its rule under the chart. */
  styles?: FigureStyles;
  /** The compact legend's entries, when the lines cross arms with a number. */
  private compact?: LegendKey[];

  constructor(
    canvas: HTMLCanvasElement,
    private opts: ChartViewOptions,
  ) {
    const c = opts.colours;
    Chart.defaults.font.family = c.font;
    this.chart = new Chart<'line', XY[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      plugins: [referencePlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: true,
        interaction: { mode: 'nearest', intersect: false },
        color: c.text,
        scales: {},
        plugins: {
          decimation: { enabled: true, algorithm: 'lttb', samples: 800, threshold: 1200 },
          legend: {
            position: 'bottom',
            // Chart.js caps a legend at half the chart; the card grows instead (card.ts), so no entry is cut.
            maxHeight: 10_000,
            labels: {
              color: c.text,
              boxWidth: 28,
              boxHeight: 2,
              // A compact legend (one entry per arm, one per value) where lines cross both; see lineStyles.ts.
              generateLabels: (chart: Chart) => {
                const items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
                if (!this.compact) return items;
                const marks = items.filter((i) => (chart.data.datasets[i.datasetIndex!] as { type?: string }).type);
                const keys = this.compact.map((k) => ({
                  text: k.text,
                  strokeStyle: k.colour ?? c.text,
                  fillStyle: k.colour ?? c.text,
                  fontColor: c.text,
                  lineDash: k.dash,
                  lineWidth: 2,
                  hidden: false,
                }));
                return [...keys, ...marks];
              },
              filter: (item: { datasetIndex?: number }, data: { datasets: unknown[] }) =>
                item.datasetIndex === undefined ||
                !(data.datasets[item.datasetIndex] as { hideInLegend?: boolean }).hideInLegend,
            },
            // A compact entry stands for several lines: clicking it hides nothing.
            onClick: (e: unknown, item: { datasetIndex?: number }, legend: unknown) => {
              if (item.datasetIndex !== undefined)
                (Chart.defaults.plugins.legend.onClick as (...a: unknown[]) => void).call(legend, e, item, legend);
            },
          },
          tooltip: {
            callbacks: {
              label: (item: { dataset: unknown; raw: unknown }) => {
                const ds = item.dataset as Marked & { hideInLegend?: boolean };
                const p = item.raw as XY;
                return `${ds.label}: ${fmt(p.y)} at ${fmt(p.x)}`;
              },
            },
          },
          zoom: {
            zoom: {
              wheel: { enabled: true, modifierKey: 'ctrl' },
              drag: { enabled: true, modifierKey: 'shift' },
              mode: 'xy',
            },
            pan: { enabled: true, mode: 'xy' },
          },
        },
      } as never,
    });
  }

  /** Replaces the chart's content with a new build of the figure and its reference marks. */
  /**
   * Decides how the figure's lines look and how its legend reads; returns the legend's entries (their
   * count and longest text), so the card can make room for it before drawing.
   */
  prepare(
    fig: FigureData,
    arms: readonly ArmRole[],
    format: (tag: string, v: number) => string,
  ): { entries: number; longest: number } {
    PAGE_ARMS.learn(arms);
    const labels = new Map(arms.filter((a) => a.label).map((a) => [a.id, a.label!]));
    this.styles = new FigureStyles(fig.lines, palette(this.opts.kind), PAGE_ARMS, labels);
    this.compact = this.styles.compactLegend(format);
    const texts = this.compact
      ? this.compact.map((k) => k.text)
      : fig.lines.map((l) => l.label + (l.band ? ` (mean ± ${bandWord(fig)} of N seeds)` : ''));
    return { entries: texts.length + 1, longest: texts.reduce((n, t) => Math.max(n, t.length), 14) };
  }

  /** Replaces the chart's content with the figure prepared last and its reference marks. */
  update(fig: FigureData, marks: ReferenceMark[]): void {
    this.data = fig;
    this.marks = marks;
    const c = this.opts.colours;
    const styles = this.styles ?? new FigureStyles(fig.lines, palette(this.opts.kind));
    const datasets: Marked[] = [];
    const colourOf = new Map<string, string>();
    // Markers where they help read values (summary points, a few short lines); plain lines otherwise.
    const few = (n: number) => fig.spec.kind === 'summary' || (n <= 40 && fig.lines.length <= 4);
    for (const line of fig.lines) {
      const { colour, dash, marker } = styles.styleOf(line);
      colourOf.set(line.key, colour);
      const yAxisID = line.axis === 1 ? 'y1' : 'y';
      if (line.band) {
        // Seeds: a band (their range, or the mean's 95% CI), filled between two invisible lines.
        datasets.push({
          label: `${line.label} (min)`,
          data: line.points.map((p) => ({ x: p.x, y: p.lo })),
          yAxisID,
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
          hideInLegend: true,
        } as Marked);
        datasets.push({
          label: `${line.label} (max)`,
          data: line.points.map((p) => ({ x: p.x, y: p.hi })),
          yAxisID,
          borderWidth: 0,
          pointRadius: 0,
          backgroundColor: withAlpha(colour, 0.18),
          fill: '-1',
          hideInLegend: true,
        } as Marked);
      }
      datasets.push({
        label: line.band ? `${line.label} (mean ± ${bandWord(fig)} of ${line.runIds.length} seeds)` : line.label,
        // Our points already have x and y: handed over as they are (no copy of 5,000-point lines).
        data: line.points,
        yAxisID,
        borderColor: colour,
        backgroundColor: colour,
        borderDash: dash,
        borderWidth: 2,
        // A point that is only a lower bound (the axis' lowerBoundIf: training ended first) is a ▲.
        pointStyle: line.points.some((p) => p.bound)
          ? (ctx: { raw: unknown }) => (isBound(ctx.raw) ? 'triangle' : marker)
          : marker,
        pointRadius: line.points.some((p) => p.bound)
          ? (ctx: { raw: unknown }) => (isBound(ctx.raw) ? 6 : 3.5)
          : few(line.points.length)
            ? 3.5
            : 0,
        pointHitRadius: 6,
        pointHoverRadius: 5,
        tension: 0,
        ...lineKindStyle(line, colour),
      });
    }
    datasets.push(...(fitDatasets(fig, (k) => colourOf.get(k)) as Marked[]));
    const shown = marks.filter((m) => !m.missing && m.kind === 'point');
    for (const axis of [0, 1]) {
      const pts = shown.filter((m) => m.axis === axis);
      if (pts.length === 0) continue;
      datasets.push({
        type: 'scatter' as never,
        label: "paper's number",
        data: pts.map((m) => ({ x: m.x!, y: m.y! })),
        yAxisID: axis === 1 ? 'y1' : 'y',
        borderColor: c.reference,
        backgroundColor: c.reference,
        pointStyle: 'star',
        pointRadius: 7,
        pointBorderWidth: 2,
        showLine: false,
        hideInLegend: axis === 1,
      } as Marked);
    }
    const opt = this.chart.options as Record<string, unknown> & { scales: Record<string, unknown> };
    opt.refMarks = marks;
    opt.refColour = c.reference;
    const axis = (label: string, type: 'linear' | 'log', position: 'left' | 'right' | 'bottom', reverse?: boolean) => ({
      type: type === 'log' ? 'logarithmic' : 'linear',
      position,
      reverse: !!reverse,
      title: { display: true, text: type === 'log' ? `${label}, log scale` : label, color: c.text },
      ticks: {
        color: c.muted,
        maxTicksLimit: 8,
        // Chart.js puts a log axis's ticks at 1…9 × 10ᵏ and cannot skip the crowded ones (its skipping
        // assumes even spacing): 0.004, 0.007 and 0.01 printed over each other. Across more than a
        // decade only 1 and 3 × 10ᵏ are labelled; the grid keeps every tick.
        callback(this: { min: number; max: number }, v: number | string) {
          return type === 'log' && !labelledLogTick(Number(v), this.min, this.max) ? '' : fmt(Number(v));
        },
      },
      grid: { color: c.grid, drawOnChartArea: position !== 'right' },
      border: { color: c.grid },
    });
    // The paper's marks widen the axes so a reference outside our runs' range is still seen.
    const extend = (scale: Record<string, unknown>, values: (number | undefined)[], log: boolean) => {
      const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x) && (!log || x > 0));
      if (v.length === 0) return scale;
      return { ...scale, suggestedMin: Math.min(...v), suggestedMax: Math.max(...v) };
    };
    const placed = marks.filter((m) => !m.missing);
    opt.scales = {
      x: extend(
        axis(fig.spec.x.label, fig.xScale, 'bottom', fig.spec.x.reverse),
        placed.map((m) => m.x),
        fig.xScale === 'log',
      ),
    };
    fig.spec.y.forEach((a, i) => {
      const ys = placed.filter((m) => m.axis === i).map((m) => m.y);
      opt.scales[i === 0 ? 'y' : 'y1'] = extend(
        axis(a.label, fig.yScales[i], i === 0 ? 'left' : 'right'),
        ys,
        fig.yScales[i] === 'log',
      );
    });
    this.chart.data.datasets = datasets;
    this.chart.update('none');
  }

  resetZoom(): void {
    (this.chart as unknown as { resetZoom(): void }).resetZoom();
  }

  figure(): FigureData | undefined {
    return this.data;
  }

  /** Points handed to Chart.js for our lines (bands and reference marks excluded). */
  pointCount(): number {
    return (this.data?.lines ?? []).reduce((n, l) => n + l.points.length, 0);
  }

  /** The chart as PNG on the theme's background (a transparent PNG is unreadable on the other theme). */
  toPng(): string {
    const src = this.chart.canvas;
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = this.opts.colours.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    return out.toDataURL('image/png');
  }

  destroy(): void {
    this.chart.destroy();
  }
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(1);
  if (Number.isInteger(v)) return String(v);
  return String(+v.toPrecision(3));
}

/** How a legend names the band of a seed group. */
function bandWord(fig: FigureData): string {
  return fig.band === 'ci95' ? '95% CI' : 'range';
}
