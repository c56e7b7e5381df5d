/**
 * The dashboard's webview panel: one per window, created or revealed by "Open Dashboard", revived by
 * the serializer after a reload. The page is rebuilt whenever VS Code shows it again (no
 * `retainContextWhenHidden`): it posts `ready` with its saved selection and gets a fresh `init` from
 * the run folders, so whatever happened while it was hidden is there.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Disposable } from '../util/dispose';
import { DASHBOARD_VIEW_TYPE } from '../commandIds';
import { dashboardPage } from '../../core/figures/page';
import {
  parseWebviewMessage,
  type DrawnChart,
  type HostToWebview,
  type RunInfo,
  type WebviewToHost,
} from '../../core/protocol/dashboard';
import type { RunEvent } from '../../core/runs/events';
import type { RunSource } from './runSource';
import { EventBatcher } from './batcher';

export interface PanelHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  source(): RunSource | undefined;
  exportReport(runIds: string[]): Promise<void>;
}

export class DashboardPanel extends Disposable {
  static current: DashboardPanel | undefined;

  private ready = false;
  private selected: string[] = [];
  /** A selection asked for before the page was ready (Compare Runs…, a CodeLens). */
  private pendingSelect: string[] | undefined;
  private readonly batcher: EventBatcher;
  private drawnWaiters = new Map<number, (charts: DrawnChart[]) => void>();
  private nextRequest = 1;

  static createOrShow(host: PanelHost, select?: string[]): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal(undefined, true);
      if (select) DashboardPanel.current.select(select);
      return DashboardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      'Paperlab Dashboard',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      DashboardPanel.options(host),
    );
    const p = new DashboardPanel(panel, host);
    if (select) p.select(select);
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

  select(runIds: string[]): void {
    if (this.ready) this.post({ type: 'select', runIds });
    else this.pendingSelect = runIds;
  }

  /** The run list changed (watcher or poll). */
  runsChanged(updated: RunInfo[], removed: string[]): void {
    for (const run of updated) this.post({ type: 'runUpdated', run });
    for (const runId of removed) this.post({ type: 'runRemoved', runId });
  }

  /** New events of a run, read from its metrics file. */
  events(runId: string, events: RunEvent[]): void {
    if (this.ready && this.selected.includes(runId)) this.batcher.push(runId, events);
  }

  get shownRuns(): readonly string[] {
    return this.ready ? this.selected : [];
  }

  /** Test-only: what the webview drew, asked through the `testQueryDrawn` message. */
  queryDrawn(timeoutMs = 5000): Promise<DrawnChart[]> {
    if (!this.ready) return Promise.reject(new Error('the dashboard is hidden or still loading'));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.drawnWaiters.delete(requestId);
        reject(new Error('the dashboard did not answer (is it visible and ready?)'));
      }, timeoutMs);
      this.drawnWaiters.set(requestId, (charts) => {
        clearTimeout(t);
        resolve(charts);
      });
      this.batcher.flushNow();
      this.post({ type: 'testQueryDrawn', requestId });
    });
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
        const select = this.pendingSelect;
        this.pendingSelect = undefined;
        this.selected = select ?? m.selected;
        this.ready = true;
        this.batcher.paused = false;
        this.batcher.clear();
        if (!source) {
          this.post({ type: 'init', snapshot: { runs: [], events: {}, papers: [] } });
          return;
        }
        await source.scan();
        this.post({ type: 'init', snapshot: await source.snapshot(this.selected, select) });
        return;
      }
      case 'export':
        return this.saveExport(m);
      case 'exportReport':
        return this.host.exportReport(m.selected);
      case 'drawn':
        this.drawnWaiters.get(m.requestId)?.(m.charts);
        this.drawnWaiters.delete(m.requestId);
        return;
    }
  }

  private async saveExport(m: Extract<WebviewToHost, { type: 'export' }>): Promise<void> {
    const filters: Record<string, Record<string, string[]>> = {
      png: { 'PNG image': ['png'] },
      csv: { CSV: ['csv'] },
      json: { JSON: ['json'] },
    };
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${m.suggestedName}.${m.format}`;
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: filters[m.format],
      title: `Save chart as ${m.format.toUpperCase()}`,
    });
    if (!uri) return;
    const bytes =
      m.format === 'png'
        ? Buffer.from(m.content.slice('data:image/png;base64,'.length), 'base64')
        : Buffer.from(m.content, 'utf8');
    if (uri.scheme === 'file') await writeFile(uri.fsPath, bytes);
    else await vscode.workspace.fs.writeFile(uri, bytes);
    this.host.log.info(`Dashboard: saved ${uri.toString(true)}`);
    this.post({ type: 'exported', ok: true, message: `Saved ${vscode.workspace.asRelativePath(uri)}` });
  }

  override dispose(): void {
    if (DashboardPanel.current === this) DashboardPanel.current = undefined;
    for (const w of this.drawnWaiters.values()) w([]);
    this.drawnWaiters.clear();
    super.dispose();
    this.panel.dispose();
  }
}
