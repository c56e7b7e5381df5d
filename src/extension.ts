/**
 * Wires Paperlab's features into VS Code. No logic of its own: each feature lives in src/host/.
 * Activation is kept light (no tfjs, no file scans): training runs in a child process.
 */
import * as vscode from 'vscode';
import { Commands } from './host/commandIds';
import { ConfigDiagnostics } from './host/editor/diagnostics';
import { registerLanguageFeatures } from './host/editor/language';
import { registerCodeLens } from './host/editor/codeLens';
import { newExperiment } from './host/commands/newExperiment';
import { openPaperPage, registerPaperPages } from './host/commands/paperPage';
import { createWorkspaceLint } from './host/commands/lintWorkspace';
import { createLog, guarded } from './host/util/log';
import { createRunFeatures, type RunFeatures } from './host/runs/commands';
import { registerDashboard, type DashboardApi } from './host/dashboard';
import { createSweepFeatures, type SweepFeatures } from './host/sweeps/commands';

declare const __paperlabLoadStart: number | undefined;

/** What `activate` returns: used by tests and the activation benchmark. */
export interface PaperlabApi {
  /** Milliseconds from the start of evaluating the bundle to the end of `activate`. */
  activationMillis: number;
  /** Registered command ids, for the test that compares them with package.json. */
  commands: string[];
  /** For tests inside VS Code: the run manager, the sweeps and the dashboard. */
  runs: RunFeatures;
  sweeps: SweepFeatures;
  dashboard: DashboardApi;
}

export function activate(context: vscode.ExtensionContext): PaperlabApi {
  const log = createLog();
  context.subscriptions.push(log);

  const diagnostics = new ConfigDiagnostics(log);
  const workspaceLint = createWorkspaceLint();
  const runs = createRunFeatures(context, log);
  const sweeps = createSweepFeatures(context, runs.manager, log);
  context.subscriptions.push(
    runs,
    sweeps,
    diagnostics,
    workspaceLint.disposable,
    ...registerLanguageFeatures(diagnostics, log),
    registerCodeLens(diagnostics, runs.manager, sweeps.controller),
    registerPaperPages(),
  );

  const registered: string[] = [];
  const command = (id: string, what: string, fn: (...args: any[]) => unknown) => {
    registered.push(id);
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(log, what, fn)));
  };
  command(Commands.newExperiment, 'New Experiment from Paper', newExperiment);
  command(Commands.openPaper, 'Open Paper Page', openPaperPage);
  command(Commands.lintWorkspace, 'Lint Workspace Experiments', workspaceLint.run);
  command(Commands.showLog, 'Show Log', () => log.show());

  command(Commands.runExperiment, 'Run Experiment', (uri?: vscode.Uri) => runs.runExperiment(uri));
  command(Commands.stopRun, 'Stop Run', (key?: string | vscode.Uri) => runs.stopRun(key));
  command(Commands.installNativeBackend, 'Install Native Backend', () => runs.installNativeBackend());
  command(Commands.runSweep, 'Run Sweep', (uri?: vscode.Uri, executor?: 'local' | 'slurm') =>
    sweeps.runSweep(uri, executor),
  );
  command(Commands.cancelSweep, 'Cancel Sweep', (target?: string | vscode.Uri) => sweeps.cancelSweep(target));

  // The run manager tells the dashboard of new metrics at once (lowest latency), of the queue, and of
  // runs that start; its file watcher covers CLI runs.
  const dashboard = registerDashboard(context, log, runs.manager);
  command(Commands.openDashboard, 'Open Dashboard', (select?: unknown) => dashboard.open(select));
  command(Commands.compareRuns, 'Compare Runs', () => dashboard.compare());
  command(Commands.exportReport, 'Export Report', (runIds?: unknown) => dashboard.exportReport(runIds));

  const start = typeof __paperlabLoadStart === 'number' ? __paperlabLoadStart : undefined;
  const activationMillis = start === undefined ? NaN : performance.now() - start;
  log.info(
    `Paperlab activated in ${activationMillis.toFixed(1)} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode'})`,
  );
  return { activationMillis, commands: registered, runs, sweeps, dashboard };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions. Trainers are let go, not killed: they
  // outlive the window (a reload re-adopts them); paperlab.runs.whenVSCodeCloses decides after a close.
}
