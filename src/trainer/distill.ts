/**
 * Distillation: a frozen teacher shapes a student's loss.
 *   - DINO nets (Caron et al. 2021, as in the random-teachers code, safelix/dinopl): an MLP encoder
 *     (the embedding that is probed), a head MLP, and the L2 bottleneck `-/lb/fn/wn/l/-` of
 *     dinopl/modules/l2bottleneck.py: linear with bias → L2-normalise the features → weight-normalised
 *     linear without bias (each output unit's weight vector has norm 1) → projections.
 *   - the DINO loss: teacher targets softmax((p_t − c)/τ_t) with a centre c updated as an EMA of the
 *     teacher's batch means AFTER it is applied (dinopl/core.py DINOHead.forward), student log-softmax
 *     of p_s/τ_s, cross-entropy averaged over the batch;
 *   - the KD loss (Hinton et al. 2015): τ²·KL(softmax(t/τ) ‖ softmax(s/τ));
 *   - student inits: a copy of the teacher, or (1 − α)·teacher + α·fresh draw (configuration.py
 *     `s_init: interpolated`; α = 0 is the teacher itself, α = 1 an independent random net);
 *   - probes on frozen embeddings, standardised with the probe-train statistics (probing.py
 *     normalize_data): k-nearest neighbours (Euclidean, majority vote; probing.py KNNAnalysis, k = 20)
 *     and a linear classifier trained with the shared loop.
 * Targets are computed in the loop's `transformBatch` (outside the gradient tape) and consumed by its
 * `objective`, so the teacher is never differentiated.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { act, buildMlp, type Activation, type Layer, type Net } from './model';
import { initWeights } from './init';
import { createOptimizer } from './optim';
import { train, type TensorSplit } from './loop';
import type { Rng } from './rng';

type Tf = typeof tfNs;

export interface DinoSpec {
  input: number;
  /** Encoder widths; the last one is the embedding that probes read. */
  encoder: number[];
  /** Head MLP widths between the embedding and the bottleneck (dinopl: [2048, 2048]). */
  headHidden: number[];
  /** L2-bottleneck width (dinopl: 256). */
  bottleneck: number;
  /** Projection dimension (dinopl: 65,536). */
  outDim: number;
  activation: Activation;
  /** Encoder initializer (src/trainer/init.ts); the head uses N(0, 0.02²) as DINO's trunc_normal does. */
  init: string;
  rng: Rng;
}

/** A DINO student or teacher. `forward` gives the projections (before temperature and centring). */
export interface DinoNet extends Net {
  readonly embed: (x: tfNs.Tensor) => tfNs.Tensor2D;
  readonly encoderDepth: number;
  readonly embedDim: number;
}

function dense(tf: Tf, name: string, fanIn: number, fanOut: number, values: Float32Array, trainable: boolean): Layer {
  const w = tf.tensor2d(values, [fanIn, fanOut]);
  const b = tf.zeros([fanOut]);
  const layer: Layer = {
    name,
    kind: 'dense',
    role: 'hidden',
    weight: tf.variable(w, trainable),
    bias: tf.variable(b, trainable),
    padding: 'same',
    pool: false,
  };
  w.dispose();
  b.dispose();
  return layer;
}

const headInit = (n: number, rng: Rng) => Float32Array.from({ length: n }, () => 0.02 * rng.normal());

/**
 * Builds a DINO net. `trainable: false` makes a teacher whose variables never enter a gradient.
 * Layers: enc0…, head0…, bottleneck, last (its bias stays 0 and is not a variable of `variables()`).
 */
