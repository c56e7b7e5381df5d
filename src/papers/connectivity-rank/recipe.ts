/**
 * Recipe for `paper: connectivity-rank`. One full-rank draw W₀ = g·N(0, 1)/√N per seed; per rank r its
 * truncation rescaled to ‖W₀‖_F (rnn.ts, as the code does), plus the aligned rank-1 arm (aligned.ts).
 * Every arm starts from the same input and readout weights and sees the same stream of 2AF batches, so
 * only W_rec(0) differs. Before and after training: the tangent kernel w.r.t. W_rec on the first
 * `kernel_trials` probe trials (every step and output, as the code), the decision-step activity of all
 * probe trials (representation Gram, signs), and the decision accuracy. Summaries per arm and rank.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { createOptimizer } from '../../trainer/optim';
import { TWO_AF, twoAfBatch, type TrialBatch } from '../../trainer/data/temporal';
import {
  buildRateRnn,
  frobenius,
  gaussianConnectivity,
  lowRankTruncation,
  sequenceCrossEntropy,
  unroll,
  type RateRnn,
} from '../../trainer/rnn';
import { tangentKernel } from '../../trainer/tangentKernel';
import { alignedRankOne } from './aligned';
import { signSimilarity } from './measures';
import { kernelAlignment } from '../../trainer/linalg/kernels';
import { connectivityRank } from './index';
import type { ConnectivityRankConfig } from './schema';

type Tf = typeof tfNs;

interface Probe {
  x: tfNs.Tensor3D;
  kernelX: tfNs.Tensor3D;
  batch: TrialBatch;
}

interface Snapshot {
  kernel: Float64Array;
  rep: Float64Array;
  activity: Float32Array;
  accuracy: number;
  loss: number;
}

/** Kernel, decision-step Gram and activity, accuracy and loss of the net on the probe trials. */
function measure(tf: Tf, net: RateRnn, probe: Probe): Snapshot {
  const { batch } = probe;
  const B = probe.kernelX.shape[1];
  const { kernel } = tangentKernel(tf, net.wRec, B, (tiled) =>
    tf.tidy(() => {
      const { outputs } = unroll(tf, net, probe.kernelX, tiled);
      const [T, , O] = outputs.shape;
      return tf.reshape(tf.transpose(outputs, [1, 0, 2]), [B, T * O]) as tfNs.Tensor2D;
    }),
  );
  const [rep, activity, decision, loss] = tf.tidy((): tfNs.Tensor[] => {
    const { outputs, hidden } = unroll(tf, net, probe.x);
    const T = hidden.shape[0];
    const last = tf.squeeze(tf.slice(hidden, [T - 1, 0, 0], [1, -1, -1]), [0]) as tfNs.Tensor2D;
    const lastOut = tf.squeeze(tf.slice(outputs, [T - 1, 0, 0], [1, -1, -1]), [0]);
    const labels = tf.tensor1d(batch.labels, 'int32');
    return [tf.matMul(last, last, false, true), last, tf.argMax(lastOut, 1), sequenceCrossEntropy(tf, outputs, labels)];
  });
  const chosen = decision.dataSync();
  let correct = 0;
  for (let b = 0; b < batch.batch; b++) if (chosen[b] === batch.choice[b]) correct++;
  const snap = {
    kernel,
    rep: Float64Array.from(rep.dataSync()),
    activity: Float32Array.from(activity.dataSync()),
    accuracy: correct / batch.batch,
    loss: loss.dataSync()[0],
  };
  tf.dispose([rep, activity, decision, loss]);
  return snap;
}

interface Arm {
  arm: 'random' | 'aligned';
  rank: number;
  wRec: (net: RateRnn) => Float64Array;
}

