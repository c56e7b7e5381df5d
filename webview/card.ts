/**
 * A chart card: title (with the paper's figure number), caption, the axis toggles, zoom reset and
 * export buttons, the canvas, the sentence that says how to read its lines, and under it the paper's
 * numbers in words with where they come from. What it drew is on the card (`data-points`,
 * `data-lines`) and in words for screen readers: a canvas says nothing by itself.
 */
import { armsOf, runData, type ChartPlan, type Model } from './model';
import { ChartView } from './chartView';
import { el } from './runList';
import { buildFigure, formatPercent, type RunData } from '../src/core/figures/build';
import { figureToCsv, placeReferences } from '../src/core/figures/marks';
import type { ChartColours, ThemeKind } from './theme';

export interface CardContext {
  model(): Model;
  kind: ThemeKind;
  colours: ChartColours;
  setScale(chart: string, axis: string, scale: 'linear' | 'log'): void;
  exportFile(format: 'png' | 'csv' | 'json', name: string, content: string): void;
}

/** A ramp value in the legend's words: densities as percentages. */
const rampValue = (tag: string, v: number) => (tag === 'density' ? formatPercent(v) : String(v));

export class ChartCard {
  readonly root: HTMLElement;
  private chartView?: ChartView;
  private canvas: HTMLCanvasElement;
  private box: HTMLElement;
  private refsEl: HTMLElement;
  private noteEl: HTMLElement;
  private ruleEl: HTMLElement;
  private summaryEl: HTMLElement;
  private toggles: HTMLButtonElement[] = [];

  constructor(
    readonly plan: ChartPlan,
    private ctx: CardContext,
  ) {
    const spec = plan.spec;
    this.root = el('section', 'card');
    this.root.setAttribute('aria-label', spec.title);
    this.root.dataset.chart = this.chartKey();
    const header = el('div', 'card-head');
    const title = el('h3', 'card-title', spec.title);
    if (spec.paperFigure) title.append(el('span', 'fig-tag', `paper ${spec.paperFigure}`));
    const tools = el('div', 'card-tools');
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', `${spec.title}: axes and export`);
    const axes: [string, string][] = [
      ['x', 'x'],
      ...spec.y.map((_, i): [string, string] => [`y${i}`, spec.y.length > 1 ? `y${i + 1}` : 'y']),
    ];
    for (const [axis, name] of axes) {
      const b = button('', () => ctx.setScale(this.chartKey(), axis, this.scaleOf(axis) === 'log' ? 'linear' : 'log'));
      b.dataset.axis = axis;
      b.dataset.name = name;
      this.toggles.push(b);
      tools.append(b);
    }
    tools.append(
      button(
        'Reset zoom',
        () => this.view.resetZoom(),
        'Reset zoom and pan (zoom: Ctrl+wheel or Shift+drag; pan: drag)',
      ),
      button('PNG', () => ctx.exportFile('png', this.fileName(), this.view.toPng()), 'Save this chart as a PNG image'),
      button(
        'CSV',
        () => ctx.exportFile('csv', this.fileName(), figureToCsv(this.view.figure()!)),
        'Save the plotted data as CSV',
      ),
      button(
        'JSON',
        () => ctx.exportFile('json', this.fileName(), JSON.stringify(this.exportJson(), null, 2)),
        "Save the plotted data and the paper's numbers as JSON",
      ),
    );
    header.append(title, tools);
    this.root.append(header);
    if (spec.caption) this.root.append(el('p', 'caption', spec.caption));
    const box = el('div', 'canvas-box');
    this.box = box;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute(
      'aria-label',
      `${spec.title}: ${spec.y.map((y) => y.label).join(' and ')} against ${spec.x.label}`,
    );
    box.append(canvas);
    this.summaryEl = el('p', 'sr-only');
    this.summaryEl.id = `summary-${this.chartKey().replace(/[^\w-]/g, '_')}`;
    canvas.setAttribute('aria-describedby', this.summaryEl.id);
    this.ruleEl = el('p', 'legend-rule');
    this.noteEl = el('p', 'chart-note');
    this.refsEl = el('ol', 'refs');
    this.root.append(box, this.summaryEl, this.ruleEl, this.noteEl, this.refsEl);
    this.canvas = canvas;
  }

  /**
   * The chart, created on first use: after the card is in the document, so Chart.js measures its
   * real size once instead of drawing at 0×0 and again on the first resize.
   */
  get view(): ChartView {
    this.chartView ??= new ChartView(this.canvas, { kind: this.ctx.kind, colours: this.ctx.colours });
    return this.chartView;
  }

  /** Scale choices are remembered per figure (and per paper), not per card instance. */
  chartKey(): string {
    return `${this.plan.paper?.id ?? 'live'}:${this.plan.spec.id}`;
  }

  private scaleOf(axis: string): 'linear' | 'log' {
    const o = this.ctx.model().view.scales[this.chartKey()]?.[axis];
    if (o) return o;
    const spec = this.plan.spec;
    return axis === 'x' ? spec.x.scale : (spec.y[Number(axis.slice(1))]?.scale ?? 'linear');
  }

