// What a researcher does first: "New Experiment from Paper…", the CodeLens at the top of a config,
// the paper's page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { existsSync, readdirSync } from 'node:fs';
import {
  activated,
  captureMessages,
  codeOf,
  diagnosticsWhere,
  lensTitles,
  lenses,
  openDoc,
  ours,
  withTimeout,
  workspaceUri,
} from './util';
import { ui, uiAvailable } from './ui';

/** "Run", with the time estimate once the runs folder has been read ("Run (~3 min)"). */
const RUN = /^\$\(play\) Run( \(~\d+(\.\d)? (s|min|h)\))?$/;

/** Resolves once the quick input is showing and its list has stopped changing for a moment. */
const QUICK_PICK_SETTLED = `new Promise((resolve) => {
  let last = '', since = Date.now();
  const t = setInterval(() => {
    const w = document.querySelector('.quick-input-widget');
    const shown = w && w.style.display !== 'none';
    const rows = shown ? [...w.querySelectorAll('.monaco-list-row')].map((r) => r.getAttribute('aria-label')).join('|') : '';
    if (rows !== last) { last = rows; since = Date.now(); }
    else if (shown && rows && Date.now() - since > 400) { clearInterval(t); resolve(rows.split('|')); }
  }, 50);
})`;

suite('workflow', () => {
  suiteSetup(async () => {
    await activated();
  });

  test('"New Experiment from Paper…": typing "lottery", Enter writes the Lottery Ticket example, which lints clean', async function () {
    // The user's hands on the real picker: the UI bridge types into it (VS Code server runner).
    if (!uiAvailable()) this.skip();
    this.timeout(60_000);
    const created = vscode.commands.executeCommand<vscode.Uri>(Commands.newExperiment);
    const listed = await ui<string[]>({ action: 'workbench', script: QUICK_PICK_SETTLED });
    assert.ok(
      listed.some((l) => /Tier A: reproduces in minutes on a laptop/.test(l)),
      `each paper says what its tier means: ${listed.slice(0, 2).join(' | ')}`,
    );
    await ui({ action: 'keys', text: 'lottery' });
    const ranked = await ui<string[]>({ action: 'workbench', script: QUICK_PICK_SETTLED });
    await ui({ action: 'keys', keys: ['Enter'] });
    const result = await withTimeout(Promise.resolve(created), 15_000, 'the new file');
    assert.ok(result, `the command returns the new file (the list read: ${ranked.slice(0, 3).join(' | ')})`);
    // The workspace already has lottery-ticket.exp.yaml: it must not be overwritten.
    assert.equal(result.toString(), workspaceUri('lottery-ticket-2.exp.yaml').toString());
    const doc = await vscode.workspace.openTextDocument(result);
    assert.match(doc.getText(), /^paper: lottery-ticket$/m, `Enter took the first entry: ${ranked[0]}`);
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
    // A paper without a recipe: every catalog paper now has at least a schema, so its lens is the
    // schema-only one (next test); the catalog-only branch is covered by the unit tests' test registry.
  });

  test('a schema-only paper: the CodeLens and Run say which blocks it needs, even with errors, and start nothing', async () => {
    const expected =
      "Paperlab checks this paper's configs but cannot train it yet: it needs SEMI (a semi-supervised loop (labelled + unlabelled batches, pseudo-labels, augmentations, masking)).";
    for (const file of ['schema-only.exp.yaml', 'schema-only-broken.exp.yaml']) {
      const uri = workspaceUri(file);
      await openDoc(file);
      if (file.includes('broken'))
        await diagnosticsWhere(uri, (x) => ours(x).some((y) => codeOf(y) === 'shrinkmatch/threshold-too-low'));
      const lens = (await lenses(uri))[0];
      assert.equal(lens.command?.title, '$(circle-slash) Run: cannot train this paper yet (needs SEMI)', file);
      assert.equal(lens.command?.tooltip, expected);
      assert.equal(lens.command?.command, Commands.runExperiment, 'clicking it runs Run, which says it in full');
      const { result, messages } = await captureMessages(() =>
        vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])),
      );
      assert.equal(result, undefined, 'no run was started');
      assert.deepEqual(
        messages.map((m) => `${m.kind}: ${m.text}`),
        [`showInformationMessage: Paperlab: ${expected}`],
      );
    }
    assert.ok(
      !existsSync(workspaceUri('.paperlab/runs').fsPath) ||
        !readdirSync(workspaceUri('.paperlab/runs').fsPath).some((d) => /schema-only/.test(d)),
    );
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

  test("findings link the paper's page inside VS Code, not files of Paperlab's repository", async () => {
    const uri = workspaceUri('schema-only-broken.exp.yaml');
    await openDoc('schema-only-broken.exp.yaml');
    const d = (
      await diagnosticsWhere(uri, (x) => ours(x).some((y) => codeOf(y) === 'shrinkmatch/threshold-too-low'))
    ).find((y) => codeOf(y) === 'shrinkmatch/threshold-too-low')!;
    assert.doesNotMatch(d.message, /CATALOG\.md|reproductions\.md/, d.message);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.target?.scheme, 'command', 'the code is a link');
    assert.equal(code.target.path, Commands.openPaper);
    // Following the link opens the paper's page.
    const isPage = (t: vscode.Tab) => /\.md\b/.test(t.label) || /Preview/.test(t.label);
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.some(isPage) && (sub.dispose(), resolve()));
    });
    const args = JSON.parse(decodeURIComponent(code.target.query));
    await vscode.commands.executeCommand(code.target.path, ...args);
    await withTimeout(opened, 15000, 'the paper page tab');
  });
});
