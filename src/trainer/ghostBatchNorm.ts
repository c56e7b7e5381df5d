/**
 * Batch normalization with a ghost (virtual) batch size, written by hand because tfjs-layers'
 * batchNormalization has no virtual batch size (Hoffer et al. 2017, §4; eladhoffer/bigBatch, where a
 * large batch is forwarded in chunks of `ghost` examples, each normalized by its own statistics).
 *
 *   const bn = createBatchNorm(tf, 256);
 *   const y = bn.apply(x, { training: true, ghost: 128 });   // x: [B, 256], B divisible by 128
 *   bn.apply(x, { training: false });                        // running statistics
 *
 * Training mode reshapes [B, F] to [B/g, g, F] and takes moments over axis 1, so every ghost batch is
 * normalized by its own mean and variance (biased, as in training-mode batch norm). The running
 * statistics are updated once per ghost batch in order, as sequential chunk forwards would do in
 * PyTorch (momentum 0.1, unbiased variance). `ghost` = B (or omitted) is ordinary batch norm.
 */
import type * as tfNs from '@tensorflow/tfjs';

type Tf = typeof tfNs;

export interface BatchNorm {
  gamma: tfNs.Variable;
  beta: tfNs.Variable;
  runningMean: tfNs.Variable;
  runningVar: tfNs.Variable;
  /** Call inside tf.tidy / variableGrads. Running statistics are updated as a side effect in training mode. */
  apply(x: tfNs.Tensor2D, opts: { training: boolean; ghost?: number }): tfNs.Tensor2D;
  /** Trainable variables (γ, β). */
  variables(): tfNs.Variable[];
  dispose(): void;
}

export interface BatchNormOptions {
  epsilon?: number;
  /** Weight of the newest statistics in the running average (PyTorch's `momentum`). */
  momentum?: number;
  name?: string;
}

export function createBatchNorm(tf: Tf, features: number, o: BatchNormOptions = {}): BatchNorm {
  const eps = o.epsilon ?? 1e-5;
  const m = o.momentum ?? 0.1;
  const name = o.name ?? `bn${Math.random().toString(36).slice(2, 8)}`;
  // Inside tidy so the initial-value tensors are freed (variables survive tidy).
  const [gamma, beta, runningMean, runningVar] = tf.tidy(() => [
    tf.variable(tf.ones([features]), true, `${name}/gamma`),
    tf.variable(tf.zeros([features]), true, `${name}/beta`),
    tf.variable(tf.zeros([features]), false, `${name}/running_mean`),
    tf.variable(tf.ones([features]), false, `${name}/running_var`),
  ]);

  return {
    gamma,
    beta,
    runningMean,
    runningVar,
    apply(x, opts) {
      const [b, f] = x.shape;
      if (f !== features) throw new RangeError(`batch norm expects ${features} features, got ${f}`);
      if (!opts.training) {
        return tf.add(
          tf.mul(tf.div(tf.sub(x, runningMean), tf.sqrt(tf.add(runningVar, eps))), gamma),
          beta,
        ) as tfNs.Tensor2D;
      }
      const g = opts.ghost ?? b;
      if (!Number.isInteger(g) || g < 1 || b % g !== 0) {
        throw new RangeError(
          `the ghost batch (${g}) must divide the batch (${b}); set large_batch.ghost_batch to a divisor of the batch size`,
        );
      }
      const chunks = b / g;
      const grouped = tf.reshape(x, [chunks, g, f]);
      const { mean, variance } = tf.moments(grouped, 1, true); // [chunks, 1, f]
      const normalized = tf.div(tf.sub(grouped, mean), tf.sqrt(tf.add(variance, eps)));
      const out = tf.add(tf.mul(tf.reshape(normalized, [b, f]), gamma), beta) as tfNs.Tensor2D;
      // Running statistics: they do not feed the loss, so no gradient flows through them; one momentum
      // update per ghost batch, in order.
      const means = tf.reshape(mean, [chunks, f]);
      const vars = tf.reshape(variance, [chunks, f]).mul(g > 1 ? g / (g - 1) : 1);
      const [newMean, newVar] = tf.tidy(() => {
        // After k sequential updates: r_k = (1−m)^k r_0 + Σ_j m (1−m)^(k−1−j) s_j.
        const w = tf
          .tensor1d(Array.from({ length: chunks }, (_, j) => m * Math.pow(1 - m, chunks - 1 - j)))
          .reshape([chunks, 1]);
        const keep = Math.pow(1 - m, chunks);
        return [
          tf.add(tf.mul(runningMean, keep), tf.sum(tf.mul(means, w), 0)),
          tf.add(tf.mul(runningVar, keep), tf.sum(tf.mul(vars, w), 0)),
        ];
      });
      runningMean.assign(newMean);
      runningVar.assign(newVar);
      newMean.dispose();
      newVar.dispose();
      return out;
    },
    variables: () => [gamma, beta],
    dispose: () => [gamma, beta, runningMean, runningVar].forEach((v) => v.dispose()),
  };
}
