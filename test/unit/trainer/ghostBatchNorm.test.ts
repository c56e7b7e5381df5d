import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/trainer/backend';
import { createBatchNorm } from '../../../src/trainer/ghostBatchNorm';
import { createRng } from '../../../src/trainer/rng';

test('ghost batch norm normalizes each virtual batch by its own statistics', async () => {
  const { tf } = await initBackend('wasm');
  const r = createRng(4);
  const [b, f, g] = [12, 3, 4];
  // Each ghost batch gets a different offset and scale, so only per-ghost statistics normalize it.
  const x = Float32Array.from({ length: b * f }, (_, i) => {
    const chunk = Math.floor(i / (g * f));
    return 10 * chunk + (chunk + 1) * r.normal();
  });
  const bn = createBatchNorm(tf, f, { name: 'gbn-test' });
  const y = tf.tidy(() => bn.apply(tf.tensor2d(x, [b, f]), { training: true, ghost: g }));
  const out = y.arraySync();
  for (let c = 0; c < b / g; c++) {
    for (let j = 0; j < f; j++) {
      const col = out.slice(c * g, (c + 1) * g).map((row) => row[j]);
      const mean = col.reduce((a, v) => a + v, 0) / g;
      const variance = col.reduce((a, v) => a + (v - mean) ** 2, 0) / g;
      assert.ok(Math.abs(mean) < 1e-5, `ghost ${c}, feature ${j}: mean ${mean}`);
      assert.ok(Math.abs(variance - 1) < 1e-3, `ghost ${c}, feature ${j}: variance ${variance}`);
    }
  }
  // With ghost = B it is ordinary batch norm: the whole batch has mean 0, but single chunks do not.
  const full = tf.tidy(() => bn.apply(tf.tensor2d(x, [b, f]), { training: true })).arraySync();
  const firstChunkMean = full.slice(0, g).reduce((a, row) => a + row[0], 0) / g;
  assert.ok(Math.abs(firstChunkMean) > 0.5, 'full-batch statistics mix the chunks');
  bn.dispose();
  y.dispose();
});

test('running statistics follow sequential per-ghost-batch momentum updates', async () => {
  const { tf } = await initBackend('wasm');
  const bn = createBatchNorm(tf, 1, { momentum: 0.1, name: 'gbn-running' });
  // Two ghost batches of 2: means 1 and 5, unbiased variances 2 and 8.
  tf.tidy(() => bn.apply(tf.tensor2d([0, 2, 3, 7], [4, 1]), { training: true, ghost: 2 }));
  const m1 = 0.9 * 0 + 0.1 * 1;
  const m2 = 0.9 * m1 + 0.1 * 5;
  const v1 = 0.9 * 1 + 0.1 * 2;
  const v2 = 0.9 * v1 + 0.1 * 8;
  assert.ok(Math.abs(bn.runningMean.dataSync()[0] - m2) < 1e-6);
  assert.ok(Math.abs(bn.runningVar.dataSync()[0] - v2) < 1e-6);
  // Eval mode uses them.
  const y = tf.tidy(() => bn.apply(tf.tensor2d([m2], [1, 1]), { training: false }));
  assert.ok(Math.abs(y.dataSync()[0]) < 1e-6);
  assert.throws(
    () => tf.tidy(() => bn.apply(tf.tensor2d([1, 2, 3], [3, 1]), { training: true, ghost: 2 })),
    /must divide the batch/,
  );
  bn.dispose();
});

test('gradients flow through ghost batch norm to γ, β and the input', async () => {
  const { tf } = await initBackend('wasm');
  const bn = createBatchNorm(tf, 2, { name: 'gbn-grad' });
  const x = tf.tensor2d([1, 2, 3, 5, -1, 0, 4, 4], [4, 2]);
  const { grads } = tf.variableGrads(
    () =>
      bn
        .apply(x, { training: true, ghost: 2 })
        .mul(tf.tensor2d([1, 0, 2, 0, 0, 1, 0, 3], [4, 2]))
        .sum() as any,
    bn.variables(),
  );
  const gb = grads[bn.beta.name].dataSync();
  assert.deepEqual([...gb], [3, 4]); // ∂/∂β = column sums of the upstream weights
  assert.ok(Number.isFinite(grads[bn.gamma.name].dataSync()[0]));
  bn.dispose();
});
