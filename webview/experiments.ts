/**
 * The experiments table in the dashboard: the model of src/core/experiments/table.ts drawn as one
 * HTML table — sweep sections, seed-group rows (mean, band, count; a click opens their seeds), run
 * rows — with a filter box, sortable headers, a range / 95% CI choice for the bands, and check boxes
 * that choose the runs to plot. One string of HTML per render (1,000 runs × 40 columns is one
 * `innerHTML`, not 40,000 createElement calls); events are delegated to the table.
 */
import type { ExperimentsView, RunInfo } from '../src/core/protocol/dashboard';
import {
  bandText,
  buildTable,
  cellText,
  tableRunOf,
  type Column,
  type PaperFigures,
  type TableModel,
  type TableOptions,
} from '../src/core/experiments/table';

export type ExperimentsState = ExperimentsView;

export const initialExperimentsState = (): ExperimentsState => ({ filter: '', band: 'range', open: [] });

export interface ExperimentsCallbacks {
  /** The user checked or unchecked runs (a group's box toggles all its seeds). */
  onSelect(ids: string[], selected: boolean): void;
  onState(state: ExperimentsState): void;
}

/** The table's styles, adopted by the document (CSSOM, so the page's strict style-src CSP allows them). */
export const EXPERIMENTS_CSS = `
.experiments { font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
.experiments .xp-bar { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin: 4px 0 6px; }
.experiments .xp-filter { flex: 1 1 220px; min-width: 160px; background: var(--vscode-input-background, transparent);
  color: inherit; border: 1px solid var(--vscode-panel-border); padding: 3px 6px; }
.experiments .xp-shown, .experiments .xp-count, .experiments .xp-bandtext { color: var(--vscode-descriptionForeground); }
.experiments .xp-scroll { overflow: auto; max-height: 45vh; border: 1px solid var(--vscode-panel-border); }
.experiments table { border-collapse: collapse; white-space: nowrap; }
.experiments th, .experiments td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; }
.experiments thead th { position: sticky; top: 0; background: var(--vscode-editor-background); cursor: pointer; font-weight: 600; }
.experiments .num { text-align: right; font-variant-numeric: tabular-nums; }
.experiments .xp-bandtext { display: block; font-size: 0.85em; }
.experiments .xp-section th { background: var(--vscode-textBlockQuote-background); cursor: default; font-weight: 600; }
.experiments .xp-run td { background: var(--vscode-list-hoverBackground); }
.experiments .xp-run td:nth-child(2) { padding-left: 28px; }
.experiments .xp-toggle { background: none; border: none; color: inherit; cursor: pointer; padding: 0 2px; }
.experiments .status-failed, .experiments .status-interrupted { color: var(--vscode-errorForeground); }
.experiments .status-completed { color: var(--vscode-testing-iconPassed); }
`;