export const recipe = defineRecipe(connectivityRank, async (ctx) => {
  const c: ConnectivityRankConfig = ctx.config;
  const { tf } = ctx;
  const N = c.model.hidden;
  const root = createRng(ctx.seed);
  const w0 = gaussianConnectivity(N, c.model.gain, root.fork('w_rec'));
  const norm0 = frobenius(w0);
  const ranks = [...new Set(c.model.ranks.map((r) => Math.min(r, N)))].sort((a, b) => a - b);
  const arms: Arm[] = ranks.map((r) => ({ arm: 'random', rank: r, wRec: () => lowRankTruncation(w0, N, r) }));
  if (c.model.aligned)
    arms.push({
      arm: 'aligned',
      rank: 1,
      wRec: (net) => alignedRankOne(net.wIn.dataSync(), net.wOut.dataSync(), N, TWO_AF.outputs, norm0, [1, 2], [1, 2]),
    });

  const steps = c.task.stimulus_steps + 1;
  const probeBatch = twoAfBatch(root.fork('probe'), c.probe.trials, c.task.stimulus_steps, c.task.noise);
  const kB = Math.min(c.probe.kernel_trials, c.probe.trials);
  const probeX = tf.tensor3d(probeBatch.x, [steps, c.probe.trials, TWO_AF.inputs]);
  const probe: Probe = {
    x: probeX,
    kernelX: tf.slice(probeX, [0, 0, 0], [steps, kB, TWO_AF.inputs]),
    batch: probeBatch,
  };
  const total = arms.length * c.train.iterations;
  try {
    for (const [index, a] of arms.entries()) {
      const series = { arm: a.arm, rank: a.rank };
      const net = buildRateRnn(tf, {
        inputs: TWO_AF.inputs,
        hidden: N,
        outputs: TWO_AF.outputs,
        wRec: w0,
        alpha: c.model.alpha,
        rng: root.fork('readout'),
      });
      const optimizer = createOptimizer(
        tf,
        { name: 'sgd', lr: c.train.lr, momentum: c.train.momentum },
        net.variables(),
      );
      try {
        const wInit = a.wRec(net);
        // Stored transposed: h·R with R = W_recᵀ (rnn.ts).
        const rT = new Float32Array(N * N);
        for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) rT[j * N + i] = wInit[i * N + j];
        tf.tidy(() => net.wRec.assign(tf.tensor2d(rT, [N, N])));
        const before = measure(tf, net, probe);
        const r0 = Float32Array.from(net.wRec.dataSync());
        ctx.emit({ type: 'metric', step: 0, series, values: { train_loss: before.loss } });
        const trainLoss = await trainArm(tf, net, optimizer, c, root.fork('data'), ctx, (s, loss) => {
          ctx.emit({ type: 'metric', step: s, series, values: { train_loss: loss } });
          ctx.progress(index * c.train.iterations + s, total, `${a.arm} rank ${a.rank} · step ${s}`);
        });
        const after = measure(tf, net, probe);
        const r1 = net.wRec.dataSync();
        let dw = 0;
        for (let i = 0; i < r1.length; i++) dw += (r1[i] - r0[i]) ** 2;
        ctx.emit({
          type: 'summary',
          series,
          values: {
            weight_change: Math.sqrt(dw),
            rel_weight_change: Math.sqrt(dw) / norm0,
            kernel_alignment: kernelAlignment(before.kernel, after.kernel),
            rep_alignment: kernelAlignment(before.rep, after.rep),
            sign_similarity: signSimilarity(before.activity, after.activity),
            accuracy_before: before.accuracy,
            accuracy: after.accuracy,
            probe_loss: after.loss,
            train_loss: trainLoss,
          },
        });
      } finally {
        optimizer.dispose();
        net.dispose();
      }
    }
  } finally {
    tf.dispose([probe.x, probe.kernelX]);
  }
});

/** SGD with momentum on every weight; returns the mean loss of the last `eval_every` steps. */
async function trainArm(
  tf: Tf,
  net: RateRnn,
  optimizer: ReturnType<typeof createOptimizer>,
  c: ConnectivityRankConfig,
  data: Rng,
  ctx: { shouldStop: () => boolean },
  onPoint: (step: number, meanLoss: number) => void,
): Promise<number> {
  const steps = c.task.stimulus_steps + 1;
  const B = c.task.batch_size;
  let acc = tf.scalar(0);
  let last = NaN;
  let since = 0;
  let lastYield = Date.now();
  for (let s = 1; s <= c.train.iterations; s++) {
    if (ctx.shouldStop()) throw new StopRequested();
    const batch = twoAfBatch(data, B, c.task.stimulus_steps, c.task.noise);
    const next = tf.tidy(() => {
      const x = tf.tensor3d(batch.x, [steps, B, TWO_AF.inputs]);
      const labels = tf.tensor1d(batch.labels, 'int32');
      const { value, grads } = tf.variableGrads(
        () => sequenceCrossEntropy(tf, unroll(tf, net, x).outputs, labels),
        net.variables(),
      );
      optimizer.apply(grads);
      return tf.add(acc, value) as tfNs.Scalar;
    });
    acc.dispose();
    acc = next;
    since++;
    if (s % c.train.eval_every === 0 || s === c.train.iterations) {
      last = (await acc.data())[0] / since;
      acc.dispose();
      acc = tf.scalar(0);
      since = 0;
      onPoint(s, last);
    }
    if (Date.now() - lastYield > 50) {
      await new Promise((r) => setImmediate(r));
      lastYield = Date.now();
    }
  }
  acc.dispose();
  return last;
}
