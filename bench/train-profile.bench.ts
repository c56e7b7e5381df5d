// Where one LeNet-300-100 training step (Adam, batch 60) spends its time on wasm, part by part, beside
// PyTorch + OpenBLAS (one thread) doing the same parts, and each part's floor on this CPU. Every part is
// timed alone in a loop (CPU ms per step, median of interleaved repetitions); what a whole step costs
// beyond the sum of its parts is op dispatch, autograd and tensor bookkeeping. docs/performance.md
// explains the table.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';
import { buildMlp, crossEntropy } from '../src/trainer/model';
import { createOptimizer } from '../src/trainer/optim';
import { batchTensors, evaluate, train } from '../src/trainer/loop';
import { fullMasks } from '../src/trainer/masks';
import { createRng } from '../src/trainer/rng';
import { fusedLayersActive, wasmKernelsFor } from '../src/trainer/wasmKernels/index';
import { loadMnistPool } from '../src/trainer/data/mnist';
import { median, round } from './stats';
import { openblasCoreFor } from './train.bench';

const root = path.resolve(__dirname, '..');
// PROFILE_REPS and PROFILE_NO_TORCH let a before/after comparison interleave two trees' profiles.
const REPS = Number(process.env.PROFILE_REPS ?? 5);
const SIZES = [784, 300, 100, 10];
const B = 60;
/** Evaluation as the lottery-ticket example does it: 3,000 examples every 100 steps. */
const EVAL_EXAMPLES = 3000;
const EVAL_EVERY = 100;

