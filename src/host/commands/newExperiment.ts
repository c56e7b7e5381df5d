/**
 * "Paperlab: New Experiment from Paper…": pick a paper, get `<id>.exp.yaml` filled with the paper's
 * own setting (its example config, with comments), opened in the editor. Each entry is labelled with
 * the paper's id (what `paper:` takes), so VS Code's own ranking, which favours label matches, puts an
 * id the user types first; the rest follow paperRanking.ts (title words first). Each entry says its
 * tier in words.
 */
import * as vscode from 'vscode';
import { allPapers } from '../../papers';
import { isImplemented, type PaperEntry, type Tier } from '../../core/paper/types';
import { rankPapers } from './paperRanking';
import { missingBlocks, paperStatus, type PaperStatus } from '../../core/paper/blocks';

/** Papers that run first, then those whose configs are checked (schema only), then the catalog's. */
const GROUP_ORDER: Record<PaperStatus, number> = { runs: 0, 'schema-only': 1000, 'catalog-only': 2000 };

function statusNote(p: PaperEntry): string {
  const status = paperStatus(p);
  if (status === 'schema-only') return ` (configs checked; cannot train yet: needs ${missingBlocks(p).join(', ')})`;
  return status === 'catalog-only' ? ' (lint only for now)' : '';
}

/** A tier in a few words, for the picker (the paper page says it in full). */
export const TIER_SHORT: Record<Tier, string> = {
  A: 'reproduces in minutes on a laptop',
  B: 'a toy version runs on a laptop',
  C: 'lints; the method runs on a small stand-in',
};

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

function itemsFor(query: string): PaperPick[] {
  const papers = allPapers().map((p, i) => ({ ...p, order: GROUP_ORDER[paperStatus(p)] + i, entry: p }));
  const item = (p: (typeof papers)[number]): PaperPick => ({
    label: p.id,
    description: p.title,
    detail: `Tier ${p.tier}: ${TIER_SHORT[p.tier]}${statusNote(p.entry)}. ${p.summary}`,
    paper: p.entry,
  });
  if (query.trim()) return rankPapers(papers, query).map(item);
  const group = (status: PaperStatus) => papers.filter((p) => paperStatus(p.entry) === status).map(item);
  return [
    { label: 'Ready to run', kind: vscode.QuickPickItemKind.Separator },
    ...group('runs'),
    { label: "Configs checked against the paper's schema; cannot train yet", kind: vscode.QuickPickItemKind.Separator },
    ...group('schema-only'),
    { label: 'Lint only for now (no schema or recipe yet)', kind: vscode.QuickPickItemKind.Separator },
    ...group('catalog-only'),
  ];
}

async function pickPaper(): Promise<PaperEntry | undefined> {
  const qp = vscode.window.createQuickPick<PaperPick>();
  qp.title = 'New Experiment from Paper';
  qp.placeholder = 'Which paper do you want to reproduce? (type its id or words of its title)';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = itemsFor('');
  return new Promise((resolve) => {
    const subs = [
      qp.onDidChangeValue((v) => (qp.items = itemsFor(v))),
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0]?.paper ?? qp.activeItems[0]?.paper);
        qp.hide();
      }),
      qp.onDidHide(() => {
        resolve(undefined);
        for (const s of subs) s.dispose();
        qp.dispose();
      }),
    ];
    qp.show();
  });
}

export async function newExperiment(): Promise<vscode.Uri | undefined> {
  const paper = await pickPaper();
  if (!paper) return undefined;
  const content = skeletonFor(paper);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = await freeName(folder.uri, paper.id);
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
