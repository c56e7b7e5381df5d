/**
 * The experiments table (webview/experiments.ts) alone in Chromium, under the dashboard's strict CSP,
 * with 1,000 synthetic runs shaped like a lottery-ticket sweep (10 settings × 3 seeds per sweep,
 * summaries per density). Shared by its test and the dashboard benchmark.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { THEMES } from './harness';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

let bundle: Promise<string> | undefined;
function tableBundle(): Promise<string> {
  const entry = `import { ExperimentsTable, initialExperimentsState } from './webview/experiments';
window.__xp = {
  mount() {
    const el = document.getElementById('xp');
    window.__selected = [];
    window.__table = new ExperimentsTable(el, initialExperimentsState(), {
      onSelect: (ids, on) => { window.__selected.push({ ids, on }); },
      onState: () => {},
    });
  },
  render(runs, papers, selected) {
    const t0 = performance.now();
    window.__table.render(runs, papers, selected || []);
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)));
  },
};`;
  bundle ??= build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'xp-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export async function openTable(
  browser: Browser,
  theme: keyof typeof THEMES = 'dark',
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const t = THEMES[theme];
  const vars = Object.entries(t.vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  const nonce = 'xptest';
  await page.setContent(`<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">:root { ${vars} } body { background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }</style>
</head><body class="${t.bodyClass}"><div id="xp"></div></body></html>`);
  // Evaluated through the debugger protocol (a page script would need the nonce); the CSP still governs what the table does.
  await page.evaluate(await tableBundle());
  await page.evaluate(() => (globalThis as any).__xp.mount());
  return { page, problems };
}

export { syntheticTableRuns, lotteryFigures } from '../../support/tableRuns';
