import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomPruning as paper } from '../../../src/papers/random-pruning';
import { recipe, rescaleToMaskedFanIn, widthsAt } from '../../../src/papers/random-pruning/recipe';
import { reproTable } from '../../../src/papers/random-pruning/repro';
import { bonferroniZ } from '../../../src/core/stats';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'mnist', train: 300, test: 100 };
    c.model.hidden = [32, 16];
    c.widths = [0.5, 1];
    c.mask.densities = [0.5, 0.1];
    c.mask.layerwise = ['er', 'uniform'];
    c.train.iterations = 20;
    c.train.eval_every = 10;
  });

test('tiny run: every width trains dense and each (density, ratio) mask; masks hold through training; gaps are sparse − dense', async () => {
  const r = await runRecipe(recipe, tiny());
  const dense = summaries(r, (s) => s.arm === 'dense');
  const sparse = summaries(r, (s) => s.arm === 'sparse');
  assert.deepEqual(
    dense.map((e) => e.series.width),
    [0.5, 1],
  );
  assert.equal(sparse.length, 2 * 2 * 2);
  for (const e of sparse) {
    const d = dense.find((x) => x.series.width === e.series.width)!;
    assert.ok(Math.abs(e.values.gap - (e.values.final_test_acc - d.values.final_test_acc)) < 1e-12);
    // Exact kept counts per layer: the overall density is the target up to rounding of a few weights.
    assert.ok(
      Math.abs(e.values.actual_density - e.series.density) < 0.01,
      `density ${e.values.actual_density} vs ${e.series.density}`,
    );
    // Pruned weights stayed exactly zero through SGD with momentum and weight decay.
    assert.ok(e.values.nonzero_after_training <= e.values.actual_density + 1e-12);
  }
  // Every network reports curves from step 0: evaluations at 0, 10, 20 and at the paper's second
  // learning-rate drop (75% = step 15); the drop at 50% falls on step 10.
  assert.deepEqual(
    metrics(r, (s) => s.arm === 'sparse' && s.width === 1 && s.density === 0.1 && s.layerwise === 'er').map(
      (e) => e.step,
    ),
    [0, 10, 15, 20],
  );
  // ER at 10% on [16, 8]-wide layers: the phase note says which layers it had to make dense, if any.
  assert.ok(r.events.some((e) => e.type === 'phase' && /per layer/.test(e.label)));
  // The repro table has a row per width and states both claims with this run's counts.
  const table = reproTable(r.events);
  assert.match(table, /\n\| 0\.5 \| /);
  assert.match(table, /\n\| 1 \| /);
  assert.match(table, /ER ≥ uniform in \d of 4 \(width, density\) pairs/);
});

test('ER keeps small layers denser than uniform at the same overall density (read from the phase notes)', async () => {
  const c = tiny();
  c.widths = [1];
  c.mask.densities = [0.1];
  const r = await runRecipe(recipe, c);
  const note = (lw: string) => r.events.find((e) => e.type === 'phase' && e.series.layerwise === lw).label as string;
  const pct = (s: string) => [...s.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
  assert.deepEqual(pct(note('uniform')), [10, 10, 10]);
  const er = pct(note('er'));
  assert.ok(er[0] < 10 && er[2] > er[0], `ER densities ${er}`);
});

test('width multipliers scale every hidden layer and never reach zero', () => {
  assert.deepEqual(widthsAt([256, 256], 0.5), [128, 128]);
  assert.deepEqual(widthsAt([3], 0.1), [1]);
});

test("rescale_init: each unit's kept weights are multiplied by √(fan-in / kept inputs); pruned ones stay zero", async () => {
  const { initBackend } = await import('../../../src/trainer/backend');
  const { tf } = await initBackend('wasm').catch(async () => {
    const t = await import('@tensorflow/tfjs');
    await t.setBackend('cpu');
    return { tf: t };
  });
  const w = tf.variable(tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]));
  // Unit 0 keeps 1 of 4 inputs, unit 1 keeps all 4.
  const mask = tf.tensor2d([1, 1, 0, 1, 0, 1, 0, 1], [4, 2]);
  const net = { layers: [{ name: 'dense0', weight: w }] };
  w.assign(tf.mul(w, mask));
  const mean = rescaleToMaskedFanIn(tf, net, new Map([['dense0', mask]]));
  assert.deepEqual(Array.from(w.dataSync()), [2, 2, 0, 4, 0, 6, 0, 8]);
  assert.equal(mean, (2 + 1) / 2);
  w.dispose();
  mask.dispose();
});

