/**
 * The line of actions at the top of an experiment config: Run · Dashboard · Paper. In Restricted
 * Mode "Run" says why it is not available instead of disappearing, so the researcher knows what to do.
 * A runnable config's "Run" carries how long it will take here ("Run (~6 min)"), with what the
 * estimate rests on in its tooltip; without a basis for one it shows none. While the config's run
 * trains, "Run" becomes "Stop" with its progress; while it waits, "Queued" (a click removes it).
 */
import * as vscode from 'vscode';
import { getPaper } from '../../papers';
import { isImplemented } from '../../core/paper/types';
import { cannotTrainYet, missingBlocks } from '../../core/paper/blocks';
import { Commands } from '../commandIds';
import { experimentSelector } from './documents';
import type { ConfigDiagnostics } from './diagnostics';
import { RunEstimates } from './runEstimates';
import { estimateRun } from '../../core/estimate/estimate';
import { describeBasis, formatDuration } from '../../core/estimate/format';
import type { RunManager, RunState } from '../runs/runManager';
import { progressText } from '../runs/statusBar';
import { sweepLenses } from '../sweeps/commands';
import type { SweepController } from '../sweeps/controller';

/** Progress ticks come several times a second: the lens is redrawn at most this often. */
const PROGRESS_REFRESH_MS = 1000;

function runLens(top: vscode.Range, run: RunState): vscode.CodeLens {
  if (run.status === 'queued')
    return new vscode.CodeLens(top, {
      title: `$(clock) Queued: waiting for a free core`,
      tooltip: 'Click to remove it from the queue.',
      command: Commands.stopRun,
      arguments: [run.key],
    });
  return new vscode.CodeLens(top, {
    title: `$(debug-stop) Stop (${progressText(run)})`,
    tooltip: `"${run.name}" is training${run.adopted ? ' (it kept training across a window reload)' : ''}. Click to stop it after its current step; what it wrote so far is kept.`,
    command: Commands.stopRun,
    arguments: [run.key],
  });
}

export function registerCodeLens(
  diagnostics: ConfigDiagnostics,
  runs?: RunManager,
  sweeps?: SweepController,
): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const estimates = new RunEstimates();
  let throttle: NodeJS.Timeout | undefined;
  const onRuns = runs?.onDidUpdate((u) => {
    if (u.kind === 'message' || u.kind === 'activity') return;
    if (u.kind !== 'progress') return changed.fire();
    throttle ??= setTimeout(() => {
      throttle = undefined;
      changed.fire();
    }, PROGRESS_REFRESH_MS);
  }) ?? { dispose: () => undefined };
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      const result = diagnostics.resultFor(doc);
      const top = new vscode.Range(0, 0, 0, 0);
      const lenses: vscode.CodeLens[] = [];
      const errors = result?.findings.filter((f) => f.severity === 'error').length ?? 0;
      // A sweep's cells come from this config too, but they have their own lens (sweeps/commands.ts).
      const own = runs?.runs().find((r) => r.sourceConfig === doc.uri.fsPath && !r.sweep);
      if (own) {
        lenses.push(runLens(top, own));
      } else if (!vscode.workspace.isTrusted) {
        lenses.push(
          new vscode.CodeLens(top, {
            title: '$(shield) Run: trust this workspace to run experiments',
            command: 'workbench.trust.manage',
          }),
        );
      } else if (cannotTrainYet(result?.paper)) {
        // Before the error count: fixing errors would not make a schema-only paper run. The click
        // runs Run, which says the same in a message with a way to the paper's page.
        lenses.push(
          new vscode.CodeLens(top, {
            title: `$(circle-slash) Run: cannot train this paper yet (needs ${missingBlocks(result?.paper).join(', ')})`,
            tooltip: cannotTrainYet(result?.paper),
            command: Commands.runExperiment,
            arguments: [doc.uri],
          }),
        );
      } else if (result?.paper && !isImplemented(result.paper)) {
        lenses.push(
          new vscode.CodeLens(top, {
            title: '$(circle-slash) Run: no recipe for this paper yet',
            command: Commands.openPaper,
            arguments: [result.paper.id],
          }),
        );
      } else if (errors > 0) {
        lenses.push(
          new vscode.CodeLens(top, {
            title: `$(error) Run: fix ${errors} error${errors > 1 ? 's' : ''} first`,
            command: 'workbench.actions.view.problems',
          }),
        );
      } else {
        const speed = estimates.speedFor(doc.uri);
        const estimate = speed && result?.config ? estimateRun(result.paper, result.config, speed) : undefined;
        const title = estimate ? `$(play) Run (${formatDuration(estimate.seconds)})` : '$(play) Run';
        lenses.push(
          new vscode.CodeLens(top, {
            title,
            tooltip: estimate ? describeBasis(estimate) : undefined,
            command: Commands.runExperiment,
            arguments: [doc.uri],
          }),
        );
      }
      if (vscode.workspace.isTrusted && errors === 0)
        lenses.push(...sweepLenses(doc, result, estimates.speedFor(doc.uri), sweeps));
      lenses.push(
        new vscode.CodeLens(top, {
          title: '$(graph-line) Dashboard',
          command: Commands.openDashboard,
          arguments: [doc.uri],
        }),
      );
      const paperId = result?.paper?.id;
      const paper = paperId ? getPaper(paperId) : undefined;
      if (paper)
        lenses.push(
          new vscode.CodeLens(top, {
            title: `$(book) Paper: ${paper.title}`,
            command: Commands.openPaper,
            arguments: [paper.id],
          }),
        );
      return lenses;
    },
  };
  return vscode.Disposable.from(
    onRuns,
    { dispose: () => throttle && clearTimeout(throttle) },
    changed,
    estimates,
    estimates.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(experimentSelector, provider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
    sweeps?.onDidChange(() => changed.fire()) ?? { dispose: () => undefined },
  );
}
