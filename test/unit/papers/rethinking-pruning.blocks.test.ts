import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  extractSubnetwork,
  keptUnits,
  prunedWidths,
  scratchBIterations,
  selectUnitsByL1,
} from '../../../src/trainer/neuronPruning';
import type { DenseLayer } from '../../../src/trainer/weightMatching';
import { mlpMacs } from '../../../src/core/estimate/work';

test('LeNet-300-100 FLOPs and the Scratch-B budget at 50% and 75% of units pruned (hand-computed)', () => {
  const full = mlpMacs([784, 300, 100, 10]);
  assert.equal(full, 784 * 300 + 300 * 100 + 100 * 10); // 266,200
  assert.deepEqual(prunedWidths([300, 100], 0.5), [150, 50]);
  assert.deepEqual(prunedWidths([300, 100], 0.75), [75, 25]);
  const half = mlpMacs([784, 150, 50, 10]); // 125,600
  const quarter = mlpMacs([784, 75, 25, 10]); // 60,925
  assert.equal(half, 125600);
  assert.equal(quarter, 60925);
  // Scratch-B trains the small net for the full model's compute: 3000 × 266200/125600 = 6358.28… → 6358.
  assert.equal(scratchBIterations(3000, full, half), 6358);
  assert.equal(scratchBIterations(3000, full, quarter), 13107);
  assert.ok(scratchBIterations(3000, full, full) === 3000, 'no pruning, no extra budget');
});

test('L1 selection keeps the units with the largest incoming L1 norm, ties to the lower index', () => {
  // 2 inputs → 4 hidden → 1 output. Column L1 norms: [3, 1, 3, 5].
  const layers: DenseLayer[] = [
    {
      fanIn: 2,
      fanOut: 4,
      kernel: Float32Array.from([1, -1, -2, 5, -2, 0, 1, 0]),
      bias: Float32Array.from([0.1, 0.2, 0.3, 0.4]),
    },
    { fanIn: 4, fanOut: 1, kernel: Float32Array.from([10, 20, 30, 40]), bias: Float32Array.from([7]) },
  ];
  const kept = selectUnitsByL1(layers, 0.5);
  assert.deepEqual(kept, [[0, 3]]); // 5 and the first of the tied 3s
  const sub = extractSubnetwork(layers, kept);
  assert.equal(sub[0].fanOut, 2);
  assert.deepEqual([...sub[0].kernel], [1, 5, -2, 0]);
  assert.deepEqual(
    [...sub[0].bias].map((x) => Math.round(x * 10) / 10),
    [0.1, 0.4],
  );
  assert.deepEqual([...sub[1].kernel], [10, 40]);
  assert.deepEqual([...sub[1].bias], [7]);
});

test('the extracted subnetwork computes exactly what the full net computes with the pruned units silenced', () => {
  const layers: DenseLayer[] = [
    {
      fanIn: 3,
      fanOut: 4,
      kernel: Float32Array.from([0.5, -1, 2, 0.1, 1, 1, -1, 0.3, -0.2, 0.4, 0.6, -2]),
      bias: Float32Array.from([0, 0.1, -0.1, 0.2]),
    },
    { fanIn: 4, fanOut: 2, kernel: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), bias: Float32Array.from([0.5, -0.5]) },
  ];
  const kept = selectUnitsByL1(layers, 0.5);
  const sub = extractSubnetwork(layers, kept);
  const x = [0.3, -0.7, 1.1];
  const relu = (v: number): number => Math.max(0, v);
  const hiddenFull = [0, 1, 2, 3].map((j) =>
    relu(layers[0].bias[j] + x.reduce((s, xi, i) => s + xi * layers[0].kernel[i * 4 + j], 0)),
  );
  const masked = hiddenFull.map((h, j) => (kept[0].includes(j) ? h : 0));
  const yFull = [0, 1].map(
    (o) => layers[1].bias[o] + masked.reduce((s, h, j) => s + h * layers[1].kernel[j * 2 + o], 0),
  );
  const hiddenSub = [0, 1].map((j) =>
    relu(sub[0].bias[j] + x.reduce((s, xi, i) => s + xi * sub[0].kernel[i * 2 + j], 0)),
  );
  const ySub = [0, 1].map((o) => sub[1].bias[o] + hiddenSub.reduce((s, h, j) => s + h * sub[1].kernel[j * 2 + o], 0));
  yFull.forEach((v, o) => assert.ok(Math.abs(v - ySub[o]) < 1e-5));
});

test('ratios outside [0, 1) are refused; at least one unit always survives', () => {
  assert.throws(() => keptUnits(100, 1), /pruning ratio must be in \[0, 1\)/);
  assert.throws(() => keptUnits(100, -0.1), /pruning ratio/);
  assert.equal(keptUnits(3, 0.9), 1);
});
