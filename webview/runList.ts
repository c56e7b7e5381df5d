/**
 * The list of runs on the left: a keyboard-usable listbox (↑/↓ to move, Space to add or remove a run
 * from the comparison, Enter to show only that run). Each row says status, name, paper, key
 * settings and backend, so runs can be told apart before they are selected. Runs waiting in the
 * editor's queue are listed under it, in order (they have nothing to draw yet).
 */
import type { QueuedRun, RunInfo } from '../src/core/protocol/dashboard';

const STATUS_TEXT: Record<string, string> = {
  running: 'running',
  queued: 'queued',
  completed: 'done',
  stopped: 'stopped',
  failed: 'failed',
  interrupted: 'interrupted',
};

export class RunList {
  private focusIndex = 0;
  private ids: string[] = [];

  constructor(
    private readonly el: HTMLElement,
    private readonly queueEl: HTMLElement,
    private readonly onToggle: (id: string, additive: boolean) => void,
  ) {
    queueEl.setAttribute('aria-label', 'Runs waiting for a free core, in order');
    el.setAttribute('role', 'listbox');
    el.setAttribute('aria-multiselectable', 'true');
    el.setAttribute('aria-label', 'Runs: Space adds a run to the comparison, Enter shows only that run');
    el.addEventListener('keydown', (e) => this.onKey(e));
  }

  render(runs: RunInfo[], selected: readonly string[], queued: readonly QueuedRun[] = []): void {
    this.renderQueue(queued);
    const hadFocus = this.el.contains(document.activeElement);
    this.ids = runs.map((r) => r.manifest.id);
    this.focusIndex = Math.min(this.focusIndex, Math.max(0, runs.length - 1));
    this.el.replaceChildren();
    if (runs.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = queued.length
        ? 'No run has started yet.'
        : 'No runs yet. Run an experiment (Run, above the first line of a config, or `paperlab run <config>` in a terminal) and it appears here while it trains.';
      this.el.append(empty);
      return;
    }
    runs.forEach((r, i) => {
      const m = r.manifest;
      const li = document.createElement('li');
      const isSel = selected.includes(m.id);
      li.id = `run-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(isSel));
      li.tabIndex = i === this.focusIndex ? 0 : -1;
      li.className = `run status-${m.status}${isSel ? ' selected' : ''}`;
      li.dataset.id = m.id;
      const status = r.live ? 'running' : m.status === 'running' ? 'interrupted' : m.status;
      const box = el('span', 'check', isSel ? '☑' : '☐');
      box.setAttribute('aria-hidden', 'true');
      const head = el('div', 'run-head');
      head.append(box, el('span', `dot dot-${status}`, ''), el('span', 'run-name', m.name || m.id));
      const meta = el(
        'div',
        'run-meta',
        `${STATUS_TEXT[status] ?? status} · ${m.paper} · seed ${m.seed} · ${m.backend}`,
      );
      const settings = Object.entries(r.settings)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · ');
      li.append(head, meta);
      if (settings) li.append(el('div', 'run-settings', settings));
      if (m.reason && status !== 'completed') li.append(el('div', 'run-reason', m.reason));
      li.title = `${m.id}\nstarted ${m.startedAt}${m.endedAt ? `\nended ${m.endedAt}` : ''}`;
      li.addEventListener('click', (e) => {
        this.focusIndex = i;
        this.onToggle(
          m.id,
          e.ctrlKey || e.metaKey || e.shiftKey || (e.target as HTMLElement).classList.contains('check'),
        );
      });
      this.el.append(li);
    });
    if (hadFocus) this.focus();
  }

  private renderQueue(queued: readonly QueuedRun[]): void {
    this.queueEl.replaceChildren();
    this.queueEl.hidden = queued.length === 0;
    if (!queued.length) return;
    this.queueEl.append(el('li', 'queue-title', `Queued (${queued.length})`));
    for (const q of queued) {
      const li = el('li', 'run queued');
      li.dataset.key = q.key;
      const head = el('div', 'run-head');
      head.append(
        el('span', 'position', `${q.position}.`),
        el('span', 'dot dot-queued', ''),
        el('span', 'run-name', q.name),
      );
      li.append(
        head,
        el('div', 'run-meta', `queued · ${q.paper} · seed ${q.seed}${q.position === 1 ? ' · starts next' : ''}`),
      );
      if (q.sourceConfig) li.title = q.sourceConfig;
      this.queueEl.append(li);
    }
  }

  private focus(): void {
    (this.el.children[this.focusIndex] as HTMLElement | undefined)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.ids.length === 0) return;
    const move = (to: number) => {
      this.focusIndex = Math.max(0, Math.min(this.ids.length - 1, to));
      [...this.el.children].forEach((c, i) => ((c as HTMLElement).tabIndex = i === this.focusIndex ? 0 : -1));
      this.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        move(this.focusIndex + 1);
        break;
      case 'ArrowUp':
        move(this.focusIndex - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(this.ids.length - 1);
        break;
      case ' ':
        this.onToggle(this.ids[this.focusIndex], true);
        break;
      case 'Enter':
        this.onToggle(this.ids[this.focusIndex], false);
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}

export function el(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
