/**
 * Files the dashboard hands to the user: a chart as PNG / CSV / JSON, and the HTML report. Every save
 * goes through a save dialog shown by the host (downloads from inside a webview fail), one dialog at
 * a time; a saved report opens where the user is — in a webview inside VS Code, which works the same
 * locally, over Remote and in a browser (code-server), where a local browser could not reach a file
 * on the server; "Open in Browser" is offered only where the file is on the user's own machine.
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { parseWebviewMessage, type WebviewToHost } from '../../core/protocol/dashboard';

/** Runs `fn` unless a dialog it started is still open; then resolves undefined without a second one. */
export function oneAtATime(): <T>(fn: () => Thenable<T> | Promise<T>) => Promise<T | undefined> {
  let busy = false;
  return async (fn) => {
    if (busy) return undefined;
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  };
}

export async function writeTo(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (uri.scheme === 'file') await writeFile(uri.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(uri, bytes);
}

/** Asks where, writes the chart; returns what to tell the user, or undefined when cancelled. */
export async function saveChartExport(
  m: Extract<WebviewToHost, { type: 'export' }>,
  log: vscode.LogOutputChannel,
): Promise<string | undefined> {
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
  if (!uri) return undefined;
  const bytes =
    m.format === 'png'
      ? Buffer.from(m.content.slice('data:image/png;base64,'.length), 'base64')
      : Buffer.from(m.content, 'utf8');
  await writeTo(uri, bytes);
  log.info(`Dashboard: saved ${uri.toString(true)}`);
  return `Saved ${vscode.workspace.asRelativePath(uri)}`;
}

/** True where `openExternal` on a file URI reaches the same disk: desktop VS Code on a local folder. */
export function reportIsLocal(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
}

export const REPORT_VIEW_TYPE = 'paperlab.report';

/**
 * Shows a saved report in a webview: the file's own HTML (scripts inlined, its own strict CSP), so
 * what the user sees is what the file holds. Its chart exports come back here as save dialogs.
 */
export async function openReportPanel(
  uri: vscode.Uri,
  log: vscode.LogOutputChannel,
  oneDialog: <T>(fn: () => Thenable<T> | Promise<T>) => Promise<T | undefined>,
): Promise<vscode.WebviewPanel> {
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const panel = vscode.window.createWebviewPanel(
    REPORT_VIEW_TYPE,
    `Report: ${path.basename(uri.path)}`,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
    { enableScripts: true, localResourceRoots: [] },
  );
  panel.webview.html = html;
  const sub = panel.webview.onDidReceiveMessage(async (raw) => {
    const m = parseWebviewMessage(raw);
    if (m?.type !== 'export') return;
    try {
      const saved = await oneDialog(() => saveChartExport(m, log));
      if (saved) void panel.webview.postMessage({ type: 'exported', ok: true, message: saved });
    } catch (err) {
      log.error(`Report: export failed: ${(err as Error).message}`);
    }
  });
  panel.onDidDispose(() => sub.dispose());
  return panel;
}
