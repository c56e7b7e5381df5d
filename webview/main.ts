/**
 * The dashboard webview (also the body of `paperlab report`). Left: the runs. Right: for the
 * selected runs, live training curves and each paper's figures with the paper's numbers.
 * Protocol: `src/core/protocol/dashboard.ts` — post `ready`, receive `init`, then increments.
 */
import type { DrawnChart, HostToWebview, PaperView } from '../src/core/protocol/dashboard';
import { parseDashboardState } from '../src/core/protocol/dashboard';
import { Store } from './store';
import { RunList, el } from './runList';
import { cardFor, type Card } from './cards';
import { connectHost } from './host';
import { chartColours, themeKind } from './theme';

// VS Code puts the theme's class and colours on the page at DOMContentLoaded, after this script
// has been parsed: start once they are there.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(start, 0));
else start();

function start(): void {
  const host = connectHost();
  const store = new Store(parseDashboardState(host.getState()));
  let kind = themeKind();
  let colours = chartColours(kind);

  const app = document.getElementById('app') ?? document.body.appendChild(el('div', ''));
  app.id = 'app';
  app.replaceChildren();
  const aside = el('aside', 'runs-pane');
  aside.append(el('h2', 'pane-title', 'Runs'));
  const listEl = el('ul', 'run-list');
  aside.append(listEl);
  const main = el('main', 'charts-pane');
  const toolbar = el('div', 'toolbar');
  const smoothLabel = el('label', 'smooth');
  const smooth = document.createElement('input');
  smooth.type = 'range';
  smooth.min = '0';
  smooth.max = '0.99';
  smooth.step = '0.01';
  smooth.value = String(store.state.smoothing);
  const smoothValue = el('span', 'smooth-value');
  smoothLabel.append('Smoothing ', smooth, smoothValue);
  const status = el('span', 'status');
  status.setAttribute('role', 'status');
  toolbar.append(smoothLabel);
  if (!host.isReport) {
    const rep = document.createElement('button');
    rep.type = 'button';
    rep.textContent = 'Export report…';
    rep.title = 'Write one self-contained HTML file with these charts, to send to a colleague';
    rep.addEventListener('click', () => host.post({ type: 'exportReport', selected: store.state.selected }));
    toolbar.append(rep);
  }
  toolbar.append(status);
  const header = el('div', 'paper-notes');
  const chartsEl = el('div', 'charts');
  main.append(toolbar, header, chartsEl);
  app.append(aside, main);
  if (host.isReport && host.snapshot?.origin) main.prepend(el('p', 'origin', host.snapshot.origin));

  let cards: Card[] = [];
  let pending: Card[] = [];
  let planKey = '';
  const dirtyRuns = new Set<string>();
  let scheduled = false;
  // For tests and the latency benchmark: when each render finished and how many events it included.
  const debug = { renders: 0, lastRenderAt: 0, eventCountAtRender: 0, log: [] as { at: number; events: number }[] };
  (window as unknown as { __paperlab: unknown }).__paperlab = {
    debug,
    drawn: () => drawnCharts(),
    store,
    pending: () => pending.length,
  };

  const runList = new RunList(listEl, (id, additive) => {
    store.toggle(id, additive);
    saveState();
    host.post({ type: 'subscribe', selected: store.state.selected });
    renderAll();
  });

  function saveState(): void {
    host.setState(store.state);
  }

  smooth.addEventListener('input', () => {
    store.state.smoothing = Number(smooth.value);
    smoothValue.textContent = store.state.smoothing.toFixed(2);
    saveState();
    for (const c of cards) if (c.plan.spec.kind === 'curves' && !pending.includes(c)) c.refresh();
  });
  smoothValue.textContent = store.state.smoothing.toFixed(2);

  const cardContext = {
    state: store.state,
    kind,
    colours,
    runData: (id: string) => store.runData(id),
    saveState,
    exportFile: (format: 'png' | 'csv' | 'json', name: string, content: string) =>
      host.post({ type: 'export', format, suggestedName: name, content }),
  };

  /** Rebuilds the cards when the set of charts changes; otherwise refreshes them in place. */
  function renderAll(): void {
    runList.render(store.orderedRuns(), store.state.selected);
    cardContext.state = store.state;
    const plans = store.plan();
    const key = plans.map((p) => `${p.paper?.id ?? ''}:${p.spec.id}:${p.runIds.join(',')}`).join('|');
    if (key !== planKey) {
      planKey = key;
      for (const c of cards) {
        visibility.unobserve(c.root);
        c.destroy();
      }
      stale.clear();
      onScreen.clear();
      cards = plans.map((p) => cardFor(p, cardContext));
      renderHeader(plans.map((p) => p.paper).filter((p): p is PaperView => !!p));
      chartsEl.replaceChildren();
      if (cards.length === 0)
        chartsEl.append(
          el(
            'p',
            'empty',
            store.runs.size
              ? 'Select one or more runs on the left to see their curves and the paper’s figures. Select several to compare them on the same axes.'
              : '',
          ),
        );
      let section = '';
      for (const c of cards) {
        const s = c.plan.paper
          ? `The paper's figures, from these runs`
          : 'Training curves: every metric the runs report';
        if (s !== section) chartsEl.append(el('h2', 'section-title', (section = s)));
        chartsEl.append(c.root);
        visibility.observe(c.root);
      }
    }
    // The charts in view are drawn now; the others one per frame after the first paint, so a big
    // selection shows something at once. (A query of what was drawn finishes the queue first.)
    pending = [];
    for (const c of cards) {
      if (c.root.getBoundingClientRect().top < window.innerHeight) c.refresh();
      else pending.push(c);
    }
    markRendered();
    if (pending.length) requestAnimationFrame(drainPending);
  }

  function drainPending(): void {
    const c = pending.shift();
    if (!c) return;
    if (cards.includes(c)) c.refresh();
    if (pending.length) setTimeout(() => requestAnimationFrame(drainPending), 0);
    else markRendered();
  }

  function finishPending(): void {
    for (const c of pending.splice(0)) if (cards.includes(c)) c.refresh();
    for (const c of stale) c.refresh();
    stale.clear();
  }

  // Live updates redraw the charts on screen; the others are redrawn when scrolled into view.
  const onScreen = new Set<Element>();
  const stale = new Set<Card>();
  const visibility = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) onScreen.add(e.target);
      else onScreen.delete(e.target);
      const card = cards.find((c) => c.root === e.target);
      if (e.isIntersecting && card && stale.delete(card)) card.refresh();
    }
  });

  function renderHeader(papers: PaperView[]): void {
    header.replaceChildren();
    for (const p of new Set(papers)) {
      const box = el('div', 'scale-note');
      box.append(
        el('strong', '', `${p.title}`),
        el('span', 'citation', ` — ${p.citation}`),
        el('p', '', `How this differs from the paper: ${p.scaleNote}`),
      );
      header.append(box);
    }
  }

  /** Live events: only the charts showing a changed run are redrawn, once per animation frame. */
  function scheduleLive(runId: string): void {
    dirtyRuns.add(runId);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const before = planKey;
      const plans = store.plan();
      const key = plans.map((p) => `${p.paper?.id ?? ''}:${p.spec.id}:${p.runIds.join(',')}`).join('|');
      if (key !== before) renderAll();
      else {
        for (const c of cards) {
          if (pending.includes(c) || !c.plan.runIds.some((id) => dirtyRuns.has(id))) continue;
          if (onScreen.has(c.root)) c.refresh();
          else stale.add(c);
        }
        markRendered();
      }
      dirtyRuns.clear();
    });
  }

  function markRendered(): void {
    debug.renders++;
    debug.lastRenderAt = performance.now();
    debug.eventCountAtRender = store.eventCount;
    if (debug.log.length < 10_000) debug.log.push({ at: debug.lastRenderAt, events: store.eventCount });
  }

  function drawnCharts(): DrawnChart[] {
    finishPending();
    return cards.map((c) => c.drawn());
  }

  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as HostToWebview;
    if (typeof m !== 'object' || m === null || typeof m.type !== 'string') return;
    switch (m.type) {
      case 'init':
        store.load(m.snapshot);
        saveState();
        renderAll();
        break;
      case 'runEvents':
        if (!Array.isArray(m.events)) return;
        store.append(m.runId, m.events);
        if (store.state.selected.includes(m.runId)) scheduleLive(m.runId);
        break;
      case 'runUpdated':
        store.runs.set(m.run.manifest.id, m.run);
        runList.render(store.orderedRuns(), store.state.selected);
        break;
      case 'runRemoved':
        store.runs.delete(m.runId);
        store.events.delete(m.runId);
        store.state.selected = store.state.selected.filter((id) => id !== m.runId);
        saveState();
        renderAll();
        break;
      case 'select':
        store.state.selected = m.runIds.filter((id) => store.runs.has(id));
        saveState();
        host.post({ type: 'subscribe', selected: store.state.selected });
        renderAll();
        break;
      case 'exported':
        status.textContent = m.message;
        status.className = m.ok ? 'status' : 'status error';
        break;
      case 'testQueryDrawn': {
        const last = [...store.events.values()].flat().reduce((t, ev) => Math.max(t, ev.time), 0);
        host.post({ type: 'drawn', requestId: m.requestId, charts: drawnCharts(), lastEventTime: last });
        break;
      }
    }
  });

  // A theme change (VS Code swaps the body class): redraw the charts in the new colours.
  new MutationObserver(() => {
    const k = themeKind();
    if (k === kind) return;
    kind = cardContext.kind = k;
    colours = cardContext.colours = chartColours(k);
    planKey = '';
    renderAll();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  if (host.isReport && host.snapshot) {
    store.load(host.snapshot);
    if (store.state.selected.length === 0) store.state.selected = store.orderedRuns().map((r) => r.manifest.id);
    renderAll();
  } else {
    renderAll();
    host.post({ type: 'ready', selected: store.state.selected });
  }
}