test('rescale_init in a run: sparse nets report their mean init scale (> 1), the dense control is untouched, masks hold', async () => {
  const c = tiny();
  c.widths = [1];
  c.mask.densities = [0.25];
  c.mask.rescale_init = true;
  const r = await runRecipe(recipe, c);
  const sparse = summaries(r, (s) => s.arm === 'sparse');
  for (const e of sparse) {
    assert.ok(e.values.init_scale > 1.5 && e.values.init_scale < 3, `init_scale ${e.values.init_scale}`);
    assert.ok(e.values.nonzero_after_training <= e.values.actual_density + 1e-12);
  }
  const off = await runRecipe(recipe, { ...c, mask: { ...c.mask, rescale_init: false } });
  assert.ok(summaries(off, (s) => s.arm === 'sparse').every((e) => e.values.init_scale === 1));
  // The dense control does not depend on the option.
  assert.equal(
    summaries(r, (s) => s.arm === 'dense')[0].values.final_test_acc,
    summaries(off, (s) => s.arm === 'dense')[0].values.final_test_acc,
  );
});

test("lr_drops: the rate is ×0.1 after each fraction of every run (the paper's epochs 80 and 120 of 160)", async () => {
  const c = tiny();
  c.widths = [1];
  c.mask.densities = [0.5];
  c.mask.layerwise = ['er'];
  c.train.iterations = 40;
  c.train.eval_every = 10;
  c.train.lr_drops = [0.5, 0.75];
  const r = await runRecipe(recipe, c);
  const lrs = metrics(r, (s) => s.arm === 'sparse').map((e) => [e.step, e.values.lr]);
  const lr = c.train.lr;
  for (const [step, v] of lrs) {
    const expected = step <= 20 ? lr : step <= 30 ? lr * 0.1 : lr * 0.01;
    assert.ok(Math.abs(v - expected) < 1e-12, `step ${step}: lr ${v}, expected ${expected}`);
  }
});

test('repro table: a line closes only beyond twice the test-set standard error of the change in gap', () => {
  const n = 10000;
  const sum = (width: number, arm: string, acc: number, density = 1, layerwise?: string, dense?: number) => ({
    type: 'summary',
    series: { arm, width, density, ...(layerwise ? { layerwise } : {}) },
    values: { final_test_acc: acc, test_examples: n, ...(dense !== undefined ? { gap: acc - dense } : {}) },
    time: 0,
  });
  const events: any[] = [
    sum(1, 'dense', 0.86),
    sum(1, 'sparse', 0.8, 0.05, 'uniform', 0.86),
    sum(1, 'sparse', 0.85, 0.2, 'uniform', 0.86),
    sum(4, 'dense', 0.87),
    sum(4, 'sparse', 0.85, 0.05, 'uniform', 0.87),
    sum(4, 'sparse', 0.865, 0.2, 'uniform', 0.87),
  ];
  const table = reproTable(events);
  // 6 pp → 2 pp: closes; 1 pp → 0.5 pp is inside ±1.4 pp.
  assert.match(table, /0\.05 uniform -6\.00 pp → -2\.00 pp \(closes, noise ±1\.\d pp\)/);
  assert.match(table, /0\.2 uniform -1\.00 pp → -0\.50 pp \(flat within noise/);
  assert.match(table, /1 of 2 lines close beyond noise/);
});

test('repro table: Bonferroni over the lines judged, and each line judged again without its narrowest width', () => {
  assert.ok(Math.abs(bonferroniZ(1) - 1.959964) < 1e-5);
  assert.ok(Math.abs(bonferroniZ(4) - 2.497705) < 1e-5);
  const n = 10000;
  const sum = (width: number, arm: string, acc: number, density = 1, layerwise?: string, dense?: number) => ({
    type: 'summary',
    series: { arm, width, density, ...(layerwise ? { layerwise } : {}) },
    values: { final_test_acc: acc, test_examples: n, ...(dense !== undefined ? { gap: acc - dense } : {}) },
    time: 0,
  });
  // Four lines; 0.05 er closes by 1.5 pp from ×0.25 to ×1 — beyond 2 SE (≈1.3 pp), within Bonferroni's 2.50 SE
  // (≈1.6 pp) — and by 8.5 pp from ×0.125, which carries the whole result.
  const events: any[] = [];
  const lines: [number, string, number[]][] = [
    [0.05, 'er', [0.76, 0.825, 0.84]],
    [0.05, 'uniform', [0.5, 0.79, 0.83]],
    [0.2, 'er', [0.84, 0.85, 0.85]],
    [0.2, 'uniform', [0.83, 0.845, 0.85]],
  ];
  [0.125, 0.25, 1].forEach((w, i) => {
    events.push(sum(w, 'dense', 0.86));
    for (const [d, l, accs] of lines) events.push(sum(w, 'sparse', accs[i], d, l, 0.86));
  });
  const table = reproTable(events);
  assert.match(table, /Bonferroni over 4 lines: ±2\.50 SE/);
  assert.match(
    table,
    /0\.05 er -10\.00 pp → -3\.50 pp → -2\.00 pp \(closes, noise ±[\d.]+ pp; without the narrowest width: flat within noise\)/,
  );
  assert.match(table, /0\.05 uniform .*\(closes, .*without the narrowest width: closes\)/);
  assert.match(table, /Bonferroni over 6 pairs/);
});
