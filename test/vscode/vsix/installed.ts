// The packaged extension, alone (issue 11 §1): `npm run package` builds the VSIX on a fresh checkout;
// VS Code server installs it with `--install-extension` into an empty extensions dir; in a workspace
// outside the repository (no node_modules, no dist/ of ours anywhere near) a user runs "New
// Experiment from Paper…", makes the config tiny, runs it to `completed` and opens the dashboard.
// Driven through the workbench's own UI (keyboard, quick picks, the webview), as a user would; the
// files it writes are checked on disk. Each step is one test; a failed step stops the rest (skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openWorkbench } from '../harness/browser';
import { removeAtCleanup } from '../harness/cleanup';
import type { SuiteResult } from '../harness/mochaInHost';
import { repoRoot, startCodeServer } from '../harness/server';

const TINY = [
  'paper: lottery-ticket',
  'name: vsix tiny',
  'seed: 1',
  'data: { dataset: mnist, train: 300, val: 100, test: 100 }',
  'model: { hidden: [16] }',
  'train: { iterations: 30, eval_every: 3, batch_size: 20 }',
  'prune: { rounds: 1 }',
  'controls: [random_reinit]',
  '',
].join('\n');

async function until<T>(
  what: string,
  f: () => Promise<T | undefined | false> | T | undefined | false,
  ms: number,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs a command from the palette by its title, as a user types it. Right after the window opens the
 * extension host may still be scanning extensions (its commands are not listed yet): retry until the
 * command shows up.
 */
async function palette(page: Page, title: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > end) throw new Error(`the command palette never listed "${title}"`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

/** The frame of the dashboard webview, once it shows a run list. */
async function dashboardFrame(page: Page): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    try {
      if ((await f.locator('li.run').count()) > 0) return f;
    } catch {
      /* a frame going away */
    }
  }
  return undefined;
}