let adopted = false;
function adoptStyles(): void {
  if (adopted || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EXPERIMENTS_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Rows put into the page at first; the rest follow as the table is scrolled (10,000 runs stay responsive). */
const ROWS_AT_ONCE = 300;

export class ExperimentsTable {
  private model: TableModel | undefined;
  /** Rows built but not yet in the page. */
  private pending: string[] = [];
  private runs: RunInfo[] = [];
  private papers: PaperFigures[] = [];
  private selected = new Set<string>();
  /** Milliseconds the last render took (model + HTML), for the benchmark. */
  lastRenderMs = 0;

  constructor(
    private readonly root: HTMLElement,
    private state: ExperimentsState,
    private readonly cb: ExperimentsCallbacks,
  ) {
    adoptStyles();
    root.classList.add('experiments');
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.classList.contains('xp-filter')) this.update({ filter: t.value }, true);
    });
    root.addEventListener('change', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'xp-band') this.update({ band: t.value as 'range' | 'ci95' });
      else if (t.dataset.ids) this.cb.onSelect(t.dataset.ids.split(' '), t.checked);
    });
  }

  private last: unknown[] = [];

  /**
   * Draws the table for these runs. `state` is the dashboard's (restored with the view); a call with
   * the same runs, papers, selection and state as the last one draws nothing (the table drew itself
   * when the user changed the state, and the dashboard passes that state back).
   */
  render(runs: RunInfo[], papers: PaperFigures[], selected: readonly string[], state?: ExperimentsState): void {
    const args = [runs, papers, selected, state];
    if (this.model && args.every((a, i) => a === this.last[i])) return;
    this.last = args;
    if (state) this.state = state;
    this.runs = runs;
    this.papers = papers;
    this.selected = new Set(selected);
    this.draw();
  }

  private update(change: Partial<ExperimentsState>, keepFilterFocus = false): void {
    this.state = { ...this.state, ...change };
    this.last[3] = this.state;
    this.draw(keepFilterFocus);
    this.cb.onState(this.state);
  }

  private options(): TableOptions {
    return { sort: this.state.sort, filter: this.state.filter, band: this.state.band };
  }

  private draw(keepFilterFocus = false): void {
    const t0 = performance.now();
    const model = (this.model = buildTable(this.runs.map(tableRunOf), this.papers, this.options()));
    const cols = model.columns;
    const open = new Set(this.state.open);
    const head = cols
      .map((c) => {
        const sorted = this.state.sort?.column === c.id ? (this.state.sort.desc ? ' ▼' : ' ▲') : '';
        return `<th data-sort="${esc(c.id)}" class="xp-${c.kind}${c.numeric ? ' num' : ''}" title="Sort by ${esc(c.label)}">${esc(c.label)}${sorted}</th>`;
      })
      .join('');
    const body: string[] = [];
    for (const s of model.sections) {
      body.push(`<tr class="xp-section"><th colspan="${cols.length + 1}">${esc(s.label)}</th></tr>`);
      for (const g of s.groups) {
        const ids = g.runs.map((r) => r.id);
        const many = ids.length > 1;
        const checked = ids.every((id) => this.selected.has(id));
        const isOpen = open.has(g.key);
        const cells = cols.map((c) => {
          if (c.kind === 'name' && many) {
            const name = g.runs[0].name;
            return `<td class="xp-name"><button class="xp-toggle" data-group="${esc(g.key)}" aria-expanded="${isOpen}">${isOpen ? '▾' : '▸'}</button> ${esc(name)} <span class="xp-count">(${ids.length} seeds)</span></td>`;
          }
          if (c.kind === 'seed' && many) return `<td class="num">${g.runs.map((r) => r.seed).join(', ')}</td>`;
          return this.cell(c, g.values[c.id], many ? g.bands[c.id] : undefined);
        });
        body.push(
          `<tr class="xp-group${many ? ' xp-seeds' : ''}"><td><input type="checkbox" data-ids="${esc(ids.join(' '))}"${checked ? ' checked' : ''} aria-label="Plot ${esc(g.runs[0].name)}"></td>${cells.join('')}</tr>`,
        );
        if (many && isOpen)
          for (const r of g.runs) {
            const rowCells = cols.map((c) => this.cell(c, this.runValue(c, r.id)));
            body.push(
              `<tr class="xp-run"><td><input type="checkbox" data-ids="${esc(r.id)}"${this.selected.has(r.id) ? ' checked' : ''} aria-label="Plot seed ${r.seed}"></td>${rowCells.join('')}</tr>`,
            );
          }
      }
    }
    const filterValue = esc(this.state.filter);
    const band = this.state.band;
    this.root.innerHTML = `<div class="xp-bar"><input class="xp-filter" type="search" placeholder="Filter runs: words or setting=value (e.g. lr=0.003 completed)" value="${filterValue}" aria-label="Filter runs">
<span class="xp-shown">${model.shown === model.total ? `${model.total} runs` : `${model.shown} of ${model.total} runs`}</span>
<span class="xp-band" role="radiogroup" aria-label="Band around a seed group's mean"><label><input type="radio" name="xp-band" value="range"${band === 'range' ? ' checked' : ''}> range</label><label><input type="radio" name="xp-band" value="ci95"${band === 'ci95' ? ' checked' : ''}> 95% CI</label></span></div>
<div class="xp-scroll"><table><thead><tr><th class="xp-check" aria-label="Plot"></th>${head}</tr></thead><tbody>${body.slice(0, ROWS_AT_ONCE).join('')}</tbody></table></div>`;
    this.pending = body.slice(ROWS_AT_ONCE);
    const scroller = this.root.querySelector<HTMLElement>('.xp-scroll')!;
    scroller.addEventListener('scroll', () => this.more(scroller), { passive: true });
    if (keepFilterFocus) {
      const input = this.root.querySelector<HTMLInputElement>('.xp-filter');
      input?.focus();
      input?.setSelectionRange(input.value.length, input.value.length);
    }
    this.lastRenderMs = performance.now() - t0;
  }

  /** Appends the next rows when the table is scrolled near its end. */
  private more(scroller: HTMLElement): void {
    if (!this.pending.length || scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 400) return;
    const next = this.pending.splice(0, ROWS_AT_ONCE);
    scroller.querySelector('tbody')!.insertAdjacentHTML('beforeend', next.join(''));
  }

  private runValue(c: Column, id: string) {
    return this.model?.runCells.get(id)?.[c.id];
  }

  private cell(c: Column, v: unknown, band?: { lo: number; hi: number; n: number }): string {
    const text = cellText(c, v as never);
    const extra = band ? `<span class="xp-bandtext">${esc(bandText(c, band, this.state.band))}</span>` : '';
    const cls = [c.numeric ? 'num' : '', c.kind === 'status' ? `xp-status status-${esc(String(v))}` : '']
      .filter(Boolean)
      .join(' ');
    return `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}${extra}</td>`;
  }

  private onClick(e: MouseEvent): void {
    const t = e.target as HTMLElement;
    const toggle = t.closest<HTMLElement>('.xp-toggle');
    if (toggle?.dataset.group) {
      const key = toggle.dataset.group;
      const open = this.state.open.includes(key) ? this.state.open.filter((k) => k !== key) : [...this.state.open, key];
      this.update({ open });
      return;
    }
    const th = t.closest<HTMLElement>('th[data-sort]');
    if (th?.dataset.sort) {
      const column = th.dataset.sort;
      const desc = this.state.sort?.column === column ? !this.state.sort.desc : false;
      this.update({ sort: { column, desc } });
    }
  }

  /** The model last drawn, for tests and the benchmark. */
  current(): TableModel | undefined {
    return this.model;
  }
}
