/**
 * The histogram and power-law-fit figure kinds in Chromium, inside the dashboard page's strict CSP:
 * bars plus the predicted density per arm, and a dashed fit per line, drawn with no page error and no
 * CSP violation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, openDashboard } from './harness';
import { syntheticManifest } from '../../../scripts/synthetic-runs';
import type { DashboardSnapshot, PaperView } from '../../../src/core/protocol/dashboard';
import type { RunEvent } from '../../../src/core/runs/events';
import type { FigureSpec } from '../../../src/core/figures/spec';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const figures: FigureSpec[] = [
  {
    id: 'outputs',
    title: 'Outputs of random networks',
    kind: 'histogram',
    x: { source: { kind: 'value', key: 'output' }, label: 'network output', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'linear' }],
    lineBy: ['arm'],
    histogram: {
      bins: 30,
      overlays: [{ family: 'student_t', label: 'predicted t', params: { df: 'df', scale: 'scale' } }],
    },
  },
  {
    id: 'scaling',
    title: 'Excess risk vs labelled samples',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'n' }, label: 'labelled samples n', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'excess' }, label: 'excess risk', scale: 'log' }],
    lineBy: ['arm'],
    fit: { model: 'power-law', label: 'slope' },
  },
];
const paper: PaperView = {
  id: 'kinds-test',
  title: 'Kinds',
  citation: 'test',
  figures,
  references: [],
  scaleNote: 'synthetic',
};

function events(): RunEvent[] {
  const out: RunEvent[] = [];
  let s = 1;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  for (const arm of ['nngp', 'invgamma']) {
    for (let i = 0; i < 500; i++) {
      const v =
        arm === 'nngp'
          ? normal()
          : normal() / Math.sqrt((normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2) / 4);
      out.push({ type: 'metric', time: i, step: i, series: { arm }, values: { output: v } });
    }
    out.push({ type: 'summary', time: 600, series: { arm }, values: { df: arm === 'nngp' ? 1000 : 4, scale: 1 } });
  }
  for (const arm of ['pretrain', 'supervised'])
    for (const n of [50, 100, 200, 400, 800])
      out.push({
        type: 'summary',
        time: 700,
        series: { arm, n },
        values: { excess: (arm === 'pretrain' ? 5 : 60) / n },
      });
  return out;
}

test('histogram bars with the predicted density, and fitted power laws, drawn under the CSP', async () => {
  const d = await openDashboard(browser, { state: { selected: ['k'], smoothing: 0, scales: {} } });
  await d.waitFor('ready');
  const manifest = { ...syntheticManifest('k', { seed: 1 }), paper: 'kinds-test' };
  const snapshot: DashboardSnapshot = {
    runs: [{ manifest, settings: {}, live: false }],
    events: { k: events() },
    papers: [paper],
  };
  await d.send({ type: 'init', snapshot });
  // Drawn when a pass has included every event received (the test build's probe).
  await d.page.waitForFunction(() => {
    const p = (globalThis as any).__paperlabProbe;
    return p.log.length > 0 && p.log[p.log.length - 1].events >= p.model().eventCount && p.pending === 0;
  });
  const charts: { id: string; datasets: number; points: number }[] = await d.page.evaluate(() =>
    (globalThis as any).__paperlabProbe.charts(),
  );
  const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
  const hist = byId['kinds-test:outputs'];
  const fit = byId['kinds-test:scaling'];
  assert.ok(hist && fit, Object.keys(byId).join(', '));
  // Two arms × (bars + predicted density).
  assert.equal(hist.datasets, 4);
  // Bars: 30 bins + the closing edge per arm; densities: 121 points per arm.
  assert.equal(hist.points, 2 * 31 + 2 * 121);
  // Two lines of 5 points and one dashed fit each.
  assert.equal(fit.datasets, 4);
  assert.equal(fit.points, 10);
  assert.deepEqual(d.problems, []);
  await d.page.close();
});
