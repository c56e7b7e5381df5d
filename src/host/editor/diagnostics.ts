/**
 * Keeps one DiagnosticCollection in step with the open experiment configs: lint on open, on change
 * (debounced, so typing stays smooth), on settings change; clear when the file's last tab closes. The last result per
 * document is kept for the code-action provider, tagged with the version it was computed from, so a
 * stale result is never shown or used.
 */
import * as vscode from 'vscode';
import { lintText, type Finding, type LintResult } from '../../core/config';
import { Disposable } from '../util/dispose';
import { isExperimentDocument } from './documents';
import { toDiagnostic } from './convert';
import { paperRegistry } from '../../papers';

const DEBOUNCE_MS = 150;

/**
 * One owner per finding in `*.exp.json`. VS Code's JSON support checks the grammar of every document
 * it reads as `json` (syntax errors, comments, trailing commas, duplicate keys), so Paperlab does not
 * show those findings there a second time; the schema and the paper's rules are Paperlab's alone
 * (package.json contributes no `jsonValidation`, so VS Code does not check the schema). The fixes stay:
 * code actions read the whole lint result, so "Remove the trailing comma" is offered on VS Code's squiggle.
 */
const JSON_GRAMMAR_CODES = new Set([
  'parse/syntax',
  'parse/json-comment',
  'parse/trailing-comma',
  'parse/duplicate-key',
]);

function shownInEditor(doc: vscode.TextDocument, findings: readonly Finding[]): Finding[] {
  const vscodeChecksGrammar =
    doc.languageId === 'json' &&
    vscode.workspace.getConfiguration('json', doc.uri).get<boolean>('validate.enable', true);
  return vscodeChecksGrammar ? findings.filter((f) => !JSON_GRAMMAR_CODES.has(f.code)) : [...findings];
}

interface Cached {
  version: number;
  result: LintResult;
}

export class ConfigDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('paperlab'));
  private readonly cache = new Map<string, Cached>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    // VS Code keeps a document open for a while after its last tab closes (onDidCloseTextDocument
    // comes minutes later, or never), so the Problems panel would keep listing a file the user closed.
    // Tabs say it at once; reopening the tab before VS Code drops the document lints it again.
    this.register(
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tabUri(tab);
          if (uri && !openInSomeTab(uri)) this.forget(uri);
        }
        for (const tab of e.opened) {
          const uri = tabUri(tab);
          const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (doc && !this.cache.has(doc.uri.toString())) this.refresh(doc);
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('paperlab.lint') || e.affectsConfiguration('json.validate'))
          for (const d of vscode.workspace.textDocuments) this.refresh(d);
      }),
    );
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  /** The lint result for the document's current version, computing it if needed. */
  resultFor(doc: vscode.TextDocument): LintResult | undefined {
    if (!isExperimentDocument(doc)) return undefined;
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version) return cached.result;
    return this.lint(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isExperimentDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.refresh(doc);
      }, DEBOUNCE_MS),
    );
  }

  private refresh(doc: vscode.TextDocument): void {
    if (!isExperimentDocument(doc) || doc.isClosed) return;
    this.lint(doc);
  }

  private lint(doc: vscode.TextDocument): LintResult | undefined {
    const version = doc.version;
    const paperDepartures = vscode.workspace
      .getConfiguration('paperlab', doc.uri)
      .get<boolean>('lint.paperDepartures', true);
    let result: LintResult;
    try {
      result = lintText(doc.getText(), doc.fileName, { papers: paperRegistry, paperDepartures });
    } catch (err) {
      // The core is built never to throw; if it does, say so in the log rather than break the editor.
      this.log.error(`lint of ${doc.uri.fsPath} threw: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
    if (doc.version !== version || doc.isClosed) return undefined; // stale: a newer version is on its way
    this.cache.set(doc.uri.toString(), { version, result });
    this.collection.set(
      doc.uri,
      shownInEditor(doc, result.findings).map((f) => toDiagnostic(f, result.paper?.id)),
    );
    return result;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.collection.delete(uri);
  }
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

function openInSomeTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === key));
}
