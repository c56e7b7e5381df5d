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

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const message = f.source ? `${f.message} (${f.source})` : f.message;
  const d = new vscode.Diagnostic(toRange(f.range), message, severities[f.severity]);
  d.source = 'paperlab';
  d.code = f.code;
  return d;
}

export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
