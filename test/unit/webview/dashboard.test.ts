/**
 * The dashboard webview in Chromium: handshake, drawing the selected runs (read from the cards'
 * `data-points`, as in the shipped bundle), live increments, keyboard selection, axis toggles kept in
 * state, exports, the queue, the layout of a narrow panel, and no CSP violation.
 * One browser for the file; about 5 s in all.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, openDashboard, type DashboardPage } from './harness';
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
  arms: [
    { id: 'ticket', label: 'winning ticket', role: 'method' },
    { id: 'random_reinit', label: 'random reinit (same mask)', role: 'control' },
  ],
};
const run = (id: string, seed: number, live = false): RunInfo => ({
  manifest: syntheticManifest(id, { seed, rounds: 2, iterations: 500 }, live ? 'running' : 'completed'),
  settings: { lr: '1.2e-3' },
  live,
});
const opts = { rounds: 2, iterations: 500, evalEvery: 100 };
const metricsWith = (key: string, evs: ReturnType<typeof syntheticEvents>) =>
  evs.filter((e) => e.type === 'metric' && key in e.values).length;

/** Points per chart as the cards show them, once every card is drawn (no card without `data-points`). */
async function drawn(d: DashboardPage, count?: number): Promise<Record<string, number>> {
  await d.page.waitForFunction(
    (n) => {
      const cards: any[] = [...(globalThis as any).document.querySelectorAll('section.card')];
      return cards.length > 0 && (n === undefined || cards.length === n) && cards.every((c) => c.dataset.points);
    },
    count,
    { timeout: 10_000 },
  );
  return d.page.evaluate(() =>
    Object.fromEntries(
      [...(globalThis as any).document.querySelectorAll('section.card')].map((c: any) => [
        c.dataset.chart,
        Number(c.dataset.points),
      ]),
    ),
  );
}

test('handshake, then the selected run drawn: training curves and the paper figures with exact point counts', async () => {
  const d = await openDashboard(browser, { state: { selected: ['a'], smoothing: 0, scales: {} } });
  const ready = await d.waitFor('ready');
  assert.deepEqual(ready, { type: 'ready', selected: ['a'] }, 'the restored selection is asked for');
  const evA = syntheticEvents({ ...opts, seed: 1 });
  const snapshot: DashboardSnapshot = { runs: [run('a', 1), run('b', 2)], events: { a: evA }, papers: [paper] };
  await d.send({ type: 'init', snapshot });
  const byId = await drawn(d);
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
  assert.equal(byId['live:live-test_acc'], nAcc);
  assert.equal(byId['lottery-ticket:lth-fig3'], nAcc);
  // ticket at rounds 0,1,2 + reinit at rounds 1,2: one early-stop point each.
  assert.equal(byId['lottery-ticket:lth-fig4a-iter'], 5);
  // How to read the lines, under the chart: the method solid, its control dashed, the paper's marks.
  const rule = await d.page.locator('section[data-chart="lottery-ticket:lth-fig4a-iter"] .legend-rule').innerText();
  assert.match(rule, /solid = winning ticket \(the method\); dashed = random reinit \(same mask\)/);
  assert.match(rule, /P1, P2…: the paper's numbers/);
  // Round 0 is the unpruned net: the legend says so rather than "ticket".
  const fig3 = await d.page.locator('section[data-chart="lottery-ticket:lth-fig3"] .legend-rule').innerText();
  assert.match(fig3, /Colour: weights remaining, from 100% \(blue\) to 64% \(red\)/);
  const texts = await d.page.locator('.refs li').allTextContents();
  assert.ok(
    texts.some((t) => /2\.51× sooner.*Frankle & Carbin 2019, §2/.test(t)),
    "the paper's numbers are listed with their source",
  );
  // These runs carry no settings (an older report): the note says it describes the example.
  assert.match(
    await d.page.locator('.scale-note').innerText(),
    /How the example differs from the paper \(the runs shown may differ from it\): smaller data/,
  );
  assert.deepEqual(d.problems, []);
  await d.page.close();
});

test("the header describes the selected runs' settings, not the example's, and says where they differ", async () => {
  const d = await openDashboard(browser, { state: { selected: ['a', 'b'], smoothing: 0, scales: {} } });
  await d.waitFor('ready');
  const withPaper: PaperView = {
    ...paper,
    setting: [
      { key: 'train.iterations', paper: '50000' },
      { key: 'train.lr', paper: '0.0012' },
    ],
  };
  const at = (id: string, seed: number, iterations: string, rounds: string): RunInfo => ({
    ...run(id, seed),
    settings: { rounds },
    setting: { 'train.iterations': iterations, 'train.lr': '0.0012' },
  });
  const snapshot: DashboardSnapshot = {
    runs: [at('a', 1, '300', '2'), at('b', 2, '300', '7')],
    events: { a: syntheticEvents({ ...opts, seed: 1 }), b: syntheticEvents({ ...opts, seed: 2 }) },
    papers: [withPaper],
  };
  await d.send({ type: 'init', snapshot });
  await drawn(d);
  const note = await d.page.locator('.scale-note').innerText();
  assert.match(note, /How the 2 runs shown differ from the paper: train\.iterations 300 \(paper 50000\)\./);
  assert.match(note, /The selected runs differ among themselves in rounds: 2, 7\./);
  assert.match(note, /About the example config, not necessarily these runs: smaller data/);
  assert.doesNotMatch(note, /train\.lr/, 'a setting equal to the paper is not a departure');
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
  // Drawn when a pass has included every event received (the test build's probe).
  await d.page.waitForFunction(() => {
    const p = (globalThis as any).__paperlabProbe;
    return p.log.length > 0 && p.log[p.log.length - 1].events >= p.model().eventCount && p.pending === 0;
  });
  const charts = await d.page.evaluate(() => (globalThis as any).__paperlabProbe.charts());
  const acc = charts.find((c: { id: string }) => c.id === 'live:live-test_acc');
  // Round 0 is averaged only where both seeds have reached (the live seed's 3 steps, not a's 5);
  // the later rounds come from the finished seed alone.
  const round0 = evA.filter((e) => e.type === 'metric' && e.series.round === 0).length;
  assert.equal(acc.points, metricsWith('test_acc', evA) - round0 + 3);
  assert.equal(acc.datasets, 5 + 2, 'five lines, plus the two edges of the round-0 band');
  assert.equal(await d.page.locator('.run-list .run').count(), 2);
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
  const [png, csv, json] = exports;
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
  assert.equal(Object.keys(await drawn(d, 6)).length, 6);
  assert.equal(await d.page.getByRole('button', { name: 'Export report…' }).count(), 0);
  assert.deepEqual(requests, []);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});

test('queued runs are listed under the runs, in order, and are not selectable', async () => {
  const d = await openDashboard(browser);
  await d.waitFor('ready');
  await d.send({
    type: 'init',
    snapshot: {
      runs: [run('a', 1, true)],
      events: {},
      papers: [paper],
      queued: [
        { key: 'queued-1', name: 'seed 2', paper: 'lottery-ticket', seed: 2, position: 1 },
        { key: 'queued-2', name: 'seed 3', paper: 'lottery-ticket', seed: 3, position: 2 },
      ],
    },
  });
  const rows = await d.page.locator('.queue-list .run.queued').allInnerTexts();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /seed 2[\s\S]*starts next/);
  await d.send({ type: 'queue', queued: [] });
  assert.equal(await d.page.locator('.queue-list .run').count(), 0);
  assert.equal(await d.page.locator('.run-list [role="option"]').count(), 1);
  await d.page.close();
});

