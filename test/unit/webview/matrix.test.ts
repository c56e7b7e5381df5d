/**
 * The `matrix` figure kind in Chromium under the dashboard's CSP: one heatmap table per panel with
 * the cells' means (± sd over two seeds) as text, empty cells marked, colours set through the CSSOM
 * without a CSP violation, the test-only query counting panels and cells, and the CSV export.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, openDashboard } from './harness';
import { syntheticManifest } from '../../../scripts/synthetic-runs';
import type { DashboardSnapshot, PaperView, RunInfo } from '../../../src/core/protocol/dashboard';
import type { FigureSpec } from '../../../src/core/figures/spec';
import type { RunEvent } from '../../../src/core/runs/events';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const matrixSpec: FigureSpec = {
  id: 'acc-matrix',
  title: 'Accuracy on each task after each task is learned',
  paperFigure: 'Table 1',
  kind: 'matrix',
  row: { source: { kind: 'tag', tag: 'after_task' }, label: 'after task', scale: 'linear' },
  x: { source: { kind: 'tag', tag: 'task' }, label: 'task', scale: 'linear' },
  y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
  lineBy: ['arm'],
  references: ['r1'],
};

const paper: PaperView = {
  id: 'lottery-ticket',
  title: 'A continual-learning paper',
  citation: 'test',
  figures: [matrixSpec],
  references: [{ id: 'r1', label: 'no forgetting', source: 'abstract', confirmed: true }],
  scaleNote: 'small',
};

function events(shift: number): RunEvent[] {
  const out: RunEvent[] = [];
  for (const arm of ['supsup', 'exssnet'])
    for (let i = 0; i < 3; i++)
      for (let j = 0; j <= i; j++)
        out.push({
          type: 'summary',
          time: 1000 * (i + 1),
          series: { arm, after_task: i, task: j },
          values: { test_acc: 0.8 + 0.05 * j + (arm === 'exssnet' ? 0.05 : 0) + shift },
        });
  return out;
}

const run = (id: string, seed: number): RunInfo => ({
  manifest: { ...syntheticManifest(id, { seed }), groupKey: 'same-config' },
  settings: {},
  live: false,
});

test('matrix cards: a table per arm, seeds as mean ± sd, empty upper triangle, colours under the CSP, CSV export', async () => {
  const d = await openDashboard(browser, { state: { selected: ['a', 'b'], smoothing: 0, scales: {} } });
  await d.waitFor('ready');
  const snapshot: DashboardSnapshot = {
    runs: [run('a', 1), run('b', 2)],
    events: { a: events(0), b: events(0.02) },
    papers: [paper],
  };
  await d.send({ type: 'init', snapshot });
  // What the card drew, on the card (as chart cards carry it): 2 panels, 2 × 6 cells.
  await d.page.waitForSelector('section.matrix-card[data-points]', { timeout: 10_000 });
  const drawn = await d.page.$eval('section.matrix-card', (c: any) => ({ ...c.dataset }));
  assert.deepEqual(drawn, { chart: 'lottery-ticket:acc-matrix', points: '12', lines: '2' });
  const tables = await d.page.$$eval('table.matrix', (ts) =>
    ts.map((t) => ({
      caption: t.querySelector('caption')?.textContent,
      rows: [...t.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      coloured: [...t.querySelectorAll('td.cell:not(.empty)')].every(
        (c) => (c as unknown as { style: { backgroundColor: string } }).style.backgroundColor !== '',
      ),
    })),
  );
  assert.deepEqual(
    tables.map((t) => t.caption),
    ['supsup', 'exssnet'],
  );
  // Row "after task 0": task 0 = mean of 80% and 82% ± sd 1.41; tasks 1 and 2 not learned yet.
  assert.deepEqual(tables[0].rows[1], ['0', '81.0 ± 1.4', '—', '—']);
  assert.deepEqual(tables[1].rows[3], ['2', '86.0 ± 1.4', '91.0 ± 1.4', '96.0 ± 1.4']);
  assert.ok(tables.every((t) => t.coloured));
  assert.match(await d.page.$eval('.matrix-card .refs', (e) => e.textContent ?? ''), /P1 no forgetting \(abstract\)/);
  await d.page.click('.matrix-card button:has-text("CSV")');
  const csv = (await d.waitFor('export')) as Extract<Awaited<ReturnType<typeof d.waitFor>>, { type: 'export' }>;
  assert.equal(csv.format, 'csv');
  assert.equal(csv.content.trim().split('\n').length, 1 + 12);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});
