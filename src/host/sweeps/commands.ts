/**
 * "Run Sweep" and "Cancel Sweep", the sweeps' status bar item, and the CodeLens line for a config with
 * a `sweep:` block. Run Sweep refuses in Restricted Mode and on configs with errors (as Run does),
 * asks where to run when Slurm's `sbatch` is on the PATH (setting `paperlab.sweep.executor`), and
 * returns the sweep so tests can wait for it.
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText, type LintResult } from '../../core/config/index';
import { isImplemented } from '../../core/paper/types';
import { cannotTrainYet } from '../../core/paper/blocks';
import { isExperimentFile } from '../../core/files/experimentFile';
import type { SweepCounts } from '../../core/sweep/folder';
import { estimateSweep } from '../../core/sweep/estimate';
import { cellCount } from '../../core/sweep/spec';
import { formatDuration, describeBasis } from '../../core/estimate/format';
import type { Speed } from '../../core/estimate/calibrate';
import { Commands } from '../commandIds';
import type { RunManager } from '../runs/runManager';
import { Disposable } from '../util/dispose';
import { SweepController, type SweepView } from './controller';
import { paperRegistry } from '../../papers';

/** Whether a program is on the PATH (no shell, no process: the CodeLens and the command ask often). */
export function onPath(bin: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, bin)));
}

export interface SweepFeatures {
  controller: SweepController;
  runSweep(
    uri?: vscode.Uri,
    executor?: 'local' | 'slurm',
  ): Promise<{ dir: string; done: Promise<SweepCounts> } | undefined>;
  cancelSweep(target?: string | vscode.Uri): Promise<boolean>;
  /** The status bar item's text, for tests. */
  statusText(): string;
  dispose(): void;
}