test('the host says why nothing is selected; the page says it instead of staying blank', async () => {
  const d = await openDashboard(browser);
  await d.waitFor('ready');
  await d.send({
    type: 'init',
    snapshot: { runs: [run('a', 1)], events: {}, papers: [paper], select: [], hint: 'No run of x.exp.yaml yet.' },
  });
  assert.equal(await d.page.locator('.charts .empty').innerText(), 'No run of x.exp.yaml yet.');
  await d.page.close();
});

for (const width of [400, 600]) {
  test(`at ${width} px (a panel beside the editor) nothing is cut off: charts fit, the toolbar does not cover them`, async () => {
    const d = await openDashboard(browser, {
      width,
      height: 800,
      state: { selected: ['a'], smoothing: 0, scales: {} },
    });
    await d.waitFor('ready');
    await d.send({
      type: 'init',
      snapshot: { runs: [run('a', 1), run('b', 2)], events: { a: syntheticEvents(opts) }, papers: [paper] },
    });
    await drawn(d);
    const m = await d.page.evaluate(() => {
      const doc = (globalThis as any).document;
      const box = (s: string) => doc.querySelector(s).getBoundingClientRect();
      const cards: any[] = [...doc.querySelectorAll('section.card')].map((c: any) => c.getBoundingClientRect());
      return {
        page: doc.documentElement.scrollWidth,
        cardRight: Math.max(...cards.map((c) => c.right)),
        cardWidth: Math.min(...cards.map((c) => c.width)),
        smoothRight: box('.smooth').right,
        toolbarBottom: box('.toolbar').bottom,
        firstCardTop: cards[0].top,
        listShown: (globalThis as any).getComputedStyle(doc.querySelector('.run-list')).display !== 'none',
      };
    });
    assert.ok(m.page <= width, `no horizontal scroll (${m.page} px)`);
    assert.ok(m.cardRight <= width, `cards end inside the panel (${m.cardRight} px)`);
    assert.ok(m.cardWidth >= width - 60, `a chart takes the width (${m.cardWidth} px)`);
    assert.ok(m.smoothRight <= width, `"Smoothing" is whole (${m.smoothRight} px)`);
    assert.ok(m.firstCardTop >= m.toolbarBottom, 'the toolbar does not cover the first chart');
    assert.equal(m.listShown, false, 'the run list folds away once a run is shown');
    await d.page.getByRole('button', { name: /Show runs \(2\)/ }).click();
    assert.equal(await d.page.locator('.run-list .run').count(), 2);
    assert.deepEqual(d.problems, []);
    await d.page.close();
  });
}