  private fileName(): string {
    return `${this.plan.paper?.id ?? 'training'}-${this.plan.spec.id}`;
  }

  refresh(): void {
    const model = this.ctx.model();
    const runs = this.plan.runIds.map((id) => runData(model, id)).filter((r): r is RunData => !!r);
    const scales: Record<string, 'linear' | 'log'> = {};
    for (const b of this.toggles) scales[b.dataset.axis!] = this.scaleOf(b.dataset.axis!);
    // Chart.js decimates long lines itself on linear x axes; on log x we bound the points ourselves.
    const arms = this.plan.paper?.arms ?? armsOf(model, this.plan.runIds);
    const fig = buildFigure(this.plan.spec, runs, {
      arms,
      smoothing: model.view.smoothing,
      scales,
      maxPointsPerLine: scales.x === 'log' ? 1500 : 20000,
      band: model.view.experiments?.band,
    });
    const marks = placeReferences(fig, this.plan.paper?.references ?? []);
    // Room for the legend (Chart.js puts as many entries on a row as fit), so many rounds never
    // squeeze the plot away or cut the legend off.
    const legend = this.view.prepare(fig, arms, rampValue);
    const width = this.box.clientWidth || 440;
    const perRow = Math.max(1, Math.floor(width / (legend.longest * 6.6 + 44)));
    // Narrow panels get a shorter plot, so a chart and its legend still fit on one screen.
    const plot = width < 360 ? 200 : 240;
    const height = `${plot + Math.ceil(legend.entries / perRow) * 23}px`;
    if (this.box.style.height !== height) this.box.style.height = height;
    this.view.update(fig, marks);
    const points = this.view.pointCount();
    this.root.dataset.points = String(points);
    this.root.dataset.lines = String(fig.lines.length);
    this.summaryEl.textContent = `${fig.lines.length} line${fig.lines.length === 1 ? '' : 's'}, ${points} points${
      marks.length ? `; ${marks.filter((m) => !m.missing).length} of the paper's numbers marked` : ''
    }.`;
    const rule = this.view.styles?.rule(rampValue) ?? '';
    const marked = marks.some((m) => !m.missing) ? " Amber stars and lines P1, P2…: the paper's numbers." : '';
    this.ruleEl.textContent = (rule + marked).trim();
    this.ruleEl.hidden = !this.ruleEl.textContent;
    for (const b of this.toggles) {
      const s = scales[b.dataset.axis!];
      b.textContent = `${b.dataset.name}: ${s === 'log' ? 'log' : 'linear'}`;
      b.setAttribute('aria-pressed', String(s === 'log'));
      b.title = `Switch the ${b.dataset.name} axis to a ${s === 'log' ? 'linear' : 'log'} scale`;
    }
    const notes: string[] = [];
    if (fig.lines.length === 0)
      notes.push(
        this.plan.spec.kind === 'summary'
          ? 'No finished round in the selected runs yet: points appear as rounds finish.'
          : 'No data for this chart in the selected runs yet.',
      );
    if (fig.droppedForLog > 0)
      notes.push(
        `${fig.droppedForLog} point${fig.droppedForLog === 1 ? '' : 's'} at or below zero not shown on the log axis.`,
      );
    this.noteEl.textContent = notes.join(' ');
    this.noteEl.hidden = notes.length === 0;
    this.refsEl.replaceChildren();
    marks.forEach((m, i) => {
      const li = el('li', m.missing ? 'ref missing' : 'ref');
      li.append(el('span', 'ref-tag', `P${i + 1}`), document.createTextNode(` ${m.label}`));
      if (m.missing) li.append(el('span', 'ref-why', ` — not drawn: ${m.missing}`));
      if (m.note) li.title = m.note;
      this.refsEl.append(li);
    });
    this.refsEl.hidden = marks.length === 0;
  }

  private exportJson() {
    const fig = this.view.figure()!;
    return {
      figure: {
        id: fig.spec.id,
        title: fig.spec.title,
        paperFigure: fig.spec.paperFigure,
        paper: this.plan.paper?.id,
        x: fig.spec.x.label,
        y: fig.spec.y.map((a) => a.label),
      },
      scales: { x: fig.xScale, y: fig.yScales },
      smoothing: fig.spec.kind === 'curves' ? this.ctx.model().view.smoothing : 0,
      lines: fig.lines.map((l) => ({ label: l.label, tags: l.tags, runs: l.runIds, axis: l.axis, points: l.points })),
      references: this.view.marks,
    };
  }

  /** What it drew, for the test build's probe. */
  drawn(): { id: string; datasets: number; points: number; labels: string[] } {
    return {
      id: this.chartKey(),
      datasets: this.view.chart.data.datasets.length,
      points: this.view.pointCount(),
      labels: this.view.chart.data.datasets.map((d) => String(d.label ?? '')),
    };
  }

  destroy(): void {
    this.chartView?.destroy();
    this.root.remove();
  }
}

function button(text: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}
