// The dashboard's reducer, without a browser: each message and user action gives a new model and
// leaves the old one as it was; a removed run leaves nothing behind; the selection is always drawable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialModel, plan, reduce, orderedRuns, type Model } from '../../../webview/model';
import { syntheticEvents, syntheticManifest } from '../../../scripts/synthetic-runs';
import type { PaperView, RunInfo } from '../../../src/core/protocol/dashboard';
import { figures } from '../../../src/papers/lottery-ticket/figures';
import { references } from '../../../src/papers/lottery-ticket/references';

const paper: PaperView = { id: 'lottery-ticket', title: 'LT', citation: 'F&C', figures, references, scaleNote: '' };
const run = (id: string, live = false): RunInfo => ({
  manifest: syntheticManifest(id, { seed: 1, rounds: 1, iterations: 200 }, live ? 'running' : 'completed'),
  settings: {},
  live,
});
const opts = { rounds: 1, iterations: 200, evalEvery: 100 };

function loaded(): Model {
  return reduce(initialModel({ selected: [], smoothing: 0, scales: {} }), {
    type: 'init',
    snapshot: {
      runs: [run('a'), run('b')],
      events: { a: syntheticEvents(opts) },
      papers: [paper],
      select: ['a'],
      queued: [{ key: 'queued-1', name: 'next', paper: 'lottery-ticket', seed: 1, position: 1 }],
    },
  });
}

test('init loads runs, events, papers and the queue; the plan has the paper figures, then the curves', () => {
  const m = loaded();
  assert.deepEqual([...m.runs.keys()], ['a', 'b']);
  assert.equal(m.queued.length, 1);
  assert.deepEqual(m.view.selected, ['a']);
  const ids = plan(m).map((p) => `${p.paper?.id ?? 'live'}:${p.spec.id}`);
  assert.deepEqual(ids.slice(0, 3), [
    'lottery-ticket:lth-fig3',
    'lottery-ticket:lth-fig4a-iter',
    'lottery-ticket:lth-fig4a-acc',
  ]);
  assert.ok(ids.includes('live:live-test_acc'));
});

test('reduce never changes the model it is given', () => {
  const m = loaded();
  const before = JSON.stringify({ sel: m.view.selected, runs: [...m.runs.keys()], n: m.events.get('a')!.length });
  reduce(m, { type: 'runEvents', runId: 'a', events: syntheticEvents(opts).slice(0, 3) });
  reduce(m, { type: 'runRemoved', runId: 'a' });
  reduce(m, { type: 'toggleRun', id: 'b', additive: true });
  reduce(m, { type: 'setScale', chart: 'x', axis: 'y0', scale: 'log' });
  assert.equal(
    JSON.stringify({ sel: m.view.selected, runs: [...m.runs.keys()], n: m.events.get('a')!.length }),
    before,
  );
  assert.deepEqual(m.view.scales, {});
});

test('a removed run leaves no trace: not listed, not selected, no events, no chart of its metrics', () => {
  let m = loaded();
  m = reduce(m, { type: 'runRemoved', runId: 'a' });
  assert.ok(!m.runs.has('a') && !m.events.has('a') && !m.keys.has('a'));
  assert.deepEqual(m.view.selected, []);
  assert.deepEqual(plan(m), []);
  assert.deepEqual(
    orderedRuns(m).map((r) => r.manifest.id),
    ['b'],
  );
});

test("select keeps only runs that exist, with the host's reason when nothing is selected", () => {
  let m = loaded();
  m = reduce(m, { type: 'select', runIds: ['b', 'gone'] });
  assert.deepEqual(m.view.selected, ['b']);
  m = reduce(m, { type: 'select', runIds: [], hint: 'No run of x.exp.yaml yet' });
  assert.deepEqual(m.view.selected, []);
  assert.equal(m.hint, 'No run of x.exp.yaml yet');
});

test('toggling: a click shows one run, an additive click adds or removes it', () => {
  let m = loaded();
  m = reduce(m, { type: 'toggleRun', id: 'b', additive: true });
  assert.deepEqual(m.view.selected, ['a', 'b']);
  m = reduce(m, { type: 'toggleRun', id: 'a', additive: false });
  assert.deepEqual(m.view.selected, ['a']);
  m = reduce(m, { type: 'toggleRun', id: 'a', additive: false });
  assert.deepEqual(m.view.selected, []);
});

test('live events append in order and count; a new metric key adds its curve', () => {
  let m = loaded();
  const n = m.events.get('a')!.length;
  m = reduce(m, {
    type: 'runEvents',
    runId: 'a',
    events: [{ type: 'metric', time: 1, step: 999, series: { arm: 'ticket' }, values: { grad_norm: 1 } }],
  });
  assert.equal(m.events.get('a')!.length, n + 1);
  assert.ok(plan(m).some((p) => p.spec.id === 'live-grad_norm'));
});
