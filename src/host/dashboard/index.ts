/**
 * The dashboard feature: the panel serializer, the runs-folder watcher that follows CLI runs live,
 * and the handlers of Open Dashboard, Compare Runs… and Export Report (the lead registers them).
 *
 *   const dashboard = registerDashboard(context, log, runManager?.onDidEmit);
 *   command(Commands.openDashboard, 'Open Dashboard', dashboard.open);
 *   command(Commands.compareRuns, 'Compare Runs', dashboard.compare);
 *   command(Commands.exportReport, 'Export Report', dashboard.exportReport);
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { DASHBOARD_VIEW_TYPE } from '../commandIds';
import { runsDirFor } from '../util/runsDir';
import { DEFAULT_RUNS_DIR, RUN_FILES } from '../../core/runs/events';
import { DashboardPanel, type PanelHost } from './panel';
import { RunSource } from './runSource';
import { RunFollower } from './follow';
import { buildReport } from '../../core/report/report';
import { paperKeySettings, paperView } from '../../papers/view';

/** Any event that names a run folder, e.g. the run manager's live trainer messages. */
export type RunActivity = vscode.Event<{ runDir?: string }>;

export interface DashboardApi {
  /** Opens (or reveals) the dashboard; with run ids or run folder paths, selects those runs. */
  open(select?: string[] | unknown): Promise<void>;
  /** Picks runs to compare on the same axes, then opens the dashboard with them. */
  compare(): Promise<void>;
  /** Writes a self-contained HTML report of the dashboard's selection (or of picked runs). */
  exportReport(runIds?: string[] | unknown): Promise<void>;
  /** Test-only: what the open dashboard drew. */
  queryDrawn(): Promise<{ id: string; datasets: number; points: number }[]>;
  /** The runs folder the dashboard reads, or undefined without a workspace. */
  runsDirectory(): string | undefined;
}

/** How often the runs folder is re-read while the dashboard is open, besides the file watcher: watchers miss events on network file systems (a cluster's shared storage). */
const POLL_MS = 2000;

