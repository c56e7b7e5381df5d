// Quick fixes in the real editor: ask VS Code for the code actions at a diagnostic, apply the one
// the core offers, and check the text and the diagnostics that follow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, codeOf, diagnosticsWhere, openDoc, ours, workspaceUri } from './util';

async function fixesAt(uri: vscode.Uri, code: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const d = ours(await diagnosticsWhere(uri, (x) => ours(x).some((y) => codeOf(y) === code), code));
  const diagnostic = d.find((x) => codeOf(x) === code)!;
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return { diagnostic, actions: actions.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a) };
}

suite('quick fixes', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('did-you-mean renames a misspelt key, and the error goes away', async () => {
    const uri = workspaceUri('typo.exp.yaml');
    const { doc } = await openDoc('typo.exp.yaml');
    const { actions } = await fixesAt(uri, 'schema/unknown-key');
    const rename = actions.find((a) => /optimizer/.test(a.title));
    assert.ok(rename, `a rename fix is offered; got: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.equal(rename.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(rename.edit && (await vscode.workspace.applyEdit(rename.edit)));
    assert.equal(doc.lineAt(13).text, '  optimizer: adam');
    await diagnosticsWhere(uri, (x) => !ours(x).some((y) => codeOf(y) === 'schema/unknown-key'), 'the unknown-key error to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"add the control run the paper compares against" adds random_reinit', async () => {
    const uri = workspaceUri('rewind-after-end.exp.yaml');
    const { doc } = await openDoc('rewind-after-end.exp.yaml');
    const { actions } = await fixesAt(uri, 'lottery-ticket/missing-control');
    const add = actions.find((a) => /random_reinit/.test(a.title));
    assert.ok(add?.edit, `the control fix is offered; got: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.match(doc.getText(), /^controls: \[ ?random_reinit ?\]$/m);
    await diagnosticsWhere(uri, (x) => !ours(x).some((y) => codeOf(y) === 'lottery-ticket/missing-control'), 'the control warning to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an unknown paper id is replaced by the suggested one (JSON)', async () => {
    const uri = workspaceUri('unknown-paper.exp.json');
    const { doc } = await openDoc('unknown-paper.exp.json');
    const { actions } = await fixesAt(uri, 'config/unknown-paper');
    const use = actions.find((a) => /lottery-ticket/.test(a.title));
    assert.ok(use?.edit, `a did-you-mean fix is offered; got: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(use.edit));
    assert.equal(doc.lineAt(1).text, '  "paper": "lottery-ticket",');
    await diagnosticsWhere(uri, (x) => !ours(x).some((y) => codeOf(y) === 'config/unknown-paper'), 'the unknown-paper error to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
