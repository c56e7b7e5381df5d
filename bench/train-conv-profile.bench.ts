// Where one LeNet-5 training step (conv 6-16 k5, fc 120-84, SGD, batch 64) spends its time on wasm: each
// conv block's fused forward op (conv, bias, ReLU, 2×2 max pool) and backward op timed alone on the step's
// shapes, and the whole step through our loop (as `npm run bench -- train` runs it). CPU ms, medians of
// interleaved repetitions. docs/performance.md explains the table; PROFILE_REPS sets the repetitions.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';
import { lenet5 } from './train.bench';
import { createOptimizer } from '../src/trainer/optim';
import { train } from '../src/trainer/loop';
import { createRng } from '../src/trainer/rng';
import { median, round } from './stats';

const REPS = Number(process.env.PROFILE_REPS ?? 5);
const B = 64;

/** CPU ms per call of fn (this process; wasm uses one thread): the median of 5 chunks of calls. */
function cpuMs(fn: () => void, calls: number): number {
  for (let i = 0; i < 5; i++) fn();
  const chunks: number[] = [];
  for (let k = 0; k < 5; k++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls / 5; i++) fn();
    const c = process.cpuUsage(c0);
    chunks.push((c.user + c.system) / 1000 / (calls / 5));
  }
  return median(chunks);
}

const randn = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};
const runOp = (name: string, inputs: Record<string, tf.Tensor>, attrs: object) =>
  tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as tf.Tensor[];

/** The two conv blocks' fused ops, each timed alone on LeNet-5's shapes at batch 64. */
function convParts(): Record<string, number> {
  const out: Record<string, number> = {};
  const blocks: [string, number[], number[], boolean][] = [
    ['conv1', [B, 28, 28, 1], [5, 5, 1, 6], false], // the net's input: no dX
    ['conv2', [B, 12, 12, 6], [5, 5, 6, 16], true],
  ];
  for (const [name, xs, ws, needDx] of blocks) {
    const x = tf.tensor(
      randn(
        xs.reduce((a, b) => a * b),
        1,
      ),
      xs,
    );
    const w = tf.tensor(
      randn(
        ws.reduce((a, b) => a * b),
        2,
      ),
      ws,
    );
    const b = tf.tensor(randn(ws[3], 3), [ws[3]]);
    const attrs = { pad: 'valid', relu: true, pool: true };
    out[`${name}_forward`] = cpuMs(() => runOp('PaperlabConv', { x, w, b }, attrs).forEach((t) => t.dispose()), 50);
    const [y, arg] = runOp('PaperlabConv', { x, w, b }, attrs);
    const dy = tf.tensor(randn(y.size, 4), y.shape);
    const grad = (dx: boolean) => () =>
      runOp('PaperlabConvGrad', { x, w, y, dy, arg }, { ...attrs, needDx: dx }).forEach((t) => t.dispose());
    out[`${name}_backward`] = cpuMs(grad(needDx), 50);
    if (needDx) out[`${name}_backward_dW_db_only`] = cpuMs(grad(false), 50);
    [x, w, b, y, arg, dy].forEach((t) => t.dispose());
  }
  return out;
}

/** CPU ms per step of our loop, as the train bench runs it (after a warm-up): the median of 3 runs. */
async function stepMs(steps: number): Promise<number> {
  const n = 6000;
  const rng = createRng(1);
  const host = Float32Array.from({ length: n * 784 }, () => rng.next());
  const labels = Int32Array.from({ length: n }, () => rng.int(10));
  const x = tf.tensor(host, [n, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D;
  const net = lenet5();
  const optimizer = createOptimizer(tf, { name: 'sgd', lr: 0.05 }, net.variables());
  const common = { tf, net, optimizer, train: { x, y, n, host: { x: host, labels, classes: 10 } }, batchSize: B };
  await train({ ...common, evalEvery: 1e9, endStep: 10, rng: createRng(2) });
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    await train({ ...common, evalEvery: 1e9, endStep: steps, rng: createRng(2) });
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000 / steps);
  }
  optimizer.dispose();
  net.dispose();
  x.dispose();
  y.dispose();
  return median(runs);
}

export async function run(): Promise<object> {
  await initBackend('wasm');
  const reps: Record<string, number>[] = [];
  for (let r = 0; r < REPS; r++) {
    const parts = convParts();
    const step = await stepMs(50);
    reps.push({ ...parts, whole_step: step });
  }
  const med = Object.fromEntries(Object.keys(reps[0]).map((k) => [k, round(median(reps.map((x) => x[k])), 3)]));
  return {
    what: 'CPU ms per LeNet-5 SGD training step (batch 64) on wasm: the conv blocks’ fused ops timed alone, and the whole step through our loop; medians of interleaved repetitions',
    wasm: med,
    raw: reps,
    loadAverage: os.loadavg().map((x) => round(x, 1)),
  };
}