export async function runVsixSuite(o: { verbose: boolean; log: (line: string) => void }): Promise<SuiteResult> {
  const result: SuiteResult = { suite: 'vsix', passed: 0, failed: 0, skipped: 0, failures: [] };
  const home = mkdtempSync(path.join(os.tmpdir(), 'paperlab-vsix-'));
  removeAtCleanup(home);
  const vsix = path.join(home, 'paperlab.vsix');
  const ws = path.join(home, 'my research'); // not the repository, and a path with a space
  mkdirSync(ws);
  const runsDir = path.join(ws, '.paperlab', 'runs');
  const config = path.join(ws, 'lottery-ticket.exp.yaml');
  let page: Page | undefined;
  let stop: (() => Promise<void>) | undefined;
  let failed = false;

  const step = async (title: string, fn: () => Promise<void>) => {
    if (failed) {
      result.skipped++;
      o.log(`  - ${title} (skipped: an earlier step failed)`);
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      result.passed++;
      o.log(`  ✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed = true;
      result.failed++;
      const error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      result.failures.push({ title: `vsix ${title}`, error });
      o.log(`  ✗ ${title}: ${error}`);
      if (page) {
        const shot = path.join(repoRoot, 'test-results', 'vsix-failure.png');
        mkdirSync(path.dirname(shot), { recursive: true });
        await page.screenshot({ path: shot }).catch(() => undefined);
        o.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
      }
    }
  };

  o.log('installed VSIX in VS Code server');
  await step('npm run package builds the VSIX without a repository URL', async () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (r.status !== 0)
      throw new Error(
        `package.mjs exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`,
      );
    const mb = statSync(vsix).size / 2 ** 20;
    o.log(`    ${mb.toFixed(1)} MB`);
    // python3 is among the packages the tests need anyway (unzip is not).
    const list = spawnSync(
      'python3',
      ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix],
      { encoding: 'utf8' },
    ).stdout;
    for (const f of [
      'extension/dist/extension.js',
      'extension/dist/trainer.js',
      'extension/dist/mnist-package-v1.bin',
      'extension/dist/webview.js',
    ])
      if (!list.includes(f)) throw new Error(`${f} is not in the VSIX`);
    if (/node_modules\//.test(list)) throw new Error('the VSIX ships node_modules');
  });

  await step('code-server --install-extension installs it into an empty extensions dir', async () => {
    const server = await startCodeServer({
      disableWorkspaceTrust: true,
      installExtension: vsix,
      onOutput: o.verbose ? (l) => o.log(`    [server] ${l}`) : undefined,
    });
    const installed = readdirSync(server.extensionsDir).filter((d) => d.startsWith('paperlab.paperlab-'));
    if (installed.length !== 1) throw new Error(`extensions dir holds ${readdirSync(server.extensionsDir).join(', ')}`);
    const wb = await openWorkbench({ server, folder: ws });
    page = wb.page;
    stop = async () => {
      await wb.close();
      await server.stop();
    };
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  });

  await step('"New Experiment from Paper…" writes lottery-ticket.exp.yaml into the workspace', async () => {
    await palette(page!, 'Paperlab: New Experiment from Paper');
    const input = page!.locator('.quick-input-widget input');
    await page!.locator('.quick-input-widget', { hasText: 'New Experiment from Paper' }).waitFor({ timeout: 30_000 });
    await input.fill('lottery-ticket');
    await page!
      .locator('.quick-input-list .monaco-list-row', { hasText: 'The Lottery Ticket Hypothesis' })
      .first()
      .click({ timeout: 20_000 });
    await until('the new config on disk', () => existsSync(config), 30_000);
    if (!/^paper: lottery-ticket$/m.test(readFileSync(config, 'utf8')))
      throw new Error('the new file is not a lottery-ticket config');
    await page!.locator('.tab', { hasText: 'lottery-ticket.exp.yaml' }).first().waitFor({ timeout: 20_000 });
  });

  await step('a tiny version of it runs to completed', async () => {
    writeFileSync(config, TINY); // as a user would shrink it: the editor reloads the saved file
    await page!.locator('.view-lines', { hasText: 'vsix tiny' }).first().waitFor({ timeout: 30_000 });
    await page!
      .locator('.editor-group-container .tab.active', { hasText: 'lottery-ticket.exp.yaml' })
      .waitFor({ timeout: 10_000 });
    await palette(page!, 'Paperlab: Run Experiment');
    const status = await until(
      'the run to end',
      () => {
        if (!existsSync(runsDir)) return undefined;
        for (const d of readdirSync(runsDir)) {
          try {
            const m = JSON.parse(readFileSync(path.join(runsDir, d, 'manifest.json'), 'utf8'));
            if (m.status !== 'running' && m.status !== 'queued') return `${m.status}${m.reason ? `: ${m.reason}` : ''}`;
          } catch {
            /* being written */
          }
        }
        return undefined;
      },
      180_000,
    );
    if (status !== 'completed') throw new Error(`the run ended ${status}`);
    // The lens above the config stops saying "Stop (100% …)" once the run is over: a stale "Stop"
    // would invite a click that does nothing. The manifest is written just before the trainer
    // exits, so this waits a little for the exit and for VS Code to redraw the lens.
    const lenses = page!.locator('.editor-group-container .codelens-decoration');
    await until(
      'the config lens to offer Run again',
      async () => {
        const text = (await lenses.allInnerTexts()).join(' | ');
        return /\bRun\b/.test(text) && !/Stop \(/.test(text) ? text : undefined;
      },
      30_000,
    ).catch(async (err: unknown) => {
      const text = (await lenses.allInnerTexts().catch(() => [])).join(' | ');
      throw new Error(`${err instanceof Error ? err.message : String(err)}; the lens reads "${text}"`);
    });
  });

  await step('the dashboard opens and draws the run', async () => {
    await palette(page!, 'Paperlab: Open Dashboard');
    const frame = await until('the dashboard with its run list', () => dashboardFrame(page!), 60_000);
    // It opens on the latest run (the one just trained), so its charts are drawn without a click.
    await until('charts drawn for the run', async () => (await frame.locator('canvas').count()) > 0, 30_000);
    // Beside the editor the panel is narrow and folds the run list away; unfold it to see the run's status.
    const showRuns = frame.locator('button', { hasText: /Show runs/ });
    if (await showRuns.isVisible()) await showRuns.click();
    await frame.locator('li.run.status-completed', { hasText: 'vsix tiny' }).first().waitFor({ timeout: 20_000 });
    // What the user sees, kept for a look (test-results/ is not committed).
    await page!.screenshot({ path: path.join(repoRoot, 'test-results', 'vsix-dashboard.png') }).catch(() => undefined);
  });

  await stop?.();
  return result;
}
