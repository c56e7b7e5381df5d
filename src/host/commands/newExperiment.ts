/**
 * "Paperlab: New Experiment from Paper…": pick a paper, get `<id>.exp.yaml` filled with the paper's
 * own setting (its example config, with comments), opened in the editor.
 */
import * as vscode from 'vscode';
import { allPapers } from '../../papers';
import { isImplemented, type PaperEntry } from '../../core/paper/types';

interface PaperPick extends vscode.QuickPickItem {
  paper?: PaperEntry;
}

export function skeletonFor(p: PaperEntry): string {
  if (isImplemented(p)) return p.exampleYaml;
  return [
    `# ${p.title}`,
    '# Paperlab knows this paper but has no schema or recipe for it yet: this config is parsed,',
    '# not validated, and cannot run. See the README ("Add a paper") to add one.',
    `paper: ${p.id}`,
    `name: ${p.id} first try`,
    'seed: 1',
    '',
  ].join('\n');
}

export async function newExperiment(): Promise<vscode.Uri | undefined> {
  const papers = allPapers();
  const ready = papers.filter(isImplemented);
  const later = papers.filter((p) => !isImplemented(p));
  const item = (p: PaperEntry): PaperPick => ({
    label: p.title,
    description: `${p.id} · tier ${p.tier}`,
    detail: p.summary,
    paper: p,
  });
  const items: PaperPick[] = [
    { label: 'Ready to run', kind: vscode.QuickPickItemKind.Separator },
    ...ready.map(item),
    { label: 'Lint only for now (no schema or recipe yet)', kind: vscode.QuickPickItemKind.Separator },
    ...later.map(item),
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: 'New Experiment from Paper',
    placeHolder: 'Which paper do you want to reproduce?',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick?.paper) return undefined;
  const content = skeletonFor(pick.paper);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = await freeName(folder.uri, pick.paper.id);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** `<id>.exp.yaml`, or `<id>-2.exp.yaml`, … — never overwrite a researcher's file. */
async function freeName(dir: vscode.Uri, id: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(dir, i === 1 ? `${id}.exp.yaml` : `${id}-${i}.exp.yaml`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
