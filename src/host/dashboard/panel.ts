/**
 * The dashboard's webview panel: one per window, created or revealed by "Open Dashboard", revived by
 * the serializer after a reload. The page is rebuilt whenever VS Code shows it again (no
 * `retainContextWhenHidden`): it posts `ready` with its saved selection and gets a fresh `init` from
 * the run folders, so whatever happened while it was hidden is there.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { Disposable } from '../util/dispose';
import { DASHBOARD_VIEW_TYPE } from '../commandIds';
import { dashboardPage } from '../../core/figures/page';
import {
  parseWebviewMessage,
  type HostToWebview,
  type QueuedRun,
  type RunInfo,
  type WebviewToHost,
} from '../../core/protocol/dashboard';
import type { RunEvent } from '../../core/runs/events';
import type { RunSource } from './runSource';
import { EventBatcher } from './batcher';
import { saveChartExport } from './exports';

export interface PanelHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  source(): RunSource | undefined;
  /** The editor's queue, for the run list. */
  queued(): QueuedRun[];
  exportReport(runIds: string[]): Promise<void>;
  /** Runs a save dialog unless one is already open (then resolves undefined at once). */
  oneDialog<T>(fn: () => Thenable<T> | Promise<T>): Promise<T | undefined>;
}

export class DashboardPanel extends Disposable {
  static current: DashboardPanel | undefined;

  private ready = false;
  private selected: string[] = [];
  /** A selection asked for before the page was ready (Compare Runs…, a CodeLens). */
  private pendingSelect: { runIds: string[]; hint?: string } | undefined;
  /** A run that started and has no manifest yet: selected as soon as its folder is seen. */
  private awaited: string | undefined;
  private readonly batcher: EventBatcher;

  static createOrShow(host: PanelHost, select?: string[], hint?: string): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal(undefined, true);
      if (select) DashboardPanel.current.select(select, hint);
      return DashboardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      'Paperlab Dashboard',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      DashboardPanel.options(host),
    );
    const p = new DashboardPanel(panel, host);
    if (select) p.select(select, hint);
    return p;
  }

  /** After a window reload: the webview's own state (getState) holds the selection; it will send `ready`. */
  static revive(panel: vscode.WebviewPanel, host: PanelHost): DashboardPanel {
    panel.webview.options = DashboardPanel.options(host);
    return new DashboardPanel(panel, host);
  }

  private static options(host: PanelHost): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      // Only the bundle and the stylesheet: the page cannot load anything else from disk.
      localResourceRoots: [
        vscode.Uri.joinPath(host.extensionUri, 'dist'),
        vscode.Uri.joinPath(host.extensionUri, 'media'),
      ],
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PanelHost,
  ) {
    super();
    DashboardPanel.current = this;
    this.batcher = new EventBatcher((batches) => {
      for (const [runId, events] of batches) this.post({ type: 'runEvents', runId, events });
    });
    this.register(this.batcher);
    this.register(panel.webview.onDidReceiveMessage((m) => this.onMessage(m)));
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          // VS Code discards a hidden webview's page; it will say `ready` again when shown.
          this.ready = false;
          this.batcher.paused = true;
          this.batcher.clear();
        }
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'dashboard.svg');
    panel.webview.html = this.html();
  }

  private html(): string {
    const w = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    return dashboardPage({
      title: 'Paperlab Dashboard',
      nonce,
      cspSource: w.cspSource,
      style: { href: w.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', 'dashboard.css')).toString() },
      script: { src: w.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'webview.js')).toString() },
    });
  }

  private post(m: HostToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  select(runIds: string[], hint?: string): void {
    this.awaited = undefined;
    if (this.ready) this.post({ type: 'select', runIds, hint });
    else this.pendingSelect = { runIds, hint };
  }

  /** Selects a run that has just started, now if its folder is listed, else as soon as it is. */
  selectWhenSeen(runId: string): void {
    if (this.host.source()?.has(runId)) this.select([runId]);
    else this.awaited = runId;
  }

  /** The run list changed (watcher or poll). */
  runsChanged(updated: RunInfo[], removed: string[]): void {
    for (const run of updated) this.post({ type: 'runUpdated', run });
    for (const runId of removed) this.post({ type: 'runRemoved', runId });
    if (this.awaited && updated.some((r) => r.manifest.id === this.awaited)) this.select([this.awaited]);
  }

  queueChanged(): void {
    this.post({ type: 'queue', queued: this.host.queued() });
  }

  /** New events of a run, read from its metrics file. */
  events(runId: string, events: RunEvent[]): void {
    if (this.ready && this.selected.includes(runId)) this.batcher.push(runId, events);
  }

  get shownRuns(): readonly string[] {
    return this.ready ? this.selected : [];
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = parseWebviewMessage(raw);
    if (!m) {
      this.host.log.warn('Dashboard: ignored a malformed message from the webview');
      return;
    }
    try {
      await this.handle(m);
    } catch (err) {
      this.host.log.error(`Dashboard: ${m.type} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (m.type === 'export')
        this.post({
          type: 'exported',
          ok: false,
          message: `Export failed: ${err instanceof Error ? err.message : String(err)}`,
        });
    }
  }

  private async handle(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
      case 'subscribe': {
        const source = this.host.source();
        const pending = this.pendingSelect;
        this.pendingSelect = undefined;
        this.selected = pending?.runIds ?? m.selected;
        this.ready = true;
        this.batcher.paused = false;
        this.batcher.clear();
        const queued = this.host.queued();
        if (!source) {
          this.post({ type: 'init', snapshot: { runs: [], events: {}, papers: [], queued, hint: pending?.hint } });
          return;
        }
        await source.scan();
        const snapshot = await source.snapshot(this.selected, pending?.runIds);
        this.post({ type: 'init', snapshot: { ...snapshot, queued, hint: pending?.hint } });
        return;
      }
      case 'export': {
        const saved = await this.host.oneDialog(() => saveChartExport(m, this.host.log));
        if (saved) this.post({ type: 'exported', ok: true, message: saved });
        return;
      }
      case 'exportReport':
        return this.host.exportReport(m.selected);
    }
  }

  override dispose(): void {
    if (DashboardPanel.current === this) DashboardPanel.current = undefined;
    super.dispose();
    this.panel.dispose();
  }
}