export function buildDinoNet(tf: Tf, s: DinoSpec, trainable = true): DinoNet {
  const layers: Layer[] = [];
  let width = s.input;
  s.encoder.forEach((w, i) => {
    layers.push(dense(tf, `enc${i}`, width, w, initWeights(s.init, [width, w], s.rng.fork(`enc${i}`)), trainable));
    width = w;
  });
  const embedDim = width;
  s.headHidden.forEach((w, i) => {
    layers.push(dense(tf, `head${i}`, width, w, headInit(width * w, s.rng.fork(`head${i}`)), trainable));
    width = w;
  });
  layers.push(
    dense(tf, 'bottleneck', width, s.bottleneck, headInit(width * s.bottleneck, s.rng.fork('bottleneck')), trainable),
  );
  // dinopl's last layer has no bias: ours stays at 0 and is left out of `variables()`.
  const last = dense(
    tf,
    'last',
    s.bottleneck,
    s.outDim,
    headInit(s.bottleneck * s.outDim, s.rng.fork('last')),
    trainable,
  );
  layers.push(last);
  last.role = 'output';
  const nEnc = s.encoder.length;
  const nHead = s.headHidden.length;

  const embed = (x: tfNs.Tensor): tfNs.Tensor2D => {
    let h = x.rank === 2 ? x : tf.reshape(x, [x.shape[0], -1]);
    for (let i = 0; i < nEnc; i++)
      h = act(
        tf,
        s.activation,
        tf.add(tf.matMul(h as tfNs.Tensor2D, layers[i].weight as tfNs.Tensor2D), layers[i].bias),
      );
    return h as tfNs.Tensor2D;
  };
  const forward = (x: tfNs.Tensor): tfNs.Tensor2D => {
    let h: tfNs.Tensor = embed(x);
    for (let i = nEnc; i < nEnc + nHead; i++)
      h = act(
        tf,
        s.activation,
        tf.add(tf.matMul(h as tfNs.Tensor2D, layers[i].weight as tfNs.Tensor2D), layers[i].bias),
      );
    const bot = layers[nEnc + nHead];
    h = tf.add(tf.matMul(h as tfNs.Tensor2D, bot.weight as tfNs.Tensor2D), bot.bias);
    const feat = tf.div(h, tf.add(tf.norm(h, 2, 1, true), 1e-12));
    const wn = tf.div(last.weight, tf.add(tf.norm(last.weight, 2, 0, true), 1e-12));
    return tf.matMul(feat as tfNs.Tensor2D, wn as tfNs.Tensor2D);
  };
  return {
    layers,
    activation: s.activation,
    inputShape: [s.input],
    encoderDepth: nEnc,
    embed,
    forward,
    variables: () => layers.flatMap((l) => (l === last ? [l.weight] : [l.weight, l.bias])),
    weights: () => layers.map((l) => l.weight),
    size: () => layers.reduce((n, l) => n + l.weight.size + (l === last ? 0 : l.bias.size), 0),
    dispose: () => layers.forEach((l) => (l.weight.dispose(), l.bias.dispose())),
    embedDim,
  };
}

/**
 * Sets `target`'s weights to (1 − α)·`teacher` + α·`fresh`, layer by layer (configuration.py
 * `init_student_teacher`, s_init = interpolated). α = 0 copies the teacher; α = 1 copies `fresh`.
 */
export function interpolateWeights(tf: Tf, target: Net, teacher: Net, fresh: Net, alpha: number): void {
  target.layers.forEach((l, i) => {
    const t = teacher.layers[i];
    const f = fresh.layers[i];
    if (!t || !f || t.weight.size !== l.weight.size || f.weight.size !== l.weight.size)
      throw new Error(`Cannot interpolate layer ${l.name}: the three networks must have the same shape.`);
    tf.tidy(() => {
      l.weight.assign(tf.add(tf.mul(t.weight, 1 - alpha), tf.mul(f.weight, alpha)));
      l.bias.assign(tf.add(tf.mul(t.bias, 1 - alpha), tf.mul(f.bias, alpha)));
    });
  });
}

/**
 * DINO teacher targets softmax((p − c)/τ_t), then the centre's EMA update c ← m·c + (1 − m)·mean(p)
 * (applied after use, as dinopl does; m = NaN or 1 leaves c alone). Call outside the gradient tape.
 */
export function dinoTargets(
  tf: Tf,
  teacherProjection: tfNs.Tensor2D,
  center: tfNs.Variable,
  tTemp: number,
  centerMomentum: number,
): tfNs.Tensor2D {
  const targets = tf.tidy(() => tf.softmax(tf.div(tf.sub(teacherProjection, center), tTemp)) as tfNs.Tensor2D);
  if (Number.isFinite(centerMomentum) && centerMomentum < 1) {
    tf.tidy(() =>
      center.assign(tf.add(tf.mul(center, centerMomentum), tf.mul(tf.mean(teacherProjection, 0), 1 - centerMomentum))),
    );
  }
  return targets;
}

/** Mean over the batch of H(targets, softmax(p_s/τ_s)) = −Σ targets·log_softmax(p_s/τ_s). */
export function softTargetCrossEntropy(
  tf: Tf,
  studentLogits: tfNs.Tensor2D,
  targets: tfNs.Tensor2D,
  temperature: number,
): tfNs.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(tf.div(studentLogits, temperature))), 1))) as tfNs.Scalar;
}

/**
 * Hinton KD: τ²·KL(softmax(t/τ) ‖ softmax(s/τ)), mean over the batch; `targets` = softmax(t/τ).
 * (τ² keeps the gradient scale independent of τ; the entropy term makes the value a true KL.)
 */
export function kdLoss(tf: Tf, studentLogits: tfNs.Tensor2D, targets: tfNs.Tensor2D, temperature: number): tfNs.Scalar {
  return tf.tidy(() => {
    const negEntropy = tf.mean(tf.sum(tf.mul(targets, tf.log(tf.add(targets, 1e-12))), 1));
    return tf.mul(
      tf.add(softTargetCrossEntropy(tf, studentLogits, targets, temperature), negEntropy),
      temperature * temperature,
    ) as tfNs.Scalar;
  });
}

