/**
 * The dashboard feature: the panel serializer, the runs-folder watcher that follows CLI runs (and
 * runs re-adopted after a reload) live, the editor's queue, and the handlers of Open Dashboard,
 * Compare Runs… and Export Report (registered in src/extension.ts).
 *
 *   const dashboard = registerDashboard(context, log, runs.manager);
 *   command(Commands.openDashboard, 'Open Dashboard', dashboard.open);
 *
 * The dashboard opens on the run the user came from: the config's training run (or its latest) from
 * a CodeLens, the training run from the status bar, the run itself from "Open Dashboard" on a
 * finished run; a run started from the editor is selected when it starts.
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { DASHBOARD_VIEW_TYPE } from '../commandIds';
import { runsDirFor } from '../util/runsDir';
import { isExperimentUri } from '../editor/documents';
import { DEFAULT_RUNS_DIR, RUN_FILES } from '../../core/runs/events';
import type { QueuedRun } from '../../core/protocol/dashboard';
import type { RunState, RunUpdate } from '../runs/runManager';
import { DashboardPanel, type PanelHost } from './panel';
import { RunSource } from './runSource';
import { RunFollower } from './follow';
import { buildReport } from '../../core/report/report';
import { paperKeySettings, paperSettingSpec, paperView } from '../../papers/view';
import { oneAtATime, openReportPanel, reportIsLocal, writeTo } from './exports';

/** What the dashboard needs of the run manager. */
export interface RunsFeed {
  readonly onDidUpdate: vscode.Event<RunUpdate>;
  runs(): RunState[];
}

export interface DashboardApi {
  /**
   * Opens (or reveals) the dashboard on the run the user came from: run ids or run folder paths; a
   * config's Uri (its training run, else its latest); a run folder's Uri; nothing (the training run).
   */
  open(select?: unknown): Promise<void>;
  /** Picks runs to compare on the same axes, then opens the dashboard with them. */
  compare(): Promise<void>;
  /** Writes a self-contained HTML report of the dashboard's selection (or of picked runs). */
  exportReport(runIds?: string[] | unknown): Promise<void>;
  /** The runs folder the dashboard reads, or undefined without a workspace. */
  runsDirectory(): string | undefined;
}

/** How often the runs folder is re-read while the dashboard is open, besides the file watcher: watchers miss events on network file systems (a cluster's shared storage). */
const POLL_MS = 2000;

