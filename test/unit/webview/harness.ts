/**
 * Loads the dashboard bundle in Debian's Chromium (playwright-core, no browser download) inside the
 * same page the panel and the report use (strict CSP, nonce), with a fake `acquireVsCodeApi` that
 * records what the webview posts, and VS Code's theme variables for a dark or a light theme.
 * Shared by the webview tests, the benchmark and the screenshot script.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dashboardPage } from '../../../src/core/figures/page';
import type { DashboardSnapshot, HostToWebview, WebviewToHost } from '../../../src/core/protocol/dashboard';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A subset of VS Code's own theme colours (Dark Modern / Light Modern), as webviews receive them. */
export const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
      '--vscode-font-size': '13px',
      '--vscode-foreground': '#cccccc',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-list-inactiveSelectionBackground': '#37373d',
      '--vscode-list-hoverBackground': '#2a2d2e',
      '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-secondaryHoverBackground': '#3c3c3c',
      '--vscode-button-border': '#ffffff12',
      '--vscode-editorWarning-foreground': '#cca700',
      '--vscode-errorForeground': '#f85149',
      '--vscode-testing-iconPassed': '#73c991',
      '--vscode-textBlockQuote-background': '#2b2b2b',
      '--vscode-textBlockQuote-border': '#616161',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
      '--vscode-font-size': '13px',
      '--vscode-foreground': '#3b3b3b',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-editor-background': '#ffffff',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-list-inactiveSelectionBackground': '#e4e6f1',
      '--vscode-list-hoverBackground': '#f2f2f2',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-button-border': '#0000001a',
      '--vscode-editorWarning-foreground': '#bf8803',
      '--vscode-errorForeground': '#f85149',
      '--vscode-testing-iconPassed': '#388a34',
      '--vscode-textBlockQuote-background': '#f8f8f8',
      '--vscode-textBlockQuote-border': '#e5e5e5',
    },
  },
} as const;

let bundle: Promise<string> | undefined;

/** The webview bundle, built in memory with the same settings as `esbuild.mjs`. */
export function webviewBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(root, 'webview/main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    // The test build: with the probe (webview/probe.ts) that the shipped bundle leaves out.
    define: { __PAPERLAB_PROBE__: 'true' },
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export interface DashboardPage {
  page: Page;
  /** Messages the webview posted to the (fake) host, in order. */
  posted(): Promise<WebviewToHost[]>;
  send(m: HostToWebview): Promise<void>;
  waitFor(type: WebviewToHost['type'], count?: number): Promise<WebviewToHost>;
  /** CSP violations and page errors seen so far. */
  problems: string[];
}

export interface OpenOptions {
  theme?: keyof typeof THEMES;
  state?: unknown;
  /** Inline data: the page becomes a static report (no fake VS Code API). */
  report?: DashboardSnapshot;
  width?: number;
  height?: number;
}

export async function openDashboard(browser: Browser, o: OpenOptions = {}): Promise<DashboardPage> {
  const page = await browser.newPage({
    viewport: { width: o.width ?? 1400, height: o.height ?? 900 },
    deviceScaleFactor: 1,
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const theme = THEMES[o.theme ?? 'dark'];
  // A string, not a function: tsx would wrap a function's inner names in an `__name` helper the page lacks.
  const init = `(() => {
    window.__name = (f) => f;
    window.__posted = [];
    let saved = ${JSON.stringify(o.state ?? null)};
    if (!${!!o.report}) window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => saved, setState: (s) => (saved = s) });
    window.__savedState = () => saved;
    document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    // What VS Code does for a webview: the theme's class on <body>, its colours as CSS variables.
    document.addEventListener('DOMContentLoaded', () => {
      document.body.classList.add(${JSON.stringify(theme.bodyClass)});
      for (const [k, v] of Object.entries(${JSON.stringify(theme.vars)})) document.documentElement.style.setProperty(k, v);
    });
  })();`;
  await page.addInitScript(init);
  const css = readFileSync(path.join(root, 'media/dashboard.css'), 'utf8');
  const html = dashboardPage({
    title: 'Paperlab dashboard',
    nonce: 'test' + Math.random().toString(36).slice(2),
    style: { inline: css },
    script: { inline: await webviewBundle() },
    data: o.report,
  });
  // Served from an intercepted URL (never the network), so the init script runs before the bundle.
  await page.route('http://paperlab.test/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto('http://paperlab.test/dashboard', { waitUntil: 'load' });
  const posted = () => page.evaluate(() => (globalThis as unknown as { __posted: WebviewToHost[] }).__posted);
  return {
    page,
    problems,
    posted,
    send: (m) => page.evaluate((msg) => (globalThis as any).postMessage(msg, '*'), m as unknown),
    waitFor: async (type, count = 1) => {
      const handle = await page.waitForFunction(
        ([t, c]) =>
          (globalThis as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === t).length >= c
            ? true
            : false,
        [type, count] as const,
        { timeout: 10_000 },
      );
      await handle.dispose();
      const all = await posted();
      return all.filter((m) => m.type === type)[count - 1];
    },
  };
}
