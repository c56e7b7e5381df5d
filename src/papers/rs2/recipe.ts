import { defineRecipe } from '../../trainer/recipe';
import { rs2 } from './index';
/**
 * Recipe for `paper: rs2`: for each ratio r and method (RS2 without replacement, RS2 with replacement,
 * a static random subset) and once for the full data, train the same initialization for the same
 * number of rounds with SGD + Nesterov and a per-iteration cosine schedule of rounds·⌈rN/b⌉ steps.
 * Test accuracy is measured on ONE schedule of examples seen shared by every arm (a geometric grid,
 * sampling.ts `evalGrid`) and at the end of each round, so time-to-accuracy compares arms at the same
 * resolution instead of at full data's epoch ends. Each metric event carries examples seen, iterations
 * (its `step`), and the training time so far — CPU seconds of this process and wall seconds, both
 * without evaluation — so time-to-accuracy is read in examples, iterations and seconds.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { mlpFor, crossEntropy, type Net } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { loadImageData } from '../../trainer/data';
import {
  cosineLr,
  cosineSteps,
  createSampler,
  evalGrid,
  iterationsPerRound,
  subsetSize,
  type Method,
} from './sampling';
import type { Rs2Config } from './schema';

type T2 = tfNs.Tensor2D;

interface Arm {
  method: Method;
  ratio: number;
}

export function armsOf(c: Rs2Config): Arm[] {
  const arms: Arm[] = [];
  for (const ratio of [...c.sampling.ratios].sort((a, b) => a - b)) {
    for (const method of c.sampling.methods) if (method !== 'full') arms.push({ method, ratio });
  }
  if (c.sampling.methods.includes('full')) arms.push({ method: 'full', ratio: 1 });
  return arms;
}

/**
 * A batch copied on the host and uploaded: on the wasm backend tf.gather costs ~2 ms per call, a host
 * copy of 64 rows ~0.04 ms (measured by the trainer work, commit c95f1a7), and batches here are small.
 */
function hostBatch(
  tf: RecipeContext['tf'],
  split: { x: Float32Array; labels: Int32Array; n: number },
  classes: number,
  idx: Int32Array,
): [T2, T2] {
  const dim = split.x.length / split.n;
  const x = new Float32Array(idx.length * dim);
  const y = new Float32Array(idx.length * classes);
  idx.forEach((r, i) => {
    x.set(split.x.subarray(r * dim, (r + 1) * dim), i * dim);
    y[i * classes + split.labels[r]] = 1;
  });
  return [tf.tensor2d(x, [idx.length, dim]), tf.tensor2d(y, [idx.length, classes])];
}

