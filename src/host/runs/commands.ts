/**
 * The Run / Stop / Install Native Backend command handlers, built by `createRunFeatures` and wired
 * in src/extension.ts. Run refuses in Restricted Mode (training executes code) and refuses configs
 * with lint errors (the same check the trainer repeats), then queues the run with the run manager.
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { lintText } from '../../core/config/index';
import { isExperimentFile } from '../../core/files/experimentFile';
import { isImplemented } from '../../core/paper/types';
import type { BackendChoice } from '../../core/protocol/trainer';
import type { TrainerExit } from '../../core/runs/trainerProcess';
import { Commands } from '../commandIds';
import { runsDirFor } from '../util/runsDir';
import { RunManager, type RunState } from './runManager';
import { RunStatusBar } from './statusBar';
import { installNativeBackend } from './installNative';

export interface RunFeatures {
  manager: RunManager;
  /** `paperlab.runExperiment` (optional Uri from CodeLens / explorer; else the active editor). */
  runExperiment(uri?: vscode.Uri): Promise<{ run: RunState; done: Promise<TrainerExit> } | undefined>;
  /** `paperlab.stopRun` (optional run key / run folder path; else asks when several run). */
  stopRun(key?: string | vscode.Uri): Promise<boolean>;
  /** `paperlab.installNativeBackend`. */
  installNativeBackend(): Promise<boolean>;
  dispose(): void;
}

export function createRunFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): RunFeatures {
  const nativeDir = path.join(context.globalStorageUri.fsPath, 'native');
  const manager = new RunManager(context.asAbsolutePath(path.join('dist', 'trainer.js')), nativeDir, log);
  const statusBar = new RunStatusBar(manager);

  const announce = async (run: RunState, exit: TrainerExit) => {
    const name = run.name;
    if (exit.status === 'completed') {
      const pick = await vscode.window.showInformationMessage(`Paperlab: "${name}" completed.`, 'Open Dashboard');
      if (pick)
        await vscode.commands.executeCommand(
          Commands.openDashboard,
          run.runDir ? vscode.Uri.file(run.runDir) : undefined,
        );
    } else if (exit.status === 'failed' || exit.status === 'interrupted') {
      const pick = await vscode.window.showErrorMessage(
        `Paperlab: "${name}" ${exit.status}: ${exit.message ?? 'no reason given'}`,
        'Open Trainer Log',
        'Show Log',
      );
      if (pick === 'Show Log') log.show();
      if (pick === 'Open Trainer Log' && run.runDir)
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(run.runDir, 'trainer.log')));
    }
  };

  const runExperiment: RunFeatures['runExperiment'] = async (uri) => {
    if (!vscode.workspace.isTrusted) {
      const pick = await vscode.window.showWarningMessage(
        'Paperlab: running an experiment executes training code, so it needs a trusted workspace. Linting, completion and hover keep working in Restricted Mode.',
        'Manage Workspace Trust',
      );
      if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || !isExperimentFile(target.path)) {
      await vscode.window.showWarningMessage(
        'Paperlab: open an experiment config (*.exp.yaml, *.exp.yml or *.exp.json) to run it.',
      );
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.isDirty) await doc.save();
    const lint = lintText(doc.getText(), target.fsPath);
    const errors = lint.findings.filter((f) => f.severity === 'error');
    if (lint.ok && lint.paper && !isImplemented(lint.paper)) {
      await vscode.window.showInformationMessage(
        `Paperlab: there is no schema or training recipe for "${lint.paper.id}" yet, so it can be linted but not run. The README's "Add a paper" says how to add one.`,
      );
      return undefined;
    }
    if (!lint.ok || !lint.config) {
      const first = errors[0];
      const pick = await vscode.window.showErrorMessage(
        `Paperlab: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${path.basename(target.fsPath)}; fix ${errors.length === 1 ? 'it' : 'them'} before running.${first ? ` First: line ${first.range.start.line + 1}: ${first.message}` : ''}`,
        'Show Problems',
      );
      if (pick) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    const backend = vscode.workspace.getConfiguration('paperlab', target).get<BackendChoice>('backend', 'auto');
    const { state, done } = manager.enqueue({
      config: lint.config,
      runsDir: runsDirFor(target),
      backend,
      sourceConfig: target.fsPath,
    });
    log.info(`queued ${state.name} from ${target.fsPath} (backend ${backend})`);
    done.then((exit) => announce(manager.recent().find((r) => r.runDir && r.runDir === state.runDir) ?? state, exit));
    return { run: state, done };
  };

  const stopRun: RunFeatures['stopRun'] = async (key) => {
    const runs = manager.runs();
    let chosen = key instanceof vscode.Uri ? key.fsPath : key;
    if (!chosen) {
      if (!runs.length) {
        await vscode.window.showInformationMessage('Paperlab: no run is training or queued.');
        return false;
      }
      if (runs.length === 1) chosen = runs[0].key;
      else {
        const pick = await vscode.window.showQuickPick(
          runs.map((r) => ({
            label: r.name,
            description: r.status === 'queued' ? 'queued' : (r.progress?.label ?? 'starting'),
            key: r.key,
          })),
          { placeHolder: 'Which run should stop?' },
        );
        chosen = pick?.key;
      }
    }
    return chosen ? manager.stop(chosen) : false;
  };

  return {
    manager,
    runExperiment,
    stopRun,
    installNativeBackend: () => installNativeBackend(nativeDir, log),
    dispose: () => {
      statusBar.dispose();
      manager.dispose();
    },
  };
}
