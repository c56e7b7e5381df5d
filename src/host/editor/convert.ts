/** Conversions between the core's plain types and VS Code's classes, in one place. */
import * as vscode from 'vscode';
import type { Finding, Fix, Position, Range, Severity } from '../../core/config/findings';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A link that opens a paper's page inside VS Code (the Paper CodeLens's page). */
export function paperPageLink(paperId: string): vscode.Uri {
  return vscode.Uri.parse(`command:paperlab.openPaper?${encodeURIComponent(JSON.stringify([paperId]))}`);
}

/**
 * A finding as VS Code shows it. Its code links to the paper's page (what the paper claims, its
 * setting and numbers, what our setting changes): the place inside the editor where a rule's
 * reasons are written out, since the user's workspace holds none of Paperlab's own documents.
 */
export function toDiagnostic(f: Finding, paperId?: string): vscode.Diagnostic {
  const message = f.source ? `${f.message} (${f.source})` : f.message;
  const d = new vscode.Diagnostic(toRange(f.range), message, severities[f.severity]);
  d.source = 'paperlab';
  d.code = paperId ? { value: f.code, target: paperPageLink(paperId) } : f.code;
  return d;
}

export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
