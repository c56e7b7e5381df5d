/**
 * The training loop the recipes share: mini-batch steps fused into one tf.tidy (gather the batch from
 * tensors already on the backend, forward, gradients, masked optimizer update, re-mask), evaluation
 * every `evalEvery` steps, a stop check between steps, and the early-stop iteration (the step of
 * minimum validation loss, as the lottery-ticket paper defines it). Not `model.fit`: masks, rewinding
 * and per-step bookkeeping need the step in our hands.
 *
 * The loop is async only to yield to the event loop every few tens of milliseconds, so a stop request
 * arriving over IPC is seen between two steps.
 *
 * The train loss is accumulated on the backend and read only at evaluation time, so a step never
 * waits for the backend to hand a number back to JavaScript.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { crossEntropy, type Net } from './model';
import { directMlpStep } from './wasmKernels/mlpStep';
import type { Masks } from './masks';
import type { Optimizer } from './optim';
import type { Rng } from './rng';

type Tf = typeof tfNs;

/** A split on the backend: inputs [n, ...inputShape] and one-hot labels [n, classes]. */
export interface TensorSplit {
  x: tfNs.Tensor;
  y: tfNs.Tensor2D;
  n: number;
  /**
   * The same data on the host (set by `toTensors`). When present, training batches are assembled in
   * JavaScript and uploaded (~0.04 ms) instead of gathered on the backend (~2 ms per gather on wasm
   * in tfjs 4.22 — more than a third of a LeNet-300-100 step). Same rows, same numbers.
   */
  host?: { x: Float32Array; labels: Int32Array; classes: number };
}

export interface EvalPoint {
  step: number;
  values: Record<string, number>;
}

export interface TrainOptions {
  tf: Tf;
  net: Net;
  optimizer: Optimizer;
  masks?: Masks;
  train: TensorSplit;
  /** Early stopping reads `val_loss`; without a validation split it is taken on the test split. */
  val?: TensorSplit;
  test?: TensorSplit;
  /** Step the count starts from (e.g. the rewind iteration when retraining from θ_k). */
  startStep?: number;
  /** Step the training ends at (exclusive of further steps). */
  endStep: number;
  batchSize: number;
  evalEvery: number;
  /** Batch order. */
  rng: Rng;
  /** Called after each evaluation, including the first (at startStep) and the last. */
  onEval?: (p: EvalPoint) => void;
  /** Called after each step with the step number reached. */
  onStep?: (step: number) => void;
  /** Checked before every step; when true the loop returns with `stopped: true`. */
  shouldStop?: () => boolean;
  /** Called once when the step count reaches this step (before the step is taken): rewind snapshots. */
  at?: StepHook | StepHook[];
  /**
   * Train past `endStep`, a block of `evalEvery` steps at a time, while the minimum of the validation
   * loss is less than `patience` steps old, up to `maxStep`: so the early-stop iteration lies inside
   * training instead of at its last step (a minimum at the end is only a bound). `at` hooks at
   * `endStep` still see the weights of the planned end.
   */
  extendWhileImproving?: { patience: number; maxStep: number };
  /**
   * The loss a step minimises, from the (possibly transformed) batch; runs inside the step's tf.tidy.
   * Default: cross-entropy of `net.forward(x)` against `y`. Distillation, penalties and per-example
   * weights plug in here. (Evaluation still reports the cross-entropy, so curves stay comparable.)
   */
  objective?: (batch: StepBatch) => tfNs.Scalar;
  /**
   * Rewrites a training batch before the step, inside its tidy: augmentation, adversarial examples
   * (which may take their own input gradients), label noise.
   */
  transformBatch?: (batch: StepBatch) => StepBatch;
  /**
   * After each optimizer update (and re-masking), inside the step's tidy: weight hooks such as soft
   * shrinkage, clamping, projections or quantizer state. `step` is the step just taken (1-based).
   */
  afterUpdate?: (step: number) => void;
  /**
   * Freeze masks by variable name: where 0, the entry keeps its value exactly (its gradient is masked,
   * so its optimizer state stays zero, and its value is written back after the update), without being
   * zeroed as `masks` would. ExSSNeT trains only the
   * weights no earlier task uses this way.
   */
  freeze?: Map<string, tfNs.Tensor>;
  /**
   * Per-layer gradient norms ‖∂L/∂W‖₂ of each layer's weight, every `every` steps (the ISS-P code logs
   * them as "gradient throughput", `ist_pruner.py`): read from the step's own gradients, one small
   * read-back per call. Keys are layer names; variables outside `net.layers` use their own names.
   */
  gradNorms?: { every: number; fn: (step: number, norms: Record<string, number>) => void };
}

export interface StepHook {
  step: number;
  fn: () => void;
}

