/**
 * Decentralised SPSA fine-tuning with shared randomness (Zelikman et al. 2023; app.py):
 *   1. pretrain the MLP with backprop on the original digits;
 *   2. shift the task (relabel or invert); the machines split the shifted training set into shards;
 *   3. per arm, from the pretrained weights: each step, every machine m draws `perturbations` named
 *      perturbations z_(t,m,s), measures g = (L(θ + εz) − L(θ − εz)) / 2ε on a batch of its own shard,
 *      and "sends" g — as float32, or as its one-byte code; every machine then applies
 *      θ ← θ − lr·Σ g·z / √K from the regenerated z's. Both SPSA arms draw the same perturbations and
 *      the same batches, so they differ only by the quantization. One model stands for all replicas: they would
 *      apply the same update. The backprop reference trains on one batch per machine per step.
 * The zeroth-order steps are not the shared loop's (it takes gradient steps); evaluation is its
 * `evaluate`. Communication is counted per machine: bytes it sends per step.
 * Events: metric `{arm}` (test_acc on the shifted task, train_loss, bytes_sent); summary `{arm}`.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageData, toTensors, type Split } from '../../trainer/data/index';
import { buildMlp, crossEntropy, type Activation, type Net } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { evaluate, train, type TensorSplit } from '../../trainer/loop';
import { restore, snapshot } from '../../trainer/snapshot';
import {
  applySpsaUpdate,
  drawPerturbation,
  flatParams,
  perturbationRng,
  projectedGradient,
  readFlat,
  type SpsaMessage,
} from '../../trainer/spsa';
import { bitsPerScalar, quantizeLog } from '../../trainer/logQuantizer';
import type { OneByteSpsaConfig, SpsaArm } from './schema';
import { oneByteSpsa } from './index';

type Tf = typeof tfNs;

/** The shifted task: `relabel` maps digit d to (d + 1) mod 10; `invert` maps pixel x to 1 − x. */
export function shiftSplit(s: Split, kind: 'relabel' | 'invert', classes = 10): Split {
  if (kind === 'relabel') return { x: s.x, n: s.n, labels: s.labels.map((l) => (l + 1) % classes) };
  return { x: s.x.map((v) => 1 - v), n: s.n, labels: s.labels };
}

/** Machine m's shard: examples i ≡ m (mod machines). */
export function shard(s: Split, m: number, machines: number): Split {
  const dim = s.x.length / s.n;
  const idx = Array.from({ length: s.n }, (_, i) => i).filter((i) => i % machines === m);
  const x = new Float32Array(idx.length * dim);
  idx.forEach((i, k) => x.set(s.x.subarray(i * dim, (i + 1) * dim), k * dim));
  return { x, n: idx.length, labels: Int32Array.from(idx, (i) => s.labels[i]) };
}

/** Bytes one machine sends per step: `perturbations` scalars (float32, or the quantized code), or a full gradient. */
export function bytesPerStep(arm: SpsaArm, c: OneByteSpsaConfig, params: number): number {
  if (arm === 'backprop') return 4 * params;
  const bits = arm === 'spsa_float' ? 32 : bitsPerScalar({ step: c.spsa.log_step, maxPower: c.spsa.max_power });
  return (c.spsa.perturbations * bits) / 8;
}

