// The experiments table in Chromium: 1,000 runs drawn as sweep sections and seed groups; sorting by a
// header, filtering by setting=value, switching the band between range and 95% CI, opening a seed
// group, and check boxes that select a group's seeds for plotting. No CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch } from './harness';
import { lotteryFigures, openTable, syntheticTableRuns } from './experimentsHarness';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('1,000 runs: sections, seed groups, sort, filter, band, open a group, select its seeds', async () => {
  const { page, problems } = await openTable(browser);
  const runs = syntheticTableRuns(1000);
  await page.evaluate(([r, p]) => (globalThis as any).__xp.render(r, p, []), [runs, lotteryFigures] as const);
  const count = (sel: string) => page.locator(sel).count();
  // 1,000 runs in sweeps of 30: 34 sections; 10 seed groups of 3 per full sweep (the last has 10 runs).
  // The first 300 rows are in the page at once; scrolling to the end brings the rest.
  assert.equal(await count('tbody tr'), 300);
  for (let i = 0; i < 5; i++)
    await page.locator('.xp-scroll').evaluate((e: any) => {
      e.scrollTop = e.scrollHeight;
      e.dispatchEvent(new Event('scroll'));
    });
  assert.equal(await count('tr.xp-section'), 34);
  assert.equal(await count('tr.xp-group'), 334);
  assert.match(await page.locator('.xp-shown').innerText(), /^1000 runs$/);
  const headers = await page.locator('thead th').allInnerTexts();
  assert.ok(headers.includes('train.lr'), headers.join(' | '));
  assert.ok(!headers.includes('train.iterations'), 'a setting equal in every run is not a column');
  assert.ok(headers.includes('ticket @ 21%: early-stop iteration'), headers.join(' | '));
  const firstGroup = page.locator('tr.xp-group').first();
  assert.match(await firstGroup.innerText(), /\(3 seeds\)/);
  assert.match(await firstGroup.innerText(), /\[\d[\d,]* – \d[\d,]*\]/, 'a range band');

  // Sort by the learning rate, descending after a second click: the first group has the largest lr.
  await page.locator('thead th', { hasText: /^train\.lr/ }).click();
  await page.locator('thead th', { hasText: /^train\.lr/ }).click();
  assert.match(await page.locator('thead th', { hasText: /^train\.lr/ }).innerText(), /▼/);
  // Sorting orders the groups inside each sweep: the first full sweep (30 runs) now starts at lr 0.01.
  const groupsOfSecond = await page.evaluate(() => {
    const rows = [...(globalThis as any).document.querySelectorAll('tbody tr')] as any[];
    const second = rows.findIndex((r, i) => i > 0 && r.classList.contains('xp-section'));
    return rows.slice(second + 1, second + 11).map((r) => r.children[2].textContent);
  });
  assert.deepEqual(groupsOfSecond, [
    '0.01',
    '0.009',
    '0.008',
    '0.007',
    '0.006',
    '0.005',
    '0.004',
    '0.003',
    '0.002',
    '0.001',
  ]);
  const ms = await page.evaluate(() => (globalThis as any).__table.lastRenderMs);
  console.log(`experiments table: one render of 1,000 runs took ${Math.round(ms)} ms`);

  // Filter by a setting: 1,000 → the runs with lr = 0.003.
  await page.locator('.xp-filter').fill('lr=0.003');
  assert.match(await page.locator('.xp-shown').innerText(), /^\d+ of 1000 runs$/);
  const shown = Number((await page.locator('.xp-shown').innerText()).split(' ')[0]);
  assert.equal(shown, runs.filter((r) => r.params!['train.lr'] === 0.003).length);
  assert.equal(
    await page.locator('.xp-filter').evaluate((e) => e === (globalThis as any).document.activeElement),
    true,
    'typing keeps focus',
  );

  // The band: 95% CI instead of the range.
  await page.locator('input[name="xp-band"][value="ci95"]').check();
  assert.match(await page.locator('tr.xp-group').first().innerText(), /95% CI/);

  // Open a seed group: its three seeds appear; its box selects all three for plotting.
  await page.locator('tr.xp-group .xp-toggle').first().click();
  assert.equal(await count('tr.xp-run'), 3);
  await page.locator('tr.xp-group input[type="checkbox"]').first().check();
  const selected = await page.evaluate(() => (globalThis as any).__selected);
  assert.equal(selected.length, 1);
  assert.equal(selected[0].ids.length, 3);
  assert.equal(selected[0].on, true);
  assert.deepEqual(problems, []);
  await page.close();
});