/** A training batch as the step sees it. */
export interface StepBatch {
  x: tfNs.Tensor;
  y: tfNs.Tensor2D;
  /** The step being taken (0-based from `startStep`'s count). */
  step: number;
  /**
   * What a second party computed for this batch outside the gradient tape, for the objective to use as
   * constants: soft targets of a frozen teacher ([batch, k]), per-example weights ([batch]).
   */
  target?: tfNs.Tensor2D;
  weights?: tfNs.Tensor1D;
}

export interface TrainResult {
  history: EvalPoint[];
  /** The evaluation with the smallest validation loss (ties: the earliest). */
  earlyStop: EvalPoint;
  final: EvalPoint;
  stopped: boolean;
  steps: number;
}

/** Loss and accuracy of the net on a split, evaluated in chunks to bound memory. */
export function evaluate(tf: Tf, net: Net, split: TensorSplit, chunk = 2000): { loss: number; acc: number } {
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.n; start += chunk) {
    const size = Math.min(chunk, split.n - start);
    const [l, c] = tf.tidy(() => {
      // Chunks come from the host copy when there is one (tf.slice of a large tensor is slow on wasm).
      const whole = split.n === size;
      const rows = Int32Array.from({ length: whole ? 0 : size }, (_, i) => start + i);
      const [x, y] = whole ? [split.x, split.y] : batchTensors(tf, split, rows);
      const logits = net.forward(x);
      const loss = tf.mul(crossEntropy(tf, logits, y), size);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32'));
      return [loss, hits];
    });
    lossSum += (l.dataSync() as Float32Array)[0];
    correct += (c.dataSync() as Float32Array)[0];
    l.dispose();
    c.dispose();
  }
  return { loss: lossSum / split.n, acc: correct / split.n };
}

/** [variable name, label] of the weights whose gradient norms are reported: each layer's weight, else the variable. */
function gradNormNames(net: Net, vars: tfNs.Variable[]): [string, string][] {
  const byVar = new Map(net.layers.map((l) => [l.weight.name, l.name]));
  const weights = vars.filter((v) => byVar.has(v.name));
  return (weights.length ? weights : vars).map((v) => [v.name, byVar.get(v.name) ?? v.name]);
}

/** Yields batch index arrays: reshuffled epochs, batches kept full by running into the next epoch. */
function batchSource(n: number, batchSize: number, rng: Rng): () => Int32Array {
  let order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i)) as Int32Array;
  let pos = 0;
  return () => {
    const out = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) {
      if (pos === n) {
        order = rng.shuffle(order) as Int32Array;
        pos = 0;
      }
      out[i] = order[pos++];
    }
    return out;
  };
}

/**
 * How often the loop lets the event loop run (ms): IPC messages (stop), the parent-alive check and
 * progress output are handled then. Short enough that Stop feels immediate, long enough to cost ~0.
 */
const YIELD_MS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The batch's inputs and one-hot labels: built on the host when the split carries host data (exported for the profile bench). */
export function batchTensors(tf: Tf, split: TensorSplit, idx: Int32Array): [tfNs.Tensor, tfNs.Tensor2D] {
  const h = split.host;
  if (!h) {
    const ix = tf.tensor1d(idx, 'int32');
    return [tf.gather(split.x, ix), tf.gather(split.y, ix) as tfNs.Tensor2D];
  }
  const dim = h.x.length / split.n;
  const xs = new Float32Array(idx.length * dim);
  const ys = new Float32Array(idx.length * h.classes);
  for (let i = 0; i < idx.length; i++) {
    const j = idx[i];
    xs.set(h.x.subarray(j * dim, (j + 1) * dim), i * dim);
    ys[i * h.classes + h.labels[j]] = 1;
  }
  return [tf.tensor(xs, [idx.length, ...split.x.shape.slice(1)]), tf.tensor2d(ys, [idx.length, h.classes])];
}

