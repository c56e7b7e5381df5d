// Helpers for the in-VS-Code suites: everything waits on VS Code's events, never on sleeps.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'paperlab.paperlab';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

export async function activated(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  if (!ext.isActive) await ext.activate();
  return ext;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Rejects after `ms` with a message that says what was awaited. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them: checked now, then on every
 * languages.onDidChangeDiagnostics event for that uri.
 */
export function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  ms = 15000,
): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return Promise.resolve(current);
  let sub: vscode.Disposable | undefined;
  const p = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) resolve(d);
    });
  });
  return withTimeout(
    p,
    ms,
    `${what} on ${vscode.workspace.asRelativePath(uri)} (now: ${describe(vscode.languages.getDiagnostics(uri))})`,
  ).finally(() => sub?.dispose());
}

/** Resolves on the next diagnostics change of `uri`, or after `maxMs` if none comes. */
export function nextDiagnosticsChange(uri: vscode.Uri, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
  });
}

/** Diagnostics that come from Paperlab (not from VS Code's own JSON/YAML support). */
export function ours(d: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return d.filter((x) => (x.source ?? '').toLowerCase().startsWith('paperlab'));
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function describe(d: readonly vscode.Diagnostic[]): string {
  if (!d.length) return 'none';
  return d
    .map((x) => `${codeOf(x)}@${x.range.start.line + 1}:${x.range.start.character + 1}[${x.source ?? ''}]`)
    .join(', ');
}

export async function openDoc(relative: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** Position of the first occurrence of `needle` in the document (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(i + offset);
}

type MessageFn = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

/**
 * Records the messages the extension shows while `fn` runs. The suite bundle lives inside the
 * extension's folder, so VS Code hands it the same `vscode` API object as the extension: replacing
 * the window's message functions for a moment sees what the extension says to the user.
 */
export async function captureMessages<T>(
  fn: () => Thenable<T> | Promise<T>,
): Promise<{ result: T; messages: { kind: MessageFn; text: string }[] }> {
  const messages: { kind: MessageFn; text: string }[] = [];
  const win = vscode.window as unknown as Record<MessageFn, (...a: unknown[]) => Thenable<unknown>>;
  const saved = new Map<MessageFn, (...a: unknown[]) => Thenable<unknown>>();
  for (const kind of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
    saved.set(kind, win[kind]);
    win[kind] = (text: unknown) => {
      messages.push({ kind, text: String(text) });
      return Promise.resolve(undefined); // as if dismissed: no button clicked
    };
  }
  try {
    return { result: await fn(), messages };
  } finally {
    for (const [kind, f] of saved) win[kind] = f;
  }
}

export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await lenses(uri)).map((l) => l.command?.title ?? '');
}
