/**
 * A self-contained HTML report of some runs: the dashboard's own bundle and stylesheet inlined, the
 * runs' events inlined as JSON, a CSP that forbids every network request. One file a researcher can
 * send to a colleague. Used by `paperlab report` and by the extension's "Export Report"; free of
 * `vscode` and of the paper registry (the caller passes `paperView`).
 *
 * A run folder that cannot be read (a manifest with wrong field types, a metrics log that is a FIFO,
 * a folder or larger than the reader's limit) is skipped with a warning naming it; the others are
 * drawn. Long runs are thinned as they are read (thin.ts), so memory stays bounded. Host names, pids
 * and absolute paths stay out of the page unless `includeHost` is set.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { RUN_FILES, type RunEvent, type RunManifest } from '../runs/events';
import { effectiveStatus } from '../runs/folder';
import { loadManifest } from '../runs/manifest';
import { readMetricsAsync } from '../runs/metrics';
import { readKeySettings, readPaperSetting, type KeySettingsOf } from '../runs/settings';
import { childDirsSync, fileIdentitySync } from '../files/walk';
import { dashboardPage } from '../figures/page';
import { EventThinner } from './thin';
import type { DashboardSnapshot, PaperView, RunInfo } from '../protocol/dashboard';

export interface ReportResult {
  html: string;
  runs: RunInfo[];
  /** Things the user should know (skipped folders, unreadable lines, thinned runs), in words. */
  warnings: string[];
}

/** The dashboard's bundle and stylesheet, inlined into the page. */
export interface ReportAssets {
  script: string;
  style: string;
}

export interface ReportOptions {
  assets: ReportAssets;
  paperView: (paperId: string) => PaperView | undefined;
  /** The settings each paper shows beside a run (its definition's `keySettings`). */
  keySettingsOf?: KeySettingsOf;
  /** The keys each paper states its own value for (`paperSetting`, by dotted path), read from each run's config. */
  paperSettingOf?: KeySettingsOf;
  title?: string;
  /** Keep host names, pids and absolute paths of the config files (off: the report is often shared). */
  includeHost?: boolean;
  /** Metric events kept per series (thinned evenly beyond). */
  pointsPerSeries?: number;
}

/** More points than a chart's width in pixels several times over: thinning beyond this is invisible. */
export const DEFAULT_POINTS_PER_SERIES = 4000;

/** A run folder, or a folder of run folders (e.g. `.paperlab/runs`), expanded to run folders, each once. */
export function expandRunDirs(args: string[], cwd = process.cwd()): { dirs: string[]; warnings: string[] } {
  const dirs: string[] = [];
  const seen = new Set<string>();
  const warnings: string[] = [];
  const add = (dir: string) => {
    const id = fileIdentitySync(dir);
    if (!id || seen.has(id)) return;
    seen.add(id);
    dirs.push(dir);
  };
  for (const a of args) {
    const dir = path.resolve(cwd, a);
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      warnings.push(`${a}: not a folder, skipped`);
      continue;
    }
    if (existsSync(path.join(dir, RUN_FILES.manifest))) {
      add(dir);
      continue;
    }
    const children = childDirsSync(dir).filter((c) => existsSync(path.join(c.path, RUN_FILES.manifest)));
    if (children.length === 0)
      warnings.push(`${a}: no ${RUN_FILES.manifest} here or in its subfolders, so not a run folder: skipped`);
    for (const c of children) add(c.path);
  }
  return { dirs, warnings };
}

/**
 * Where the dashboard's bundle and stylesheet are: beside the running bundle (a copy of `dist/`, the
 * installed extension's `dist/`), or in a checkout (`dist/webview.js` + `media/dashboard.css`).
 */
