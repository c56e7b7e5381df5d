// NUPES on a tiny config in-process: the float net trains once, every (bits, quantizer) is evaluated,
// the searched exponents never reconstruct the weights worse than uniform, the error curves cover the
// grid, and the repro table and claims read the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nupes as paper } from '../../../src/papers/nupes';
import { recipe } from '../../../src/papers/nupes/recipe';
import { reproClaims, reproTable } from '../../../src/papers/nupes/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data = { dataset: 'fashion-mnist', train: 400, test: 200 };
    c.model.hidden = [24, 12];
    c.train.iterations = 30;
    c.train.eval_every = 10;
    c.quant.bits = [3, 8];
    c.quant.grid = 8;
    c.quant.calibration = 64;
  });

test('tiny run: float once, three quantizers per bit width, exponents on the grid, curves at figure_bits', async () => {
  const r = await runRecipe(recipe, tiny());
  assert.deepEqual(
    metrics(r, (s) => s.arm === 'float').map((e) => e.step),
    [0, 10, 20, 30],
  );
  const q = summaries(r, (s) => s.kind === 'quantized');
  assert.equal(q.length, 2 * 4);
  for (const bits of [3, 8]) {
    const at = (arm: string) => q.find((e) => e.series.arm === arm && e.series.bits === bits)!.values;
    assert.deepEqual([at('uniform').a_layer0, at('uniform').a_layer1, at('uniform').a_layer2], [1, 1, 1]);
    for (let l = 0; l < 3; l++) {
      const a = at('power_data_free')[`a_layer${l}`];
      assert.ok(a >= 0.2 - 1e-9 && a <= 1 + 1e-9, `a = ${a}`);
      // The data-free search picks the grid's best weight error, a = 1 included: never worse than uniform.
      assert.ok(at('power_data_free')[`weight_mse_layer${l}`] <= at('uniform')[`weight_mse_layer${l}`] + 1e-12);
    }
    assert.ok(Number.isFinite(at('power_data_driven').test_acc));
  }
  // 8 bits is close to float for every quantizer on a tiny net.
  const float = q.find((e) => e.series.arm === 'float')!.values.test_acc;
  for (const e of q.filter((x) => x.series.bits === 8)) assert.ok(Math.abs(e.values.test_acc - float) < 0.05);
  const curves = summaries(r, (s) => s.kind === 'search_curve');
  assert.equal(curves.length, 3 * 9);
  const table = reproTable(r.events);
  assert.match(table, /\n\| 3 \| [\d.]+% \| [\d.]+% \| [\d.]+% \| [\d.]+% \|/);
  assert.ok(reproClaims(r.events).some((c) => c.id === 'power_data_free-beats-uniform-3'));
});
