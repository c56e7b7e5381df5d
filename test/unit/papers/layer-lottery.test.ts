// Layer lottery on a tiny config in-process: blocks scored at θ₀, each criterion removes p blocks,
// the unit control matches p's FLOPs, every pruned net starts from θ₀'s kept weights, CPU speed-up
// and FLOPs are reported, and the repro table and claims read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerLottery as paper } from '../../../src/papers/layer-lottery';
import { recipe } from '../../../src/papers/layer-lottery/recipe';
import { reproClaims, reproTable } from '../../../src/papers/layer-lottery/repro';
import { runRecipe, summaries, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'fashion-mnist', train: 300, test: 100 };
    c.model.width = 12;
    c.model.blocks = 4;
    c.train.iterations = 20;
    c.train.eval_every = 10;
    c.prune.blocks_removed = [2];
    c.prune.unit_control = [2];
    c.prune.saliency_batch = 64;
  });

test('tiny run: full, four criteria at p = 2, unit pruning at the same FLOPs; Δ, speed-up, FLOPs; table', async () => {
  const r = await runRecipe(recipe, tiny());
  const s = summaries(r);
  assert.deepEqual(
    s.map((e) => `${e.series.arm}:${e.series.criterion}`),
    ['full:none', 'blocks:grasp', 'blocks:snip', 'blocks:random', 'blocks:last', 'units:grasp'],
  );
  const all = s;
  const u = all[5].values;
  const blocks = all[1].values;
  // Removing 2 of 4 blocks and halving every block's inner units save the same FLOPs.
  assert.ok(Math.abs(u.flops_reduction - blocks.flops_reduction) < 1e-12);
  assert.equal(all.find((e) => e.series.criterion === 'last')!.series.removed, '3 4');
  for (const e of all.slice(1)) {
    assert.ok(Math.abs(e.values.delta_vs_full - (e.values.final_test_acc - all[0].values.final_test_acc)) < 1e-12);
    assert.ok(e.values.speedup_cpu > 0 && e.values.cpu_ms_per_step > 0);
  }
  assert.ok(r.logs.some((l) => /grasp block scores at θ₀/.test(l)));
  assert.match(reproTable(r.events), /\| 2 \| blocks · grasp \| \d \d \| [+-][\d.]+ pp \| \+0\.72 pp \|/);
  assert.deepEqual(
    reproClaims(r.events).map((c) => c.id),
    ['grasp-p2-wins', 'units-lose-p2', 'grasp-over-snip-p2'],
  );
});