/** CPU ms per call of fn (this process; wasm uses one thread). */
function cpuMs(fn: () => void, calls: number): number {
  for (let i = 0; i < Math.max(3, calls / 10); i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / calls;
}

/** The parts of a step, each timed alone on the wasm backend. */
async function oursOnce(): Promise<Record<string, number>> {
  const rng = createRng(1);
  const net = buildMlp(tf, { input: 784, hidden: [300, 100], classes: 10, init: 'glorot_normal', rng });
  // The MNIST digits, as the lottery-ticket example trains on them: 81% of their pixels are exactly 0,
  // which our products skip (kernels.c), so timing them on noise would measure another workload.
  const n = 6000;
  const pool = loadMnistPool();
  const hostX = pool.x.slice(0, n * 784);
  const labels = pool.labels.slice(0, n);
  const x = tf.tensor2d(hostX, [n, 784]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D;
  const split = { x, y, n, host: { x: hostX, labels, classes: 10 } };
  // With its host copy, as toTensors gives the recipes.
  const evalSplit = {
    x: x.slice(0, EVAL_EXAMPLES),
    y: y.slice(0, EVAL_EXAMPLES),
    n: EVAL_EXAMPLES,
    host: { x: hostX.subarray(0, EVAL_EXAMPLES * 784), labels: labels.subarray(0, EVAL_EXAMPLES), classes: 10 },
  };
  const idx = Int32Array.from({ length: B }, (_, i) => (i * 97) % n);
  const [xb, yb] = batchTensors(tf, split, idx);
  const W = net.layers.map((l) => l.weight);
  // Each product's operands as a step meets them: the batch, the ReLU outputs of the net's forward
  // pass (zeros included), and gradients that are 0 where the ReLU clamped.
  const inputs: tf.Tensor2D[] = [xb as tf.Tensor2D];
  net.layers.forEach((l, i) => {
    const z = tf.tidy(() => tf.add(tf.matMul(inputs[i], l.weight), l.bias));
    inputs.push(i < 2 ? tf.tidy(() => tf.relu(z)) : z);
    if (i < 2) z.dispose();
  });
  const acts = inputs; // acts[l + 1]: layer l's output (logits last)
  const grads = net.layers.map((_, i) =>
    tf.tidy(() => {
      const g = tf.randomNormal([B, SIZES[i + 1]]);
      return i < 2 ? tf.mul(g, tf.step(acts[i + 1])) : g;
    }),
  );
  const out: Record<string, number> = {};

  out.gemm_forward = cpuMs(() => tf.tidy(() => W.forEach((w, i) => tf.matMul(inputs[i], w))), 200);
  // dX for every layer but the first (its input is data), dW for every layer.
  out.gemm_dX = cpuMs(() => tf.tidy(() => W.slice(1).forEach((w, i) => tf.matMul(grads[i + 1], w, false, true))), 200);
  out.gemm_dW = cpuMs(() => tf.tidy(() => W.forEach((w, i) => tf.matMul(inputs[i], grads[i], true, false))), 200);
  // Bias, ReLU, ReLU gradient and bias gradient: fused into the layer ops on wasm (timed here as the
  // kernel calls those ops make), separate tfjs ops elsewhere.
  const ks = fusedLayersActive(tf) ? wasmKernelsFor(tf) : undefined;
  if (ks) {
    const scratch = SIZES.slice(1).map((w) => tf.zeros([B, w]));
    const dbs = SIZES.slice(1).map((w) => tf.zeros([w]));
    out.bias_activation = cpuMs(() => {
      net.layers.forEach((l, i) => {
        const [y, g] = [ks.offset(acts[i + 1]), ks.offset(scratch[i])];
        ks.k.bias_act(B, SIZES[i + 1], g, ks.offset(l.bias), i < 2 ? 1 : 0);
        ks.k.bias_act_grad(B, SIZES[i + 1], y, ks.offset(scratch[i]), i < 2 ? 1 : 0, g, ks.offset(dbs[i]));
      });
    }, 200);
    [...scratch, ...dbs].forEach((t) => t.dispose());
  } else
    out.bias_activation = cpuMs(
      () =>
        tf.tidy(() =>
          net.layers.forEach((l, i) => {
            const h = tf.add(acts[i + 1], l.bias); // forward bias add
            if (i < 2) tf.mul(acts[i + 1], tf.step(tf.relu(h))); // relu and its gradient
            tf.sum(acts[i + 1], 0); // bias gradient
          }),
        ),
      200,
    );
  out.loss = cpuMs(
    () => tf.tidy(() => tf.grad((l: tf.Tensor) => crossEntropy(tf, l as tf.Tensor2D, yb))(acts[3])),
    200,
  );
  const masks = fullMasks(tf, net);
  const opt = createOptimizer(tf, { name: 'adam', lr: 1.2e-3 }, net.variables());
  const varGrads = Object.fromEntries(net.variables().map((v) => [v.name, tf.randomNormal(v.shape, 0, 1e-3)]));
  const maskOf = (v: tf.Variable) => masks.get(net.layers.find((l) => l.weight === v)?.name ?? '');
  out.optimizer_masks = cpuMs(() => opt.apply(varGrads, maskOf), 200);
  out.batch_assembly = cpuMs(() => tf.tidy(() => void batchTensors(tf, split, idx)), 500);
  out.evaluation = cpuMs(() => void evaluate(tf, net, evalSplit), 10) / EVAL_EVERY;
  const o2 = createOptimizer(tf, { name: 'adam', lr: 1.2e-3 }, net.variables());
  const loop = { tf, net, optimizer: o2, masks, train: split, batchSize: B, evalEvery: 1e9 };
  await train({ ...loop, endStep: 20, rng: createRng(2) });
  const c0 = process.cpuUsage();
  await train({ ...loop, endStep: 300, rng: createRng(2) });
  const c = process.cpuUsage(c0);
  out.whole_step = (c.user + c.system) / 1000 / 300;
  const parts = Object.entries(out).filter(([k]) => k !== 'whole_step' && k !== 'evaluation');
  out.dispatch_autograd_bookkeeping = out.whole_step - parts.reduce((s, [, v]) => s + v, 0);

  [o2, opt].forEach((o) => o.dispose());
  [x, y, evalSplit.x, evalSplit.y, yb, ...inputs, ...grads, ...Object.values(varGrads), ...masks.values()].forEach(
    (t) => t.dispose(),
  );
  net.dispose();
  return out;
}

function torchOnce(): Record<string, number> | undefined {
  const core = process.env.OPENBLAS_CORETYPE ?? openblasCoreFor();
  try {
    const out = execFileSync('/usr/bin/python3', [path.join(root, 'bench/torch_lenet.py'), 'profile'], {
      encoding: 'utf8',
      timeout: 300_000,
      env: {
        ...process.env,
        OMP_NUM_THREADS: '1',
        OPENBLAS_NUM_THREADS: '1',
        ...(core ? { OPENBLAS_CORETYPE: core } : {}),
      },
    });
    return JSON.parse(out.trim().split('\n').pop()!).parts_ms;
  } catch (e) {
    console.error(`PyTorch profile failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    return undefined;
  }
}

/** The nominal clock: os.cpus() reports 0 MHz on some VMs, /proc/cpuinfo still has it. */
function cpuGHz(): number {
  const mhz = os.cpus()[0]?.speed || Number(/cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]);
  return (mhz || 2100) / 1000;
}

/**
 * Floors on this CPU: GEMMs at the AVX-512 FMA peak (2 FMA units × 16 lanes × 2 FLOP per cycle at the
 * base clock), and at the ceiling of wasm's 128-bit SIMD (no FMA: a multiply and an add, 4 lanes, at
 * most ~3 vector ops per cycle); memory-bound parts at the measured copy bandwidth of one core.
 */
export function floorsForDocs(): Record<string, number | string> {
  const ghz = cpuGHz();
  const avx512 = 64 * ghz; // GFLOP/s
  const wasmSimd = 4 * 3 * ghz; // GFLOP/s: 3 vector ops/cycle, half of them adds
  const gemm = (pairs: number[][]) => pairs.reduce((s, [a, b]) => s + 2 * B * a * b, 0) / 1e6; // MFLOP
  const fwd = gemm([
    [784, 300],
    [300, 100],
    [100, 10],
  ]);
  const dx = gemm([
    [300, 100],
    [100, 10],
  ]);
  // Copy bandwidth of this core, measured in CPU time (wall time on a shared machine counts the
  // others' work): 64 MiB copied, the best of 7 tries.
  const a = new Float64Array(8 * 2 ** 20),
    b = new Float64Array(8 * 2 ** 20);
  let gbPerS = 0;
  for (let i = 0; i < 7; i++) {
    const c0 = process.cpuUsage();
    b.set(a);
    const c = process.cpuUsage(c0);
    gbPerS = Math.max(gbPerS, (2 * a.byteLength) / ((c.user + c.system) / 1e6) / 1e9);
  }
  const params = 266_610;
  // Adam with masks: read w, g, m, v, mask; write w, m, v (float32).
  const adamBytes = params * 4 * 8;
  return {
    cpuGHz: ghz,
    avx512PeakGflops: round(avx512, 0),
    wasmSimdCeilingGflops: round(wasmSimd, 0),
    copyBandwidthGBs: round(gbPerS, 1),
    gemm_forward: round(fwd / avx512, 3),
    gemm_dX: round(dx / avx512, 3),
    gemm_dW: round(fwd / avx512, 3),
    gemm_all_at_wasm_simd_ceiling: round((2 * fwd + dx) / wasmSimd, 3),
    optimizer_masks: round((adamBytes / (gbPerS * 1e9)) * 1000, 3),
    batch_assembly: round(((B * 784 * 4 * 2) / (gbPerS * 1e9)) * 1000, 4),
    evaluation: round(((2 * fwd * (EVAL_EXAMPLES / B)) / avx512 / EVAL_EVERY) * 1, 3),
    samplesPerSecondAtAvx512Peak: round((B / ((2 * fwd + dx) / avx512)) * 1000, 0),
  };
}

export async function run(): Promise<object> {
  await initBackend('wasm');
  const ours: Record<string, number>[] = [];
  const theirs: Record<string, number>[] = [];
  for (let r = 0; r < REPS; r++) {
    ours.push(await oursOnce());
    const t = process.env.PROFILE_NO_TORCH ? undefined : torchOnce();
    if (t) theirs.push(t);
  }
  const med = (xs: Record<string, number>[]) =>
    Object.fromEntries(Object.keys(xs[0] ?? {}).map((k) => [k, round(median(xs.map((x) => x[k])), 3)]));
  return {
    what: 'CPU ms per LeNet-300-100 Adam training step (batch 60), each part timed alone; median of interleaved repetitions',
    wasm: med(ours),
    pytorch_openblas_1_thread: theirs.length ? med(theirs) : 'not available',
    floor_ms: floorsForDocs(),
    raw: { wasm: ours, pytorch: theirs },
    loadAverage: os.loadavg().map((x) => round(x, 1)),
  };
}
