/**
 * A run's amount of work in a machine-independent unit, so that one measured speed (work per second)
 * predicts every paper's runs. The unit is the multiply–accumulate (MAC) of dense matrix products:
 * the only thing that grows with widths, batch sizes and step counts in these recipes.
 *
 * Two costs that MACs alone miss are added as MAC-equivalents, because a small net's step is mostly
 * fixed cost on the wasm backend (784-32-32-10 at batch 128: 10 M MACs, yet 3 ms a step):
 *   - each optimizer step costs STEP_COST_PER_LAYER per weight layer (kernel launches, batch upload,
 *     the optimizer's per-variable ops);
 * Fitted on this machine's random-pruning steps (wasm, 2 shared cores): t = 1.9 ms + MACs / 9.3 G/s
 * predicted 3.0 / 4.2 / 6.8 / 13 ms at widths ×0.125–×1 against 3 / 4 / 7 / 13 ms measured
 * (src/papers/random-pruning/schema.ts); 1.9 ms × 9.3 G/s ≈ 18 M MACs for 3 weight layers.
 *
 * Pure arithmetic: the paper folders' work.ts call these with numbers read from the resolved, typed config.
 */

/** MAC-equivalents of the fixed cost of one optimizer step, per weight layer (see above). */
export const STEP_COST_PER_LAYER = 6e6;

/**
 * Adam's update is about 13 elementwise ops per parameter: on the wasm backend LeNet-300-100 (267 k
 * parameters, batch 60) took 10.8 ms a step with adam against 7.0 ms with sgd + momentum, ≈ 14 ns per
 * parameter ≈ 130 MACs at the 9.3 G/s above. SGD's few ops are inside STEP_COST_PER_LAYER.
 */
export const ADAM_COST_PER_PARAM = 130;

/**
 * One elementwise op on one element (add, mul, relu, …), in MACs: Adam's 130 per parameter over its
 * ~13 ops. The recipes with hand-written gradients (xor-benign-grokking, grokking-lazy-rich) spend a
 * real share of their time in such ops on large matrices.
 */
export const ELEMENTWISE_COST = 10;

/** A backward pass computes gradients for inputs and weights: two products per forward product. */
export const TRAIN_STEP_FACTOR = 3;

/** MACs of one forward pass of one example through dense layers of these sizes (input first). */
export function mlpMacs(sizes: number[]): number {
  let macs = 0;
  for (let l = 1; l < sizes.length; l++) macs += sizes[l - 1] * sizes[l];
  return macs;
}

/**
 * Forward MACs per example of a residual MLP (src/trainer/residualMlp.ts): the stem, two layers per
 * block at that block's inner width, the head. Here rather than beside the model, so that a paper's
 * work estimate can count it without reaching tfjs.
 */
export function residualMacs(input: number, width: number, classes: number, inner: number[]): number {
  return input * width + inner.reduce((s, k) => s + 2 * width * k, 0) + width * classes;
}

/**
 * Evaluations the shared loop (src/trainer/loop.ts) makes training from `start` to `end`: one at the
 * start, then after every step that is a multiple of `every`, and at the end.
 */
export function evalsBetween(start: number, end: number, every: number): number {
  if (end <= start) return 1;
  const e = Math.max(1, every);
  return 1 + Math.floor(end / e) - Math.floor(start / e) + (end % e !== 0 ? 1 : 0);
}

/**
 * Evaluations of one `trainSeries` (src/trainer/trainSeries.ts): one loop per learning-rate segment,
 * each re-evaluating its start point (computed, then not re-emitted).
 */
export function seriesEvals(iterations: number, every: number, lrDrops: number[] = []): number {
  const drops = [...new Set(lrDrops)].filter((f) => f > 0 && f < 1).sort((a, b) => a - b);
  const bounds = [...drops.map((f) => Math.round(f * iterations)), iterations].filter(
    (b, i, a) => b > 0 && (i === 0 || b > a[i - 1]),
  );
  if (bounds.length === 0) return 1;
  let n = 0;
  let start = 0;
  for (const end of bounds) ((n += evalsBetween(start, end, every)), (start = end));
  return n;
}

export interface Training {
  /** Layer sizes, input first, classes last: [784, 300, 100, 10]. */
  sizes: number[];
  batch: number;
  steps: number;
  /** Forward passes of single examples for evaluation over the whole training (evals × examples). */
  evalExamples: number;
  /** The config's `train.optimizer`. */
  optimizer?: string;
}

/** `adam`/`adamw` cost more per step than `sgd` (see ADAM_COST_PER_PARAM). */
export function isAdam(optimizer: unknown): boolean {
  return optimizer === 'adam' || optimizer === 'adamw';
}

/**
 * Work of `steps` optimizer steps over `examples` examples in all (steps × batch, or uneven batches).
 * The weights are counted as the forward MACs per example (biases are negligible).
 */
export function stepsWork(sizes: number[], steps: number, examples: number, optimizer?: string): number {
  const layers = Math.max(1, sizes.length - 1);
  const perStep = layers * STEP_COST_PER_LAYER + (isAdam(optimizer) ? ADAM_COST_PER_PARAM * mlpMacs(sizes) : 0);
  return TRAIN_STEP_FACTOR * examples * mlpMacs(sizes) + steps * perStep;
}

/** Work of forward passes of `examples` single examples (evaluation). */
export function forwardWork(sizes: number[], examples: number): number {
  return examples * mlpMacs(sizes);
}

/** Work of one training: forward + backward of every batch, the steps' fixed cost, and evaluation. */
export function trainingWork(t: Training): number {
  return stepsWork(t.sizes, t.steps, t.steps * t.batch, t.optimizer) + forwardWork(t.sizes, t.evalExamples);
}

/** The config blocks that describe one MLP training on 28×28 images (papers/common/schema). */
export interface ImageMlpTraining {
  data: { train: number; test: number };
  model: { hidden: number[] };
  train: { iterations: number; batch_size: number; eval_every: number; optimizer?: string };
}

/**
 * One training of an MLP on 28×28 images (784 inputs, 10 classes) as its config describes it: the
 * layer sizes (for the paper's own extra terms) and the work, evaluating the test split on the loop's
 * schedule.
 */
export function imageMlpTraining(c: ImageMlpTraining): { sizes: number[]; work: number } {
  const sizes = [784, ...c.model.hidden, 10];
  const T = c.train.iterations;
  const work = trainingWork({
    sizes,
    batch: Math.min(c.train.batch_size, c.data.train),
    steps: T,
    evalExamples: evalsBetween(0, T, c.train.eval_every) * c.data.test,
    optimizer: c.train.optimizer,
  });
  return { sizes, work };
}