export function findReportAssets(start: string): ReportAssets | undefined {
  for (let dir = start, i = 0; i < 6; dir = path.dirname(dir), i++) {
    const flat = { script: path.join(dir, 'webview.js'), style: path.join(dir, 'dashboard.css') };
    if (existsSync(flat.script) && existsSync(flat.style)) return flat;
    const tree = { script: path.join(dir, 'dist', 'webview.js'), style: path.join(dir, 'media', 'dashboard.css') };
    if (existsSync(tree.script) && existsSync(tree.style)) return tree;
  }
  return undefined;
}

/** The manifest as the report shows it: without host, pid and absolute paths unless asked. */
function shareable(m: RunManifest, includeHost: boolean): RunManifest {
  if (includeHost) return m;
  const { host: _host, pid: _pid, ...rest } = m;
  const out: RunManifest = { ...rest };
  if (m.sourceConfig) out.sourceConfig = path.basename(m.sourceConfig);
  if (m.reason) out.reason = redactPaths(m.reason);
  return out;
}

/** Absolute paths in free text (a reason like "data.path /home/ana/data does not exist") → their base names. */
function redactPaths(text: string): string {
  const home = os.homedir();
  const noHome = home && home !== '/' ? text.split(home).join('~') : text;
  return noHome.replace(/(^|[\s'"`(])\/(?:[^\s'"`)/]+\/)+([^\s'"`)/]*)/g, (_m, pre, base) => `${pre}…/${base}`);
}

/**
 * Reads the runs and writes the page. Asynchronous, a chunk at a time: in the extension host ("Export
 * Report") a long run's log must not freeze the editor while it is read.
 */
export async function buildReport(runDirs: string[], opts: ReportOptions): Promise<ReportResult> {
  const warnings: string[] = [];
  const runs: RunInfo[] = [];
  const events: Record<string, RunEvent[]> = {};
  const papers = new Map<string, PaperView>();
  const perSeries = opts.pointsPerSeries ?? DEFAULT_POINTS_PER_SERIES;
  for (const dir of runDirs) {
    const name = path.basename(dir);
    const read = await loadManifest(dir);
    if (!read.ok) {
      warnings.push(`${name}: ${RUN_FILES.manifest} ${read.problem.message}: skipped`);
      continue;
    }
    const manifest = read.manifest;
    const thinner = new EventThinner(perSeries);
    const metrics = await readMetricsAsync(path.join(dir, RUN_FILES.metrics), 0, { onEvent: thinner.add });
    if (metrics.problem && metrics.problem.kind !== 'missing') {
      warnings.push(`${name}: ${RUN_FILES.metrics} ${metrics.problem.message}: skipped`);
      continue;
    }
    // Folder names are unique within one runs folder, not across several: keep ids distinct.
    let id = name;
    while (events[id]) id += '+';
    if (metrics.problem) warnings.push(`${id}: no ${RUN_FILES.metrics} yet: only its settings are listed`);
    if (metrics.badLines)
      warnings.push(`${id}: ${metrics.badLines} line(s) of ${RUN_FILES.metrics} were not events and were skipped`);
    if (thinner.thinned)
      warnings.push(
        `${id}: ${thinner.totalMetricEvents.toLocaleString('en-US')} points thinned evenly to at most ${perSeries.toLocaleString('en-US')} per series for the report (the run folder keeps them all)`,
      );
    const status = effectiveStatus(manifest);
    runs.push({
      manifest: shareable({ ...manifest, id, status }, !!opts.includeHost),
      settings: await readKeySettings(dir, opts.keySettingsOf?.(manifest.paper)),
      setting: await readPaperSetting(dir, opts.paperSettingOf?.(manifest.paper)),
      live: false,
    });
    events[id] = thinner.events();
    if (!papers.has(manifest.paper)) {
      const p = opts.paperView(manifest.paper);
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
    title: opts.title ?? 'Paperlab report',
    nonce: randomBytes(16).toString('base64'),
    style: { inline: await readFile(opts.assets.style, 'utf8') },
    // The source map is not shipped in a report: drop the comment that points to it.
    script: { inline: (await readFile(opts.assets.script, 'utf8')).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n') },
    data: snapshot,
  });
  return { html, runs, warnings };
}