function batchTensors(tf: Tf, s: Split, rng: Rng, size: number): [tfNs.Tensor2D, tfNs.Tensor2D] {
  const dim = s.x.length / s.n;
  const xs = new Float32Array(size * dim);
  const ys = new Float32Array(size * 10);
  for (let i = 0; i < size; i++) {
    const j = rng.int(s.n);
    xs.set(s.x.subarray(j * dim, (j + 1) * dim), i * dim);
    ys[i * 10 + s.labels[j]] = 1;
  }
  return [tf.tensor2d(xs, [size, dim]), tf.tensor2d(ys, [size, 10])];
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

async function spsaArm(
  ctx: RecipeContext<OneByteSpsaConfig>,
  net: Net,
  arm: 'spsa_float' | 'spsa_one_byte',
  shards: Split[],
  test: TensorSplit,
  seeds: Rng,
  batches: Rng[],
  params: number,
  progress: (t: number) => void,
): Promise<{ final: number; clamped: number; relError: number }> {
  const { tf } = ctx;
  const c = ctx.config.spsa;
  const q = { step: c.log_step, maxPower: c.max_power };
  const p = flatParams(net.variables());
  const theta = readFlat(p);
  const z = new Float32Array(p.total);
  const perStep = bytesPerStep(arm, ctx.config, params);
  let lossSum = 0;
  let lossCount = 0;
  let clamped = 0;
  let relErr = 0;
  let last = performance.now();
  const emit = (t: number) => {
    const e = evaluate(tf, net, test);
    ctx.emit({
      type: 'metric',
      step: t,
      series: { arm },
      values: {
        test_acc: e.acc,
        test_loss: e.loss,
        ...(lossCount ? { train_loss: lossSum / lossCount } : {}),
        bytes_sent: t * perStep,
      },
    });
    lossSum = 0;
    lossCount = 0;
    return e.acc;
  };
  let acc = emit(0);
  for (let t = 1; t <= c.steps; t++) {
    if (ctx.shouldStop()) throw new StopRequested();
    const msgs: SpsaMessage[] = [];
    for (let m = 0; m < c.machines; m++) {
      for (let s = 0; s < c.perturbations; s++) {
        const [x, y] = batchTensors(tf, shards[m], batches[m], c.batch_size);
        drawPerturbation(perturbationRng(seeds, t, m, s), p.total, z);
        const r = projectedGradient(tf, p, theta, z, c.eps, () =>
          tf.tidy(() => (crossEntropy(tf, net.forward(x), y).dataSync() as Float32Array)[0]),
        );
        x.dispose();
        y.dispose();
        lossSum += r.loss;
        lossCount++;
        let g = Math.fround(r.g);
        if (arm === 'spsa_one_byte') {
          const code = quantizeLog(r.g, q);
          if (Math.abs(code.power) === q.maxPower) clamped++;
          relErr += Math.abs(code.value / r.g - 1);
          g = code.value;
        }
        msgs.push({ machine: m, sample: s, g });
      }
    }
    applySpsaUpdate(tf, p, theta, seeds, t, msgs, c.lr);
    progress(t);
    if (t % c.eval_every === 0 || t === c.steps) acc = emit(t);
    if (performance.now() - last > 50) {
      await yieldNow();
      last = performance.now();
    }
  }
  const n = c.steps * c.machines * c.perturbations;
  return {
    final: acc,
    clamped: arm === 'spsa_one_byte' ? clamped / n : NaN,
    relError: arm === 'spsa_one_byte' ? relErr / n : NaN,
  };
}

export const recipe = defineRecipe(oneByteSpsa, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  const shiftedTrain = shiftSplit(data.train, c.shift.kind);
  const tensors = {
    train: toTensors(tf, data.train, data),
    test: toTensors(tf, data.test, data),
    shiftedTrain: toTensors(tf, shiftedTrain, data),
    shiftedTest: toTensors(tf, shiftSplit(data.test, c.shift.kind), data),
  };
  const net = buildMlp(tf, {
    input: 784,
    hidden: c.model.hidden,
    classes: 10,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng: root.fork('init'),
  });
  const params = net.size();
  const M = c.spsa.machines;
  const steps = c.spsa.steps;
  const budget = { done: 0, total: c.pretrain.iterations + c.arms.length * steps };
  try {
    // 1. Pretraining on the original task.
    const pre = createOptimizer(tf, { name: c.pretrain.optimizer, lr: c.pretrain.lr }, net.variables());
    const r = await train({
      tf,
      net,
      optimizer: pre,
      train: tensors.train,
      test: tensors.test,
      endStep: c.pretrain.iterations,
      batchSize: c.pretrain.batch_size,
      evalEvery: c.pretrain.iterations,
      rng: root.fork('pretrain-order'),
      shouldStop: ctx.shouldStop,
      onStep: (s) => ctx.progress((budget.done = s), budget.total, `pretraining · step ${s}`),
    });
    pre.dispose();
    if (r.stopped) throw new StopRequested();
    const shiftedStart = evaluate(tf, net, tensors.shiftedTest).acc;
    ctx.emit({
      type: 'summary',
      series: { arm: 'pretrained' },
      values: { original_test_acc: r.final.values.test_acc, shifted_test_acc: shiftedStart, parameters: params },
    });
    ctx.log(
      `pretrained: ${(100 * r.final.values.test_acc).toFixed(1)}% on the original digits, ${(100 * shiftedStart).toFixed(1)}% on the ${c.shift.kind} task; ${params} parameters`,
    );
    const pretrained = snapshot(net);
    const shards = Array.from({ length: M }, (_, m) => shard(shiftedTrain, m, M));

    // 2. Fine-tuning, one arm at a time from the same pretrained weights.
    for (const arm of c.arms) {
      restore(tf, net, pretrained);
      const t0 = performance.now();
      const start = budget.done;
      const progress = (t: number) =>
        ctx.progress((budget.done = start + t), budget.total, `${arm} · step ${t}/${steps}`);
      let final: number;
      let extra: Record<string, number> = {};
      if (arm === 'backprop') {
        const opt = createOptimizer(tf, { name: c.backprop.optimizer, lr: c.backprop.lr }, net.variables());
        const per = bytesPerStep(arm, c, params);
        const res = await train({
          tf,
          net,
          optimizer: opt,
          train: tensors.shiftedTrain,
          test: tensors.shiftedTest,
          endStep: steps,
          batchSize: c.spsa.batch_size * M,
          evalEvery: c.spsa.eval_every,
          rng: root.fork('backprop-order'),
          shouldStop: ctx.shouldStop,
          onStep: progress,
          onEval: (e) =>
            ctx.emit({
              type: 'metric',
              step: e.step,
              series: { arm },
              values: { ...e.values, bytes_sent: e.step * per },
            }),
        });
        opt.dispose();
        if (res.stopped) throw new StopRequested();
        final = res.final.values.test_acc;
      } else {
        const out = await spsaArm(
          ctx,
          net,
          arm,
          shards,
          tensors.shiftedTest,
          root.fork('perturbations'),
          shards.map((_, m) => root.fork(`batches-${m}`)),
          params,
          progress,
        );
        final = out.final;
        extra = { clamped_fraction: out.clamped, mean_relative_quantization_error: out.relError };
      }
      const perStep = bytesPerStep(arm, c, params);
      ctx.emit({
        type: 'summary',
        series: { arm },
        values: {
          start_acc: shiftedStart,
          final_acc: final,
          gain: final - shiftedStart,
          bytes_per_step: perStep,
          total_bytes: perStep * steps,
          seconds: (performance.now() - t0) / 1000,
          ...extra,
        },
      });
      ctx.log(
        `${arm}: ${(100 * shiftedStart).toFixed(1)}% → ${(100 * final).toFixed(1)}%, ${perStep} bytes per step per machine`,
      );
    }
  } finally {
    net.dispose();
    for (const s of Object.values(tensors)) (s.x.dispose(), s.y.dispose());
  }
});
