/**
 * The status bar item for runs: the training run, its round/arm and progress, an ETA; a click opens
 * its dashboard. Shows the last result for a while after a run ends, so the outcome reaches the user
 * even when no notification is looked at.
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

export function describeRun(r: RunState): string {
  const pct = r.progress && r.progress.total ? Math.floor((100 * r.progress.done) / r.progress.total) : 0;
  switch (r.status) {
    case 'queued':
      return `$(clock) ${r.name}: queued`;
    case 'running':
      return `$(sync~spin) ${r.name}: ${pct}%${r.progress ? ` · ${r.progress.label}` : ' · starting'}${eta(r.progress?.etaSeconds)}`;
    case 'completed':
      return `$(check) ${r.name}: completed`;
    case 'stopped':
      return `$(debug-stop) ${r.name}: stopped`;
    default:
      return `$(error) ${r.name}: ${r.status}`;
  }
}

export class RunStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('paperlab.runs', vscode.StatusBarAlignment.Left, 50));
  private hideTimer: NodeJS.Timeout | undefined;

  constructor(private readonly manager: RunManager) {
    super();
    this.item.name = 'Paperlab runs';
    this.register(
      manager.onDidUpdate((u) =>
        u.kind === 'message' ? undefined : this.render(u.kind === 'finished' ? u.run : undefined),
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
    this.item.tooltip = new vscode.MarkdownString(
      [
        `**${shown.name}** (${shown.paper}) — ${shown.status}`,
        shown.backend ? `backend: ${shown.backend}` : '',
        shown.message ?? '',
        shown.runDir ? `\`${shown.runDir}\`` : '',
        'Click to open the dashboard.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    this.item.command = {
      command: Commands.openDashboard,
      title: 'Open Dashboard',
      arguments: shown.runDir ? [vscode.Uri.file(shown.runDir)] : [],
    };
    this.item.backgroundColor =
      shown.status === 'failed' || shown.status === 'interrupted'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : undefined;
    this.item.show();
    if (!runs.length) this.hideTimer = setTimeout(() => this.item.hide(), 60_000);
  }
}
