// Quick fixes in the real editor: ask VS Code for the code actions at a diagnostic, apply the one
// the core offers, and check the text and the diagnostics that follow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, codeOf, diagnosticsWhere, nextDiagnosticsChange, openDoc, ours, workspaceUri } from './util';

/** Names the step in the error: VS Code's own rejections ("Canceled") say nothing about where. */
async function step<T>(what: string, p: Thenable<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The quick fix whose title matches, for the diagnostic `code`. The first request after a file opens
 * can come back empty or Canceled while VS Code's JSON/YAML support starts and diagnostics are
 * republished (seen on a first-opened .exp.json): ask again on the next diagnostics change.
 */
async function fixFor(uri: vscode.Uri, code: string, title: RegExp): Promise<vscode.CodeAction> {
  const deadline = Date.now() + 15000;
  let offered: string[] = [];
  let error = '';
  for (;;) {
    const d = ours(await diagnosticsWhere(uri, (x) => ours(x).some((y) => codeOf(y) === code), code));
    const diagnostic = d.find((x) => codeOf(x) === code)!;
    try {
      const actions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      const fix = actions.find((a): a is vscode.CodeAction => title.test(a.title) && 'edit' in a && !!a.edit);
      if (fix) return fix;
      offered = actions.map((a) => a.title);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline)
      throw new Error(
        `no quick fix matching ${title} for ${code}; offered: ${offered.join(' | ') || 'none'}${error ? `; last error: ${error}` : ''}`,
      );
    await nextDiagnosticsChange(uri, 500);
  }
}

suite('quick fixes', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('did-you-mean renames a misspelt key, and the error goes away', async () => {
    const uri = workspaceUri('typo.exp.yaml');
    const { doc } = await openDoc('typo.exp.yaml');
    const rename = await fixFor(uri, 'schema/unknown-key', /optimizer/);
    assert.equal(rename.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(rename.edit && (await step('applying the fix', vscode.workspace.applyEdit(rename.edit))));
    assert.equal(doc.lineAt(13).text, '  optimizer: adam');
    await diagnosticsWhere(
      uri,
      (x) => !ours(x).some((y) => codeOf(y) === 'schema/unknown-key'),
      'the unknown-key error to go away',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"add the control run the paper compares against" adds random_reinit', async () => {
    const uri = workspaceUri('rewind-after-end.exp.yaml');
    const { doc } = await openDoc('rewind-after-end.exp.yaml');
    const add = await fixFor(uri, 'lottery-ticket/missing-control', /random_reinit/);
    assert.ok(add.edit && (await step('applying the fix', vscode.workspace.applyEdit(add.edit))));
    assert.match(doc.getText(), /^controls: \[ ?random_reinit ?\]$/m);
    await diagnosticsWhere(
      uri,
      (x) => !ours(x).some((y) => codeOf(y) === 'lottery-ticket/missing-control'),
      'the control warning to go away',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an unknown paper id is replaced by the suggested one (JSON)', async () => {
    const uri = workspaceUri('unknown-paper.exp.json');
    const { doc } = await step('opening the file', openDoc('unknown-paper.exp.json'));
    const use = await fixFor(uri, 'config/unknown-paper', /lottery-ticket/);
    assert.ok(use.edit && (await step('applying the fix', vscode.workspace.applyEdit(use.edit))));
    assert.equal(doc.lineAt(1).text, '  "paper": "lottery-ticket",');
    await step(
      'waiting for the diagnostics',
      diagnosticsWhere(
        uri,
        (x) => !ours(x).some((y) => codeOf(y) === 'config/unknown-paper'),
        'the unknown-paper error to go away',
      ),
    );
    await step('reverting', vscode.commands.executeCommand('workbench.action.files.revert'));
  });

  for (const [name, bad, code, good] of [
    ['a wrong type (`lr: fast`)', 'lr: fast', 'schema/type', /lr: 0\.0012/],
    ['an out-of-range value (`rate.hidden: 1.5`)', 'hidden: 1.5', 'schema/range', /hidden: 0\.2/],
  ] as const) {
    test(`${name} is fixed with the paper's value, the one the hover shows`, async () => {
      const file = `fix-${code.replace('/', '-')}.exp.yaml`;
      const uri = workspaceUri(file);
      const text = (await vscode.workspace.openTextDocument(workspaceUri('lottery-ticket.exp.yaml'))).getText();
      const broken = text
        .replace(/lr: [^\s#]+/, bad.startsWith('lr') ? bad : '$&')
        .replace(/hidden: 0\.2/, bad.startsWith('hidden') ? bad : '$&');
      assert.notEqual(broken, text, 'the fixture has the key');
      await vscode.workspace.fs.writeFile(uri, Buffer.from(broken));
      try {
        const { doc } = await openDoc(file);
        const fix = await fixFor(uri, code, /^Use the paper's value/);
        assert.equal(fix.isPreferred, true);
        assert.ok(fix.edit && (await step('applying the fix', vscode.workspace.applyEdit(fix.edit))));
        assert.match(doc.getText(), good);
        await diagnosticsWhere(uri, (x) => !ours(x).some((y) => codeOf(y) === code), `the ${code} error to go away`);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(uri);
      }
    });
  }
});
