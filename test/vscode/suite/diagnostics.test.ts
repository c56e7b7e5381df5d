// Diagnostics in the real editor: the fixtures in test/vscode/workspace/ are opened, and each test
// waits on languages.onDidChangeDiagnostics for the squiggles the config core promises (codes and
// ranges below were agreed with the core: `lintText` gives the same on these files).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/config';
import { activated, codeOf, diagnosticsWhere, describe, openDoc, ours, workspaceUri } from './util';
import { paperRegistry } from '../../../src/papers';

/** "code line:col-line:col", 0-based like the core's ranges, for readable assertions. */
function at(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

const hasCode = (code: string) => (d: readonly vscode.Diagnostic[]) => ours(d).some((x) => codeOf(x) === code);

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('YAML: a rewind point after the end of training is an error on the value, citing the paper', async () => {
    const uri = workspaceUri('rewind-after-end.exp.yaml');
    await openDoc('rewind-after-end.exp.yaml');
    const d = ours(await diagnosticsWhere(uri, hasCode('lottery-ticket/rewind-after-end')));
    const rewind = d.find((x) => codeOf(x) === 'lottery-ticket/rewind-after-end')!;
    assert.equal(at(rewind), 'lottery-ticket/rewind-after-end 22:13-22:17'); // `6000` in `  rewind_to: 6000`
    assert.equal(rewind.severity, vscode.DiagnosticSeverity.Error);
    assert.match(rewind.message, /rewind_to \(6,000\) must be before the end of training \(5,000 iterations\)/);
    assert.match(rewind.message, /Frankle & Carbin/, 'the message cites the paper section');
    const control = d.find((x) => codeOf(x) === 'lottery-ticket/missing-control');
    assert.ok(control, `missing-control warning expected, got ${describe(d)}`);
    assert.equal(at(control), 'lottery-ticket/missing-control 23:0-23:8'); // the `controls` key
    assert.equal(control.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('JSON: the same rule, with the range on the JSON value', async () => {
    const uri = workspaceUri('rewind-after-end.exp.json');
    await openDoc('rewind-after-end.exp.json');
    const d = ours(await diagnosticsWhere(uri, hasCode('lottery-ticket/rewind-after-end')));
    assert.deepEqual(d.map(at), ['lottery-ticket/rewind-after-end 11:17-11:21']);
  });

  test('an unknown paper id is an error with a did-you-mean', async () => {
    const uri = workspaceUri('unknown-paper.exp.json');
    await openDoc('unknown-paper.exp.json');
    const d = ours(await diagnosticsWhere(uri, hasCode('config/unknown-paper')));
    const f = d.find((x) => codeOf(x) === 'config/unknown-paper')!;
    assert.equal(at(f), 'config/unknown-paper 1:11-1:26'); // "lotery-ticket" with its quotes
    assert.match(f.message, /did you mean `lottery-ticket`/i);
  });

  test('the editor shows exactly what the core finds (same codes, ranges and severities)', async () => {
    for (const name of ['rewind-after-end.exp.yaml', 'typo.exp.yaml', 'unknown-paper.exp.json']) {
      const uri = workspaceUri(name);
      const expected = lintText(readFileSync(uri.fsPath, 'utf8'), uri.fsPath, {
        papers: paperRegistry,
        paperDepartures: true,
      }).findings.map(
        (f) =>
          `${f.code} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`,
      );
      assert.ok(expected.length > 0, `${name} is meant to be broken`);
      await openDoc(name);
      const d = ours(
        await diagnosticsWhere(uri, (x) => ours(x).length === expected.length, `${expected.length} diagnostics`),
      );
      assert.deepEqual(d.map(at).sort(), expected.sort(), name);
    }
  });

  test('a valid config has no errors or warnings', async () => {
    // Open the valid file first, then a broken one: diagnostics are computed in the order documents
    // open, so once the broken one has its squiggles the valid one has been linted too.
    await openDoc('lottery-ticket.exp.yaml');
    await openDoc('typo.exp.yaml');
    await diagnosticsWhere(workspaceUri('typo.exp.yaml'), hasCode('schema/unknown-key'));
    const d = ours(vscode.languages.getDiagnostics(workspaceUri('lottery-ticket.exp.yaml')));
    const serious = d.filter((x) => x.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious.map(at), []);
  });

  test('diagnostics follow edits: fixing the value clears the error, breaking it again brings it back', async () => {
    const uri = workspaceUri('rewind-after-end.exp.yaml');
    const { doc, editor } = await openDoc('rewind-after-end.exp.yaml');
    await diagnosticsWhere(uri, hasCode('lottery-ticket/rewind-after-end'));
    const line = doc.lineAt(22);
    const value = new vscode.Range(22, line.text.indexOf('6000'), 22, line.text.indexOf('6000') + 4);
    assert.ok(await editor.edit((e) => e.replace(value, '100')));
    await diagnosticsWhere(uri, (x) => !hasCode('lottery-ticket/rewind-after-end')(x), 'the rewind error to go away');
    assert.ok(
      await editor.edit((e) =>
        e.replace(new vscode.Range(22, value.start.character, 22, value.start.character + 3), '9999'),
      ),
    );
    const d = ours(
      await diagnosticsWhere(uri, hasCode('lottery-ticket/rewind-after-end'), 'the rewind error to come back'),
    );
    assert.match(d.find((x) => codeOf(x) === 'lottery-ticket/rewind-after-end')!.message, /9,999/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('closing the file clears its squiggles; reopening it brings them back', async () => {
    const uri = workspaceUri('typo.exp.yaml');
    await openDoc('typo.exp.yaml');
    const before = ours(await diagnosticsWhere(uri, (d) => ours(d).length > 0, 'diagnostics on the open file'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await diagnosticsWhere(uri, (d) => ours(d).length === 0, 'the diagnostics of the closed file to be cleared');
    await openDoc('typo.exp.yaml');
    const after = ours(await diagnosticsWhere(uri, (d) => ours(d).length > 0, 'diagnostics to come back on reopening'));
    assert.deepEqual(after.map(codeOf), before.map(codeOf));
  });
});
