// The dashboard in the real editor, read from its page as the user sees it (the UI bridge reads the
// shipped bundle's DOM: each chart's drawn points, the run list): open on a run that a trainer (here:
// this test, writing the files as the CLI's trainer does) is still writing; lines appended appear
// without any action; what arrives while hidden is there when shown; the Dashboard CodeLens opens on
// the config's run; an exported report opens where the user is; one save dialog at a time.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { RUN_FILES, type RunEvent, type RunManifest } from '../../../src/core/runs/events';
import type { DashboardApi } from '../../../src/host/dashboard';
import { Commands } from '../../../src/host/commandIds';
import { activated, withTimeout, workspaceUri } from './util';
import { dashboardWhere, uiAvailable } from './ui';

const RUN_ID = '20261127-120000-dashboard-test';

function metric(round: number, step: number): RunEvent {
  return {
    type: 'metric',
    time: step * 10,
    step,
    series: { arm: 'ticket', round, density: 0.8 ** round },
    values: { train_loss: 1 / (step + 1), val_loss: 1 / (step + 2), test_acc: step / (step + 50) },
  };
}

/** Resolves when a tab of this webview type opens (or is already open). */
function webviewTab(viewType: string): Promise<void> {
  const isIt = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(viewType);
  if (vscode.window.tabGroups.all.some((g) => g.tabs.some(isIt))) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs((e) => {
      if ([...e.opened, ...e.changed].some(isIt)) (sub.dispose(), resolve());
    });
  });
}

