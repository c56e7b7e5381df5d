// What a researcher does first: "New Experiment from Paper…", the CodeLens at the top of a config,
// the paper's page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { activated, codeOf, diagnosticsWhere, openDoc, ours, withTimeout, workspaceUri } from './util';

export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await lenses(uri)).map((l) => l.command?.title ?? '');
}

/** "Run", with the time estimate once the runs folder has been read ("Run (~3 min)"). */
const RUN = /^\$\(play\) Run( \(~\d+(\.\d)? (s|min|h)\))?$/;

/** Answers the next showQuickPick with the first item `choose` accepts (the test's hand on the picker). */
async function pickingWith<T>(
  choose: (item: vscode.QuickPickItem) => boolean,
  fn: () => Thenable<T>,
): Promise<{ result: T; offered: string[] }> {
  const win = vscode.window as unknown as { showQuickPick: (items: unknown, ...rest: unknown[]) => Thenable<unknown> };
  const saved = win.showQuickPick;
  const offered: string[] = [];
  win.showQuickPick = async (items: unknown) => {
    const list = (await items) as vscode.QuickPickItem[];
    offered.push(...list.map((i) => i.label));
    return list.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && choose(i));
  };
  try {
    return { result: await fn(), offered };
  } finally {
    win.showQuickPick = saved;
  }
}

suite('workflow', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('"New Experiment from Paper…" writes the paper\'s example config, which lints clean', async () => {
    const { result, offered } = await pickingWith(
      (i) => (i.description ?? '').startsWith('lottery-ticket '),
      () => vscode.commands.executeCommand<vscode.Uri>(Commands.newExperiment),
    );
    assert.ok(
      offered.some((l) => /Lottery Ticket/i.test(l)),
      `the picker lists the papers: ${offered.slice(0, 5).join(' | ')}`,
    );
    assert.ok(result, 'the command returns the new file');
    // The workspace already has lottery-ticket.exp.yaml: it must not be overwritten.
    assert.equal(result.toString(), workspaceUri('lottery-ticket-2.exp.yaml').toString());
    const doc = await vscode.workspace.openTextDocument(result);
    assert.match(doc.getText(), /^paper: lottery-ticket$/m);
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      result.toString(),
      'the new config is opened',
    );
    // The CodeLens lints the current version if it has not been yet, so after it the diagnostics are
    // there too (a clean file may never fire a diagnostics event to wait on).
    assert.ok(
      (await lensTitles(result)).some((t) => RUN.test(t)),
      'Run is offered: no errors',
    );
    const d = ours(vscode.languages.getDiagnostics(result)).filter(
      (x) => x.severity <= vscode.DiagnosticSeverity.Warning,
    );
    assert.deepEqual(d.map(codeOf), [], 'the example has no errors or warnings');
  });

  test('the CodeLens offers Run on a clean config and says what to fix on a broken one', async () => {
    const clean = workspaceUri('lottery-ticket.exp.yaml');
    await openDoc('lottery-ticket.exp.yaml');
    const titles = await lensTitles(clean);
    assert.match(titles[0], RUN);
    assert.equal(titles[1], '$(graph-line) Dashboard');
    assert.ok(
      titles.some((t) => /^\$\(book\) Paper: The Lottery Ticket Hypothesis/.test(t)),
      titles.join(' | '),
    );
    const broken = workspaceUri('rewind-after-end.exp.yaml');
    await openDoc('rewind-after-end.exp.yaml');
    await diagnosticsWhere(broken, (x) => ours(x).some((y) => codeOf(y) === 'lottery-ticket/rewind-after-end'));
    assert.equal((await lensTitles(broken))[0], '$(error) Run: fix 1 error first');
    const noRecipe = workspaceUri('no-recipe.exp.yaml');
    await openDoc('no-recipe.exp.yaml');
    await diagnosticsWhere(noRecipe, (x) => ours(x).some((y) => codeOf(y) === 'config/schema-not-available'));
    assert.equal((await lensTitles(noRecipe))[0], '$(circle-slash) Run: no recipe for this paper yet');
  });

  test('the CodeLens says how long the run will take here, and on what the estimate rests', async () => {
    const clean = workspaceUri('lottery-ticket.exp.yaml');
    await openDoc('lottery-ticket.exp.yaml');
    // The runs folder is read in the background; the lens is asked again when it lands. Poll the
    // provider (no event reaches a test) until the estimate is there, at most 10 s.
    let run: vscode.CodeLens | undefined;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      run = (await lenses(clean)).find((l) => /^\$\(play\) Run \(~/.test(l.command?.title ?? ''));
      if (run) break;
    }
    assert.ok(run, 'an estimate appears on Run');
    assert.match(run.command!.title, RUN);
    assert.match(run.command!.tooltip ?? '', /No finished runs here yet|median speed of \d+ past runs?/);
  });

  test("the paper page opens beside the config, with the paper's title and claims", async () => {
    const isPage = (t: vscode.Tab) => /lottery-ticket/.test(t.label);
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.opened.some(isPage)) (sub.dispose(), resolve());
      });
    });
    await vscode.commands.executeCommand(Commands.openPaper, 'lottery-ticket');
    await withTimeout(opened, 15000, 'the paper page tab');
    const text = (
      await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'paperlab-paper', path: '/lottery-ticket.md' }))
    ).getText();
    assert.match(text, /Lottery Ticket Hypothesis/);
    assert.match(text, /Frankle/);
  });
});
