// Opens the VS Code web workbench of a running server in Debian's Chromium through playwright-core
// (never a downloaded browser). Optionally loads our extension in development mode and runs a test
// module in the Node extension host, through the URL payload the workbench reads (the server's CLI
// rejects --extensionDevelopmentPath; see shared/notes/vscode-and-tfjs-facts.md).
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import type { RunningServer } from './server';

export const CHROMIUM_CANDIDATES = [
  process.env.PAPERLAB_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function findChromium(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found. Install it (Debian: apt-get install -y chromium) or set PAPERLAB_CHROMIUM to its path.',
    );
  return found;
}

export interface WorkbenchOptions {
  server: RunningServer;
  /** Absolute path of the folder to open. */
  folder: string;
  /** Absolute path of the extension under development (the repo). */
  extensionDevelopmentPath?: string;
  /** Absolute path of a bundled suite module exporting run(). */
  extensionTestsPath?: string;
  viewport?: { width: number; height: number };
  /** Called with the extension host's console output while tests run. */
  onLog?: (type: string, text: string) => void;
  /** Called with the suite's exit code (0 = pass). */
  onExit?: (code: number) => void;
  colorScheme?: 'light' | 'dark';
}

export interface Workbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(o: WorkbenchOptions): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    // Our cleanup closes the browser on signals; playwright's own handlers would exit the process
    // before the VS Code server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
  };
  onCleanup(close);
  const context = await browser.newContext({
    viewport: o.viewport ?? { width: 1400, height: 900 },
    colorScheme: o.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  if (o.onExit) {
    const onExit = o.onExit;
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(Number(code)));
  }
  if (o.onLog) {
    const onLog = o.onLog;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) =>
      onLog(String(type), formatArgs(args)),
    );
  }
  const remote = (p: string) => `vscode-remote://${o.server.authority}${p}`;
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  const url = `${o.server.origin}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  return { browser, page, close };
}

// The extension host forwards console calls as (format, ...args), e.g. mocha's "%d passing (%s)".
function formatArgs(args: unknown[]): string {
  if (!Array.isArray(args)) return String(args);
  return format(...args);
}
