// The experiments table, end to end from run folders the trainer wrote: a 2-setting × 2-seed
// lottery-ticket sweep read by the dashboard's run source becomes one sweep section with two seed
// groups; columns are the setting that differs and the paper's summary metrics per density (from the
// manifests' summaries); groups show mean and band with their count; sort and filter work on runs.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from '../runs/buildTrainer';
import { sweepCommand } from '../../../src/cli/commands/sweep';
import { RunSource } from '../../../src/host/dashboard/runSource';
import { bandText, buildTable, cellText, tableRunOf, type TableRun } from '../../../src/core/experiments/table';
import { flattenConfig } from '../../../src/core/experiments/params';
import { figures } from '../../../src/papers/lottery-ticket/figures';

before(async () => {
  process.env.PAPERLAB_TRAINER = await buildTrainer();
});

const quiet = async <T>(fn: () => Promise<T>) => {
  const orig = console.error;
  console.error = () => undefined;
  try {
    return await fn();
  } finally {
    console.error = orig;
  }
};

test('a sweep read from its run folders: one section, a group per setting, differing settings and per-density metrics', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'experiments-'));
  const file = path.join(dir, 'lt.exp.yaml');
  writeFileSync(
    file,
    `paper: lottery-ticket
name: table test
seed: 1
data: { dataset: mnist, train: 200, test: 100, val: 100 }
model: { hidden: [8] }
train: { iterations: 20, eval_every: 5, batch_size: 20 }
prune: { rounds: 1 }
controls: [random_reinit]
sweep:
  seeds: 2
  grid:
    train.lr: [1.0e-3, 3.0e-3]
`,
  );
  const runsDir = path.join(dir, 'runs');
  assert.equal(await quiet(() => sweepCommand(file, { out: runsDir, backend: 'wasm', progress: false })), 0);
  const source = new RunSource(runsDir);
  await source.scan();
  const runs = source.runs().map(tableRunOf);
  assert.equal(runs.length, 4);
  assert.ok(
    runs.every((r) => r.summaries.length === 3),
    'the trainer wrote its summaries into the manifest',
  );

  const t = buildTable(runs, [{ id: 'lottery-ticket', figures }]);
  assert.equal(t.sections.length, 1);
  assert.match(t.sections[0].label, /^sweep \d{8}-\d{6}-table-test$/);
  const groups = t.sections[0].groups;
  assert.equal(groups.length, 2, 'one seed group per learning rate');
  for (const g of groups)
    assert.deepEqual(
      g.runs.map((r) => r.seed),
      [1, 2],
    );
  const labels = t.columns.map((c) => c.label);
  assert.deepEqual(
    t.columns.filter((c) => c.kind === 'param').map((c) => c.label),
    ['train.lr'],
    'only the setting that differs (seed and name are not settings)',
  );
  assert.ok(labels.includes('ticket @ 100%: early-stop iteration'), labels.join(' | '));
  assert.ok(labels.includes('ticket @ 80.1%: test accuracy at early stop (%)'), labels.join(' | '));
  assert.ok(labels.includes('random reinit @ 80.1%: early-stop iteration'), labels.join(' | '));
  assert.ok(
    labels.indexOf('ticket @ 80.1%: early-stop iteration') <
      labels.indexOf('random reinit @ 80.1%: early-stop iteration'),
    'the method before its control',
  );
  assert.deepEqual(labels.slice(-3), ['status', 'seed', 'backend']);

  // A group's number is the mean of its seeds, with their range and the count.
  const acc = t.columns.find((c) => c.label === 'ticket @ 80.1%: test accuracy at early stop (%)')!;
  for (const g of groups) {
    const seeds = g.runs.map(
      (r) => r.summaries.find((s) => s.series.arm === 'ticket' && s.series.round === 1)!.values.test_acc_at_early_stop,
    );
    const mean = (seeds[0] + seeds[1]) / 2;
    assert.ok(Math.abs((g.values[acc.id] as number) - mean) < 1e-12);
    if (seeds[0] !== seeds[1]) {
      assert.deepEqual(g.bands[acc.id], { lo: Math.min(...seeds), hi: Math.max(...seeds), n: 2 });
      assert.match(bandText(acc, g.bands[acc.id], 'range'), /^\[\d+\.\d% – \d+\.\d%\]$/);
    }
    assert.equal(g.values.status, 'completed');
  }

  // Filter by a setting, sort by a metric.
  const filtered = buildTable(runs, [{ id: 'lottery-ticket', figures }], { filter: 'lr=0.003' });
  assert.equal(filtered.shown, 2);
  assert.deepEqual(
    filtered.sections[0].groups.map((g) => g.values['p:train.lr']),
    [0.003],
  );
  const sorted = buildTable(runs, [{ id: 'lottery-ticket', figures }], { sort: { column: acc.id, desc: true } });
  const means = sorted.sections[0].groups.map((g) => g.values[acc.id] as number);
  assert.ok(means[0] >= means[1]);
});

