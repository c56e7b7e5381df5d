/**
 * The status bar item for runs: the training run, its round/arm and progress, an ETA, "+N" for the
 * others; the tooltip lists every run, training and queued. A click opens the dashboard on the run
 * that trains (the dashboard picks it: the command carries no arguments). Shows the last result for a
 * while after the runs end, so the outcome reaches the user even when no notification is looked at.
 *
 * The command is set once: VS Code turns a command with arguments into a temporary command that is
 * re-registered on every change, and a click landing between two progress ticks then fails with
 * "command not found".
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { Disposable } from '../util/dispose';
import type { RunManager, RunState } from './runManager';
import { formatDuration } from '../../core/estimate/format';

function eta(s: number | undefined): string {
  const left = formatDuration(s ?? NaN);
  return left ? ` · ${left} left` : '';
}

export function percent(r: RunState): number {
  return r.progress && r.progress.total ? Math.floor((100 * r.progress.done) / r.progress.total) : 0;
}

/** "42% · round 3/7 · ticket · 2 min left" for a training run; its state in words otherwise. */
export function progressText(r: RunState): string {
  if (r.status === 'queued') return 'queued';
  if (r.status !== 'running') return r.status;
  return r.progress ? `${percent(r)}% · ${r.progress.label}${eta(r.progress.etaSeconds)}` : 'starting';
}

export function describeRun(r: RunState): string {
  switch (r.status) {
    case 'queued':
      return `$(clock) ${r.name}: queued`;
    case 'running':
      return `$(sync~spin) ${r.name}: ${progressText(r)}`;
    case 'completed':
      return `$(check) ${r.name}: completed`;
    case 'stopped':
      return `$(debug-stop) ${r.name}: stopped`;
    default:
      return `$(error) ${r.name}: ${r.status}`;
  }
}

/** The tooltip: one line per run, training first, then the queue in order. */
export function describeAll(runs: RunState[], justFinished?: RunState): string {
  const line = (r: RunState) =>
    `- **${r.name}** (${r.paper}, seed ${r.seed}) — ${progressText(r)}${r.adopted ? ' — kept training across a window reload' : ''}`;
  const parts: string[] = [];
  const training = runs.filter((r) => r.status === 'running');
  const queued = runs.filter((r) => r.status === 'queued');
  if (training.length) parts.push(`**Training (${training.length})**`, training.map(line).join('\n'));
  if (queued.length) parts.push(`**Queued (${queued.length})**`, queued.map(line).join('\n'));
  if (!runs.length && justFinished) {
    parts.push(`**${justFinished.name}** (${justFinished.paper}) — ${justFinished.status}`);
    if (justFinished.message) parts.push(justFinished.message);
  }
  parts.push(
    runs.length ? 'Click to open the dashboard on the training run.' : 'Click to open the dashboard on this run.',
  );
  return parts.join('\n\n');
}

export class RunStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('paperlab.runs', vscode.StatusBarAlignment.Left, 50));
  private hideTimer: NodeJS.Timeout | undefined;

  constructor(private readonly manager: RunManager) {
    super();
    this.item.name = 'Paperlab runs';
    this.item.command = Commands.openDashboard;
    this.register(
      manager.onDidUpdate((u) =>
        u.kind === 'message' || u.kind === 'activity'
          ? undefined
          : this.render(u.kind === 'finished' ? u.run : undefined),
      ),
    );
    this.register({ dispose: () => this.hideTimer && clearTimeout(this.hideTimer) });
  }

  private render(justFinished?: RunState): void {
    const runs = this.manager.runs();
    const shown = runs[0] ?? justFinished;
    if (!shown) return;
    if (this.hideTimer) clearTimeout(this.hideTimer);
    const more = runs.length > 1 ? ` (+${runs.length - 1})` : '';
    this.item.text = describeRun(shown) + more;
    this.item.tooltip = new vscode.MarkdownString(describeAll(runs, justFinished));
    this.item.backgroundColor =
      shown.status === 'failed' || shown.status === 'interrupted'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : undefined;
    this.item.show();
    if (!runs.length) this.hideTimer = setTimeout(() => this.item.hide(), 60_000);
  }
}
