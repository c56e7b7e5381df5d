// The suites' side of the UI bridge (test/vscode/harness/uiBridge.ts): read what the user sees (the
// dashboard's DOM, the workbench) and press keys, through the runner. Only the VS Code server runner
// provides it (PAPERLAB_UI_BRIDGE in the extension host's environment); tests that need it skip with
// a reason elsewhere.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTimeout } from './util';

export const uiAvailable = (): boolean => process.env.PAPERLAB_UI_BRIDGE === '1';

let dir: string | undefined;
let seq = 0;

type Request =
  | { action: 'webview'; title: string; script: string }
  | { action: 'workbench'; script: string }
  | { action: 'keys'; text?: string; keys?: string[] }
  | { action: 'click'; selector: string };

export async function ui<T>(req: Request, ms = 15_000): Promise<T> {
  if (!uiAvailable()) throw new Error('the UI bridge needs the VS Code server runner');
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'paperlab-ui-'));
  const id = String(++seq);
  const reply = path.join(dir, `${id}.json`);
  console.log(`PAPERLAB_UI ${JSON.stringify({ id, reply, ...req })}`);
  const answer = await withTimeout(
    (async () => {
      while (!existsSync(reply)) await new Promise((r) => setTimeout(r, 25));
      return JSON.parse(readFileSync(reply, 'utf8')) as { ok: boolean; value?: T; error?: string };
    })(),
    ms,
    `the runner to answer ${req.action}`,
  );
  rmSync(reply, { force: true });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}

/** What the dashboard shows: per chart the points it drew, the runs listed, the queue, the empty-state text. */
export interface DashboardView {
  charts: Record<string, number>;
  undrawn: number;
  runs: { id: string; selected: boolean; text: string }[];
  queued: string[];
  empty: string;
}

// Scrolls every chart into view first, as a reader would: a chart off screen is redrawn when it
// comes into view (the dashboard saves the work while it is not seen).
const DASHBOARD_SCRIPT = `(async () => {
  const cards = [...document.querySelectorAll('section.card')];
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (const c of cards) { c.scrollIntoView({ block: 'nearest' }); await frame(); }
  if (cards.length) { cards[0].scrollIntoView({ block: 'nearest' }); await frame(); }
  return {
    charts: Object.fromEntries(cards.filter((c) => c.dataset.points).map((c) => [c.dataset.chart, Number(c.dataset.points)])),
    undrawn: cards.filter((c) => !c.dataset.points).length,
    runs: [...document.querySelectorAll('.run-list [role="option"]')].map((li) => ({
      id: li.dataset.id, selected: li.getAttribute('aria-selected') === 'true', text: li.innerText,
    })),
    queued: [...document.querySelectorAll('.queue-list .run.queued')].map((li) => li.innerText),
    empty: document.querySelector('.charts .empty')?.textContent ?? '',
  };
})()`;

export function dashboardView(title = 'Paperlab Dashboard'): Promise<DashboardView> {
  return ui<DashboardView>({ action: 'webview', title, script: DASHBOARD_SCRIPT });
}

/** Asks again until `accept` holds (each answer is a round trip to the page, not a sleep). */
export async function dashboardWhere(
  accept: (v: DashboardView) => boolean,
  what: string,
  ms = 30_000,
  title?: string,
): Promise<DashboardView> {
  let last: DashboardView | string;
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const v = await dashboardView(title);
      last = v;
      if (accept(v)) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function cleanupUi(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
