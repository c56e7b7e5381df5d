// The fixtures opened in Restricted Mode (Workspace Trust on, a fresh profile that never trusted the
// folder; the runner starts VS Code server without --disable-workspace-trust). The extension declares
// capabilities.untrustedWorkspaces = limited: linting must work, running code must be refused.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import {
  activated,
  captureMessages,
  codeOf,
  diagnosticsWhere,
  openDoc,
  ours,
  positionOf,
  workspaceUri,
} from '../suite/util';

suite('restricted mode', () => {
  test('the workspace is not trusted (otherwise this suite proves nothing)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the extension activates in Restricted Mode', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
  });

  test('linting works: a broken config gets its error', async () => {
    const uri = workspaceUri('rewind-after-end.exp.yaml');
    await openDoc('rewind-after-end.exp.yaml');
    const d = ours(
      await diagnosticsWhere(uri, (x) => ours(x).some((y) => codeOf(y) === 'lottery-ticket/rewind-after-end')),
    );
    assert.ok(d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
  });

  test('completion and hover work', async () => {
    const uri = workspaceUri('lottery-ticket.exp.yaml');
    const { doc } = await openDoc('lottery-ticket.exp.yaml');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      positionOf(doc, 'optimizer: adam', 'optimizer: '.length),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('adam') && labels.includes('sgd'), labels.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      positionOf(doc, 'rewind_to', 3),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /prune\.rewind_to/);
  });

  test('the CodeLens says Run needs a trusted workspace instead of offering it', async () => {
    const uri = workspaceUri('lottery-ticket.exp.yaml');
    await openDoc('lottery-ticket.exp.yaml');
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /trust this workspace/i.test(t)),
      titles.join(' | '),
    );
    assert.ok(!titles.includes('$(play) Run'), titles.join(' | '));
  });

  test('"Run Experiment" is refused with a message that says why, and starts nothing', async function () {
    const registered = await vscode.commands.getCommands(true);
    if (!registered.includes(Commands.runExperiment)) {
      // Skipped, not passed: the run command arrives with the trainer issue.
      this.skip();
    }
    const uri = workspaceUri('lottery-ticket.exp.yaml');
    await openDoc('lottery-ticket.exp.yaml');
    const { messages } = await captureMessages(() => vscode.commands.executeCommand(Commands.runExperiment, uri));
    assert.ok(
      messages.some((m) => /trust|restricted/i.test(m.text)),
      `a message about Workspace Trust is shown; got: ${messages.map((m) => `${m.kind}: ${m.text}`).join(' | ') || 'none'}`,
    );
    assert.equal(existsSync(workspaceUri('.paperlab').fsPath), false, 'no run folder was created');
  });
});
