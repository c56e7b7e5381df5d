/** "Paperlab: Lint Workspace Experiments": every config in the workspace into the Problems panel. */
import * as vscode from 'vscode';
import { lintText } from '../../core/config';
import { EXPERIMENT_GLOB } from '../editor/documents';
import { toDiagnostic } from '../editor/convert';
import { paperRegistry } from '../../papers';

/** Findings of configs that are not open live in their own collection, so closing a file does not hide them. */
export function createWorkspaceLint(): {
  disposable: vscode.Disposable;
  run: () => Promise<{ files: number; errors: number; warnings: number }>;
} {
  const collection = vscode.languages.createDiagnosticCollection('paperlab-workspace');
  // An open config is linted live by ConfigDiagnostics: drop its workspace copy so nothing shows twice.
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const onOpen = vscode.workspace.onDidOpenTextDocument((d) => collection.delete(d.uri));
  const run = async () => {
    const uris = await vscode.workspace.findFiles(EXPERIMENT_GLOB, '**/{node_modules,.paperlab}/**');
    let errors = 0;
    let warnings = 0;
    collection.clear();
    for (const uri of uris) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const { findings } = lintText(text, uri.fsPath, { papers: paperRegistry });
      errors += findings.filter((f) => f.severity === 'error').length;
      warnings += findings.filter((f) => f.severity === 'warning').length;
      if (!isOpen(uri)) collection.set(uri, findings.map(toDiagnostic));
    }
    const summary = `Paperlab: linted ${uris.length} experiment config${uris.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
    if (uris.length === 0)
      void vscode.window.showInformationMessage(
        'Paperlab: no *.exp.yaml, *.exp.yml or *.exp.json files in this workspace. "Paperlab: New Experiment from Paper…" creates one.',
      );
    else {
      void vscode.window.showInformationMessage(summary);
      if (errors + warnings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return { files: uris.length, errors, warnings };
  };
  return { disposable: vscode.Disposable.from(collection, onOpen), run };
}
