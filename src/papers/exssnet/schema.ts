/**
 * The ExSSNeT config (Yadav & Bansal 2022): continual learning on a task stream with one supermask per
 * task over a bias-free MLP with signed-constant weights. SupSup learns only the masks (weights fixed:
 * no forgetting); SSNeT then trains the weights inside each task's mask (earlier tasks can be
 * overwritten); ExSSNeT trains only the weights no earlier task's mask uses. The recipe reads exactly
 * these keys (src/papers/exssnet/recipe.ts).
 *
 * Defaults: PermutedMNIST, 5 tasks, the 10,000 mnist digits (8,000 / 2,000), 784-300-100-10 at 5%
 * density; per task 600 mask steps (Adam 0.01) and 300 weight steps (Adam 1e-3) — about 4 minutes.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, imageDataBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const EXSSNET_ARMS = ['exssnet', 'supsup', 'ssnet'] as const;

export const exssnetSchema = Type.Object(
  {
    paper: paperKey('exssnet'),
    name: nameKey('permuted mnist, 5 tasks, 5% masks'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 8000, test: 2000 }),
    tasks: Block(
      {
        benchmark: StringEnum(['permuted_mnist'] as const, {
          default: 'permuted_mnist',
          description:
            '`permuted_mnist`: each task applies its own fixed random permutation to the pixels (labels unchanged).',
        }),
        count: Type.Integer({
          minimum: 2,
          maximum: 100,
          default: 5,
          description: 'Tasks in the stream, learned one after the other; the task id is given at test time.',
        }),
      },
      { description: 'The continual-learning task stream.' },
    ),
    model: Block(
      {
        arch: StringEnum(['mlp'] as const, {
          default: 'mlp',
          description: 'A bias-free MLP (SupSup’s `MultitaskFC`), ReLU between layers.',
        }),
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 8192 }), {
          minItems: 1,
          maxItems: 8,
          default: [300, 100],
          description: 'Hidden widths, input side first.',
        }),
        density: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.05,
          description:
            'Fraction of each layer’s weights a task’s mask KEEPS (ExSSNeT and SupSup call this `sparsity`, but it is the kept share: 0.05 keeps 5%).',
        }),
      },
      {
        description: 'The shared network: weights start at the signed constant ±√2/√fan_in (SupSup `signed_constant`).',
      },
    ),
    train: Block(
      {
        batch_size: trainKeys.batchSize(128),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Batches and evaluation, for both phases of every task.' },
    ),
    mask: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 600,
          description: 'Steps training each task’s mask scores.',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.01,
          description: 'Adam learning rate of the scores (the code’s `--lr 0.01`).',
        }),
      },
      { description: 'The supermask phase of each task (Adam on the scores; weights fixed).' },
    ),
    weights: Block(
      {
        iterations: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 300,
          description:
            'Steps training the weights after each task’s mask phase (`--weight-epochs`); SupSup skips this phase.',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 1e-3,
          description: 'Adam learning rate of the weights (the code’s `--train-weight-lr 0.001`).',
        }),
      },
      { description: 'The weight phase of SSNeT and ExSSNeT.' },
    ),
    arms: Type.Array(StringEnum(EXSSNET_ARMS, { description: 'A method.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['exssnet', 'supsup', 'ssnet'],
      description:
        '`exssnet`: weights trained only where no earlier task’s mask is (`--weight-mask-type exclusive`). `supsup`: masks only. `ssnet`: weights trained inside the whole mask (`original`), which can overwrite earlier tasks.',
    }),
  },
  { additionalProperties: false, required: ['paper'], description: 'An ExSSNeT continual-learning experiment.' },
);

export type ExssnetConfig = Static<typeof exssnetSchema>;