export function createSweepFeatures(
  context: vscode.ExtensionContext,
  manager: RunManager,
  log: vscode.LogOutputChannel,
): SweepFeatures {
  const controller = new SweepController(manager, context.asAbsolutePath(path.join('dist', 'cli.js')), log);
  const statusBar = new SweepStatusBar(controller);

  const runSweep: SweepFeatures['runSweep'] = async (uri, forced) => {
    if (!vscode.workspace.isTrusted) {
      const pick = await vscode.window.showWarningMessage(
        'Paperlab: running a sweep executes training code, so it needs a trusted workspace.',
        'Manage Workspace Trust',
      );
      if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || !isExperimentFile(target.path)) {
      await vscode.window.showWarningMessage(
        'Paperlab: open an experiment config with a `sweep:` block to run its sweep.',
      );
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.isDirty) await doc.save();
    const lint = lintText(doc.getText(), target.fsPath, { papers: paperRegistry });
    const errors = lint.findings.filter((f) => f.severity === 'error');
    // Before the errors: fixing them would not make a schema-only paper run.
    const missing = cannotTrainYet(lint.paper);
    if (missing) {
      await vscode.window.showInformationMessage(`Paperlab: ${missing}`);
      return undefined;
    }
    if (lint.ok && lint.paper && !isImplemented(lint.paper)) {
      await vscode.window.showInformationMessage(`Paperlab: there is no training recipe for "${lint.paper.id}" yet.`);
      return undefined;
    }
    if (!lint.ok) {
      const first = errors[0];
      const pick = await vscode.window.showErrorMessage(
        `Paperlab: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${path.basename(target.fsPath)}; fix ${errors.length === 1 ? 'it' : 'them'} before running the sweep.${first ? ` First: line ${first.range.start.line + 1}: ${first.message}` : ''}`,
        'Show Problems',
      );
      if (pick) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    if (!lint.sweep) {
      await vscode.window.showInformationMessage(
        'Paperlab: this config has no `sweep:` block. Add one (completion offers it at the top level), e.g. `sweep: { seeds: 3, grid: { train.lr: [0.001, 0.003] } }`.',
      );
      return undefined;
    }
    const executor = forced ?? (await chooseExecutor(target, cellCount(lint.sweep)));
    if (!executor) return undefined;
    let started;
    try {
      started = await controller.start(target, doc.getText(), executor);
    } catch (e) {
      await vscode.window.showErrorMessage(`Paperlab: the sweep could not start: ${(e as Error).message}`);
      return undefined;
    }
    if (!started.sweep) {
      await vscode.window.showInformationMessage(`Paperlab: ${started.message}`);
      return undefined;
    }
    const a = started.sweep;
    void a.done.then(async (counts) => {
      const summary = `${counts.done}/${counts.total} completed${counts.failed ? `, ${counts.failed} failed` : ''}${counts.ended ? `, ${counts.ended} stopped or cancelled` : ''}`;
      const show = counts.failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      const pick = await show(`Paperlab: sweep "${a.sweep.name}": ${summary}.`, 'Open Dashboard');
      if (pick) await vscode.commands.executeCommand(Commands.openDashboard, target);
    });
    return { dir: a.dir, done: a.done };
  };

  const cancelSweep: SweepFeatures['cancelSweep'] = async (target) => {
    const running = controller.sweeps().filter((s) => !s.finished);
    let dir: string | undefined;
    if (target instanceof vscode.Uri) dir = controller.forConfig(target.fsPath)?.dir ?? target.fsPath;
    else if (typeof target === 'string') dir = target;
    else if (running.length === 1) dir = running[0].dir;
    else if (running.length > 1)
      dir = (
        await vscode.window.showQuickPick(
          running.map((s) => ({ label: s.name, description: describeCounts(s), dir: s.dir })),
          { placeHolder: 'Which sweep should be cancelled?' },
        )
      )?.dir;
    if (!dir) {
      if (!running.length) await vscode.window.showInformationMessage('Paperlab: no sweep is running.');
      return false;
    }
    return controller.cancel(dir);
  };

  async function chooseExecutor(uri: vscode.Uri, cells: number): Promise<'local' | 'slurm' | undefined> {
    const setting = vscode.workspace.getConfiguration('paperlab', uri).get<string>('sweep.executor', 'ask');
    const slurm = onPath('sbatch');
    if (setting === 'local') return 'local';
    if (setting === 'slurm') {
      if (slurm) return 'slurm';
      await vscode.window.showErrorMessage(
        'Paperlab: `paperlab.sweep.executor` is `slurm`, but `sbatch` is not on the PATH of this window (open the workspace on a login node of the cluster, e.g. with Remote-SSH).',
      );
      return undefined;
    }
    if (!slurm) return 'local';
    const pick = await vscode.window.showQuickPick(
      [
        {
          label: '$(vm) On this machine',
          description: `${cells} runs, ${poolSize()} at a time`,
          executor: 'local' as const,
        },
        {
          label: '$(server-environment) On Slurm',
          description: `one job array of ${cells} tasks (sbatch)`,
          executor: 'slurm' as const,
        },
      ],
      { placeHolder: 'Where should the sweep run? (setting paperlab.sweep.executor)' },
    );
    return pick?.executor;
  }

  return {
    controller,
    runSweep,
    cancelSweep,
    statusText: () => statusBar.item.text,
    dispose: () => {
      statusBar.dispose();
      controller.dispose();
    },
  };
}

function poolSize(): number {
  const n = vscode.workspace.getConfiguration('paperlab').get<number>('maxConcurrentRuns', 0);
  return n > 0 ? n : Math.max(1, os.cpus().length);
}

function eta(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return '';
  return ` · ${formatDuration(s)} left`;
}

export function describeCounts(v: Pick<SweepView, 'counts'>): string {
  const c = v.counts;
  const extra = [c.failed ? `${c.failed} failed` : '', c.ended ? `${c.ended} stopped` : ''].filter(Boolean).join(' · ');
  return `${c.done}/${c.total} done · ${c.running} running · ${c.queued} queued${extra ? ` · ${extra}` : ''}`;
}

/** The sweeps' status bar item: cells done / running / queued and an ETA; the outcome for a minute after. */
export class SweepStatusBar extends Disposable {
  readonly item = this.register(
    vscode.window.createStatusBarItem('paperlab.sweeps', vscode.StatusBarAlignment.Left, 49),
  );
  private hideTimer: NodeJS.Timeout | undefined;

  constructor(private readonly controller: SweepController) {
    super();
    this.item.name = 'Paperlab sweeps';
    this.register(controller.onDidChange(() => this.render()));
    this.register({ dispose: () => this.hideTimer && clearTimeout(this.hideTimer) });
  }

  private render(): void {
    const all = this.controller.sweeps();
    const open = all.filter((s) => !s.finished);
    const shown = open[0] ?? all[0];
    if (!shown) return;
    if (this.hideTimer) clearTimeout(this.hideTimer);
    const icon = shown.finished ? (shown.counts.failed ? '$(warning)' : '$(check)') : '$(beaker)';
    this.item.text = `${icon} ${shown.name}: ${describeCounts(shown)}${shown.finished ? '' : eta(shown.etaSeconds)}${open.length > 1 ? ` (+${open.length - 1} sweeps)` : ''}`;
    this.item.tooltip = new vscode.MarkdownString(
      [
        `**Sweep ${shown.name}** (${shown.executor === 'slurm' ? 'Slurm job array' : 'this machine'})`,
        describeCounts(shown),
        `\`${shown.dir}\``,
        shown.finished ? '' : '"Paperlab: Cancel Sweep" stops it. Click to open the dashboard.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    if (!this.item.command)
      this.item.command = { command: Commands.openDashboard, title: 'Open Dashboard', arguments: [] };
    this.item.show();
    if (!open.length) this.hideTimer = setTimeout(() => this.item.hide(), 60_000);
  }
}

/** The CodeLens entries for a config with a sweep: "Run sweep: 12 runs (~40 min on 2 cores)", or Cancel while it runs. */
export function sweepLenses(
  doc: vscode.TextDocument,
  result: LintResult | undefined,
  speed: Speed | undefined,
  controller: SweepController | undefined,
): vscode.CodeLens[] {
  // A schema-only paper cannot train: the Run lens already says which blocks it needs.
  if (!result?.sweep || !result.config || !result.paper || cannotTrainYet(result.paper)) return [];
  const top = new vscode.Range(0, 0, 0, 0);
  const active = controller?.forConfig(doc.uri.fsPath);
  if (active)
    return [
      new vscode.CodeLens(top, {
        title: `$(debug-stop) Cancel sweep (${active.counts.done}/${active.counts.total} done)`,
        command: Commands.cancelSweep,
        arguments: [doc.uri],
      }),
    ];
  const runs = cellCount(result.sweep);
  const slots = Math.min(poolSize(), runs);
  const est =
    speed && runs <= 5000 ? estimateSweep(result.paper, result.config, result.sweep, speed, slots) : undefined;
  const when = est ? ` (${formatDuration(est.seconds)} on ${slots} core${slots === 1 ? '' : 's'})` : '';
  return [
    new vscode.CodeLens(top, {
      title: `$(run-all) Run sweep: ${runs} run${runs === 1 ? '' : 's'}${when}`,
      tooltip: est
        ? `${describeBasis({ basis: speed!.basis, n: speed!.n })} ${Math.round(est.cpuSeconds / 60)} core-minutes in all.`
        : undefined,
      command: Commands.runSweep,
      arguments: [doc.uri],
    }),
  ];
}
