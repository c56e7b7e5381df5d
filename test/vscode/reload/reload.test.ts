// "Developer: Reload Window" during a run: the trainer keeps training, the new window follows it
// again from its run folder (progress, live metrics), the run completes, and the dashboard — revived
// by its serializer — shows every point. The suite runs twice: the workbench re-runs the extension
// tests after the reload, and a marker file in the workspace says which half this is.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import type { RunFeatures } from '../../../src/host/runs/commands';
import type { DashboardApi } from '../../../src/host/dashboard';
import { RUN_FILES, type RunEvent } from '../../../src/core/runs/events';
import { activated, withTimeout, workspaceUri } from '../suite/util';
import { dashboardWhere, uiAvailable } from '../suite/ui';

interface Marker {
  runDir: string;
  pid: number;
  reloadedAt: number;
}

const CONFIG = `paper: lottery-ticket
name: reload run
seed: 4
data: { dataset: mnist, train: 300, test: 100 }
model: { hidden: [16] }
train: { iterations: 25000, eval_every: 500, batch_size: 20 }
prune: { rounds: 0 }
`;

suite('reload', function () {
  this.timeout(280_000);

  test('a run survives "Reload Window": followed again, it completes, the dashboard shows every point', async () => {
    const ext = await activated();
    const { runs, dashboard } = ext.exports as { runs: RunFeatures; dashboard: DashboardApi };
    const marker = workspaceUri('reload-marker.json').fsPath;

    if (!existsSync(marker)) {
      // Before the reload: start the run, watch it on the dashboard, then reload the window.
      const uri = workspaceUri('reload-run.exp.yaml');
      await vscode.workspace.fs.writeFile(uri, Buffer.from(CONFIG));
      const r = await vscode.commands.executeCommand<{ run: { key: string } }>(Commands.runExperiment, uri);
      assert.ok(r, 'the run was queued');
      const first = await withTimeout(
        new Promise<{ runDir: string; pid: number }>((resolve) => {
          const sub = runs.manager.onDidUpdate((u) => {
            if (u.kind === 'activity' && u.run.runDir && u.run.pid)
              (sub.dispose(), resolve({ runDir: u.run.runDir, pid: u.run.pid }));
          });
        }),
        60_000,
        'the first metrics of the run',
      );
      await dashboard.open([path.basename(first.runDir)]);
      if (uiAvailable())
        await dashboardWhere((d) => (d.charts['live:live-test_acc'] ?? 0) > 0, 'the run on the dashboard', 60_000);
      writeFileSync(marker, JSON.stringify({ ...first, reloadedAt: Date.now() } satisfies Marker));
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
      // The window goes away with this test; the suite starts again after the reload.
      await new Promise(() => undefined);
    }

    // After the reload.
    const before = JSON.parse(readFileSync(marker, 'utf8')) as Marker;
    await runs.adopted;
    const state = runs.manager.runs().find((r) => r.runDir === before.runDir);
    if (state) {
      // Still training: the new window follows the same process again, until it completes.
      assert.equal(state.pid, before.pid, 'the same trainer process');
      assert.equal(state.adopted, true);
      const finished = await withTimeout(
        new Promise<string>((resolve) => {
          const sub = runs.manager.onDidUpdate(
            (u) => u.kind === 'finished' && u.run.runDir === before.runDir && (sub.dispose(), resolve(u.run.status)),
          );
        }),
        200_000,
        'the run to finish',
      );
      assert.equal(finished, 'completed');
    }
    const manifest = JSON.parse(readFileSync(path.join(before.runDir, RUN_FILES.manifest), 'utf8'));
    assert.equal(
      manifest.status,
      'completed',
      `the run completed (manifest: ${manifest.status} ${manifest.reason ?? ''})`,
    );
    // Whether followed again or finished while the window reloaded, it trained on past the reload.
    assert.ok(Date.parse(manifest.endedAt) > before.reloadedAt, 'it ended after the reload');
    const events = readFileSync(path.join(before.runDir, RUN_FILES.metrics), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RunEvent);
    const points = events.filter((e) => e.type === 'metric' && 'test_acc' in e.values).length;
    assert.equal(points, 25000 / 500 + 1, 'every evaluation is in the file, from before and after the reload');
    if (!uiAvailable()) return;
    // The dashboard came back with the window and shows them all.
    const v = await dashboardWhere(
      (d) => d.charts['live:live-test_acc'] === points,
      `all ${points} points drawn`,
      60_000,
    );
    assert.ok(v.runs.some((r) => r.selected && r.id === path.basename(before.runDir)));
  });
});
