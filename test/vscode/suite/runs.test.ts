// Running an experiment from the editor: the Run command trains a tiny config in a trainer child
// process, writes the run folder, and the outcome reaches the user; Stop Run stops a long one cleanly.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { activated, captureMessages, openDoc, withTimeout, workspaceUri } from './util';

interface RunResult {
  run: { key: string; runDir?: string; status: string };
  done: Promise<{ status: string; message?: string }>;
}

suite('runs', () => {
  suiteSetup(async function () {
    await activated();
    if (!(await vscode.commands.getCommands(true)).includes(Commands.runExperiment)) this.skip(); // wired in extension.ts by the lead
  });

  test('Run Experiment on a tiny config completes, writes its run folder, and tells the user', async function () {
    this.timeout(120_000);
    const uri = workspaceUri('tiny-run.exp.yaml');
    await openDoc('tiny-run.exp.yaml');
    const { result, messages } = await captureMessages(async () => {
      const r = await vscode.commands.executeCommand<RunResult>(Commands.runExperiment, uri);
      assert.ok(r, 'the command returned the queued run');
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

  test('Stop Run stops a long run after its current step: status stopped', async function () {
    this.timeout(120_000);
    const uri = workspaceUri('tiny-run.exp.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const long = doc.getText().replace('iterations: 30', 'iterations: 100000');
    const longUri = workspaceUri('long-run.exp.yaml');
    await vscode.workspace.fs.writeFile(longUri, Buffer.from(long.replace('name: tiny run', 'name: long run')));
    const api = (await activated()).exports as {
      runs: {
        manager: { onDidUpdate: vscode.Event<{ kind: string; run: { key: string }; message?: { type: string } }> };
      };
    };
    const { result } = await captureMessages(async () => {
      // Stop once the trainer has sent its first metric: the stop then lands mid-training.
      // eslint-disable-next-line prefer-const -- read by the listener above before it is assigned below
      let key: string | undefined;
      const firstMetric = new Promise<void>((resolve) => {
        const sub = api.runs.manager.onDidUpdate((u) => {
          if (u.kind === 'message' && u.message?.type === 'event' && (!key || u.run.key === key))
            (sub.dispose(), resolve());
        });
      });
      const r = await vscode.commands.executeCommand<RunResult>(Commands.runExperiment, longUri);
      assert.ok(r);
      key = r.run.key;
      await withTimeout(firstMetric, 60_000, 'the first metric of the long run');
      const stopped = await vscode.commands.executeCommand<boolean>(Commands.stopRun, r.run.key);
      assert.equal(stopped, true);
      return withTimeout(r.done, 60_000, 'the run to stop');
    });
    assert.equal(result.status, 'stopped');
    await vscode.workspace.fs.delete(longUri);
  });
});
