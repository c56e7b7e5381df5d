/**
 * Screenshots of the dashboard with a finished run, in VS Code's dark and light themes, rendered in
 * Chromium with the webview bundle, VS Code's theme variables and the same page and CSP as the panel.
 *
 *   node --import tsx scripts/screenshot-dashboard.ts <runs folder> [run id…] [--out docs/screenshots]
 *
 * Give a real runs folder (e.g. the one `paperlab run examples/lottery-ticket.exp.yaml` wrote). The
 * first run (or the ids given) is selected.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, openDashboard, THEMES } from '../test/unit/webview/harness';
import { RunSource } from '../src/host/dashboard/runSource';
import { paperKeySettings, paperView } from '../src/papers/view';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const out = path.resolve(outIdx >= 0 ? args[outIdx + 1] : 'docs/screenshots');
  const positional = outIdx >= 0 ? args.filter((_, i) => i !== outIdx && i !== outIdx + 1) : args;
  const [runsDir, ...ids] = positional;
  if (!runsDir) {
    console.error('usage: node --import tsx scripts/screenshot-dashboard.ts <runs folder> [run id…] [--out dir]');
    process.exit(2);
  }
  const source = new RunSource(path.resolve(runsDir), { paperView, keySettingsOf: paperKeySettings });
  await source.scan();
  const runs = source.runs();
  if (runs.length === 0) {
    console.error(`no runs in ${runsDir}`);
    process.exit(2);
  }
  const select = ids.length
    ? ids
    : [runs.sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt))[0].manifest.id];
  const snapshot = await source.snapshot(select, select);
  mkdirSync(out, { recursive: true });
  const browser = await launch();
  try {
    for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
      const d = await openDashboard(browser, { theme, width: 1500, height: Number(process.env.SHOT_HEIGHT ?? 1400) });
      await d.waitFor('ready');
      await d.send({ type: 'init', snapshot });
      await d.page.waitForFunction(() => (globalThis as any).__paperlab.drawn().length > 0);
      await d.page.waitForTimeout(300);
      const file = path.join(out, `dashboard-${theme}.png`);
      await d.page.screenshot({ path: file, fullPage: false });
      if (d.problems.length) console.error(`${theme}: ${d.problems.join('; ')}`);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      await d.page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
