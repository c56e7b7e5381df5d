/**
 * The dashboard webview in Chromium: handshake, drawing the selected runs, live increments, keyboard
 * selection, axis toggles kept in state, exports, the test-only query, and no CSP violation.
 * One browser for the file; about 3–5 s in all.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, openDashboard } from './harness';
import { syntheticEvents, syntheticManifest } from '../../../scripts/synthetic-runs';
import type { DashboardSnapshot, PaperView, RunInfo } from '../../../src/core/protocol/dashboard';
import { figures } from '../../../src/papers/lottery-ticket/figures';
import { references } from '../../../src/papers/lottery-ticket/references';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const paper: PaperView = {
  id: 'lottery-ticket',
  title: 'The Lottery Ticket Hypothesis',
  citation: 'Frankle & Carbin, ICLR 2019',
  figures,
  references,
  scaleNote: 'smaller data, fewer iterations',
};
const run = (id: string, seed: number, live = false): RunInfo => ({
  manifest: syntheticManifest(id, { seed, rounds: 2, iterations: 500 }, live ? 'running' : 'completed'),
  settings: { lr: '1.2e-3' },
  live,
});
const opts = { rounds: 2, iterations: 500, evalEvery: 100 };
const metricsWith = (key: string, evs: ReturnType<typeof syntheticEvents>) =>
  evs.filter((e) => e.type === 'metric' && key in e.values).length;

test('handshake, then the selected run drawn: training curves and the paper figures with exact point counts', async () => {
  const d = await openDashboard(browser, { state: { selected: ['a'], smoothing: 0, scales: {} } });
  const ready = await d.waitFor('ready');
  assert.deepEqual(ready, { type: 'ready', selected: ['a'] }, 'the restored selection is asked for');
  const evA = syntheticEvents({ ...opts, seed: 1 });
  const snapshot: DashboardSnapshot = { runs: [run('a', 1), run('b', 2)], events: { a: evA }, papers: [paper] };
  await d.send({ type: 'init', snapshot });
  await d.send({ type: 'testQueryDrawn', requestId: 7 });
  const drawn = await d.waitFor('drawn');
  assert.ok(drawn.type === 'drawn' && drawn.requestId === 7);
  const byId = Object.fromEntries(drawn.charts.map((c) => [c.id, c]));
  assert.deepEqual(
    Object.keys(byId).sort(),
    [
      'live:live-test_acc',
      'live:live-train_loss',
      'live:live-val_loss',
      'lottery-ticket:lth-fig3',
      'lottery-ticket:lth-fig4a-acc',
      'lottery-ticket:lth-fig4a-iter',
    ].sort(),
  );
  const nAcc = metricsWith('test_acc', evA);
  assert.equal(byId['live:live-test_acc'].points, nAcc);
  assert.equal(byId['lottery-ticket:lth-fig3'].points, nAcc);
  // ticket at rounds 0,1,2 + reinit at rounds 1,2: one early-stop point each.
  assert.equal(byId['lottery-ticket:lth-fig4a-iter'].points, 5);
  const texts = await d.page.locator('.refs li').allTextContents();
  assert.ok(
    texts.some((t) => /2\.51× sooner.*Frankle & Carbin 2019, §2/.test(t)),
    "the paper's numbers are listed with their source",
  );
  assert.match(await d.page.locator('.scale-note').innerText(), /How this differs from the paper: smaller data/);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});

test('live events are appended and drawn; a second seed of the same config is grouped as mean ± range', async () => {
  const d = await openDashboard(browser);
  await d.waitFor('ready');
  const evA = syntheticEvents({ ...opts, seed: 1 });
  const live = run('live', 3, true);
  live.manifest.groupKey = run('a', 1).manifest.groupKey;
  await d.send({
    type: 'init',
    snapshot: { runs: [run('a', 1), live], events: { a: evA, live: [] }, papers: [paper], select: ['a', 'live'] },
  });
  const first = evA.filter((e) => e.type === 'metric').slice(0, 3);
  await d.send({ type: 'runEvents', runId: 'live', events: first });
  await d.page.waitForFunction(
    () => (globalThis as any).__paperlab.debug.eventCountAtRender >= (globalThis as any).__paperlab.store.eventCount,
  );
  const charts = await d.page.evaluate(() => (globalThis as any).__paperlab.drawn());
  const acc = charts.find((c: { id: string }) => c.id === 'live:live-test_acc');
  // Round 0 is averaged only where both seeds have reached (the live seed's 3 steps, not a's 5);
  // the later rounds come from the finished seed alone.
  const round0 = evA.filter((e) => e.type === 'metric' && e.series.round === 0).length;
  assert.equal(acc.points, metricsWith('test_acc', evA) - round0 + 3);
  assert.equal(acc.datasets, 5 + 2, 'five lines, plus the two edges of the round-0 band');
  const legend = await d.page.evaluate(() => (globalThis as any).__paperlab.store.runs.size);
  assert.equal(legend, 2);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});

test('keyboard: Space adds a run, Enter shows only it; the log toggle is remembered in state', async () => {
  const d = await openDashboard(browser);
  await d.waitFor('ready');
  await d.send({ type: 'init', snapshot: { runs: [run('a', 1), run('b', 2)], events: {}, papers: [paper] } });
  await d.page.locator('.run').first().focus();
  await d.page.keyboard.press('Space');
  await d.page.keyboard.press('ArrowDown');
  await d.page.keyboard.press('Space');
  const sub = await d.waitFor('subscribe', 2);
  assert.equal(sub.type === 'subscribe' && sub.selected.length, 2);
  await d.page.keyboard.press('Enter');
  const only = await d.waitFor('subscribe', 3);
  assert.equal(only.type === 'subscribe' && only.selected.length, 1);
  assert.equal(await d.page.locator('.run[aria-selected="true"]').count(), 1);
  // With events for the selection, the figure cards and their axis toggles appear.
  const id = only.type === 'subscribe' ? only.selected[0] : '';
  await d.send({
    type: 'init',
    snapshot: {
      runs: [run('a', 1), run('b', 2)],
      events: { [id]: syntheticEvents(opts) },
      papers: [paper],
      select: [id],
    },
  });
  const toggle = d.page.locator(
    'section[aria-label="Early-stop iteration vs weights remaining"] button[data-axis="x"]',
  );
  assert.equal(await toggle.textContent(), 'x: log');
  await toggle.click();
  assert.equal(await toggle.textContent(), 'x: linear');
  const state = await d.page.evaluate(() => (globalThis as any).__savedState());
  assert.equal(state.scales['lottery-ticket:lth-fig4a-iter'].x, 'linear');
  await d.page.close();
});

test('exports post a PNG data URL and CSV/JSON text to the host', async () => {
  const d = await openDashboard(browser, { state: { selected: ['a'], smoothing: 0.5, scales: {} } });
  await d.waitFor('ready');
  await d.send({
    type: 'init',
    snapshot: { runs: [run('a', 1)], events: { a: syntheticEvents(opts) }, papers: [paper] },
  });
  const card = d.page.locator('section[aria-label="Test accuracy at early stop vs weights remaining"]');
  await card.getByRole('button', { name: 'PNG' }).click();
  await card.getByRole('button', { name: 'CSV' }).click();
  await card.getByRole('button', { name: 'JSON' }).click();
  const exports = (await d.posted()).filter((m) => m.type === 'export');
  assert.equal(exports.length, 3);
  const [png, csv, json] = exports as Extract<(typeof exports)[number], { type: 'export' }>[];
  assert.ok(png.content.startsWith('data:image/png;base64,') && png.content.length > 5000);
  assert.equal(png.suggestedName, 'lottery-ticket-lth-fig4a-acc');
  assert.equal(csv.content.trim().split('\n').length, 1 + 5);
  const parsed = JSON.parse(json.content);
  assert.equal(parsed.lines.length, 2);
  assert.ok(parsed.references.length >= 5);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});

test('a static report draws from inlined data with no host and no network', async () => {
  const requests: string[] = [];
  const d = await openDashboard(browser, {
    report: { runs: [run('a', 1)], events: { a: syntheticEvents(opts) }, papers: [paper], origin: 'test report' },
  });
  d.page.on('request', (r) => requests.push(r.url()));
  await d.page.waitForFunction(() => (globalThis as any).__paperlab.drawn().length === 6);
  assert.equal(await d.page.getByRole('button', { name: 'Export report…' }).count(), 0);
  assert.deepEqual(requests, []);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});
