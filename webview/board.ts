/**
 * The charts pane: the cards of the current selection and when each is drawn. `render(model)` is
 * called after every change of the model and does the least work that shows it:
 *  - a new set of charts (selection, a new metric) rebuilds the cards; the cards in view are drawn at
 *    once, the others one per frame, so a big selection shows something at once;
 *  - new events redraw, once per animation frame, the cards that show the runs they belong to — the
 *    ones on screen now, the others when they scroll into view;
 *  - smoothing or an axis choice redraws the cards it concerns.
 */
import { planKey, plan, type ChartPlan, type Model } from './model';
import type { CardContext } from './card';
import { cardFor, type Card } from './cards';
import { el } from './runList';
import type { PaperView, RunInfo } from '../src/core/protocol/dashboard';
import { citationAfterTitle, paperNoteText } from './paperNote';
import type { ChartColours, ThemeKind } from './theme';

export interface BoardHooks {
  setScale: CardContext['setScale'];
  exportFile: CardContext['exportFile'];
  /** Called after each drawing pass with the number of events it included (benchmark probe). */
  onDrawn?: (eventCount: number, pending: number) => void;
}

export class ChartBoard {
  private cards: Card[] = [];
  /** The plan the cards were built for; undefined until the first render. */
  private key: string | undefined;
  private model: Model;
  /** Cards not drawn yet since the last rebuild, in page order. */
  private pending: Card[] = [];
  /** Cards whose data changed while they were off screen. */
  private readonly stale = new Set<Card>();
  private readonly onScreen = new Set<Element>();
  private readonly dirtyRuns = new Set<string>();
  private frame: number | undefined;
  private readonly visibility: IntersectionObserver;
  private readonly ctx: CardContext;

