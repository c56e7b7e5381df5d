/**
 * The dashboard's state and the one function that changes it: `reduce(model, action)` is pure (it
 * returns a new model and never touches the one it got), so what the webview shows follows from the
 * messages it received and the user's actions, in order. The DOM (board.ts, runList.ts) is drawn
 * from the model; main.ts only dispatches.
 */
import type {
  ArmView,
  DashboardSnapshot,
  DashboardState,
  ExperimentsView,
  HostToWebview,
  PaperView,
  QueuedRun,
  RunInfo,
} from '../src/core/protocol/dashboard';
import { unpackEvents } from '../src/core/protocol/dashboard';
import type { RunEvent } from '../src/core/runs/events';
import type { FigureSpec } from '../src/core/figures/spec';
import type { RunData } from '../src/core/figures/build';

export interface Model {
  readonly runs: ReadonlyMap<string, RunInfo>;
  /** Runs waiting in the editor's queue, in order. */
  readonly queued: readonly QueuedRun[];
  /** Events of the runs the host sent (the selection), each list in file order. */
  readonly events: ReadonlyMap<string, readonly RunEvent[]>;
  /** Metric keys seen per run, so a training-curve chart appears as soon as a new key does. */
  readonly keys: ReadonlyMap<string, ReadonlySet<string>>;
  readonly papers: ReadonlyMap<string, PaperView>;
  /** What the user chose: persisted with setState. */
  readonly view: DashboardState;
  /** Why nothing is selected, when the host said so. */
  readonly hint?: string;
  /** The outcome of the last export. */
  readonly status?: { ok: boolean; message: string };
  /** Header line of a static report. */
  readonly origin?: string;
  /** Events received so far (for the benchmark). */
  readonly eventCount: number;
}

/** What the user does in the page. */
export type UiAction =
  | { type: 'toggleRun'; id: string; additive: boolean }
  | { type: 'setSmoothing'; value: number }
  | { type: 'setScale'; chart: string; axis: string; scale: 'linear' | 'log' }
  /** Check boxes of the experiments table: a seed group's box adds or removes all its seeds. */
  | { type: 'selectRuns'; ids: string[]; on: boolean }
  | { type: 'setExperiments'; state: ExperimentsView };

export type Action = HostToWebview | UiAction;

export function initialModel(view: DashboardState): Model {
  return { runs: new Map(), queued: [], events: new Map(), keys: new Map(), papers: new Map(), view, eventCount: 0 };
}

function metricKeys(evs: readonly RunEvent[], into = new Set<string>()): Set<string> {
  for (const e of evs) if (e.type === 'metric') for (const k in e.values) into.add(k);
  return into;
}

function load(m: Model, s: DashboardSnapshot): Model {
  const runs = new Map(s.runs.map((r) => [r.manifest.id, r]));
  const events = new Map<string, readonly RunEvent[]>();
  const keys = new Map<string, ReadonlySet<string>>();
  let count = 0;
  for (const [id, evs] of Object.entries(s.events)) {
    events.set(id, evs);
    keys.set(id, metricKeys(evs));
    count += evs.length;
  }
  for (const [id, packed] of Object.entries(s.packed ?? {})) {
    const evs = unpackEvents(packed);
    events.set(id, evs);
    keys.set(id, metricKeys(packed.other, new Set(packed.keys)));
    count += evs.length;
  }
  const papers = new Map(m.papers);
  for (const p of s.papers) papers.set(p.id, p);
  // A selected run whose folder is gone is dropped, so the selection is always drawable.
  const selected = (s.select ?? m.view.selected).filter((id) => runs.has(id));
  return {
    ...m,
    runs,
    events,
    keys,
    papers,
    queued: s.queued ?? m.queued,
    view: { ...m.view, selected },
    // An `init` answering our own subscription carries no hint: keep the one given with the selection.
    hint: s.hint ?? (selected.length ? undefined : m.hint),
    origin: s.origin ?? m.origin,
    eventCount: m.eventCount + count,
  };
}

function toggle(selected: readonly string[], id: string, additive: boolean): string[] {
  if (!additive) return selected.length === 1 && selected[0] === id ? [] : [id];
  return selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
}

