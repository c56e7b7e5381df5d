// Commands run in the real editor and tell the user what they did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { activated, captureMessages, codeOf, workspaceUri } from './util';

suite('commands', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('"Lint Workspace Experiments" lints every fixture and reports the totals', async () => {
    const { result, messages } = await captureMessages(() =>
      vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>(Commands.lintWorkspace),
    );
    const files = await vscode.workspace.findFiles('**/*.exp.{yaml,yml,json}');
    assert.equal(result?.files, files.length);
    // rewind-after-end (yaml + json), typo, unknown-paper: one error each at least.
    assert.ok((result?.errors ?? 0) >= 4, `errors: ${result?.errors}`);
    assert.ok(
      messages.some((m) => m.text.includes(`linted ${files.length} experiment configs`)),
      `a summary message is shown; got: ${messages.map((m) => m.text).join(' | ') || 'none'}`,
    );
    // Closed configs get their findings in the Problems panel too.
    const all = vscode.languages.getDiagnostics(workspaceUri('rewind-after-end.exp.json'));
    assert.ok(all.some((d) => codeOf(d) === 'lottery-ticket/rewind-after-end'));
  });
});
