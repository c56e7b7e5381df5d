/**
 * The host side of the dashboard without VS Code: incremental reading of a growing metrics file,
 * the run list, event batching, message checking, the report file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunSource } from '../../../src/host/dashboard/runSource';
import { readMetricsSync } from '../../../src/core/runs/metrics';
import { keySettings, paperKeySettings } from '../../../src/core/runs/settings';
import { EventBatcher } from '../../../src/host/dashboard/batcher';
import { buildReport, expandRunDirs } from '../../../src/core/report/report';
import { paperKeySettings as keySettingsOf, paperView } from '../../../src/papers/view';
import {
  packEvents,
  parseWebviewMessage,
  parseDashboardState,
  unpackEvents,
} from '../../../src/core/protocol/dashboard';
import { dashboardPage, inlineJson } from '../../../src/core/figures/page';
import { writeSyntheticRun, syntheticEvents } from '../../../scripts/synthetic-runs';
import type { RunEvent } from '../../../src/core/runs/events';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'paperlab-dash-'));
const ev = (step: number): RunEvent => ({
  type: 'metric',
  time: step,
  step,
  series: { arm: 'ticket' },
  values: { test_acc: step / 100 },
});

test('tailing reads only appended complete lines; a torn last line waits; junk lines are counted', () => {
  const dir = tmp();
  const file = path.join(dir, 'metrics.jsonl');
  writeFileSync(file, JSON.stringify(ev(1)) + '\n' + JSON.stringify(ev(2)).slice(0, 10));
  let r = readMetricsSync(file, 0);
  assert.deepEqual(
    r.events.map((e) => (e as { step: number }).step),
    [1],
  );
  appendFileSync(file, JSON.stringify(ev(2)).slice(10) + '\nnot json\n{"type":"metric"}\n');
  r = readMetricsSync(file, r.nextOffset);
  assert.deepEqual(
    r.events.map((e) => (e as { step: number }).step),
    [2],
  );
  assert.equal(r.badLines, 2);
  assert.deepEqual(readMetricsSync(file, r.nextOffset).events, []);
  const missing = readMetricsSync(path.join(dir, 'missing.jsonl'), 0);
  assert.deepEqual([missing.events, missing.nextOffset, missing.badLines], [[], 0, 0]);
  assert.equal(missing.problem?.kind, 'missing');
  rmSync(dir, { recursive: true });
});

test('the run source lists runs, follows a growing run, and reports removals', async () => {
  const dir = tmp();
  writeSyntheticRun(dir, 'run-a', { seed: 1, rounds: 1, iterations: 300 });
  mkdirSync(path.join(dir, 'not-a-run'));
  const src = new RunSource(dir);
  const first = await src.scan();
  assert.deepEqual(
    first.added.map((r) => r.manifest.id),
    ['run-a'],
  );
  assert.equal(first.added[0].settings.lr, '1.2e-3');
  const n = (await src.events('run-a')).length;
  assert.equal(n, syntheticEvents({ seed: 1, rounds: 1, iterations: 300 }).length);
  appendFileSync(path.join(dir, 'run-a', 'metrics.jsonl'), JSON.stringify(ev(9999)) + '\n');
  assert.equal((await src.tail('run-a')).length, 1);
  assert.equal((await src.events('run-a')).length, n + 1);
  assert.deepEqual(await src.scan(), { added: [], updated: [], removed: [] }, 'nothing changed');
  rmSync(path.join(dir, 'run-a'), { recursive: true });
  assert.deepEqual((await src.scan()).removed, ['run-a']);
  rmSync(dir, { recursive: true });
});

test('key settings come from the resolved config and tolerate anything', () => {
  assert.deepEqual(
    keySettings({
      data: { dataset: 'mnist' },
      model: { hidden: [300, 100] },
      train: { optimizer: 'adam', lr: 0.0012, iterations: 2000 },
    }),
    { data: 'mnist', model: '300-100', opt: 'adam', lr: '1.2e-3', iters: '2000' },
  );
  assert.deepEqual(keySettings(null), {});
  assert.deepEqual(keySettings({ train: 'oops' }), {});
});

test("a paper's own key settings (its definition's list) replace the generic ones in the run list", () => {
  const spec = keySettingsOf('lottery-ticket')!;
  assert.ok(spec.length > 0);
  const shown = paperKeySettings(
    {
      prune: { rounds: 7, rate: { hidden: 0.2 }, rewind_to: 0 },
      train: { iterations: 1500, lr: 0.0012 },
      model: { hidden: [300, 100] },
    },
    spec,
  );
  assert.deepEqual(shown, { rounds: '7', rate: '0.2', rewind: '0', iters: '1500', lr: '1.2e-3', model: '300-100' });
  assert.deepEqual(paperKeySettings({ prune: 'oops' }, spec), {}, 'absent or mistyped values are left out');
});

test('batching: the first event goes at once, then at most one flush per interval', async () => {
  let now = 0;
  const flushes: number[][] = [];
  const b = new EventBatcher(
    (m) => flushes.push([...m.values()].flat().map((e) => (e as { step: number }).step)),
    80,
    () => now,
  );
  b.push('r', [ev(1)]);
  assert.deepEqual(flushes, [[1]], 'leading edge: no wait after a quiet spell');
  now = 20;
  b.push('r', [ev(2)]);
  now = 40;
  b.push('r', [ev(3)]);
  assert.equal(flushes.length, 1);
  await new Promise((r) => setTimeout(r, 120));
  assert.deepEqual(flushes[1], [2, 3]);
  b.paused = true;
  b.push('r', [ev(4)]);
  b.flushNow();
  assert.equal(flushes.length, 2, 'a hidden webview gets nothing: it is rebuilt from the files');
  b.dispose();
});

test('messages from the webview are checked; bad ones are dropped', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready', selected: ['a'] }), { type: 'ready', selected: ['a'] });
  assert.equal(parseWebviewMessage({ type: 'ready', selected: 'a' }), undefined);
  assert.equal(
    parseWebviewMessage({ type: 'export', format: 'png', suggestedName: 'x', content: 'data:text/html,<script>' }),
    undefined,
  );
  assert.equal(parseWebviewMessage({ type: 'export', format: 'exe', suggestedName: 'x', content: '' }), undefined);
  const m = parseWebviewMessage({ type: 'export', format: 'csv', suggestedName: '../../etc/passwd', content: 'a,b' });
  assert.ok(m && m.type === 'export' && !m.suggestedName.includes('/'));
  assert.equal(parseWebviewMessage(null), undefined);
  assert.equal(parseWebviewMessage({ type: 'rm -rf' }), undefined);
  assert.deepEqual(
    parseDashboardState({ selected: ['a', 3], smoothing: 7, scales: { c: { x: 'log', y0: 'cubic' } } }),
    { selected: [], smoothing: 0, scales: { c: { x: 'log' } } },
  );
});

test('inlined JSON and scripts cannot close their <script> element', () => {
  const html = dashboardPage({
    title: '<t>',
    nonce: 'n',
    style: { inline: 'a{}' },
    script: { inline: 'var s = "</script><script>alert(1)</script>";' },
    data: { runs: [], events: {}, papers: [], origin: '</script><!--' },
  });
  assert.equal(html.match(/<\/script>/g)!.length, 2, 'only our two closing tags');
  assert.ok(!inlineJson({ a: '</script>' }).includes('<'));
  assert.match(html, /script-src &#39;nonce-n&#39;/);
  assert.ok(!/unsafe-eval|unsafe-inline/.test(html));
});

test('a report is one self-contained file of the given runs', async () => {
  const dir = tmp();
  const a = writeSyntheticRun(dir, 'run-a', { seed: 1, rounds: 1, iterations: 300 });
  writeSyntheticRun(dir, 'run-b', { seed: 2, rounds: 1, iterations: 300 });
  const assets = tmp();
  mkdirSync(path.join(assets, 'dist'));
  mkdirSync(path.join(assets, 'media'));
  writeFileSync(
    path.join(assets, 'dist', 'webview.js'),
    'console.log("bundle")\n//# sourceMappingURL=webview.js.map\n',
  );
  writeFileSync(path.join(assets, 'media', 'dashboard.css'), 'body{}');
  const expanded = expandRunDirs([dir, path.join(dir, 'nope')]);
  assert.deepEqual(expanded.dirs, [a, path.join(dir, 'run-b')]);
  assert.equal(expanded.warnings.length, 1);
  const r = await buildReport(expanded.dirs, {
    assets: { script: path.join(assets, 'dist', 'webview.js'), style: path.join(assets, 'media', 'dashboard.css') },
    paperView,
  });
  assert.equal(r.runs.length, 2);
  assert.ok(r.html.includes('console.log("bundle")') && !r.html.includes('sourceMappingURL'));
  assert.ok(!/(src|href)="https?:/.test(r.html), 'nothing loaded from the network');
  const data = JSON.parse(r.html.match(/<script type="application\/json" id="paperlab-data">(.*?)<\/script>/s)![1]);
  assert.deepEqual(data.select, ['run-a', 'run-b']);
  assert.equal(data.events['run-a'].length, syntheticEvents({ seed: 1, rounds: 1, iterations: 300 }).length);
  rmSync(dir, { recursive: true });
  rmSync(assets, { recursive: true });
});

test('packed events unpack to the same events, sharing one tags object per series', () => {
  const evs = syntheticEvents({ seed: 3, rounds: 1, iterations: 200 });
  const p = packEvents(evs);
  assert.ok(p.rows instanceof Float64Array);
  const back = unpackEvents(p);
  const metrics = (xs: RunEvent[]) => xs.filter((e) => e.type === 'metric');
  assert.deepEqual(metrics(back), metrics(evs));
  assert.deepEqual(
    back.filter((e) => e.type !== 'metric'),
    evs.filter((e) => e.type !== 'metric'),
  );
  const m = metrics(back);
  assert.equal(m[0].series, m[1].series, 'one object per series');
  // A value a trainer did not report stays absent (not 0, not NaN).
  const sparse = unpackEvents(packEvents([ev(1), { ...ev(2), values: { other: 1 } } as RunEvent]));
  assert.deepEqual((sparse[1] as { values: object }).values, { other: 1 });
});