export const recipe = defineRecipe(rs2, async (ctx) => {
  const { tf } = ctx;
  const c = ctx.config;
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  const n = data.train.n;
  const b = c.train.batch_size;
  const arms = armsOf(c);
  const work = (a: Arm) => c.train.rounds * subsetSize(n, a.method === 'full' ? 1 : a.ratio);
  const total = arms.reduce((s, a) => s + work(a), 0);
  ctx.log(`${arms.length} runs, ${c.train.rounds} rounds each, ${total} training examples in all`);
  const Xte = tf.tensor2d(data.test.x, [data.test.n, data.inputShape[0]]);
  const rng = createRng(ctx.seed);
  let done = 0;
  // One schedule for every arm, up to the longest arm's examples (full data's).
  const grid = evalGrid(b, Math.max(...arms.map(work)));

  const testAcc = (net: Net) => {
    let hits = 0;
    for (let s = 0; s < data.test.n; s += 1000) {
      const m = Math.min(1000, data.test.n - s);
      const pred = tf.tidy(() =>
        net
          .forward(Xte.slice([s, 0], [m, -1]))
          .argMax(1)
          .dataSync(),
      );
      for (let i = 0; i < m; i++) if (pred[i] === data.test.labels[s + i]) hits++;
    }
    return hits / data.test.n;
  };

  try {
    for (const arm of arms) {
      const ratio = arm.method === 'full' ? 1 : arm.ratio;
      // The arm is the method (declared in index.ts); the ratio is a tag of its own.
      const series = { arm: arm.method, ratio };
      // Same initialization for every run; the sampler's stream depends on the method and ratio only.
      const net = mlpFor(tf, c.model, data, rng.fork('init'));
      const optCfg = {
        name: 'sgd' as const,
        lr: c.train.lr,
        momentum: c.train.momentum,
        nesterov: c.train.nesterov,
        weight_decay: c.train.weight_decay,
      };
      const opt = createOptimizer(tf, optCfg, net.variables());
      const sampler = createSampler(arm.method, n, ratio, rng.fork(`sampler/${arm.method}/${ratio}`));
      const orderRng = rng.fork(`order/${arm.method}/${ratio}`);
      const k = subsetSize(n, ratio);
      const T = c.train.cosine_steps === 'auto' ? cosineSteps(n, ratio, b, c.train.rounds) : c.train.cosine_steps;
      let it = 0;
      let seen = 0;
      let nextGrid = 0;
      // Training time without evaluation: wall and this process' CPU (less disturbed by a busy machine).
      let trainMs = 0;
      let cpuUs = 0;
      let acc = testAcc(net);
      let lossSum = 0;
      let lossCount = 0;
      const measure = (round: number, roundEnd: boolean) => {
        acc = testAcc(net);
        const values: Record<string, number> = {
          test_acc: acc,
          round: round - 1 + (seen - (round - 1) * k) / k,
          examples_seen: seen,
          train_seconds: trainMs / 1000,
          train_cpu_seconds: cpuUs / 1e6,
          lr: optCfg.lr,
        };
        if (lossCount) values.train_loss = lossSum / lossCount;
        if (roundEnd) values.round_end = 1;
        ctx.emit({ type: 'metric', step: it, series, values });
        lossSum = 0;
        lossCount = 0;
      };
      ctx.emit({
        type: 'metric',
        step: 0,
        series,
        values: { test_acc: acc, round: 0, train_seconds: 0, train_cpu_seconds: 0, examples_seen: 0 },
      });
      try {
        for (let round = 1; round <= c.train.rounds; round++) {
          const subset = sampler.next();
          orderRng.shuffle(subset);
          const iters = iterationsPerRound(k, b);
          for (let j = 0; j < iters; j++) {
            if (ctx.shouldStop()) throw new StopRequested();
            const t0 = performance.now();
            const c0 = process.cpuUsage();
            optCfg.lr = cosineLr(it++, T, c.train.lr, c.train.lr_min); // read by the optimizer each step
            const batch = subset.subarray(j * b, Math.min(k, (j + 1) * b));
            const loss = tf.tidy(() => {
              const [xb, yb] = hostBatch(tf, data.train, data.numClasses, batch);
              const { value, grads } = tf.variableGrads(() => crossEntropy(tf, net.forward(xb), yb), net.variables());
              opt.apply(grads);
              return value;
            });
            lossSum += (await loss.data())[0];
            lossCount++;
            loss.dispose();
            const cpu = process.cpuUsage(c0);
            cpuUs += cpu.user + cpu.system;
            trainMs += performance.now() - t0;
            seen += batch.length;
            const last = j === iters - 1;
            let due = false;
            while (nextGrid < grid.length && grid[nextGrid] <= seen) (nextGrid++, (due = true));
            if (due || last) measure(round, last);
          }
          done += k;
          ctx.progress(
            done,
            total,
            `${series.arm} r=${ratio} · round ${round}/${c.train.rounds} · test ${(100 * acc).toFixed(1)}%`,
          );
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        opt.dispose();
        net.dispose();
      }
      ctx.emit({
        type: 'summary',
        series,
        values: {
          final_acc: acc,
          train_seconds: trainMs / 1000,
          train_cpu_seconds: cpuUs / 1e6,
          examples_seen: seen,
          iterations: it,
          cosine_steps: T,
        },
      });
    }
  } finally {
    Xte.dispose();
  }
});
