/**
 * The dashboard's HTML page, for the VS Code panel (script and CSS loaded from the extension's
 * `dist/` and `media/`) and for `paperlab report` (everything inlined: one file, no network).
 * Pure string building, so the host, the CLI and the tests produce the same page.
 */
import type { DashboardSnapshot } from '../protocol/dashboard';

export interface PageOptions {
  title: string;
  /** A fresh random value per render: the only script allowed to run is ours. */
  nonce: string;
  /** Extra CSP sources for styles/images/fonts, e.g. the webview's `cspSource`; empty for a report. */
  cspSource?: string;
  style: { href: string } | { inline: string };
  script: { src: string } | { inline: string };
  /** Inlined data: makes the page a static report. */
  data?: DashboardSnapshot;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a `<script>` element: no `</script>`, no `<!--`. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A script's text safe inside a `<script>` element. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * The Content-Security-Policy: nothing by default; our script by nonce only (no `unsafe-eval`, no
 * inline handlers); styles from our stylesheet (Chart.js sizes its canvas through the CSSOM, which a
 * CSP does not restrict); images from data URLs (chart exports).
 */
export function dashboardCsp(nonce: string, cspSource = ''): string {
  const src = cspSource ? ` ${cspSource}` : '';
  return [
    `default-src 'none'`,
    `img-src data:${src}`,
    `style-src 'nonce-${nonce}'${src}`,
    `font-src${src || " 'none'"}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function dashboardPage(o: PageOptions): string {
  const n = escapeHtml(o.nonce);
  const style =
    'href' in o.style
      ? `<link rel="stylesheet" nonce="${n}" href="${escapeHtml(o.style.href)}">`
      : `<style nonce="${n}">${o.style.inline.replace(/<\/style/gi, '<\\/style')}</style>`;
  const script =
    'src' in o.script
      ? `<script nonce="${n}" src="${escapeHtml(o.script.src)}"></script>`
      : `<script nonce="${n}">${inlineScript(o.script.inline)}</script>`;
  const data = o.data ? `<script type="application/json" id="paperlab-data">${inlineJson(o.data)}</script>\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(dashboardCsp(o.nonce, o.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
${style}
</head>
<body>
<div id="app"></div>
${data}${script}
</body>
</html>
`;
}
