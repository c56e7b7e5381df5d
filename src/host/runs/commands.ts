/**
 * The Run / Stop / Install Native Backend command handlers, built by `createRunFeatures` and wired
 * in src/extension.ts. Run refuses in Restricted Mode (training executes code), refuses configs with
 * lint errors (the same check the trainer repeats), says so when the same config and seed already
 * train, then queues the run. At activation the trainers that outlived the last window are followed
 * again and the queue it left is restored.
 */
import * as vscode from 'vscode';
import path from 'node:path';
import { lintText } from '../../core/config/index';
import { isImplemented } from '../../core/paper/types';
import { cannotTrainYet } from '../../core/paper/blocks';
import type { BackendChoice } from '../../core/protocol/trainer';
import type { TrainerExit } from '../../core/runs/trainerProcess';
import { configHash } from '../../core/runs/folder';
import { Commands } from '../commandIds';
import { runsDirFor } from '../util/runsDir';
import { isExperimentUri } from '../editor/documents';
import { RunManager, type RunState } from './runManager';
import { RunStatusBar, progressText } from './statusBar';
import { installNativeBackend } from './installNative';
import { paperRegistry } from '../../papers';
import type { WhenVSCodeCloses } from './lease';

export const WHEN_CLOSES_SETTING = 'runs.whenVSCodeCloses';
/** Set once the user has been asked what runs should do when VS Code closes. */
const ASKED_KEY = 'paperlab.askedWhenVSCodeCloses';

export interface RunFeatures {
  manager: RunManager;
  statusBar: RunStatusBar;
  /** Resolves once the trainers of the last window are followed again and its queue restored. */
  adopted: Promise<void>;
  /** `paperlab.runExperiment` (optional Uri from CodeLens / explorer; else the active editor). */
  runExperiment(uri?: vscode.Uri): Promise<{ run: RunState; done: Promise<TrainerExit> } | undefined>;
  /** `paperlab.stopRun` (optional run key / run folder path; else asks when several run). */
  stopRun(key?: string | vscode.Uri): Promise<boolean>;
  /** `paperlab.installNativeBackend`. */
  installNativeBackend(): Promise<boolean>;
  dispose(): void;
}

const whenVSCodeCloses = (): WhenVSCodeCloses =>
  vscode.workspace.getConfiguration('paperlab').get<string>(WHEN_CLOSES_SETTING) === 'stop' ? 'stop' : 'keepTraining';

export function createRunFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): RunFeatures {
  const nativeDir = path.join(context.globalStorageUri.fsPath, 'native');
  const manager = new RunManager({
    trainerPath: context.asAbsolutePath(path.join('dist', 'trainer.js')),
    nativeModulesDir: nativeDir,
    log,
    whenVSCodeCloses,
    queueFile: context.storageUri ? path.join(context.storageUri.fsPath, 'queue.json') : undefined,
  });
  const statusBar = new RunStatusBar(manager);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`paperlab.${WHEN_CLOSES_SETTING}`)) manager.policyChanged();
  });

  // After activation returns (activation stays fast): follow the trainers the last window left.
  const adopted = new Promise<void>((resolve) =>
    setTimeout(() => {
      try {
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          for (const r of manager.adoptFrom(runsDirFor(folder.uri)))
            log.info(`following ${r.name} again: it kept training while the window reloaded`);
        }
        if (vscode.workspace.isTrusted) {
          const { restored, dropped } = manager.restoreQueue();
          if (restored) log.info(`restored ${restored} queued run(s)`);
          if (dropped)
            void vscode.window.showInformationMessage(
              `Paperlab: ${dropped} queued run${dropped === 1 ? ' was' : 's were'} not started: VS Code was closed, and paperlab.${WHEN_CLOSES_SETTING} says to stop runs then.`,
            );
        }
      } catch (err) {
        log.error(`could not follow the runs of the last window: ${(err as Error).message}`);
      }
      resolve();
    }, 0),
  );

  /** VS Code cannot ask anything when it closes: ask once, when it first matters. */
  const askWhatHappensOnClose = async (name: string) => {
    if (context.globalState.get<boolean>(ASKED_KEY)) return;
    await context.globalState.update(ASKED_KEY, true);
    const keep = 'Keep Training';
    const stop = 'Stop Runs When VS Code Closes';
    const pick = await vscode.window.showInformationMessage(
      `Paperlab: "${name}" trains in its own process. Reloading or updating VS Code does not stop it: the window follows it again. When you close VS Code, should runs keep training (the dashboard picks them up when you come back)?`,
      keep,
      stop,
    );
    if (pick)
      await vscode.workspace
        .getConfiguration('paperlab')
        .update(WHEN_CLOSES_SETTING, pick === stop ? 'stop' : 'keepTraining', vscode.ConfigurationTarget.Global);
  };

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
    if (!target || !isExperimentUri(target)) {
      await vscode.window.showWarningMessage(
        'Paperlab: open an experiment config (*.exp.yaml, *.exp.yml or *.exp.json) to run it.',
      );
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.isDirty) await doc.save();
    const lint = lintText(doc.getText(), target.fsPath, { papers: paperRegistry });
    const errors = lint.findings.filter((f) => f.severity === 'error');
    // Before the errors: fixing them would not make a schema-only paper run.
    const missing = cannotTrainYet(lint.paper);
    if (missing && lint.paper) {
      const paperId = lint.paper.id;
      const pick = await vscode.window.showInformationMessage(`Paperlab: ${missing}`, 'Open Paper');
      if (pick) await vscode.commands.executeCommand(Commands.openPaper, paperId);
      return undefined;
    }
    if (lint.ok && lint.paper && !isImplemented(lint.paper)) {
      await vscode.window.showInformationMessage(
        `Paperlab: there is no schema or training recipe for "${lint.paper.id}" yet, so it can be linted but not run. Its paper page (Paper, above the first line) says what it claims.`,
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
    // Same seed, same backend, same numbers: a second identical run only costs time. Say so first.
    const twin = manager.sameAs(configHash(lint.config))[0];
    if (twin) {
      const again = 'Start Another';
      const show = 'Show It';
      const pick = await vscode.window.showWarningMessage(
        `Paperlab: "${twin.name}" with this exact config and seed ${twin.seed} is already ${twin.status === 'queued' ? 'queued' : `training (${progressText(twin)})`}. The same config and seed train the same numbers; change the seed to see another draw. Start another one anyway?`,
        again,
        show,
      );
      if (pick === show) await vscode.commands.executeCommand(Commands.openDashboard, target);
      if (pick !== again) return undefined;
    }
    const backend = vscode.workspace.getConfiguration('paperlab', target).get<BackendChoice>('backend', 'auto');
    const { state, done } = manager.enqueue({
      config: lint.config,
      runsDir: runsDirFor(target),
      backend,
      sourceConfig: target.fsPath,
    });
    log.info(`queued ${state.name} from ${target.fsPath} (backend ${backend})`);
    void askWhatHappensOnClose(state.name);
    void done.then((exit) =>
      announce(manager.recent().find((r) => r.runDir && r.runDir === state.runDir) ?? state, exit),
    );
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
          runs.map((r) => ({ label: r.name, description: progressText(r), key: r.key })),
          { placeHolder: 'Which run should stop?' },
        );
        chosen = pick?.key;
      }
    }
    return chosen ? manager.stop(chosen) : false;
  };

  return {
    manager,
    statusBar,
    adopted,
    runExperiment,
    stopRun,
    installNativeBackend: () => installNativeBackend(nativeDir, log),
    dispose: () => {
      settings.dispose();
      statusBar.dispose();
      manager.dispose();
    },
  };
}