/** The encoder's embeddings of a whole split, in chunks, on the host ([n × dim], row-major). */
export function embedAll(tf: Tf, embed: (x: tfNs.Tensor) => tfNs.Tensor2D, x: tfNs.Tensor, chunk = 1000): Float32Array {
  const n = x.shape[0];
  const parts: Float32Array[] = [];
  for (let start = 0; start < n; start += chunk) {
    const t = tf.tidy(() => embed(tf.slice(x, start, Math.min(chunk, n - start))));
    parts.push(Float32Array.from(t.dataSync() as Float32Array));
    t.dispose();
  }
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

/**
 * Standardises features with the TRAIN split's mean and sample sd per dimension (sd ≈ 0 → 1, as
 * sklearn's StandardScaler and probing.py do). Returns new arrays.
 */
export function standardize(train: Float32Array, test: Float32Array, dim: number): [Float32Array, Float32Array] {
  const n = train.length / dim;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += train[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) sq[j] += (train[i * dim + j] - mean[j]) ** 2;
  const sd = Array.from(sq, (s) => {
    const v = Math.sqrt(s / Math.max(1, n - 1));
    return v < 10 * 1.1920929e-7 ? 1 : v;
  });
  const apply = (a: Float32Array) => a.map((v, i) => (v - mean[i % dim]) / sd[i % dim]);
  return [apply(train), apply(test)];
}

/**
 * k-NN probe accuracy: each test point takes the most frequent label among its k nearest (Euclidean)
 * probe-train points; ties go to the smallest label (torch.mode's choice). Distances by one matMul.
 */
export function knnAccuracy(
  tf: Tf,
  trainF: Float32Array,
  trainLabels: Int32Array,
  testF: Float32Array,
  testLabels: Int32Array,
  dim: number,
  k: number,
  classes: number,
): number {
  const nTr = trainLabels.length;
  const nTe = testLabels.length;
  const kk = Math.min(k, nTr);
  const idx = tf.tidy(() => {
    const a = tf.tensor2d(testF, [nTe, dim]);
    const b = tf.tensor2d(trainF, [nTr, dim]);
    // argmin ‖a − b‖² = argmax (2a·b − ‖b‖²): the ‖a‖² term is the same for every candidate.
    const score = tf.sub(tf.mul(tf.matMul(a, b, false, true), 2), tf.sum(tf.square(b), 1));
    return tf.topk(score, kk).indices;
  });
  const nearest = idx.dataSync() as Int32Array;
  idx.dispose();
  let hits = 0;
  const votes = new Int32Array(classes);
  for (let i = 0; i < nTe; i++) {
    votes.fill(0);
    for (let j = 0; j < kk; j++) votes[trainLabels[nearest[i * kk + j]]]++;
    let best = 0;
    for (let c = 1; c < classes; c++) if (votes[c] > votes[best]) best = c;
    if (best === testLabels[i]) hits++;
  }
  return nTe ? hits / nTe : NaN;
}

/**
 * Linear probe accuracy: a softmax classifier on the (standardised) features, trained with AdamW
 * (lr 1e-3, the probing.py default) through the shared loop, from a seeded init.
 */
export async function linearProbeAccuracy(
  tf: Tf,
  trainF: Float32Array,
  trainLabels: Int32Array,
  testF: Float32Array,
  testLabels: Int32Array,
  dim: number,
  classes: number,
  o: { steps: number; batchSize: number; lr: number; rng: Rng },
): Promise<number> {
  const split = (f: Float32Array, l: Int32Array): TensorSplit => {
    const t = tf.tidy(() => ({
      x: tf.tensor2d(f, [l.length, dim]),
      y: tf.oneHot(tf.tensor1d(l, 'int32'), classes).toFloat() as tfNs.Tensor2D,
    }));
    return { ...t, n: l.length, host: { x: f, labels: l, classes } };
  };
  const tr = split(trainF, trainLabels);
  const te = split(testF, testLabels);
  const clf = buildMlp(tf, { input: dim, hidden: [], classes, init: 'torch_linear', rng: o.rng.fork('probe-init') });
  const opt = createOptimizer(tf, { name: 'adamw', lr: o.lr, weight_decay: 0.01 }, clf.variables());
  try {
    const r = await train({
      tf,
      net: clf,
      optimizer: opt,
      train: tr,
      test: te,
      endStep: o.steps,
      batchSize: o.batchSize,
      evalEvery: o.steps,
      rng: o.rng.fork('probe-order'),
    });
    return r.final.values.test_acc;
  } finally {
    opt.dispose();
    clf.dispose();
    for (const s of [tr, te]) (s.x.dispose(), s.y.dispose());
  }
}
