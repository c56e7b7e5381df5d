/**
 * A self-contained HTML report of some runs: the dashboard's own bundle and stylesheet inlined, the
 * runs' events inlined as JSON, a CSP that forbids every network request. One file a researcher can
 * send to a colleague. Free of `vscode`: used by `paperlab report` and by "Export Report".
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { RUN_FILES } from '../../core/runs/events';
import { readManifest, effectiveStatus } from '../../core/runs/folder';
import { dashboardPage } from '../../core/figures/page';
import type { DashboardSnapshot, PaperView, RunInfo } from '../../core/protocol/dashboard';
import type { RunEvent } from '../../core/runs/events';
import { keySettings, paperView, readMetricsFrom } from './runSource';

export interface ReportResult {
  html: string;
  runs: RunInfo[];
  /** Things the user should know (skipped folders, unreadable lines), in words. */
  warnings: string[];
}

/** A run folder, or a folder of run folders (e.g. `.paperlab/runs`), expanded to run folders. */
export function expandRunDirs(args: string[]): { dirs: string[]; warnings: string[] } {
  const dirs: string[] = [];
  const warnings: string[] = [];
  for (const a of args) {
    const dir = path.resolve(a);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      warnings.push(`${a}: not a folder, skipped`);
      continue;
    }
    if (existsSync(path.join(dir, RUN_FILES.manifest))) {
      dirs.push(dir);
      continue;
    }
    const children = readdirSync(dir)
      .map((c) => path.join(dir, c))
      .filter((c) => existsSync(path.join(c, RUN_FILES.manifest)))
      .sort();
    if (children.length === 0)
      warnings.push(`${a}: no ${RUN_FILES.manifest} here or in its subfolders, so not a run folder: skipped`);
    dirs.push(...children);
  }
  return { dirs: [...new Set(dirs)], warnings };
}

/** Where `dist/webview.js` and `media/dashboard.css` are: the extension's (or package's) root. */
export function findAssetRoot(start: string): string | undefined {
  for (let dir = start, i = 0; i < 6; dir = path.dirname(dir), i++) {
    if (existsSync(path.join(dir, 'dist', 'webview.js')) && existsSync(path.join(dir, 'media', 'dashboard.css')))
      return dir;
  }
  return undefined;
}

export function buildReport(runDirs: string[], assetRoot: string, title = 'Paperlab report'): ReportResult {
  const warnings: string[] = [];
  const runs: RunInfo[] = [];
  const events: Record<string, RunEvent[]> = {};
  const papers = new Map<string, PaperView>();
  for (const dir of runDirs) {
    const manifest = readManifest(dir);
    if (!manifest) {
      warnings.push(`${dir}: ${RUN_FILES.manifest} is missing or unreadable: skipped`);
      continue;
    }
    // Folder names are unique within one runs folder, not across several: keep ids distinct.
    let id = path.basename(dir);
    while (events[id]) id += '+';
    const status = effectiveStatus(manifest);
    let settings: Record<string, string> = {};
    try {
      settings = keySettings(JSON.parse(readFileSync(path.join(dir, RUN_FILES.config), 'utf8')));
    } catch {
      // A run without its config still draws; only the settings line is empty.
    }
    const read = readMetricsFrom(path.join(dir, RUN_FILES.metrics), 0);
    if (read.badLines)
      warnings.push(`${id}: ${read.badLines} line(s) of ${RUN_FILES.metrics} were not events and were skipped`);
    runs.push({ manifest: { ...manifest, id, status }, settings, live: false });
    events[id] = read.events;
    if (!papers.has(manifest.paper)) {
      const p = paperView(manifest.paper);
      if (p) papers.set(p.id, p);
      else
        warnings.push(
          `${id}: paper "${manifest.paper}" has no figures in this version of Paperlab: only its training curves are drawn`,
        );
    }
  }
  const snapshot: DashboardSnapshot = {
    runs,
    events,
    papers: [...papers.values()],
    select: runs.map((r) => r.manifest.id),
    origin: `Paperlab report of ${runs.length} run${runs.length === 1 ? '' : 's'}, written ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC. Self-contained: opens offline in any browser.`,
  };
  const html = dashboardPage({
    title,
    nonce: randomBytes(16).toString('base64'),
    style: { inline: readFileSync(path.join(assetRoot, 'media', 'dashboard.css'), 'utf8') },
    // The source map is not shipped in a report: drop the comment that points to it.
    script: {
      inline: readFileSync(path.join(assetRoot, 'dist', 'webview.js'), 'utf8').replace(
        /\n\/\/# sourceMappingURL=\S+\s*$/,
        '\n',
      ),
    },
    data: snapshot,
  });
  return { html, runs, warnings };
}
