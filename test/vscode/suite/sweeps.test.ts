// Sweeps from the editor: the CodeLens offers "Run sweep: 4 runs (…)"; Run Sweep trains every cell
// through the run manager's pool, the status bar counts done / running / queued, sweep.json lists
// the cells; Cancel Sweep stops one mid-way; and, where Slurm is installed, Run Sweep submits a job
// array to the real one-node cluster and follows it to the end.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { activated, captureMessages, openDoc, withTimeout, workspaceUri } from './util';

interface SweepView {
  dir: string;
  counts: { total: number; done: number; running: number; queued: number; failed: number; ended: number };
  finished: boolean;
}
interface Api {
  sweeps: {
    controller: {
      onDidChange: vscode.Event<SweepView>;
      sweeps(): SweepView[];
    };
    statusText(): string;
  };
}

const readSweep = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'sweep.json'), 'utf8'));

suite('sweeps', () => {
  let api: Api;
  suiteSetup(async function () {
    const ext = await activated();
    api = ext.exports as Api;
    if (!api?.sweeps) this.skip();
  });

  test('the CodeLens of a config with a sweep offers "Run sweep: 4 runs"', async function () {
    this.timeout(30_000);
    const uri = workspaceUri('tiny-sweep.exp.yaml');
    await openDoc('tiny-sweep.exp.yaml');
    let titles: string[] = [];
    for (let i = 0; i < 50; i++) {
      const lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      titles = lenses.map((l) => l.command?.title ?? '');
      if (titles.some((t) => /Run sweep/.test(t))) break;
      await new Promise((r) => setTimeout(r, 200)); // the lens follows the diagnostics, which follow the open
    }
    const lens = titles.find((t) => /Run sweep/.test(t));
    assert.ok(lens, `lenses: ${titles.join(' | ')}`);
    assert.match(lens!, /^\$\(run-all\) Run sweep: 4 runs( \(~\d+ (s|min) on \d cores?\))?$/);
  });

  test('Run Sweep on this machine: four cells complete, sweep.json lists them, the status bar counts them', async function () {
    this.timeout(180_000);
    const uri = workspaceUri('tiny-sweep.exp.yaml');
    const { result, messages } = await captureMessages(async () => {
      const r = await vscode.commands.executeCommand<{ dir: string; done: Promise<SweepView['counts']> }>(
        Commands.runSweep,
        uri,
        'local',
      );
      assert.ok(r, 'the command returned the sweep');
      const seen: string[] = [];
      const sub = api.sweeps.controller.onDidChange(() => seen.push(api.sweeps.statusText()));
      const counts = await withTimeout(r.done, 150_000, 'the sweep to finish');
      sub.dispose();
      return { r, counts, seen };
    });
    assert.equal(result.counts.done, 4, JSON.stringify(result.counts));
    assert.ok(
      result.seen.some((t) => /tiny sweep: \d\/4 done · \d running · \d queued/.test(t)),
      result.seen.join(' | '),
    );
    assert.match(api.sweeps.statusText(), /tiny sweep: 4\/4 done · 0 running · 0 queued/);
    const sweep = readSweep(result.r.dir);
    assert.deepEqual(
      sweep.cells.map((c: { status: string }) => c.status),
      ['completed', 'completed', 'completed', 'completed'],
    );
    const runs = workspaceUri('.paperlab/runs').fsPath;
    for (const c of sweep.cells) {
      const m = JSON.parse(readFileSync(path.join(runs, c.run, 'manifest.json'), 'utf8'));
      assert.deepEqual(m.sweep, { dir: result.r.dir, cell: c.index });
    }
    assert.ok(
      messages.some((m) => /sweep "tiny sweep": 4\/4 completed/.test(m.text)),
      messages.map((m) => m.text).join(' | '),
    );
    // Running it again starts nothing: every cell is done.
    const again = await captureMessages(() => vscode.commands.executeCommand(Commands.runSweep, uri, 'local'));
    assert.equal(again.result, undefined);
    assert.ok(again.messages.some((m) => /already completed/.test(m.text)));
  });

  test('Cancel Sweep mid-way: cells that had not completed are cancelled, and the sweep ends', async function () {
    this.timeout(180_000);
    const text = readFileSync(workspaceUri('tiny-sweep.exp.yaml').fsPath, 'utf8')
      .replace('name: tiny sweep', 'name: long sweep')
      .replace('reps: 1', 'reps: 500')
      .replace('d: 50', 'd: 1000');
    const uri = workspaceUri('long-sweep.exp.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    try {
      const { result } = await captureMessages(async () => {
        const firstRunning = new Promise<void>((resolve) => {
          const sub = api.sweeps.controller.onDidChange((v) => {
            if (v.counts.running > 0) (sub.dispose(), resolve());
          });
        });
        const r = await vscode.commands.executeCommand<{ dir: string; done: Promise<SweepView['counts']> }>(
          Commands.runSweep,
          uri,
          'local',
        );
        assert.ok(r);
        await withTimeout(firstRunning, 60_000, 'a cell to start');
        assert.equal(await vscode.commands.executeCommand(Commands.cancelSweep, uri), true);
        return { r, counts: await withTimeout(r.done, 90_000, 'the cancelled sweep to end') };
      });
      assert.equal(result.counts.done + result.counts.ended, 4, JSON.stringify(result.counts));
      assert.ok(result.counts.ended >= 2, JSON.stringify(result.counts));
      const statuses = readSweep(result.r.dir).cells.map((c: { status: string }) => c.status);
      assert.ok(statuses.includes('cancelled'), statuses.join());
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('Run Sweep on Slurm: one job array on the real one-node cluster, followed to the end', async function () {
    this.timeout(240_000);
    if (spawnSync('sh', ['-c', 'command -v sbatch']).status !== 0) {
      console.log('sbatch is not on the PATH: the Slurm sweep test is skipped (apt-get install slurm-wlm munge)');
      this.skip();
    }
    const root = (await activated()).extensionPath;
    const script = path.join(root, 'scripts/slurm-local.mjs');
    let startedHere = false;
    if (spawnSync('node', [script, 'status']).status !== 0) {
      const s = spawnSync('node', [script, 'start'], { encoding: 'utf8' });
      assert.equal(s.status, 0, `could not start the one-node Slurm cluster: ${s.stderr}`);
      startedHere = true;
    }
    const text = readFileSync(workspaceUri('tiny-sweep.exp.yaml').fsPath, 'utf8').replace(
      'name: tiny sweep',
      'name: slurm sweep',
    );
    const uri = workspaceUri('slurm-sweep.exp.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    try {
      const { result } = await captureMessages(async () => {
        const r = await vscode.commands.executeCommand<{ dir: string; done: Promise<SweepView['counts']> }>(
          Commands.runSweep,
          uri,
          'slurm',
        );
        assert.ok(r, 'submitted');
        return { r, counts: await withTimeout(r.done, 200_000, 'the Slurm sweep to finish (polled every 10 s)') };
      });
      assert.equal(
        result.counts.done,
        4,
        JSON.stringify(readSweep(result.r.dir).cells.map((c: { reason?: string }) => c.reason)),
      );
      const sweep = readSweep(result.r.dir);
      assert.equal(sweep.executor.kind, 'slurm');
      assert.ok(readdirSync(path.join(result.r.dir, 'slurm')).some((f) => f.endsWith('.out')));
      const runs = workspaceUri('.paperlab/runs').fsPath;
      const m = JSON.parse(readFileSync(path.join(runs, sweep.cells[0].run, 'manifest.json'), 'utf8'));
      assert.equal(m.slurm.arrayJobId, sweep.executor.jobs[0].jobId);
    } finally {
      await vscode.workspace.fs.delete(uri);
      if (startedHere) spawnSync('node', [script, 'stop']);
    }
  });
});