suite('dashboard', function () {
  this.timeout(90_000);
  let api: DashboardApi | undefined;
  let runDir = '';
  const config = () => workspaceUri('lottery-ticket.exp.yaml');

  suiteSetup(async function () {
    const ext = await activated();
    api = (ext.exports as { dashboard?: DashboardApi } | undefined)?.dashboard;
    // Reading the page needs the VS Code server runner's UI bridge; say so rather than pass untested.
    if (!api || !uiAvailable()) this.skip();
    runDir = path.join(api!.runsDirectory()!, RUN_ID);
    mkdirSync(runDir, { recursive: true });
    const manifest: RunManifest = {
      id: RUN_ID,
      paper: 'lottery-ticket',
      name: 'dashboard test run',
      configHash: 'dashboard-test',
      seed: 1,
      backend: 'test',
      versions: { paperlab: '0.1.0', tfjs: 'none', node: process.version },
      status: 'running',
      startedAt: new Date().toISOString(),
      pid: process.pid,
      sourceConfig: config().fsPath,
    };
    writeFileSync(path.join(runDir, RUN_FILES.manifest), JSON.stringify(manifest));
    writeFileSync(
      path.join(runDir, RUN_FILES.config),
      JSON.stringify({ paper: 'lottery-ticket', train: { lr: 0.0012, iterations: 500 } }),
    );
    writeFileSync(
      path.join(runDir, RUN_FILES.metrics),
      [10, 20, 30, 40, 50].map((s) => JSON.stringify(metric(0, s))).join('\n') + '\n',
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  test('opens on a live run and draws every point it has', async () => {
    await api!.open([RUN_ID]);
    const v = await dashboardWhere((d) => d.charts['live:live-test_acc'] === 5, 'the 5 test-accuracy points');
    assert.equal(v.charts['live:live-train_loss'], 5);
    // The paper's Fig. 3 (test accuracy per round) is drawn from the same events.
    assert.equal(v.charts['lottery-ticket:lth-fig3'], 5);
    assert.deepEqual(
      v.runs.filter((r) => r.selected).map((r) => r.id),
      [RUN_ID],
    );
  });

  test('lines appended to metrics.jsonl (as a CLI run writes them) appear without any action', async () => {
    appendFileSync(
      path.join(runDir, RUN_FILES.metrics),
      [60, 70, 80].map((s) => JSON.stringify(metric(0, s))).join('\n') + '\n' + JSON.stringify(metric(1, 10)) + '\n',
    );
    const v = await dashboardWhere((d) => d.charts['live:live-test_acc'] === 9, 'the 4 appended points');
    // Round 1 started: Fig. 4a derives its early-stop point while the round is still training.
    assert.equal(v.charts['lottery-ticket:lth-fig4a-iter'], 2);
  });

  test('what arrives while the dashboard is hidden is there when it is shown again', async () => {
    // Hide the panel behind a text editor in its own group (VS Code then discards the page).
    const group = vscode.window.tabGroups.all.find((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('paperlab.dashboard')),
    );
    assert.ok(group, 'the dashboard is in a tab group');
    const doc = await vscode.workspace.openTextDocument({ content: 'hiding the dashboard', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { viewColumn: group!.viewColumn, preview: false });
    appendFileSync(
      path.join(runDir, RUN_FILES.metrics),
      [20, 30].map((s) => JSON.stringify(metric(1, s))).join('\n') + '\n',
    );
    await api!.open([RUN_ID]);
    const v = await dashboardWhere((d) => d.charts['live:live-test_acc'] === 11, 'the 2 points written while hidden');
    assert.equal(v.charts['lottery-ticket:lth-fig3'], 11);
  });

  test("the Dashboard CodeLens opens on the config's own run, not on an empty page", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What the CodeLens runs: Open Dashboard with the config's Uri.
    await vscode.commands.executeCommand(Commands.openDashboard, config());
    const v = await dashboardWhere(
      (d) => d.runs.some((r) => r.selected) && (d.charts['live:live-test_acc'] ?? 0) > 0,
      "the config's run selected and drawn",
    );
    assert.deepEqual(
      v.runs.filter((r) => r.selected).map((r) => r.id),
      [RUN_ID],
    );
    // A config that never ran says so and what to do, instead of a blank page.
    await vscode.commands.executeCommand(Commands.openDashboard, workspaceUri('typo.exp.yaml'));
    const none = await dashboardWhere((d) => /typo\.exp\.yaml/.test(d.empty), 'the reason nothing is selected');
    assert.match(none.empty, /No run of typo\.exp\.yaml yet: click Run above its first line/);
  });

  test('an exported report opens inside VS Code, also under code-server where a local browser cannot reach the file', async () => {
    const target = workspaceUri('report-test.html');
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => Thenable<unknown>>;
    const saved = { dialog: win.showSaveDialog, info: win.showInformationMessage };
    const offered: string[] = [];
    win.showSaveDialog = async () => target;
    // The user clicks the first action the message offers.
    win.showInformationMessage = async (text: unknown, ...items: unknown[]) => {
      if (!/report of/.test(String(text))) return undefined;
      offered.push(...items.map(String));
      return items[0];
    };
    try {
      const opened = webviewTab('paperlab.report');
      await api!.exportReport([RUN_ID]);
      await withTimeout(opened, 10_000, `the report to open (offered: ${offered.join(' | ') || 'nothing'})`);
    } finally {
      win.showSaveDialog = saved.dialog;
      win.showInformationMessage = saved.info;
    }
    // The report's own page draws the run (its data is inlined in the file).
    const v = await dashboardWhere(
      (d) => d.charts['live:live-test_acc'] === 11,
      'the report drawn',
      30_000,
      'Paperlab report',
    );
    assert.equal(v.charts['lottery-ticket:lth-fig3'], 11);
    await vscode.workspace.fs.delete(target);
  });

  test('Export Report clicked twice while its save dialog is open opens one dialog, not two', async () => {
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => Thenable<unknown>>;
    const saved = win.showSaveDialog;
    let open = 0;
    let most = 0;
    let release!: () => void;
    const closed = new Promise<void>((r) => (release = r));
    win.showSaveDialog = async () => {
      most = Math.max(most, ++open);
      await closed; // the user has not answered yet
      open--;
      return undefined; // cancelled
    };
    try {
      const first = api!.exportReport([RUN_ID]);
      const second = api!.exportReport([RUN_ID]);
      await new Promise((r) => setTimeout(r, 200)); // let both clicks reach the dialog
      release();
      await Promise.all([first, second]);
    } finally {
      win.showSaveDialog = saved;
    }
    assert.equal(most, 1, 'one save dialog at a time');
  });
});
