// Running an experiment from the editor: the Run command trains a tiny config in a trainer process,
// writes the run folder, and the outcome reaches the user; Stop Run stops a long one cleanly. While a
// run trains it is visible where the user looks: the CodeLens offers Stop with its progress, the
// status bar lists every run (its command stays the same object however often progress ticks), a
// queued run is in the dashboard's list, and starting the same config and seed again says so.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import type { RunFeatures } from '../../../src/host/runs/commands';
import type { RunUpdate } from '../../../src/host/runs/runManager';
import { activated, captureMessages, lenses, openDoc, withTimeout, workspaceUri } from './util';
import { dashboardWhere, ui, uiAvailable } from './ui';

interface RunResult {
  run: { key: string; runDir?: string; status: string };
  done: Promise<{ status: string; message?: string }>;
}

let runs: RunFeatures;

/** A long variant of the tiny fixture (it trains until stopped), under its own name and seed. */
async function longConfig(file: string, name: string, seed = 1): Promise<vscode.Uri> {
  const tiny = (await vscode.workspace.openTextDocument(workspaceUri('tiny-run.exp.yaml'))).getText();
  const uri = workspaceUri(file);
  const text = tiny
    .replace('iterations: 30', 'iterations: 100000')
    .replace('name: tiny run', `name: ${name}`)
    .replace('seed: 1', `seed: ${seed}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return uri;
}

/** Resolves on the first update that `accept` takes. */
function nextUpdate(accept: (u: RunUpdate) => boolean, what: string, ms = 60_000): Promise<RunUpdate> {
  return withTimeout(
    new Promise<RunUpdate>((resolve) => {
      const sub = runs.manager.onDidUpdate((u) => accept(u) && (sub.dispose(), resolve(u)));
    }),
    ms,
    what,
  );
}

async function start(uri: vscode.Uri): Promise<RunResult> {
  const r = await vscode.commands.executeCommand<RunResult>(Commands.runExperiment, uri);
  assert.ok(r, `${vscode.workspace.asRelativePath(uri)} was queued`);
  return r;
}

async function stopAll(): Promise<void> {
  const done = runs.manager.runs().map((r) => {
    runs.manager.stop(r.key);
    return r.key;
  });
  for (const key of done) void key;
  for (const deadline = Date.now() + 30_000; runs.manager.runs().length && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 100));
}

suite('runs', function () {
  this.timeout(120_000);

  suiteSetup(async function () {
    runs = ((await activated()).exports as { runs: RunFeatures }).runs;
    if (!(await vscode.commands.getCommands(true)).includes(Commands.runExperiment)) this.skip(); // wired in extension.ts
  });

  teardown(async () => {
    await stopAll();
  });

  test('Run Experiment on a tiny config completes, writes its run folder, and tells the user', async () => {
    const uri = workspaceUri('tiny-run.exp.yaml');
    await openDoc('tiny-run.exp.yaml');
    const { result, messages } = await captureMessages(async () => {
      const r = await start(uri);
      const exit = await withTimeout(r.done, 100_000, 'the tiny run to finish');
      return { r, exit };
    });
    assert.equal(result.exit.status, 'completed', result.exit.message);
    assert.ok(
      messages.some((m) => /tiny run.*completed/.test(m.text)),
      `completion message; got ${messages.map((m) => m.text).join(' | ') || 'none'}`,
    );
    const runsDir = workspaceUri('.paperlab/runs').fsPath;
    const dirs = readdirSync(runsDir).filter((d) => d.endsWith('tiny-run'));
    assert.ok(dirs.length >= 1);
    const dir = path.join(runsDir, dirs.sort().pop()!);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.status, 'completed');
    assert.equal(manifest.sourceConfig, uri.fsPath);
    assert.ok(existsSync(path.join(dir, 'metrics.jsonl')));
  });

  test('while a config trains, its CodeLens offers Stop with the progress; clicking it stops the run cleanly', async () => {
    const uri = await longConfig('lens-run.exp.yaml', 'lens run');
    await openDoc('lens-run.exp.yaml');
    const { result } = await captureMessages(async () => {
      const r = await start(uri);
      await nextUpdate((u) => u.kind === 'progress' && u.run.key === r.run.key, 'the first progress of the run');
      // The lens is asked again at most once a second while progress ticks: ask until it shows it.
      let stop: vscode.CodeLens | undefined;
      for (const deadline = Date.now() + 10_000; !stop && Date.now() < deadline;) {
        stop = (await lenses(uri)).find((l) => /^\$\(debug-stop\) Stop \(\d+% · /.test(l.command?.title ?? ''));
        if (!stop) await new Promise((res) => setTimeout(res, 200));
      }
      assert.ok(stop, `a Stop lens with progress; got ${(await lenses(uri)).map((l) => l.command?.title).join(' | ')}`);
      assert.ok(!(await lenses(uri)).some((l) => /^\$\(play\) Run/.test(l.command?.title ?? '')), 'no second Run');
      await vscode.commands.executeCommand(stop!.command!.command, ...(stop!.command!.arguments ?? []));
      return withTimeout(r.done, 60_000, 'the run to stop');
    });
    assert.equal(result.status, 'stopped');
    await vscode.workspace.fs.delete(uri);
  });

  test('Stop Run stops a long run after its current step: status stopped', async () => {
    const longUri = await longConfig('long-run.exp.yaml', 'long run');
    const { result } = await captureMessages(async () => {
      // Stop once the trainer has sent its first metric: the stop then lands mid-training.
      // eslint-disable-next-line prefer-const -- read by the listener above before it is assigned below
      let key: string | undefined;
      const firstMetric = nextUpdate(
        (u) => u.kind === 'message' && u.message.type === 'event' && (!key || u.run.key === key),
        'the first metric of the long run',
      );
      const r = await start(longUri);
      key = r.run.key;
      await firstMetric;
      const stopped = await vscode.commands.executeCommand<boolean>(Commands.stopRun, r.run.key);
      assert.equal(stopped, true);
      return withTimeout(r.done, 60_000, 'the run to stop');
    });
    assert.equal(result.status, 'stopped');
    await vscode.workspace.fs.delete(longUri);
  });

  test('starting the same config and seed while it trains says so, and starts nothing unless asked', async () => {
    const uri = await longConfig('twin-run.exp.yaml', 'twin run');
    await captureMessages(() => start(uri));
    const { result, messages } = await captureMessages(() =>
      vscode.commands.executeCommand<RunResult | undefined>(Commands.runExperiment, uri),
    );
    assert.equal(result, undefined, 'the second run was not started (the message was dismissed)');
    assert.ok(
      messages.some((m) => /"twin run" with this exact config and seed 1 is already (training|queued)/.test(m.text)),
      `a warning; got ${messages.map((m) => m.text).join(' | ') || 'none'}`,
    );
    assert.equal(runs.manager.runs().filter((r) => r.sourceConfig === uri.fsPath).length, 1);
    await stopAll();
    await vscode.workspace.fs.delete(uri);
  });

  test('the status bar keeps one command while progress ticks, lists every run, and opens the dashboard on the training run; the queue is in the dashboard', async function () {
    const settings = vscode.workspace.getConfiguration('paperlab');
    await settings.update('maxConcurrentRuns', 1, vscode.ConfigurationTarget.Workspace);
    const a = await longConfig('bar-a.exp.yaml', 'bar run a', 1);
    const b = await longConfig('bar-b.exp.yaml', 'bar run b', 2);
    try {
      const { result: first } = await captureMessages(async () => {
        const ra = await start(a);
        await start(b);
        return ra;
      });
      const item = runs.statusBar.item;
      const commands = new Set<unknown>();
      for (let i = 0; i < 5; i++) {
        await nextUpdate((u) => u.kind === 'progress' && u.run.key === first.run.key, `progress tick ${i + 1}`);
        commands.add(item.command);
      }
      assert.equal(commands.size, 1, 'the same command object on every tick');
      assert.equal(item.command, Commands.openDashboard, 'a plain command id: nothing re-registered per tick');
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /Training \(1\)[\s\S]*bar run a[\s\S]*Queued \(1\)[\s\S]*bar run b/);
      assert.match(item.text, /bar run a: \d+% .* \(\+1\)$/);

      if (!uiAvailable()) return;
      // The user clicks the status bar item: the dashboard opens on the training run, with the queue.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await ui({ action: 'click', selector: '[id$="paperlab.runs"] a' });
      const runId = path.basename(runs.manager.runs()[0].runDir!);
      const v = await dashboardWhere(
        (d) => d.runs.some((r) => r.selected && r.id === runId) && d.queued.length === 1,
        'the training run selected and the queued one listed',
      );
      assert.match(v.queued[0], /bar run b[\s\S]*starts next/);
    } finally {
      await stopAll();
      await settings.update('maxConcurrentRuns', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(a);
      await vscode.workspace.fs.delete(b);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('a run started while the dashboard is open is selected there as soon as its folder exists', async function () {
    if (!uiAvailable()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(Commands.openDashboard);
    const uri = await longConfig('watch-run.exp.yaml', 'watch run', 3);
    try {
      const { result } = await captureMessages(() => start(uri));
      const runDir = result.run.runDir;
      assert.ok(runDir, 'the run started at once');
      const id = path.basename(runDir);
      await dashboardWhere((d) => d.runs.some((r) => r.selected && r.id === id), 'the new run selected');
    } finally {
      await stopAll();
      await vscode.workspace.fs.delete(uri);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
