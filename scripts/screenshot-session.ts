// A real VS Code window (VS Code server + Debian Chromium) with Paperlab loaded from this folder, for
// end-to-end screenshots. Reusable: scripts/screenshot-editor.ts uses it; a dashboard screenshot can
// open a session in the light and the dark theme, run a command and call shot().
//
//   const s = await openSession({ theme: 'dark', files: { 'a.exp.yaml': text } });
//   await s.openFile('a.exp.yaml'); await s.runCommand('Paperlab: Open Dashboard'); await s.shot('docs/screenshots/x.png');
//   await s.close();
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { onCleanup, removeAtCleanup, runCleanups } from '../test/vscode/harness/cleanup';
import { openWorkbench } from '../test/vscode/harness/browser';
import { repoRoot, startCodeServer } from '../test/vscode/harness/server';

export interface SessionOptions {
  theme: 'light' | 'dark';
  /** Folder copied as the workspace (e.g. examples/); optional. */
  copyFrom?: string;
  /** Files written into the workspace, relative path → text. */
  files?: Record<string, string>;
  /** Name the workspace folder shows in the Explorer. */
  folderName?: string;
  viewport?: { width: number; height: number };
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Skip `node esbuild.mjs` (the caller built already). */
  skipBuild?: boolean;
}

export interface Session {
  page: Page;
  folder: string;
  openFile(relative: string): Promise<void>;
  /** Runs a command palette entry by its title, e.g. "View: Toggle Problems". */
  runCommand(title: string): Promise<void>;
  /** Switches the color theme through its picker, by label ("Light Modern", "Dark Modern"). */
  pickColorTheme(label: string): Promise<void>;
  /** Waits until the active editor shows at least `min` squiggles of the given kinds. */
  waitForSquiggles(min?: number): Promise<void>;
  /** Hovers the mouse over the first editor token whose text is `token` and waits for the hover widget. */
  hoverToken(token: string, expectInHover?: RegExp): Promise<void>;
  shot(file: string): Promise<string>;
  close(): Promise<void>;
}

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
const THEME_LABELS = { light: 'Light Modern', dark: 'Dark Modern' };

export async function openSession(o: SessionOptions): Promise<Session> {
  // Screenshots show the code as it is now, not a stale dist/.
  if (!o.skipBuild && spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
    throw new Error('the build failed (node esbuild.mjs): fix it first');
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), 'paperlab-shot-'));
  removeAtCleanup(parent);
  const folder = path.join(parent, o.folderName ?? 'experiments');
  mkdirSync(folder, { recursive: true });
  if (o.copyFrom) cpSync(o.copyFrom, folder, { recursive: true });
  for (const [rel, text] of Object.entries(o.files ?? {})) {
    mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    writeFileSync(path.join(folder, rel), text);
  }
  const server = await startCodeServer({
    disableWorkspaceTrust: true,
    userSettings: {
      'workbench.colorTheme': THEMES[o.theme],
      'editor.fontSize': 15,
      'editor.minimap.enabled': false,
      'editor.hover.delay': 100,
      'editor.hover.sticky': true,
      'workbench.statusBar.visible': true,
      'window.commandCenter': false,
      'chat.commandCenter.enabled': false,
      'workbench.layoutControl.enabled': false,
      'breadcrumbs.enabled': false,
      ...o.settings,
    },
  });
  const wb = await openWorkbench({
    server,
    folder,
    extensionDevelopmentPath: repoRoot,
    viewport: o.viewport ?? { width: 1400, height: 900 },
    colorScheme: o.theme,
  });
  const page = wb.page;
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
  // The Explorer lists the folder once the remote file system is connected.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });

  const session: Session = {
    page,
    folder,
    async openFile(relative) {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
      await page.keyboard.type(relative);
      // Wait for the result list to show the file before accepting.
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(relative)}"]`, {
        timeout: 20000,
      });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tab[aria-label*="${path.basename(relative)}"]`, { timeout: 20000 });
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 20000 });
    },
    async runCommand(title) {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
      await page.keyboard.type(title);
      // Click the entry with this exact title: Enter would take whatever fuzzy match ranks first.
      await page
        .locator(`.quick-input-list .monaco-list-row[aria-label^=${JSON.stringify(title)}]`)
        .first()
        .click({ timeout: 20000 });
    },
    async pickColorTheme(label) {
      // The picker lists themes only once the built-in extensions are registered, a few seconds
      // after the window shows: reopen it until the theme is there.
      const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^=${JSON.stringify(label)}]`).first();
      const deadline = Date.now() + 60000;
      for (;;) {
        await session.runCommand('Preferences: Color Theme');
        await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
        await page.keyboard.type(label); // filter: the list is virtual, rows out of view do not exist
        try {
          await row.waitFor({ state: 'visible', timeout: 3000 });
          break;
        } catch (e) {
          await page.keyboard.press('Escape');
          if (Date.now() > deadline)
            throw new Error(`color theme "${label}" never appeared in the picker`, { cause: e });
        }
      }
      await row.click();
      await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 10000 });
      await page.waitForSelector(`.monaco-workbench.${label.startsWith('Dark') ? 'vs-dark' : 'vs'}`, {
        timeout: 10000,
      });
    },
    async waitForSquiggles(min = 1) {
      const selector = ['error', 'warning', 'info'].map((k) => `.editor-instance .squiggly-${k}`).join(', ');
      await page.waitForFunction(
        `document.querySelectorAll(${JSON.stringify(selector)}).length >= ${Number(min)}`,
        undefined,
        { timeout: 30000 },
      );
    },
    async hoverToken(token, expectInHover) {
      const span = page
        .locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${escape(token)}$`) })
        .first();
      const box = await span.boundingBox();
      if (!box) throw new Error(`token "${token}" is not visible in the editor`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page
        .locator('.monaco-hover:not(.hidden)')
        .filter({ hasText: expectInHover ?? token })
        .first();
      await hover.waitFor({ state: 'visible', timeout: 15000 });
      // The widget fades in: wait for its animation to end, or the shot catches it half transparent.
      type Animated = { getAnimations(o: { subtree: boolean }): { finished: Promise<unknown> }[] }; // no DOM lib here
      await hover.evaluate((el) =>
        Promise.all((el as unknown as Animated).getAnimations({ subtree: true }).map((a) => a.finished)),
      );
      await page.waitForFunction(
        `[...document.querySelectorAll('.monaco-hover:not(.hidden)')].every((e) => getComputedStyle(e).opacity === '1')`,
      );
    },
    async shot(file) {
      const out = path.resolve(repoRoot, file);
      mkdirSync(path.dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      return out;
    },
    async close() {
      await wb.close();
      await server.stop();
    },
  };
  onCleanup(() => session.close());
  // VS Code server's web workbench does not apply `workbench.colorTheme` from the settings file at
  // start (it stays on the built-in base theme), so the theme is picked the way a user would.
  await session.pickColorTheme(THEME_LABELS[o.theme]);
  return session;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs `main` and exits, tearing down every server, browser and temp folder on every path. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    async () => {
      await runCleanups();
      process.exit(0);
    },
    async (e) => {
      console.error(`screenshot failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      await runCleanups();
      process.exit(1);
    },
  );
}