export function reduce(m: Model, a: Action): Model {
  switch (a.type) {
    case 'init':
      return load(m, a.snapshot);
    case 'runEvents': {
      if (!Array.isArray(a.events) || a.events.length === 0) return m;
      const events = new Map(m.events);
      events.set(a.runId, [...(m.events.get(a.runId) ?? []), ...a.events]);
      const keys = new Map(m.keys);
      keys.set(a.runId, metricKeys(a.events, new Set(m.keys.get(a.runId))));
      return { ...m, events, keys, eventCount: m.eventCount + a.events.length };
    }
    case 'runUpdated': {
      const runs = new Map(m.runs);
      runs.set(a.run.manifest.id, a.run);
      return { ...m, runs };
    }
    case 'runRemoved': {
      if (!m.runs.has(a.runId) && !m.events.has(a.runId)) return m;
      const runs = new Map(m.runs);
      const events = new Map(m.events);
      const keys = new Map(m.keys);
      runs.delete(a.runId);
      events.delete(a.runId);
      keys.delete(a.runId);
      return {
        ...m,
        runs,
        events,
        keys,
        view: { ...m.view, selected: m.view.selected.filter((id) => id !== a.runId) },
      };
    }
    case 'select':
      return {
        ...m,
        view: { ...m.view, selected: a.runIds.filter((id) => m.runs.has(id)) },
        hint: a.runIds.length ? undefined : a.hint,
      };
    case 'queue':
      return { ...m, queued: a.queued };
    case 'exported':
      return { ...m, status: { ok: a.ok, message: a.message } };
    case 'toggleRun':
      return { ...m, view: { ...m.view, selected: toggle(m.view.selected, a.id, a.additive) }, hint: undefined };
    case 'selectRuns': {
      const ids = a.ids.filter((id) => m.runs.has(id));
      const selected = a.on
        ? [...m.view.selected, ...ids.filter((id) => !m.view.selected.includes(id))]
        : m.view.selected.filter((id) => !ids.includes(id));
      return { ...m, view: { ...m.view, selected }, hint: undefined };
    }
    case 'setExperiments':
      return { ...m, view: { ...m.view, experiments: a.state } };
    case 'setSmoothing':
      return { ...m, view: { ...m.view, smoothing: Math.min(0.99, Math.max(0, a.value)) } };
    case 'setScale':
      return {
        ...m,
        view: {
          ...m.view,
          scales: { ...m.view.scales, [a.chart]: { ...m.view.scales[a.chart], [a.axis]: a.scale } },
        },
      };
  }
}

// ---- Views of the model (pure) ----

/** Runs ordered newest first: live ones on top. */
export function orderedRuns(m: Model): RunInfo[] {
  return [...m.runs.values()].sort(
    (a, b) => Number(b.live) - Number(a.live) || b.manifest.startedAt.localeCompare(a.manifest.startedAt),
  );
}

export function runData(m: Model, id: string): RunData | undefined {
  const r = m.runs.get(id);
  if (!r) return undefined;
  return {
    id,
    name: r.manifest.name,
    // Seeds of one experiment share the group key; a folder from before it existed is a group of its own.
    groupKey: r.manifest.groupKey ?? id,
    events: (m.events.get(id) ?? []) as RunEvent[],
  };
}

/** The arms the papers of these runs declare (a paper's figure uses its own; training curves, all). */
export function armsOf(m: Model, runIds: readonly string[]): ArmView[] {
  const out = new Map<string, ArmView>();
  for (const id of runIds) {
    const paper = m.papers.get(m.runs.get(id)?.manifest.paper ?? '');
    for (const a of paper?.arms ?? []) if (!out.has(a.id)) out.set(a.id, a);
  }
  return [...out.values()];
}

/** A chart to draw: a figure spec and the runs it is drawn from. */
export interface ChartPlan {
  spec: FigureSpec;
  runIds: string[];
  /** The paper it belongs to, or undefined for the live training curves. */
  paper?: PaperView;
}

/** Identifies a set of charts: the cards are rebuilt only when it changes. */
export function planKey(plans: ChartPlan[]): string {
  return plans.map((p) => `${p.paper?.id ?? ''}:${p.spec.id}:${p.runIds.join(',')}`).join('|');
}

const ORDER = ['train_loss', 'val_loss', 'test_loss', 'train_acc', 'val_acc', 'test_acc'];

/** A training-curve chart per metric key the selected runs report (losses first, then accuracies). */
export function liveSpecs(keys: Iterable<string>): FigureSpec[] {
  const sorted = [...new Set(keys)].sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return sorted.map((key) => {
    const isAcc = /acc/.test(key);
    const label = key.replace(/_/g, ' ').replace(/\bacc\b/, 'accuracy');
    return {
      id: `live-${key}`,
      title: label[0].toUpperCase() + label.slice(1),
      kind: 'curves',
      x: { source: { kind: 'step' }, label: 'iteration', scale: 'linear' },
      y: [{ source: { kind: 'value', key }, label: isAcc ? `${label} (%)` : label, scale: 'linear', percent: isAcc }],
      lineBy: ['arm', 'round'],
    } satisfies FigureSpec;
  });
}

/** The charts for the selection: each paper's figures (what the run is for), then every metric as a curve. */
export function plan(m: Model): ChartPlan[] {
  const selected = m.view.selected.filter((id) => m.runs.has(id));
  if (selected.length === 0) return [];
  const plans: ChartPlan[] = [];
  const byPaper = new Map<string, string[]>();
  for (const id of selected) {
    const p = m.runs.get(id)!.manifest.paper;
    byPaper.set(p, [...(byPaper.get(p) ?? []), id]);
  }
  for (const [paperId, runIds] of byPaper) {
    const paper = m.papers.get(paperId);
    if (!paper) continue;
    for (const spec of paper.figures) plans.push({ spec, runIds, paper });
  }
  const keys = new Set<string>();
  for (const id of selected) for (const k of m.keys.get(id) ?? []) keys.add(k);
  for (const spec of liveSpecs(keys)) plans.push({ spec, runIds: selected });
  return plans;
}
