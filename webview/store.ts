/**
 * The webview's model: the runs it knows, the events of the selected ones, the papers' figure specs
 * and the user's view state. No DOM here, so the logic can be reasoned about (and tested) on its own.
 */
import type { DashboardSnapshot, DashboardState, PaperView, RunInfo } from '../src/core/protocol/dashboard';
import { unpackEvents } from '../src/core/protocol/dashboard';
import type { MetricEvent, RunEvent } from '../src/core/runs/events';
import type { FigureSpec } from '../src/core/figures/spec';
import type { RunData } from '../src/core/figures/build';

/** A chart to draw: a figure spec and the runs it is drawn from. */
export interface ChartPlan {
  spec: FigureSpec;
  runIds: string[];
  /** The paper it belongs to, or undefined for the live training curves. */
  paper?: PaperView;
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

export class Store {
  runs = new Map<string, RunInfo>();
  events = new Map<string, RunEvent[]>();
  papers = new Map<string, PaperView>();
  /** Metric keys seen per run, so live charts appear as soon as a new key does. */
  private keys = new Map<string, Set<string>>();
  /** Monotonic count of events received, for tests and the latency benchmark. */
  eventCount = 0;

  constructor(public state: DashboardState) {}

  load(s: DashboardSnapshot): void {
    this.runs = new Map(s.runs.map((r) => [r.manifest.id, r]));
    for (const p of s.papers) this.papers.set(p.id, p);
    this.events.clear();
    this.keys.clear();
    for (const [id, evs] of Object.entries(s.events)) this.append(id, evs);
    for (const [id, packed] of Object.entries(s.packed ?? {})) this.append(id, unpackEvents(packed), packed.keys);
    if (s.select) this.state.selected = s.select.filter((id) => this.runs.has(id));
    // A selected run whose folder is gone is dropped, so the selection is always drawable.
    else this.state.selected = this.state.selected.filter((id) => this.runs.has(id));
  }

  /** `knownKeys`: the metric keys of `evs` when already known (packed events), to skip a scan. */
  append(runId: string, evs: RunEvent[], knownKeys?: string[]): void {
    let keys = this.keys.get(runId);
    if (!keys) this.keys.set(runId, (keys = new Set()));
    const list = this.events.get(runId);
    if (!list) this.events.set(runId, evs);
    else for (const e of evs) list.push(e);
    if (knownKeys) for (const k of knownKeys) keys.add(k);
    else for (const e of evs) if (e.type === 'metric') for (const k in (e as MetricEvent).values) keys.add(k);
    this.eventCount += evs.length;
  }

  /** Runs ordered newest first: live ones on top. */
  orderedRuns(): RunInfo[] {
    return [...this.runs.values()].sort(
      (a, b) => Number(b.live) - Number(a.live) || b.manifest.startedAt.localeCompare(a.manifest.startedAt),
    );
  }

  runData(id: string): RunData | undefined {
    const r = this.runs.get(id);
    if (!r) return undefined;
    // Folders from before `groupKey` existed and carry none form groups of one (the host fills it where it can).
    const groupKey = r.manifest.groupKey ?? id;
    return { id, name: r.manifest.name, groupKey, events: this.events.get(id) ?? [] };
  }

  /** The charts for the current selection: live curves for all selected runs, then each paper's figures. */
  plan(): ChartPlan[] {
    const selected = this.state.selected.filter((id) => this.runs.has(id));
    if (selected.length === 0) return [];
    const keys = new Set<string>();
    for (const id of selected) for (const k of this.keys.get(id) ?? []) keys.add(k);
    // The paper's figures first (what the run is for), then every metric as a training curve.
    const plans: ChartPlan[] = [];
    const byPaper = new Map<string, string[]>();
    for (const id of selected) {
      const p = this.runs.get(id)!.manifest.paper;
      byPaper.set(p, [...(byPaper.get(p) ?? []), id]);
    }
    for (const [paperId, runIds] of byPaper) {
      const paper = this.papers.get(paperId);
      if (!paper) continue;
      for (const spec of paper.figures) plans.push({ spec, runIds, paper });
    }
    for (const spec of liveSpecs(keys)) plans.push({ spec, runIds: selected });
    return plans;
  }

  toggle(id: string, additive: boolean): void {
    const s = this.state.selected;
    if (!additive) this.state.selected = s.length === 1 && s[0] === id ? [] : [id];
    else this.state.selected = s.includes(id) ? s.filter((x) => x !== id) : [...s, id];
  }
}