export function registerDashboard(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  runActivity?: RunActivity,
): DashboardApi {
  let source: RunSource | undefined;
  let watcher: vscode.FileSystemWatcher | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;

  const runsDirectory = (): string | undefined => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) return runsDirFor(folder.uri);
    // No folder open: only an absolute setting names a place to read.
    const setting = vscode.workspace.getConfiguration('paperlab').get<string>('runsDirectory') ?? DEFAULT_RUNS_DIR;
    return path.isAbsolute(setting) ? setting : undefined;
  };

  let follower: RunFollower | undefined;
  /** The open panel, when it is visible (a hidden webview is rebuilt from the files when shown). */
  const visiblePanel = () => {
    const panel = DashboardPanel.current;
    return panel && panel.panel.visible ? panel : undefined;
  };
  /** Watcher and poll handlers run detached: an error is logged, never thrown at VS Code. */
  const safely = (what: string, p: Promise<void> | undefined) =>
    void p?.catch((e) => log.error(`Dashboard: ${what} failed: ${e instanceof Error ? e.message : String(e)}`));
  const onRunFile = (file: string) => safely('reading a run', follower?.onRunFile(file));
  const pollOnce = () => safely('re-reading the runs folder', follower?.poll());

  /** A run folder that cannot be read: in the log, and once in a message naming the folder. */
  const onProblem = (message: string) => {
    log.warn(`Dashboard: ${message}`);
    void vscode.window
      .showWarningMessage(`Paperlab: ${message} The other runs are shown.`, 'Show Log')
      .then((pick) => pick && log.show());
  };

  const startWatching = () => {
    const dir = runsDirectory();
    if (!dir || (source && source.runsDir === dir)) return;
    stopWatching();
    source = new RunSource(dir, { paperView, keySettingsOf: paperKeySettings, onProblem });
    follower = new RunFollower(source, () => DashboardPanel.current);
    watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(dir), `*/{${RUN_FILES.manifest},${RUN_FILES.metrics}}`),
    );
    watcher.onDidCreate((u) => onRunFile(u.fsPath));
    watcher.onDidChange((u) => onRunFile(u.fsPath));
    watcher.onDidDelete(() => pollOnce());
    poll = setInterval(() => visiblePanel() && pollOnce(), POLL_MS);
    log.info(`Dashboard: following runs in ${dir}`);
  };

  const stopWatching = () => {
    watcher?.dispose();
    watcher = undefined;
    if (poll) clearInterval(poll);
    poll = undefined;
    source = undefined;
    follower = undefined;
  };

  const host: PanelHost = {
    extensionUri: context.extensionUri,
    log,
    source: () => {
      startWatching();
      return source;
    },
    exportReport: (ids) => exportReport(ids),
  };

  /** Accepts run ids or run folder paths (from a CodeLens or the run manager). */
  const toIds = (arg: unknown): string[] | undefined => {
    const list = Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg] : undefined;
    return list
      ?.filter((x): x is string => typeof x === 'string')
      .map((x) => (x.includes('/') || x.includes('\\') ? path.basename(x) : x));
  };

  const open = async (select?: unknown) => {
    startWatching();
    DashboardPanel.createOrShow(host, toIds(select));
  };

  const pickRuns = async (title: string): Promise<string[] | undefined> => {
    startWatching();
    if (!source) {
      void vscode.window.showInformationMessage(
        'Paperlab: open a folder first: runs are kept in the workspace (setting paperlab.runsDirectory).',
      );
      return undefined;
    }
    await source.scan();
    const runs = source.runs().sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt));
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(
        `Paperlab: no runs in ${vscode.workspace.asRelativePath(source.runsDir)} yet. Run an experiment first.`,
      );
      return undefined;
    }
    const items = runs.map((r) => ({
      label: r.manifest.name || r.manifest.id,
      description: `${r.manifest.status} · ${r.manifest.paper} · seed ${r.manifest.seed} · ${r.manifest.backend}`,
      detail: `${r.manifest.id}  ${Object.entries(r.settings)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · ')}`,
      id: r.manifest.id,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title,
      placeHolder: 'Pick runs (seeds of the same config are drawn as mean ± range)',
    });
    return picked && picked.length > 0 ? picked.map((p) => p.id) : undefined;
  };

  const compare = async () => {
    const ids = await pickRuns('Compare runs on the same axes');
    if (ids) DashboardPanel.createOrShow(host, ids);
  };

  const exportReport = async (arg?: unknown) => {
    startWatching();
    let ids =
      toIds(arg) ?? (DashboardPanel.current?.shownRuns.length ? [...DashboardPanel.current.shownRuns] : undefined);
    if (!ids || ids.length === 0) ids = await pickRuns('Runs to put in the report');
    if (!ids || !source) return;
    const dirs = ids.map((id) => source!.dirOf(id)).filter((d): d is string => !!d);
    const root = context.extensionUri.fsPath;
    const result = await buildReport(dirs, {
      assets: { script: path.join(root, 'dist', 'webview.js'), style: path.join(root, 'media', 'dashboard.css') },
      paperView,
      keySettingsOf: paperKeySettings,
    });
    for (const w of result.warnings) log.warn(`Report: ${w}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'paperlab-report.html') : undefined,
      filters: { HTML: ['html'] },
      title: 'Save the report',
    });
    if (!uri) return;
    if (uri.scheme === 'file') await writeFile(uri.fsPath, result.html);
    else await vscode.workspace.fs.writeFile(uri, Buffer.from(result.html));
    log.info(`Report: wrote ${uri.toString(true)} (${result.runs.length} runs)`);
    const choice = await vscode.window.showInformationMessage(
      `Paperlab: report of ${result.runs.length} run(s) saved to ${vscode.workspace.asRelativePath(uri)}.`,
      'Open in Browser',
    );
    if (choice) void vscode.env.openExternal(uri);
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        startWatching();
        DashboardPanel.revive(panel, host);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('paperlab.runsDirectory')) return;
      stopWatching();
      startWatching();
      DashboardPanel.current?.select([]);
    }),
    { dispose: () => stopWatching() },
    { dispose: () => DashboardPanel.current?.dispose() },
  );
  if (runActivity)
    context.subscriptions.push(runActivity((e) => e.runDir && onRunFile(path.join(e.runDir, RUN_FILES.metrics))));

  return {
    open,
    compare,
    exportReport,
    queryDrawn: () =>
      DashboardPanel.current
        ? DashboardPanel.current.queryDrawn()
        : Promise.reject(new Error('the dashboard is not open')),
    runsDirectory,
  };
}
