/** "Paper" CodeLens / "Paperlab: Open Paper Page": the paper's page as a rendered Markdown preview. */
import * as vscode from 'vscode';
import { allPapers, getPaper, paperRegistry } from '../../papers';
import { paperPageMarkdown } from '../../papers/page';
import { lintText } from '../../core/config';
import { isExperimentDocument } from '../editor/documents';

export const PAPER_SCHEME = 'paperlab-paper';

export function registerPaperPages(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PAPER_SCHEME, {
    provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const paper = getPaper(id);
      return paper
        ? paperPageMarkdown(paper)
        : `# Unknown paper \`${id}\`\n\nKnown papers: ${allPapers()
            .map((p) => `\`${p.id}\``)
            .join(', ')}`;
    },
  });
}

export async function openPaperPage(paperId?: unknown): Promise<void> {
  let id = typeof paperId === 'string' ? paperId : undefined;
  if (!id) {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isExperimentDocument(doc))
      id = lintText(doc.getText(), doc.fileName, { papers: paperRegistry }).paper?.id;
  }
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      allPapers().map((p) => ({
        label: p.title,
        description: `${p.id} · tier ${p.tier}`,
        detail: p.summary,
        id: p.id,
      })),
      { title: 'Open the page of which paper?', matchOnDescription: true, matchOnDetail: true },
    );
    id = pick?.id;
  }
  if (!id) return;
  const uri = vscode.Uri.from({ scheme: PAPER_SCHEME, path: `/${id}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // Markdown preview disabled: the source is still readable.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}
