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

  test('JSON: each finding is reported once — the grammar by VS Code, the schema and rules by Paperlab', async () => {
    // json-mistakes.exp.json has a comment, a duplicate key and a trailing comma (grammar: VS Code's JSON
    // support reports these on every JSON file), and a wrong type, an unknown key and a value out of range
    // (schema: Paperlab's, with its own words and fixes). No place may carry two diagnostics of one kind.
    const uri = workspaceUri('json-mistakes.exp.json');
    await openDoc('json-mistakes.exp.json');
    const fromVsCode = (d: vscode.Diagnostic) => d.source === 'json';
    const all = await diagnosticsWhere(
      uri,
      (d) =>
        ['schema/type', 'schema/unknown-key', 'schema/range'].every((c) => hasCode(c)(d)) &&
        d.some((x) => fromVsCode(x) && /trailing comma/i.test(x.message)),
      "Paperlab's schema findings and VS Code's JSON grammar findings",
    );
    const where = (d: vscode.Diagnostic) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    const byPlace = new Map<string, string[]>();
    for (const d of all) byPlace.set(where(d), [...(byPlace.get(where(d)) ?? []), `[${d.source}] ${d.message}`]);
    const twice = [...byPlace].filter(([, list]) => list.length > 1);
    assert.deepEqual(twice, [], 'one diagnostic per place');
    // Who owns what: the schema is Paperlab's alone (no JSON Schema validation from VS Code at all)…
    assert.deepEqual(ours(all).map(at).sort(), [
      'schema/range 7:19-7:21',
      'schema/type 3:10-3:15',
      'schema/unknown-key 4:2-4:10',
    ]);
    const others = all.filter((d) => !ours([d]).length);
    assert.ok(
      others.every((d) => !/incorrect type|not allowed|minimum|not accepted/i.test(d.message)),
      `VS Code checked the schema too: ${describe(others)}`,
    );
    // …and the grammar is VS Code's: the comment, both copies of the duplicate key, the trailing comma.
    assert.deepEqual(others.map(where).sort(), ['1:2-1:34', '5:2-5:8', '6:2-6:8', '7:40-7:41']);
    // Paperlab's quick fix still applies on VS Code's trailing-comma squiggle.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(7, 40, 7, 41),
    );
    assert.ok(
      actions.some((a) => a.title === 'Remove the trailing comma'),
      actions.map((a) => a.title).join(', '),
    );
  });

  test('JSON: an unknown paper id is reported once, by Paperlab with its did-you-mean', async () => {
    // The trailing comma is there to know when VS Code's JSON support has checked the file: its
    // schema check (when it had one) came in the same pass.
    const uri = workspaceUri('json-unknown-paper.exp.json');
    await openDoc('json-unknown-paper.exp.json');
    const all = await diagnosticsWhere(
      uri,
      (d) => hasCode('config/unknown-paper')(d) && d.some((x) => x.source === 'json'),
      "Paperlab's unknown-paper finding and VS Code's trailing comma",
    );
    assert.deepEqual(all.map((d) => `[${d.source ?? ''}] ${at(d)}`).sort(), [
      '[json] 519 2:11-2:12',
      '[paperlab] config/unknown-paper 1:11-1:26',
    ]);
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