  constructor(
    private readonly chartsEl: HTMLElement,
    private readonly header: HTMLElement,
    initial: Model,
    theme: { kind: ThemeKind; colours: ChartColours },
    private readonly hooks: BoardHooks,
  ) {
    this.model = initial;
    this.ctx = {
      model: () => this.model,
      kind: theme.kind,
      colours: theme.colours,
      setScale: hooks.setScale,
      exportFile: hooks.exportFile,
    };
    this.visibility = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) this.onScreen.add(e.target);
        else this.onScreen.delete(e.target);
        const card = this.cards.find((c) => c.root === e.target);
        if (e.isIntersecting && card && this.stale.delete(card)) card.refresh();
      }
    });
  }

  /** Cards not drawn yet (the benchmark waits for 0). */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** The charts in the new theme's colours: rebuilt. */
  setTheme(kind: ThemeKind, colours: ChartColours): void {
    this.ctx.kind = kind;
    this.ctx.colours = colours;
    this.key = undefined;
    this.render(this.model);
  }

  render(next: Model): void {
    const prev = this.model;
    this.model = next;
    const plans = plan(next);
    const key = planKey(plans);
    if (key !== this.key) {
      this.key = key;
      this.rebuild(plans);
      return;
    }
    if (this.cards.length === 0) {
      // Nothing to draw: the sentence that says why may have changed (runs arrived, a hint).
      const empty = this.chartsEl.querySelector('.empty');
      if (empty) empty.textContent = this.emptyText();
    }
    if (next.view.smoothing !== prev.view.smoothing)
      for (const c of this.cards) if (c.plan.spec.kind === 'curves') this.redraw(c);
    // The seed groups' band (range or 95% CI) is chosen in the experiments table: every chart draws it.
    if (next.view.experiments?.band !== prev.view.experiments?.band) for (const c of this.cards) this.redraw(c);
    if (next.view.scales !== prev.view.scales)
      for (const c of this.cards) if (next.view.scales[c.chartKey()] !== prev.view.scales[c.chartKey()]) this.redraw(c);
    for (const id of next.view.selected) if (next.events.get(id) !== prev.events.get(id)) this.dirtyRuns.add(id);
    if (this.dirtyRuns.size) this.scheduleLive();
  }

  private redraw(c: Card): void {
    if (!this.pending.includes(c)) c.refresh();
  }

  private rebuild(plans: ChartPlan[]): void {
    for (const c of this.cards) {
      this.visibility.unobserve(c.root);
      c.destroy();
    }
    this.stale.clear();
    this.onScreen.clear();
    this.dirtyRuns.clear();
    this.cards = plans.map((p) => cardFor(p, this.ctx));
    this.renderHeader(plans.map((p) => p.paper).filter((p): p is PaperView => !!p));
    this.chartsEl.replaceChildren();
    if (this.cards.length === 0) this.chartsEl.append(el('p', 'empty', this.emptyText()));
    let section = '';
    for (const c of this.cards) {
      const s = c.plan.paper ? `The paper's figures, from these runs` : 'Training curves: every metric the runs report';
      if (s !== section) this.chartsEl.append(el('h2', 'section-title', (section = s)));
      this.chartsEl.append(c.root);
      this.visibility.observe(c.root);
    }
    // The charts in view now; the others one per frame after the first paint.
    this.pending = [];
    for (const c of this.cards) {
      if (c.root.getBoundingClientRect().top < window.innerHeight) c.refresh();
      else this.pending.push(c);
    }
    this.drawn();
    if (this.pending.length) requestAnimationFrame(() => this.drainPending());
  }

  private emptyText(): string {
    const m = this.model;
    if (m.hint) return m.hint;
    if (m.runs.size)
      return 'Select a run on the left to see its curves and the paper’s figures. Select several (Ctrl/Cmd-click, or Space) to compare them on the same axes.';
    if (m.queued.length) return 'Your run is queued: it appears on the left when it starts.';
    return '';
  }

  private drainPending(): void {
    const c = this.pending.shift();
    if (!c) return;
    if (this.cards.includes(c)) c.refresh();
    if (this.pending.length) setTimeout(() => requestAnimationFrame(() => this.drainPending()), 0);
    else this.drawn();
  }

  /** Live events: only the cards showing a changed run, once per animation frame. */
  private scheduleLive(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      for (const c of this.cards) {
        if (this.pending.includes(c) || !c.plan.runIds.some((id) => this.dirtyRuns.has(id))) continue;
        if (this.onScreen.has(c.root)) c.refresh();
        else this.stale.add(c);
      }
      this.dirtyRuns.clear();
      this.drawn();
    });
  }

  /** Draws everything still waiting (a screenshot, a test of what was drawn). */
  finish(): void {
    for (const c of this.pending.splice(0)) if (this.cards.includes(c)) c.refresh();
    for (const c of this.stale) c.refresh();
    this.stale.clear();
  }

  private drawn(): void {
    this.hooks.onDrawn?.(this.model.eventCount, this.pending.length);
  }

  private renderHeader(papers: PaperView[]): void {
    this.header.replaceChildren();
    for (const p of new Set(papers)) {
      // Folded on a narrow panel (it would fill the first screen); a click opens it.
      const box = document.createElement('details');
      box.className = 'scale-note';
      box.open = window.innerWidth > 640;
      const summary = document.createElement('summary');
      summary.append(
        el('strong', '', `${p.title}`),
        el('span', 'citation', ` — ${citationAfterTitle(p.title, p.citation)}`),
      );
      const runs = this.model.view.selected
        .map((id) => this.model.runs.get(id))
        .filter((r): r is RunInfo => r?.manifest.paper === p.id);
      box.append(summary, ...paperNoteText(p, runs).map((line) => el('p', '', line)));
      this.header.append(box);
    }
  }

  /** What each card drew (the test build's probe). */
  drawnCharts(): { id: string; datasets: number; points: number; labels: string[] }[] {
    this.finish();
    return this.cards.map((c) => c.drawn());
  }
}