export async function train(o: TrainOptions): Promise<TrainResult> {
  const { tf, net, optimizer, masks } = o;
  const vars = net.variables();
  const maskByVar = new Map<string, tfNs.Tensor>();
  if (masks) for (const l of net.layers) if (masks.get(l.name)) maskByVar.set(l.weight.name, masks.get(l.name)!);
  const maskOf = masks ? (v: tfNs.Variable) => maskByVar.get(v.name) : undefined;
  // Frozen entries: the gradient is masked (so the optimizer's moments stay zero there) and the value
  // is written back after the update (so nothing else — weight decay — can move it either).
  const frozen = vars.filter((v) => o.freeze?.has(v.name));
  const thawed = new Map(frozen.map((v) => [v.name, tf.keep(tf.sub(1, o.freeze!.get(v.name)!))]));
  const normNames = o.gradNorms ? gradNormNames(net, vars) : [];
  const batchSize = Math.min(o.batchSize, o.train.n);
  const nextBatch = batchSource(o.train.n, batchSize, o.rng);
  // A plain dense net with a plain step trains through our kernels directly (same bits, no tfjs ops).
  const plainStep = !o.objective && !o.transformBatch && !frozen.length && !o.gradNorms;
  const direct = plainStep ? directMlpStep(tf, net, o.train, batchSize) : undefined;
  let directLoss = 0; // the train loss summed in float32 since the last evaluation, as lossAcc does
  const lossZero = tf.scalar(0);
  const lossAcc = tf.variable(lossZero, false);
  lossZero.dispose(); // the variable holds its own reference to the data
  let stepsSinceEval = 0;
  const history: EvalPoint[] = [];
  const start = o.startStep ?? 0;
  let step = start;
  let stopped = false;
  let lastYield = performance.now();
  let normsOut: tfNs.Tensor | undefined;

  const doEval = () => {
    const values: Record<string, number> = {};
    if (stepsSinceEval > 0)
      values.train_loss = (direct ? directLoss : (lossAcc.dataSync() as Float32Array)[0]) / stepsSinceEval;
    tf.tidy(() => lossAcc.assign(tf.zerosLike(lossAcc)));
    directLoss = 0;
    stepsSinceEval = 0;
    const valSplit = o.val ?? o.test;
    if (o.val) {
      const v = evaluate(tf, net, o.val);
      values.val_loss = v.loss;
      values.val_acc = v.acc;
    }
    if (o.test) {
      const t = evaluate(tf, net, o.test);
      values.test_loss = t.loss;
      values.test_acc = t.acc;
      if (!o.val) values.val_loss = t.loss;
    }
    if (!valSplit) values.val_loss = values.train_loss ?? NaN;
    const p = { step, values };
    history.push(p);
    o.onEval?.(p);
  };

  const hooks = o.at === undefined ? [] : Array.isArray(o.at) ? o.at : [o.at];
  const runHooks = () => hooks.forEach((h) => h.step === step && h.fn());
  const ext = o.extendWhileImproving;
  const maxStep = ext ? Math.max(o.endStep, ext.maxStep) : o.endStep;
  // Past endStep, decided only at an evaluation: go on while the best validation loss is recent.
  const more = () => {
    if (step < o.endStep) return true;
    if (!ext || step >= maxStep) return false;
    if (history[history.length - 1]?.step !== step) return true;
    return step - bestOf(history).step < ext.patience;
  };
  try {
    runHooks();
    doEval();
    while (more()) {
      if (o.shouldStop?.()) {
        stopped = true;
        break;
      }
      if (performance.now() - lastYield > YIELD_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
        if (o.shouldStop?.()) {
          stopped = true;
          break;
        }
      }
      const idx = nextBatch();
      if (direct) {
        const loss = direct.gradients(idx);
        tf.tidy(() => {
          optimizer.apply(direct.grads, maskOf);
          o.afterUpdate?.(step + 1);
        });
        directLoss = Math.fround(directLoss + loss);
      } else
        tf.tidy(() => {
          const [xb, yb] = batchTensors(tf, o.train, idx);
          const batch = o.transformBatch ? o.transformBatch({ x: xb, y: yb, step }) : { x: xb, y: yb, step };
          const loss = o.objective ?? ((b: StepBatch) => crossEntropy(tf, net.forward(b.x), b.y));
          const { value, grads } = tf.variableGrads(() => loss(batch), vars);
          if (o.gradNorms && (step + 1) % o.gradNorms.every === 0)
            normsOut = tf.keep(tf.stack(normNames.map(([v]) => tf.norm(grads[v]))));
          const before = frozen.map((v) => tf.clone(v));
          for (const v of frozen) grads[v.name] = tf.mul(grads[v.name], o.freeze!.get(v.name)!);
          optimizer.apply(grads, maskOf); // masked weights come out multiplied by their mask
          frozen.forEach((v, i) =>
            v.assign(tf.add(tf.mul(v, o.freeze!.get(v.name)!), tf.mul(before[i], thawed.get(v.name)!))),
          );
          o.afterUpdate?.(step + 1);
          lossAcc.assign(tf.add(lossAcc, value));
        });
      step++;
      stepsSinceEval++;
      if (normsOut) {
        const vals = normsOut.dataSync();
        normsOut.dispose();
        normsOut = undefined;
        o.gradNorms!.fn(step, Object.fromEntries(normNames.map(([, label], i) => [label, vals[i]])));
      }
      runHooks();
      o.onStep?.(step);
      if (step % o.evalEvery === 0 || step === o.endStep || step === maxStep) doEval();
    }
    if (stopped && stepsSinceEval > 0) doEval();
  } finally {
    direct?.dispose();
    lossAcc.dispose();
    normsOut?.dispose();
    thawed.forEach((t) => t.dispose());
  }
  return { history, earlyStop: bestOf(history), final: history[history.length - 1], stopped, steps: step - start };
}

/** The evaluation with the smallest validation loss (ties: the earliest). */
function bestOf(history: EvalPoint[]): EvalPoint {
  return history.reduce((best, p) => (p.values.val_loss < best.values.val_loss ? p : best), history[0]);
}
