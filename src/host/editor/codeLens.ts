/**
 * The line of actions at the top of an experiment config: Run · Dashboard · Paper. In Restricted
 * Mode "Run" says why it is not available instead of disappearing, so the researcher knows what to do.
 * A runnable config's "Run" carries how long it will take here ("Run (~6 min)"), with what the
 * estimate rests on in its tooltip; without a basis for one it shows none.
 */
import * as vscode from 'vscode';
import { getPaper } from '../../papers';
import { isImplemented } from '../../core/paper/types';
import { Commands } from '../commandIds';
import { experimentSelector } from './documents';
import type { ConfigDiagnostics } from './diagnostics';
import { RunEstimates } from './runEstimates';
import { estimateRun } from '../../core/estimate/estimate';
import { describeBasis, formatDuration } from '../../core/estimate/format';
import { sweepLenses } from '../sweeps/commands';
import type { SweepController } from '../sweeps/controller';

export function registerCodeLens(diagnostics: ConfigDiagnostics, sweeps?: SweepController): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const estimates = new RunEstimates();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      const result = diagnostics.resultFor(doc);
      const top = new vscode.Range(0, 0, 0, 0);
      const lenses: vscode.CodeLens[] = [];
      const errors = result?.findings.filter((f) => f.severity === 'error').length ?? 0;
      if (!vscode.workspace.isTrusted) {
        lenses.push(
          new vscode.CodeLens(top, {
            title: '$(shield) Run: trust this workspace to run experiments',
            command: 'workbench.trust.manage',
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
        lenses.push(...sweepLenses(doc, result, speed, sweeps));
      }
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
    changed,
    estimates,
    estimates.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(experimentSelector, provider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
    ...(sweeps ? [sweeps.onDidChange(() => changed.fire())] : []),
  );
}
