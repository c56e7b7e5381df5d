/**
 * The dashboard webview (also the body of `paperlab report`). Left: the runs, and the editor's queue.
 * Right: for the selected runs, each paper's figures with the paper's numbers, and live training
 * curves. Protocol: `src/core/protocol/dashboard.ts` — post `ready`, receive `init`, then increments.
 *
 * Every change goes through `dispatch`: the pure `reduce` (model.ts) makes the next model, then the
 * views draw it and the effects (saved state, the host's subscription) follow from what changed.
 */
import type { HostToWebview } from '../src/core/protocol/dashboard';
import { parseDashboardState } from '../src/core/protocol/dashboard';
import { initialModel, orderedRuns, reduce, type Action, type Model } from './model';
import { RunList, el } from './runList';
import { ChartBoard } from './board';
import { connectHost } from './host';
import { chartColours, themeKind } from './theme';
import { installProbe } from './probe';
import { ExperimentsTable, initialExperimentsState } from './experiments';

/** True only in the test build (test/unit/webview/harness.ts, the benchmark): see probe.ts. */
declare const __PAPERLAB_PROBE__: boolean;

// VS Code puts the theme's class and colours on the page at DOMContentLoaded, after this script
// has been parsed: start once they are there.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(start, 0));
else start();

function start(): void {
  const host = connectHost();
  let model: Model = initialModel(parseDashboardState(host.getState()));
  let kind = themeKind();

  // ---- The page ----
  const app = document.getElementById('app') ?? document.body.appendChild(el('div', ''));
  app.id = 'app';
  app.replaceChildren();
  const aside = el('aside', 'runs-pane');
  const paneHead = el('div', 'pane-head');
  const collapse = document.createElement('button');
  collapse.type = 'button';
  collapse.className = 'pane-toggle';
  collapse.setAttribute('aria-expanded', 'true');
  collapse.title = 'Show or hide the list of runs';
  paneHead.append(el('h2', 'pane-title', 'Runs'), collapse);
  const listEl = el('ul', 'run-list');
  const queueEl = el('ul', 'queue-list');
  aside.append(paneHead, listEl, queueEl);
  const main = el('main', 'charts-pane');
  const toolbar = el('div', 'toolbar');
  const smoothLabel = el('label', 'smooth');
  const smooth = document.createElement('input');
  smooth.type = 'range';
  smooth.min = '0';
  smooth.max = '0.99';
  smooth.step = '0.01';
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
    rep.addEventListener('click', () => host.post({ type: 'exportReport', selected: model.view.selected }));
    toolbar.append(rep);
  }
  toolbar.append(status);
  const header = el('div', 'paper-notes');
  const chartsEl = el('div', 'charts');
  const origin = el('p', 'origin');
  // The experiments table: every run as a row, grouped by sweep and seed group; its boxes choose what is plotted.
  const xpPanel = el('section', 'experiments-panel');
  const xpToggle = document.createElement('button');
  xpToggle.type = 'button';
  xpToggle.className = 'experiments-toggle';
  const xpBody = el('div', 'experiments-body');
  xpPanel.append(xpToggle, xpBody);
  main.append(origin, toolbar, xpPanel, header, chartsEl);
  app.append(aside, main);

  // ---- Views ----
  const runList = new RunList(listEl, queueEl, (id, additive) => dispatch({ type: 'toggleRun', id, additive }));
  const board = new ChartBoard(
    chartsEl,
    header,
    model,
    { kind, colours: chartColours(kind) },
    {
      setScale: (chart, axis, scale) => dispatch({ type: 'setScale', chart, axis, scale }),
      exportFile: (format, name, content) => host.post({ type: 'export', format, suggestedName: name, content }),
      onDrawn: (events, pending) => probe?.drawn(events, pending),
    },
  );
  const probe = __PAPERLAB_PROBE__ ? installProbe(() => model, board) : undefined;
  const experiments = new ExperimentsTable(xpBody, model.view.experiments ?? initialExperimentsState(), {
    onSelect: (ids, on) => dispatch({ type: 'selectRuns', ids, on }),
    onState: (state) => dispatch({ type: 'setExperiments', state }),
  });
  xpToggle.addEventListener('click', () => {
    const state = model.view.experiments ?? initialExperimentsState();
    dispatch({ type: 'setExperiments', state: { ...state, collapsed: !state.collapsed } });
  });
  let figuresOf: { papers: unknown; list: { id: string; figures: import('../src/core/figures/spec').FigureSpec[] }[] } =
    {
      papers: undefined,
      list: [],
    };

  // The run list folds away on narrow panels (a panel beside the editor), so the charts get the width.
  let userToggled = false;
  const narrow = window.matchMedia('(max-width: 640px)');
  const setCollapsed = (collapsed: boolean) => {
    aside.classList.toggle('collapsed', collapsed);
    collapse.setAttribute('aria-expanded', String(!collapsed));
    collapse.textContent = collapsed ? `Show runs (${model.runs.size + model.queued.length})` : 'Hide';
  };
  collapse.addEventListener('click', () => {
    userToggled = true;
    setCollapsed(!aside.classList.contains('collapsed'));
  });
  narrow.addEventListener(
    'change',
    () => !userToggled && setCollapsed(narrow.matches && model.view.selected.length > 0),
  );

  smooth.addEventListener('input', () => dispatch({ type: 'setSmoothing', value: Number(smooth.value) }));

  function draw(prev: Model | undefined): void {
    if (!prev || prev.runs !== model.runs || prev.queued !== model.queued || prev.view.selected !== model.view.selected)
      runList.render(orderedRuns(model), model.view.selected, model.queued);
    smooth.value = String(model.view.smoothing);
    smoothValue.textContent = model.view.smoothing.toFixed(2);
    if (model.status) {
      status.textContent = model.status.message;
      status.className = model.status.ok ? 'status' : 'status error';
    }
    drawExperiments(prev);
    origin.textContent = model.origin ?? '';
    origin.hidden = !model.origin;
    if (!userToggled) setCollapsed(narrow.matches && model.view.selected.length > 0);
    board.render(model);
  }

  /** Only when runs, papers, the selection or the table's own state changed: not on every live event. */
  function drawExperiments(prev: Model | undefined): void {
    const collapsed = model.view.experiments?.collapsed === true;
    xpToggle.textContent = `${collapsed ? '▸' : '▾'} Experiments (${model.runs.size} run${model.runs.size === 1 ? '' : 's'})`;
    xpToggle.setAttribute('aria-expanded', String(!collapsed));
    xpBody.hidden = collapsed;
    xpPanel.hidden = model.runs.size === 0;
    if (collapsed || model.runs.size === 0) return;
    const same =
      prev &&
      !prev.view.experiments?.collapsed &&
      prev.runs === model.runs &&
      prev.papers === model.papers &&
      prev.view.selected === model.view.selected &&
      prev.view.experiments === model.view.experiments;
    if (same) return;
    if (figuresOf.papers !== model.papers)
      figuresOf = {
        papers: model.papers,
        list: [...model.papers.values()].map((p) => ({ id: p.id, figures: p.figures })),
      };
    experiments.render(orderedRuns(model), figuresOf.list, model.view.selected, model.view.experiments);
  }

  function dispatch(a: Action): void {
    const prev = model;
    model = reduce(model, a);
    if (model === prev) return;
    if (model.view !== prev.view) host.setState(model.view);
    // The host sends the events of the selected runs: tell it when the user (or its own `select`) changed them.
    if (
      (a.type === 'toggleRun' || a.type === 'select' || a.type === 'selectRuns') &&
      model.view.selected !== prev.view.selected
    )
      host.post({ type: 'subscribe', selected: model.view.selected });
    draw(prev);
  }

  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as HostToWebview;
    if (typeof m !== 'object' || m === null || typeof m.type !== 'string') return;
    if (host.isReport && m.type !== 'exported') return; // a report's data is inlined, not sent
    dispatch(m);
  });

  // A theme change (VS Code swaps the body class): redraw the charts in the new colours.
  new MutationObserver(() => {
    const k = themeKind();
    if (k === kind) return;
    kind = k;
    board.setTheme(k, chartColours(k));
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  if (host.isReport && host.snapshot) {
    const s = host.snapshot;
    dispatch({ type: 'init', snapshot: { ...s, select: s.select ?? s.runs.map((r) => r.manifest.id) } });
  } else {
    draw(undefined);
    host.post({ type: 'ready', selected: model.view.selected });
  }
}