const run = (id: string, over: Partial<TableRun>): TableRun => ({
  id,
  name: id,
  paper: 'lottery-ticket',
  status: 'completed',
  seed: 1,
  backend: 'wasm',
  startedAt: '2026-01-01T00:00:00Z',
  groupKey: id,
  params: {},
  summaries: [],
  ...over,
});

test('sections by sweep, a 95% CI band on request, blanks last, and text for cells', () => {
  const s = (y: number) => [{ series: { arm: 'ticket', density: 0.5 }, values: { early_stop_iter: y } }];
  const runs = [
    run('a1', { sweep: '/r/.sweeps/s1', groupKey: 'A', seed: 1, summaries: s(100), startedAt: '2026-01-02T00:00:00Z' }),
    run('a2', { sweep: '/r/.sweeps/s1', groupKey: 'A', seed: 2, summaries: s(200) }),
    run('a3', { sweep: '/r/.sweeps/s1', groupKey: 'A', seed: 3, summaries: s(300) }),
    run('b', { groupKey: 'B', summaries: [] }),
  ];
  const t = buildTable(runs, [{ id: 'lottery-ticket', figures }], { band: 'ci95' });
  assert.deepEqual(
    t.sections.map((x) => x.label),
    ['sweep s1', 'runs not in a sweep'],
  );
  const col = t.columns.find((c) => c.label === 'ticket @ 50%: early-stop iteration')!;
  const g = t.sections[0].groups[0];
  assert.equal(g.values[col.id], 200);
  // sd 100, n 3: ± t(0.975, 2) · 100/√3 = 4.303 · 57.735 = 248.4.
  assert.ok(Math.abs(g.bands[col.id].hi - 200 - 248.43) < 0.1, String(g.bands[col.id].hi));
  assert.equal(cellText(col, undefined), '—');
  assert.equal(cellText({ id: 'x', label: 'x', kind: 'metric', numeric: true, percent: true }, 0.9512), '95.1%');
  assert.deepEqual(flattenConfig({ paper: 'p', seed: 1, train: { lr: 0.1 }, model: { hidden: [3, 4] } }), {
    'train.lr': 0.1,
    'model.hidden': '[3,4]',
  });
});

test('a setting is shown exactly, a measured number to four digits', () => {
  const param = { id: 'p:train.iterations', label: 'train.iterations', kind: 'param' as const, numeric: true };
  const metric = { id: 'm', label: 'm', kind: 'metric' as const, numeric: true };
  assert.equal(cellText(param, 123456), '123456');
  assert.equal(cellText(param, 0.0012), '0.0012');
  assert.equal(cellText(metric, 1033.333), '1,033');
  assert.equal(cellText(metric, 966.6667), '966.7');
});

test('a computed x in a column label shows no float noise (S² = 1600.0000000000018 reads 1600)', () => {
  const figs = [
    {
      id: 'rows',
      kind: 'summary' as const,
      title: 'rows',
      x: { label: 'S²', source: { kind: 'value' as const, key: 's2' } },
      y: [{ label: 'rows needed', source: { kind: 'value' as const, key: 'rows' } }],
      lineBy: ['arm'],
    },
  ];
  const r = run('s', { summaries: [{ series: { arm: 'sensitivity' }, values: { s2: 1600.0000000000018, rows: 90 } }] });
  const t = buildTable([r], [{ id: 'lottery-ticket', figures: figs as never }], {});
  assert.deepEqual(
    t.columns.filter((c) => c.kind === 'metric').map((c) => c.label),
    ['sensitivity @ 1600: rows needed'],
  );
});
