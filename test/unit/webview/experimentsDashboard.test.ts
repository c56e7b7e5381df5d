// The experiments table inside the dashboard: it lists the runs the host sent, grouped by seed group;
// its check box selects a group's seeds for the charts (and asks the host for their events); the band
// choice (range or 95% CI) is kept in the saved view and widens the seed band on the charts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, openDashboard } from './harness';
import { syntheticEvents, syntheticManifest } from '../../../scripts/synthetic-runs';
import type { PaperView, RunInfo } from '../../../src/core/protocol/dashboard';
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
  scaleNote: 'smaller data',
  arms: [
    { id: 'ticket', label: 'winning ticket', role: 'method' },
    { id: 'random_reinit', label: 'random reinit', role: 'control' },
  ],
} as PaperView;
const opts = { rounds: 2, iterations: 500, evalEvery: 100 };
const run = (id: string, seed: number, groupKey: string, lr: number): RunInfo => ({
  manifest: {
    ...syntheticManifest(id, { ...opts, seed, groupKey }),
    name: `lr ${lr}`,
    // What the trainer keeps in the manifest: the run's summaries, the table's metric columns.
    summaries: syntheticEvents({ ...opts, seed })
      .filter((e) => e.type === 'summary')
      .map((e) => ({ series: e.series, values: (e as { values: Record<string, number> }).values })),
  },
  settings: {},
  params: { 'train.lr': lr, 'train.iterations': 500 },
  live: false,
});

test('the table lists the runs by seed group; a group box plots its seeds; the band choice reaches the charts', async () => {
  const d = await openDashboard(browser, { width: 1400, height: 1000 });
  await d.waitFor('ready');
  const runs = [run('a1', 1, 'A', 0.001), run('a2', 2, 'A', 0.001), run('a3', 3, 'A', 0.001), run('b', 1, 'B', 0.003)];
  const events = Object.fromEntries(
    runs.map((r) => [r.manifest.id, syntheticEvents({ ...opts, seed: r.manifest.seed })]),
  );
  await d.send({ type: 'init', snapshot: { runs, events: {}, papers: [paper] } });
  await d.page.locator('.experiments tr.xp-group').first().waitFor();
  assert.match(await d.page.locator('.experiments-toggle').innerText(), /Experiments \(4 runs\)/);
  assert.equal(await d.page.locator('.experiments tr.xp-group').count(), 2);
  assert.match(await d.page.locator('.experiments tr.xp-seeds').innerText(), /lr 0\.001 \(3 seeds\)/);
  assert.deepEqual(
    await d.page
      .locator('.experiments thead th')
      .allInnerTexts()
      .then((h) => h.filter((x) => x === 'train.lr')),
    ['train.lr'],
  );

  // The group's box selects its three seeds; the webview asks the host for their events.
  await d.page.locator('.experiments tr.xp-seeds input[type="checkbox"]').check();
  const sub = await d.waitFor('subscribe');
  assert.ok(sub.type === 'subscribe');
  assert.deepEqual([...sub.selected].sort(), ['a1', 'a2', 'a3']);
  await d.send({
    type: 'init',
    snapshot: { runs, events: { a1: events.a1, a2: events.a2, a3: events.a3 }, papers: [paper] },
  });
  const legend = async (want: RegExp) => {
    await d.page.waitForFunction(
      (src) =>
        ((globalThis as any).__paperlabProbe?.charts() ?? []).some((c: { id: string; labels: string[] }) =>
          c.labels.some((l) => new RegExp(src).test(l)),
        ),
      want.source,
    );
  };
  // The three seeds are one line with a band, named in the legend with its count.
  await legend(/mean ± range of 3 seeds/);

  // 95% CI: kept in the saved view, and every chart redrawn with it.
  await d.page.locator('.experiments input[name="xp-band"][value="ci95"]').check();
  await d.page.waitForFunction(() => (globalThis as any).__savedState()?.experiments?.band === 'ci95');
  await legend(/mean ± 95% CI of 3 seeds/);
  assert.match(await d.page.locator('.experiments tr.xp-seeds').innerText(), /95% CI/);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});
