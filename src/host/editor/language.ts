/**
 * Completion, hover and quick fixes for experiment configs: thin adapters over the core's language
 * service (src/core/config/language.ts), which knows the schemas and papers and runs anywhere.
 */
import * as vscode from 'vscode';
import { complete, hover, type CompletionEntry } from '../../core/config';
import type { Finding } from '../../core/config/findings';
import { experimentSelector } from './documents';
import { toDiagnostic, toPosition, toRange, toWorkspaceEdit } from './convert';
import type { ConfigDiagnostics } from './diagnostics';
import { paperRegistry } from '../../papers';

const kinds: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  paper: vscode.CompletionItemKind.Reference,
};

function toCompletionItem(e: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(e.label, kinds[e.kind] ?? vscode.CompletionItemKind.Text);
  item.detail = e.detail;
  if (e.documentation) item.documentation = new vscode.MarkdownString(e.documentation);
  if (e.insertText !== undefined) item.insertText = e.snippet ? new vscode.SnippetString(e.insertText) : e.insertText;
  item.sortText = e.sortText;
  item.preselect = e.preselect;
  item.filterText = e.filterText;
  // Replace the half-typed word (or a quoted JSON key) rather than inserting beside it.
  if (e.range) item.range = toRange(e.range);
  return item;
}

export function registerLanguageFeatures(
  diagnostics: ConfigDiagnostics,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const safe = <T>(what: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      log.error(`${what} threw: ${err instanceof Error ? err.stack : String(err)}`);
      return fallback;
    }
  };

  const completion = vscode.languages.registerCompletionItemProvider(
    experimentSelector,
    {
      provideCompletionItems(doc, position) {
        return safe(
          'completion',
          () =>
            complete(doc.getText(), doc.fileName, toPosition(position), { papers: paperRegistry }).map(
              toCompletionItem,
            ),
          [],
        );
      },
    },
    ':',
    ' ',
    '"',
    '-',
  );

  const hovers = vscode.languages.registerHoverProvider(experimentSelector, {
    provideHover(doc, position) {
      return safe(
        'hover',
        () => {
          const h = hover(doc.getText(), doc.fileName, toPosition(position), { papers: paperRegistry });
          if (!h) return undefined;
          const md = new vscode.MarkdownString(h.markdown);
          return new vscode.Hover(md, h.range ? toRange(h.range) : undefined);
        },
        undefined,
      );
    },
  });

  const actions = vscode.languages.registerCodeActionsProvider(
    experimentSelector,
    {
      provideCodeActions(doc, range) {
        return safe(
          'code actions',
          () => {
            const result = diagnostics.resultFor(doc);
            if (!result) return [];
            return result.findings
              .filter((f) => f.fixes?.length && toRange(f.range).intersection(range) !== undefined)
              .flatMap((f) => codeActionsFor(doc.uri, f));
          },
          [],
        );
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );

  return [completion, hovers, actions];
}

function codeActionsFor(uri: vscode.Uri, f: Finding): vscode.CodeAction[] {
  return (f.fixes ?? []).map((fix) => {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(uri, fix);
    action.diagnostics = [toDiagnostic(f)];
    action.isPreferred = fix.preferred;
    return action;
  });
}
