/**
 * Screenshots of the dashboard page alone (Chromium, the webview's test build, VS Code's theme
 * variables, the panel's page and CSP), at several widths in both themes: to look at the layout from
 * a narrow panel beside the editor to a wide one. (The README's screenshots are taken in a real
 * VS Code window at the panel's default size: scripts/screenshot-readme.ts.)
 *
 *   node --import tsx scripts/screenshot-dashboard.ts <runs folder> [run id…] [--widths 400,600,1200]
 *        [--height 900] [--out test-results/screenshots]
 *
 * Give a real runs folder (e.g. the one `paperlab run examples/lottery-ticket.exp.yaml` wrote). The
 * newest run (or the ids given) is selected. Writes dashboard-<width>-<theme>.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, openDashboard, THEMES } from '../test/unit/webview/harness';
import { RunSource } from '../src/host/dashboard/runSource';
import { paperKeySettings, paperSettingSpec, paperView } from '../src/papers/view';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = path.resolve(option(args, '--out') ?? 'test-results/screenshots');
  const widths = (option(args, '--widths') ?? '400,600,1200').split(',').map(Number);
  const height = Number(option(args, '--height') ?? 900);
  const [runsDir, ...ids] = args;
  if (!runsDir) {
    console.error('usage: node --import tsx scripts/screenshot-dashboard.ts <runs folder> [run id…] [--widths …]');
    process.exit(2);
  }
  const source = new RunSource(path.resolve(runsDir), {
    paperView,
    keySettingsOf: paperKeySettings,
    paperSettingOf: paperSettingSpec, // as the extension passes it: the header compares the runs with the paper
  });
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
    for (const width of widths)
      for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
        const d = await openDashboard(browser, { theme, width, height });
        await d.waitFor('ready');
        await d.send({ type: 'init', snapshot });
        // Every card drawn (the probe of the test build), then a frame for the canvas.
        await d.page.waitForFunction(() => {
          const p = (globalThis as any).__paperlabProbe;
          return p.charts().length > 0 && p.pending === 0;
        });
        await d.page.waitForTimeout(300);
        const file = path.join(out, `dashboard-${width}-${theme}.png`);
        await d.page.screenshot({ path: file, fullPage: false });
        if (d.problems.length) console.error(`${theme} ${width}: ${d.problems.join('; ')}`);
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
        await d.page.close();
      }
  } finally {
    await browser.close();
  }
}

void main();
