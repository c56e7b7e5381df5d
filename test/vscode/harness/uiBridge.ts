// The test's eyes and hands in the workbench (VS Code server runner only). A suite running in the
// extension host cannot see a webview's page or press a key; it logs a request line, which reaches
// this runner through the workbench's console forwarding, and the runner answers through a file:
//   extension host: console.log('PAPERLAB_UI {"id":…,"reply":"/tmp/…json","action":"webview",…}')
//   runner: evaluates it with playwright in the workbench page (or in a webview's frame), writes the
//   reply file; the test polls for it.
// So a test reads what the user sees — the dashboard's DOM, the status bar — in the shipped bundle.
import { renameSync, writeFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

export const UI_MARKER = 'PAPERLAB_UI ';

export type UiRequest =
  /** Evaluates `script` (an expression) in the frame of the webview whose document title is `title`. */
  | { id: string; reply: string; action: 'webview'; title: string; script: string }
  /** Evaluates `script` in the workbench page. */
  | { id: string; reply: string; action: 'workbench'; script: string }
  /** Types `text` (if any), then presses each key, in the workbench. */
  | { id: string; reply: string; action: 'keys'; text?: string; keys?: string[] }
  /** Clicks the first element matching `selector` in the workbench. */
  | { id: string; reply: string; action: 'click'; selector: string };

async function frameTitled(page: Page, title: string): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    try {
      if ((await f.evaluate('document.title')) === title && (await f.evaluate('!!document.getElementById("app")')))
        return f;
    } catch {
      // A frame navigating or gone: not ours.
    }
  }
  return undefined;
}

async function perform(page: Page, r: UiRequest): Promise<unknown> {
  switch (r.action) {
    case 'webview': {
      const frame = await frameTitled(page, r.title);
      if (!frame) throw new Error(`no webview page titled "${r.title}" is showing`);
      return frame.evaluate(r.script);
    }
    case 'workbench':
      return page.evaluate(r.script);
    case 'keys':
      if (r.text) await page.keyboard.type(r.text, { delay: 20 });
      for (const k of r.keys ?? []) await page.keyboard.press(k);
      return true;
    case 'click':
      await page.locator(r.selector).first().click({ timeout: 10_000 });
      return true;
  }
}

/** Handles one log line if it is a request; true if it was. */
export function handleUiLine(page: Page | undefined, line: string): boolean {
  const i = line.indexOf(UI_MARKER);
  if (i < 0) return false;
  let r: UiRequest;
  try {
    r = JSON.parse(line.slice(i + UI_MARKER.length));
  } catch {
    return true;
  }
  const answer = (body: object) => {
    const tmp = `${r.reply}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, r.reply);
  };
  if (!page) {
    answer({ ok: false, error: 'the workbench page is not open yet' });
    return true;
  }
  perform(page, r).then(
    (value) => answer({ ok: true, value: value ?? null }),
    (e) => answer({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
  return true;
}
