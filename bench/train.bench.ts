// Training throughput (samples/s) of LeNet-300-100 at batch 60 with Adam, per tfjs backend, through
// Paperlab's own loop and through tfjs' model.fit, beside PyTorch with one thread (bench/torch_lenet.py)
// measured in the same run; and the time from forking a trainer to its first metric event (warm
// dataset cache). Medians of interleaved repetitions: this machine is shared, so absolute numbers
// drift, ratios measured side by side drift less.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';
import { buildMlp } from '../src/trainer/model';
import { createOptimizer } from '../src/trainer/optim';
import { train } from '../src/trainer/loop';
import { createRng } from '../src/trainer/rng';
import { startTrainer } from '../src/core/runs/trainerProcess';
import { createRunDir } from '../src/core/runs/folder';
import { loadMnistPool } from '../src/trainer/data/mnist';
import { median, round } from './stats';

const root = path.resolve(__dirname, '..');
const REPS = 3;

function data(n: number) {
  const rng = createRng(1);
  const x = tf.tensor2d(
    Float32Array.from({ length: n * 784 }, () => rng.next()),
    [n, 784],
  );
  const labels = Int32Array.from({ length: n }, () => rng.int(10));
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D;
  // With the host copy, as toTensors gives the recipes (batches assembled on the host).
  return { x, y, n, host: { x: x.dataSync() as Float32Array, labels, classes: 10 } };
}

interface Rate {
  wall: number;
  cpu: number;
}

/** Samples per wall second and per CPU second of this process (wasm and the cpu backend use one thread). */
async function timed(samples: number, fn: () => Promise<unknown>): Promise<Rate> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: samples / ((performance.now() - t0) / 1000), cpu: samples / ((c.user + c.system) / 1e6) };
}

export async function ownLoop(steps: number): Promise<Rate> {
  const d = data(6000);
  const net = buildMlp(tf, { input: 784, hidden: [300, 100], classes: 10, init: 'glorot_normal', rng: createRng(1) });
  const opt = createOptimizer(tf, { name: 'adam', lr: 1.2e-3 }, net.variables());
  await train({ tf, net, optimizer: opt, train: d, endStep: 30, batchSize: 60, evalEvery: 1e9, rng: createRng(2) });
  const sps = await timed(steps * 60, () =>
    train({ tf, net, optimizer: opt, train: d, endStep: steps, batchSize: 60, evalEvery: 1e9, rng: createRng(2) }),
  );
  opt.dispose();
  net.dispose();
  d.x.dispose();
  d.y.dispose();
  return sps;
}

export async function modelFit(steps: number): Promise<Rate> {
  const d = data(steps * 60);
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 300, activation: 'relu' }),
      tf.layers.dense({ units: 100, activation: 'relu' }),
      tf.layers.dense({ units: 10 }),
    ],
  });
  m.compile({
    optimizer: tf.train.adam(1.2e-3),
    loss: (yt: tf.Tensor, yp: tf.Tensor) => tf.losses.softmaxCrossEntropy(yt, yp),
  });
  await m.fit(d.x.slice(0, 1800), d.y.slice(0, 1800), { batchSize: 60, epochs: 1, verbose: 0 });
  const sps = await timed(steps * 60, () => m.fit(d.x, d.y, { batchSize: 60, epochs: 1, verbose: 0, shuffle: false }));
  m.dispose();
  d.x.dispose();
  d.y.dispose();
  return sps;
}

function torchPeer(): { version: string; rates: Rate[] } | undefined {
  if (!existsSync('/usr/bin/python3')) return undefined;
  try {
    const out = execFileSync('/usr/bin/python3', [path.join(root, 'bench/torch_lenet.py'), '300', '1'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    const j = JSON.parse(out.trim().split('\n').pop()!);
    return {
      version: j.torch,
      rates: (j.samples_per_s as number[]).map((wall, i) => ({ wall, cpu: j.samples_per_cpu_s[i] })),
    };
  } catch {
    return undefined;
  }
}

async function firstMetricMs(): Promise<number[]> {
  const trainer = path.join(root, 'dist/trainer.js');
  if (!existsSync(trainer)) return [];
  loadMnistPool(); // warm cache, as promised by the target
  const out: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const runDir = createRunDir(mkdtempSync(path.join(os.tmpdir(), 'bench-runs-')), 'first-metric');
    const t0 = performance.now();
    let first = NaN;
    const h = startTrainer({
      trainerPath: trainer,
      runDir,
      backend: 'wasm',
      config: { paper: 'lottery-ticket', seed: 1, train: { iterations: 200, eval_every: 100 }, prune: { rounds: 0 } },
      onMessage: (m) => {
        if (m.type === 'event' && Number.isNaN(first)) {
          first = performance.now() - t0;
          h.stop(5000);
        }
      },
    });
    await h.exited;
    out.push(first);
  }
  return out;
}

export async function run(): Promise<object> {
  const wasm: Rate[] = [],
    cpu: Rate[] = [],
    fit: Rate[] = [],
    torch: Rate[] = [];
  let torchVersion: string | undefined;
  for (let r = 0; r < REPS; r++) {
    // Interleaved, so a burst of load from another process hits every contender alike.
    await initBackend('wasm');
    wasm.push(await ownLoop(300));
    fit.push(await modelFit(300));
    const t = torchPeer();
    if (t) (torch.push(...t.rates), (torchVersion = t.version));
  }
  await initBackend('cpu');
  cpu.push(await ownLoop(40));
  const first = await firstMetricMs();
  const med = (xs: Rate[], k: keyof Rate) => round(median(xs.map((x) => x[k])), 0);
  const both = (xs: Rate[]) => ({ wall: med(xs, 'wall'), perCpuSecond: med(xs, 'cpu') });
  return {
    model:
      'LeNet-300-100 (784-300-100-10), Adam, batch 60; samples/s per wall second and per CPU second of the process',
    samplesPerSecond: {
      wasm_own_loop: both(wasm),
      wasm_model_fit: both(fit),
      cpu_own_loop: both(cpu),
      ...(torch.length ? { pytorch_1_thread: both(torch) } : {}),
    },
    ...(torch.length
      ? {
          wasm_vs_pytorch: {
            wall: round(med(wasm, 'wall') / med(torch, 'wall'), 2),
            perCpuSecond: round(med(wasm, 'cpu') / med(torch, 'cpu'), 2),
          },
          pytorchVersion: torchVersion,
        }
      : { pytorch: 'not available (/usr/bin/python3 with torch)' }),
    own_loop_vs_model_fit: {
      wall: round(med(wasm, 'wall') / med(fit, 'wall'), 2),
      perCpuSecond: round(med(wasm, 'cpu') / med(fit, 'cpu'), 2),
    },
    firstMetricMs: first.length ? round(median(first), 0) : 'dist/trainer.js not built',
    raw: { wasm, fit, torch, firstMetricMs: first.map((x) => round(x, 0)) },
    targets: { wasm_vs_pytorch: '>= 0.8', firstMetricMs: '< 3000' },
    loadAverage: os.loadavg().map((x) => round(x, 1)),
  };
}