export function registerDashboard(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  runs?: RunsFeed,
): DashboardApi {
  let source: RunSource | undefined;
  let watcher: vscode.FileSystemWatcher | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const oneDialog = oneAtATime();

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
    source = new RunSource(dir, {
      paperView,
      keySettingsOf: paperKeySettings,
      paperSettingOf: paperSettingSpec,
      onProblem,
    });
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

  const queued = (): QueuedRun[] =>
    (runs?.runs() ?? [])
      .filter((r) => r.status === 'queued')
      .map((r, i) => ({
        key: r.key,
        name: r.name,
        paper: r.paper,
        seed: r.seed,
        position: i + 1,
        sourceConfig: r.sourceConfig,
      }));

  const host: PanelHost = {
    extensionUri: context.extensionUri,
    log,
    source: () => {
      startWatching();
      return source;
    },
    queued,
    exportReport: (ids) => exportReport(ids),
    oneDialog,
  };

  const runId = (runDir: string) => path.basename(runDir);

  /** The latest run (newest first) that `accept` takes, from the runs folder. */
  const latest = async (accept: (sourceConfig: string | undefined) => boolean): Promise<string | undefined> => {
    if (!source) return undefined;
    await source.scan();
    return source
      .runs()
      .filter((r) => accept(r.manifest.sourceConfig))
      .sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt))[0]?.manifest.id;
  };

  /**
   * The runs to show for what the user clicked. Undefined keeps an open dashboard's selection.
   * `hint` says why nothing is selected.
   */
  const resolve = async (arg: unknown): Promise<{ ids?: string[]; hint?: string }> => {
    const training = (runs?.runs() ?? []).filter((r) => r.status === 'running' && r.runDir);
    if (arg instanceof vscode.Uri) {
      if (isExperimentUri(arg)) {
        const own = training.find((r) => r.sourceConfig === arg.fsPath);
        if (own) return { ids: [runId(own.runDir!)] };
        const last = await latest((s) => s === arg.fsPath);
        if (last) return { ids: [last] };
        const name = path.basename(arg.fsPath);
        const waiting = queued().some((q) => q.sourceConfig === arg.fsPath);
        return {
          ids: [],
          hint: waiting
            ? `${name} is queued: its run appears here when it starts.`
            : `No run of ${name} yet: click Run above its first line, and it appears here while it trains.`,
        };
      }
      const id = source?.idForPath(arg.fsPath) ?? runId(arg.fsPath);
      return { ids: [id] };
    }
    const list = Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg] : undefined;
    if (list)
      return {
        ids: list
          .filter((x): x is string => typeof x === 'string')
          .map((x) => (x.includes('/') || x.includes('\\') ? runId(x) : x)),
      };
    // Nothing named (status bar, command palette): the run that trains, else the latest run.
    if (training.length) return { ids: [runId(training[0].runDir!)] };
    if (DashboardPanel.current) return {};
    const last = await latest(() => true);
    return last ? { ids: [last] } : {};
  };

  const open = async (select?: unknown) => {
    startWatching();
    const { ids, hint } = await resolve(select);
    DashboardPanel.createOrShow(host, ids, hint);
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
    const all = source.runs().sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt));
    if (all.length === 0) {
      void vscode.window.showInformationMessage(
        `Paperlab: no runs in ${vscode.workspace.asRelativePath(source.runsDir)} yet. Run an experiment first.`,
      );
      return undefined;
    }
    const items = all.map((r) => ({
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
    let ids = Array.isArray(arg)
      ? arg.filter((x): x is string => typeof x === 'string')
      : DashboardPanel.current?.shownRuns.length
        ? [...DashboardPanel.current.shownRuns]
        : undefined;
    if (!ids || ids.length === 0) ids = await pickRuns('Runs to put in the report');
    if (!ids || !source) return;
    const dirs = ids.map((id) => source!.dirOf(id)).filter((d): d is string => !!d);
    const root = context.extensionUri.fsPath;
    const result = await buildReport(dirs, {
      assets: { script: path.join(root, 'dist', 'webview.js'), style: path.join(root, 'media', 'dashboard.css') },
      paperView,
      keySettingsOf: paperKeySettings,
      paperSettingOf: paperSettingSpec,
    });
    for (const w of result.warnings) log.warn(`Report: ${w}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // A second click while the dialog is open must not open another one.
    const uri = await oneDialog(() =>
      vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'paperlab-report.html') : undefined,
        filters: { HTML: ['html'] },
        title: 'Save the report',
      }),
    );
    if (!uri) return;
    await writeTo(uri, Buffer.from(result.html));
    log.info(`Report: wrote ${uri.toString(true)} (${result.runs.length} runs)`);
    const show = 'Open Report';
    const browser = 'Open in Browser';
    const choice = await vscode.window.showInformationMessage(
      `Paperlab: report of ${result.runs.length} run${result.runs.length === 1 ? '' : 's'} saved to ${vscode.workspace.asRelativePath(uri)}. It is one self-contained file: send it to a colleague, or open it in any browser.`,
      ...(reportIsLocal() ? [show, browser] : [show]),
    );
    if (choice === show) await openReportPanel(uri, log, oneDialog);
    if (choice === browser) void vscode.env.openExternal(uri);
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
  if (runs)
    context.subscriptions.push(
      runs.onDidUpdate((u) => {
        const panel = DashboardPanel.current;
        if (u.kind === 'activity' && u.run.runDir) onRunFile(path.join(u.run.runDir, RUN_FILES.metrics));
        if (!panel) return;
        if (u.kind === 'queued' || u.kind === 'started' || u.kind === 'finished') panel.queueChanged();
        // A run the user just started is what they want to watch.
        if (u.kind === 'started' && u.run.runDir && !u.run.adopted) panel.selectWhenSeen(runId(u.run.runDir));
        if (u.kind === 'finished' && u.run.runDir) onRunFile(path.join(u.run.runDir, RUN_FILES.manifest));
      }),
    );

  return { open, compare, exportReport, runsDirectory };
}
