// The dashboard in the real editor: open it on a run that a trainer (here: this test, writing the
// files as the CLI's trainer does) is still writing, and check through the test-only query that the
// webview drew every point, then that lines appended to metrics.jsonl appear without any action.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { RUN_FILES, type RunEvent, type RunManifest } from '../../../src/core/runs/events';
import type { DashboardApi } from '../../../src/host/dashboard';
import { activated, withTimeout } from './util';

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

/** Asks the webview what it drew until `accept` holds (each answer is a round trip, not a sleep). */
async function drawnWhere(
  api: DashboardApi,
  accept: (points: Record<string, number>) => boolean,
  what: string,
): Promise<Record<string, number>> {
  let last: Record<string, number> = {};
  const attempt = async (): Promise<Record<string, number>> => {
    for (;;) {
      try {
        last = Object.fromEntries((await api.queryDrawn()).map((c) => [c.id, c.points]));
        if (accept(last)) return last;
      } catch {
        // Not ready yet (the webview is still loading): ask again.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return withTimeout(attempt(), 20000, `${what} (last answer: ${JSON.stringify(last)})`);
}

suite('dashboard', () => {
  let api: DashboardApi | undefined;
  let runDir = '';

  suiteSetup(async function () {
    const ext = await activated();
    api = (ext.exports as { dashboard?: DashboardApi } | undefined)?.dashboard;
    // Wired by activate() (src/extension.ts); say so plainly rather than pass without testing.
    if (!api) this.skip();
    runDir = path.join(api.runsDirectory()!, RUN_ID);
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
    const drawn = await drawnWhere(api!, (p) => p['live:live-test_acc'] === 5, 'the 5 test-accuracy points of the run');
    assert.equal(drawn['live:live-train_loss'], 5);
    // The paper's Fig. 3 (test accuracy per round) is drawn from the same events.
    assert.equal(drawn['lottery-ticket:lth-fig3'], 5);
  });

  test('lines appended to metrics.jsonl (as a CLI run writes them) appear without any action', async () => {
    appendFileSync(
      path.join(runDir, RUN_FILES.metrics),
      [60, 70, 80].map((s) => JSON.stringify(metric(0, s))).join('\n') + '\n' + JSON.stringify(metric(1, 10)) + '\n',
    );
    const drawn = await drawnWhere(api!, (p) => p['live:live-test_acc'] === 9, 'the 4 appended points');
    // Round 1 started: Fig. 4a derives its early-stop point while the round is still training.
    assert.equal(drawn['lottery-ticket:lth-fig4a-iter'], 2);
  });

  test('what arrives while the dashboard is hidden is there when it is shown again', async () => {
    // Hide the panel behind a text editor in its own group (VS Code then discards the page).
    const group = vscode.window.tabGroups.all.find((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('paperlab.dashboard')),
    );
    assert.ok(group, 'the dashboard is in a tab group');
    const doc = await vscode.workspace.openTextDocument({ content: 'hiding the dashboard', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { viewColumn: group.viewColumn, preview: false });
    await assert.rejects(api!.queryDrawn(), 'a hidden dashboard does not answer');
    appendFileSync(
      path.join(runDir, RUN_FILES.metrics),
      [20, 30].map((s) => JSON.stringify(metric(1, s))).join('\n') + '\n',
    );
    await api!.open([RUN_ID]);
    const drawn = await drawnWhere(api!, (p) => p['live:live-test_acc'] === 11, 'the 2 points written while hidden');
    assert.equal(drawn['lottery-ticket:lth-fig3'], 11);
  });
});
