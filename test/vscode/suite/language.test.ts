// Completion and hover through VS Code's own provider commands, as the editor would ask for them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, lensTitles, openDoc, positionOf, workspaceUri } from './util';

function label(i: vscode.CompletionItem): string {
  return typeof i.label === 'string' ? i.label : i.label.label;
}

async function completionsAt(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    pos,
  );
  return list?.items ?? [];
}

/** Our items in the order the editor sorts them (sortText, then label). */
function ranked(items: vscode.CompletionItem[], kind: vscode.CompletionItemKind): string[] {
  return items
    .filter((i) => i.kind === kind)
    .sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)))
    .map(label);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** A scratch config in the test workspace (a real file, so it has the *.exp.yaml name). */
async function scratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await openDoc(name);
  return uri;
}

suite('completion and hover', () => {
  suiteSetup(async () => {
    await activated();
  });

  test("enum values of a key, the paper's default first", async () => {
    const uri = workspaceUri('lottery-ticket.exp.yaml');
    const { doc } = await openDoc('lottery-ticket.exp.yaml');
    const items = await completionsAt(uri, positionOf(doc, 'optimizer: adam', 'optimizer: '.length));
    const values = ranked(items, vscode.CompletionItemKind.Value);
    assert.deepEqual([...values].sort(), ['adam', 'adamw', 'sgd']);
    assert.equal(values[0], 'adam', `the paper's optimizer comes first: ${values.join(', ')}`);
    const datasets = ranked(
      await completionsAt(uri, positionOf(doc, 'dataset: mnist', 'dataset: '.length)),
      vscode.CompletionItemKind.Value,
    );
    assert.ok(datasets.includes('mnist') && datasets.includes('fashion-mnist'), datasets.join(', '));
  });

  test('keys of a block, and the top-level blocks of the paper', async () => {
    const uri = await scratch('scratch-keys.exp.yaml', 'paper: lottery-ticket\ntrain:\n  \n\n');
    const keys = ranked(await completionsAt(uri, new vscode.Position(2, 2)), vscode.CompletionItemKind.Property);
    for (const k of ['optimizer', 'lr', 'batch_size', 'iterations'])
      assert.ok(keys.includes(k), `train.${k} offered: ${keys.join(', ')}`);
    const top = ranked(await completionsAt(uri, new vscode.Position(3, 0)), vscode.CompletionItemKind.Property);
    for (const k of ['data', 'model', 'prune', 'controls'])
      assert.ok(top.includes(k), `${k} offered at the top level: ${top.join(', ')}`);
    assert.ok(!top.includes('train'), 'a key already present is not offered again');
  });

  test('paper ids complete after `paper:`', async () => {
    const uri = await scratch('scratch-paper.exp.yaml', 'paper: \n');
    const papers = ranked(await completionsAt(uri, new vscode.Position(0, 7)), vscode.CompletionItemKind.Reference);
    assert.ok(papers.includes('lottery-ticket') && papers.includes('random-pruning'), papers.slice(0, 10).join(', '));
  });

  test("hover on a key: meaning, legal range, default and the paper's own value with its source", async () => {
    const uri = workspaceUri('lottery-ticket.exp.yaml');
    const { doc } = await openDoc('lottery-ticket.exp.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      positionOf(doc, 'rewind_to', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /prune\.rewind_to/);
    assert.match(text, /Legal/);
    assert.match(text, /Default/);
    assert.match(text, /Frankle & Carbin 2019, §2/);
  });

  test('a config named in capitals (Capitals.EXP.YAML) gets completion, hover and the Run lens too', async () => {
    // Its diagnostics always came (they test the name in any case); the providers' glob matched only
    // lower case, so this file had no completion, hover or Run lens before.
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('lottery-ticket.exp.yaml')));
    const uri = await scratch('Capitals.EXP.YAML', text);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const values = ranked(
        await completionsAt(uri, positionOf(doc, 'optimizer: adam', 'optimizer: '.length)),
        vscode.CompletionItemKind.Value,
      );
      assert.ok(values.includes('adam') && values.includes('sgd'), values.join(', '));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        positionOf(doc, 'rewind_to', 3),
      );
      assert.match(hoverText(hovers), /prune\.rewind_to/);
      const titles = await lensTitles(uri);
      assert.ok(
        titles.some((t) => /Run/.test(t)),
        `lenses: ${titles.join(', ')}`,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('completion and hover also work in JSON configs', async () => {
    const uri = workspaceUri('rewind-after-end.exp.json');
    const { doc } = await openDoc('rewind-after-end.exp.json');
    const values = ranked(
      await completionsAt(uri, positionOf(doc, '"optimizer": "adam"', '"optimizer": "'.length)),
      vscode.CompletionItemKind.Value,
    );
    assert.ok(values.includes('adam') && values.includes('sgd'), values.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      positionOf(doc, '"batch_size"', 2),
    );
    assert.match(hoverText(hovers), /train\.batch_size/);
  });
});
