/** "Paperlab: Lint Workspace Experiments": every config in the workspace into the Problems panel. */
import * as vscode from 'vscode';
import { lintText, type Finding } from '../../core/config';
import { EXPERIMENT_GLOB, MAX_CONFIG_FILE_BYTES, readExperimentFile } from '../../core/files/experimentFile';
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
      const read = await readConfig(uri);
      const linted = read.ok ? lintText(read.text, uri.fsPath, { papers: paperRegistry }) : undefined;
      const findings: Finding[] = linted ? linted.findings : [unreadable(read.ok ? '' : read.message)];
      const paper = linted?.paper;
      errors += findings.filter((f) => f.severity === 'error').length;
      warnings += findings.filter((f) => f.severity === 'warning').length;
      if (!isOpen(uri))
        collection.set(
          uri,
          findings.map((f) => toDiagnostic(f, paper?.id)),
        );
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

/**
 * A config's text without trusting it to be a file: a FIFO or a link to /dev/zero named `x.exp.yaml`
 * would hang the read or fill the extension host's memory. Local files go through the bounded reader;
 * other schemes are stat'ed first.
 */
async function readConfig(uri: vscode.Uri): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (uri.scheme === 'file') {
    const r = await readExperimentFile(uri.fsPath);
    return r.ok ? r : { ok: false, message: `This file ${r.problem.message}: Paperlab does not read it.` };
  }
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (!(st.type & vscode.FileType.File))
      return { ok: false, message: 'This is not a regular file: Paperlab does not read it.' };
    if (st.size > MAX_CONFIG_FILE_BYTES)
      return { ok: false, message: 'This file is too large to be an experiment config.' };
    return { ok: true, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    return { ok: false, message: `Paperlab could not read this file (${e instanceof Error ? e.message : String(e)}).` };
  }
}

function unreadable(message: string): Finding {
  const start = { line: 0, character: 0 };
  return { severity: 'error', code: 'file/unreadable', message, range: { start, end: start } };
}
