/**
 * A `matrix` figure (src/core/figures/spec.ts) drawn as one heatmap table per panel: rows and columns
 * labelled with their values, each cell showing its mean (± sd over seeds) as text, its colour only a
 * second cue (a single-hue ramp from the lowest to the highest mean over all panels, so panels compare
 * at a glance). Plain DOM, no Chart.js, styled through the CSSOM (allowed by the page's CSP). The same
 * card interface as chart cards, so the dashboard lays both out alike.
 */
import { runData, type ChartPlan } from './model';
import type { CardContext } from './card';
import { el } from './runList';
import { buildMatrix, matrixToCsv, type MatrixData } from '../src/core/figures/matrix';
import type { RunData } from '../src/core/figures/build';
import { palette, withAlpha } from './theme';

export class MatrixCard {
  readonly root: HTMLElement;
  private body: HTMLElement;
  private noteEl: HTMLElement;
  private data?: MatrixData;

  constructor(
    readonly plan: ChartPlan,
    private ctx: CardContext,
  ) {
    const spec = plan.spec;
    this.root = el('section', 'card matrix-card');
    this.root.setAttribute('aria-label', spec.title);
    this.root.dataset.chart = this.chartKey();
    const header = el('div', 'card-head');
    const title = el('h3', 'card-title', spec.title);
    if (spec.paperFigure) title.append(el('span', 'fig-tag', `paper ${spec.paperFigure}`));
    const tools = el('div', 'card-tools');
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', `${spec.title}: export`);
    tools.append(
      button(
        'CSV',
        () => this.data && ctx.exportFile('csv', this.fileName(), matrixToCsv(this.data)),
        'Save the cells as CSV',
      ),
      button(
        'JSON',
        () => this.data && ctx.exportFile('json', this.fileName(), JSON.stringify(this.exportJson(), null, 2)),
        "Save the cells and the paper's numbers as JSON",
      ),
    );
    header.append(title, tools);
    this.root.append(header);
    if (spec.caption) this.root.append(el('p', 'caption', spec.caption));
    this.body = el('div', 'matrix-panels');
    this.noteEl = el('p', 'chart-note');
    this.root.append(this.body, this.noteEl);
    const refs = (plan.paper?.references ?? []).filter((r) => spec.references?.includes(r.id));
    if (refs.length) {
      const list = el('ol', 'refs');
      refs.forEach((r, i) => {
        const li = el('li', 'ref');
        li.append(
          el('span', 'ref-tag', `P${i + 1}`),
          document.createTextNode(` ${r.label} (${r.source}${r.confirmed ? '' : ', unconfirmed'})`),
        );
        if (r.note) li.title = r.note;
        list.append(li);
      });
      this.root.append(list);
    }
  }

  chartKey(): string {
    return `${this.plan.paper?.id ?? 'live'}:${this.plan.spec.id}`;
  }

  private fileName(): string {
    return `${this.plan.paper?.id ?? 'training'}-${this.plan.spec.id}`;
  }

  refresh(): void {
    const model = this.ctx.model();
    const runs = this.plan.runIds.map((id) => runData(model, id)).filter((r): r is RunData => !!r);
    const m = buildMatrix(this.plan.spec, runs);
    this.data = m;
    const spec = m.spec;
    const percent = spec.y[0].percent;
    const accent = palette(this.ctx.kind).categorical[0];
    const span = m.max - m.min;
    this.body.replaceChildren();
    for (const p of m.panels) {
      const table = el('table', 'matrix');
      table.append(el('caption', '', p.label));
      const head = el('tr', '');
      head.append(el('th', 'matrix-corner', `${spec.row!.label} ↓ / ${spec.x.label} →`));
      for (const c of p.cols) head.append(el('th', '', String(c)));
      table.append(head);
      p.rows.forEach((r, i) => {
        const tr = el('tr', '');
        const th = el('th', '', String(r));
        th.setAttribute('scope', 'row');
        tr.append(th);
        p.cols.forEach((c, j) => {
          const cell = p.cells[i][j];
          const td = el('td', cell ? 'cell' : 'cell empty', cell ? format(cell.mean, percent) : '—');
          if (cell) {
            if (cell.n > 1) td.append(el('span', 'cell-sd', ` ± ${format(cell.sd, percent)}`));
            // 0.12 … 0.8 of the accent: the lowest mean is faint, the highest strong.
            const t = span > 0 ? (cell.mean - m.min) / span : 1;
            const alpha = 0.12 + 0.68 * t;
            td.style.backgroundColor = withAlpha(accent, Number(alpha.toFixed(3)));
            if (alpha > 0.55) td.classList.add('strong');
            td.title = `${spec.row!.label} ${r}, ${spec.x.label} ${c}: ${format(cell.mean, percent)}${cell.n > 1 ? ` ± ${format(cell.sd, percent)} (${cell.n} seeds)` : ''}`;
          }
          tr.append(td);
        });
        table.append(tr);
      });
      this.body.append(table);
    }
    // What it drew, on the card as chart cards do (tests and screen readers read these).
    this.root.dataset.points = String(this.drawn().points);
    this.root.dataset.lines = String(m.panels.length);
    const note = m.panels.length === 0 ? 'No cells yet: they appear as tasks finish.' : '';
    this.noteEl.textContent = note;
    this.noteEl.hidden = !note;
  }

  drawn(): { id: string; datasets: number; points: number; labels: string[] } {
    const m = this.data;
    return {
      id: this.chartKey(),
      datasets: m?.panels.length ?? 0,
      points: m ? m.panels.reduce((s, p) => s + p.cells.flat().filter(Boolean).length, 0) : 0,
      labels: m?.panels.map((p) => p.label) ?? [],
    };
  }

  private exportJson() {
    const m = this.data!;
    return {
      figure: {
        id: m.spec.id,
        title: m.spec.title,
        paper: this.plan.paper?.id,
        row: m.spec.row?.label,
        column: m.spec.x.label,
        value: m.spec.y[0].label,
      },
      panels: m.panels.map((p) => ({
        label: p.label,
        tags: p.tags,
        runs: p.runIds,
        rows: p.rows,
        cols: p.cols,
        cells: p.cells,
      })),
      references: (this.plan.paper?.references ?? []).filter((r) => m.spec.references?.includes(r.id)),
    };
  }

  destroy(): void {
    this.root.remove();
  }
}

const format = (v: number, percent?: boolean) =>
  percent ? v.toFixed(1) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);

function button(text: string, onClick: () => void, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}
