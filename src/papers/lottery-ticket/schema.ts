/**
 * The lottery-ticket config (Frankle & Carbin 2019). The trainer reads exactly these keys:
 * `data`, `model`, `train`, `prune`, `controls` (src/papers/lottery-ticket/recipe.ts).
 *
 * Defaults are OUR small-scale setting, sized to finish on two CPU cores in under 10 minutes with the
 * wasm backend (~12,000 samples per CPU second for LeNet-300-100 with our kernels, docs/performance.md):
 *   one training = 1,500 iterations × 60 examples = 90,000 samples ≈ 8 s, plus 16 evaluations of
 *   3,000 validation and test digits (forward only) ≈ 2 s;
 *   trainings = 1 dense + 15 rounds × 2 arms (ticket, random_reinit) = 31, but a round's control
 *   trains in a second process beside its ticket (src/trainer/arms), so the wall time is that of
 *   ~16 trainings: a few minutes on an idle two-core machine, twice that on one core.
 * 15 rounds at 20% per hidden layer and 10% for the output layer leave 0.8^15 = 3.5% of the hidden
 * weights and 20.6% of the output layer: 3.6% overall — the paper's Pm = 3.6% point (§2, Figure 3),
 * where winning tickets still match the dense net and reinitialised copies have fallen behind.
 * The paper's values (50K iterations, …) are in setting.ts and shown on hover.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  Block,
  StringEnum,
  imageDataBlock,
  mlpModelBlock,
  nameKey,
  paperKey,
  seedKey,
  trainKeys,
} from '../common/schema';

export const CONTROLS = ['random_reinit', 'random_mask'] as const;

export const lotteryTicketSchema = Type.Object(
  {
    paper: paperKey('lottery-ticket'),
    name: nameKey('lenet-300-100 imp'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 7000, val: 1000, test: 2000 }),
    model: mlpModelBlock({ hidden: [300, 100], init: 'glorot_normal', activation: 'relu' }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1.2e-3),
        batch_size: trainKeys.batchSize(60),
        iterations: trainKeys.iterations(1500),
        eval_every: trainKeys.evalEvery(100),
        patience: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 500,
          description:
            "After `iterations`, training goes on while the minimum of the validation loss is less than `patience` iterations old (up to `max_iterations`), so the early-stop iteration (§2: the minimum of the validation loss) lies inside training; a minimum at the last iteration is only a lower bound. Pruning still uses each ticket's weights at `iterations`. 0 = train exactly `iterations` (the paper's 50K iterations are far past every early stop).",
        }),
        max_iterations: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: 1_000_000,
            description: 'Upper limit of the extension by `patience` (default 4 × `iterations`).',
          }),
        ),
        momentum: trainKeys.momentum(),
        weight_decay: trainKeys.weightDecay(),
      },
      {
        description:
          'How each network (dense, every ticket, every control) is trained: all arms use the same settings.',
      },
    ),
    prune: Block(
      {
        method: StringEnum(['imp'] as const, {
          default: 'imp',
          description:
            '`imp`: iterative magnitude pruning — train, remove the smallest-magnitude surviving weights, reset the survivors to their `rewind_to` values, retrain (§2, Algorithm 1 with iteration).',
        }),
        rounds: Type.Integer({
          minimum: 0,
          maximum: 40,
          default: 15,
          description:
            'Pruning rounds after the dense run. 0 = train the dense network only. Weights kept after R rounds = (1 − rate)^R per layer.',
        }),
        rate: Block(
          {
            hidden: Type.Number({
              exclusiveMinimum: 0,
              exclusiveMaximum: 1,
              default: 0.2,
              description:
                'Fraction of the REMAINING weights of each hidden layer removed per round (0.2 = prune 20%, keep 80%).',
            }),
            output: Type.Number({
              exclusiveMinimum: 0,
              exclusiveMaximum: 1,
              default: 0.1,
              description:
                'Fraction of the REMAINING output-layer weights removed per round; the paper uses half the hidden rate (§2).',
            }),
          },
          {
            description:
              'Pruning rates per round, as fractions of the weights still present (a rate removes, a density keeps).',
          },
        ),
        rewind_to: Type.Integer({
          minimum: 0,
          default: 0,
          description:
            'Iteration whose weights the surviving weights are reset to after each round. 0 = the original initialisation θ₀ (the paper\'s winning tickets); later values = "rewinding" (open_lth `rewinding_steps`).',
        }),
        scope: StringEnum(['layerwise', 'global'] as const, {
          default: 'layerwise',
          description:
            '`layerwise`: each layer loses its own `rate` (the paper). `global`: hidden weights are ranked together across layers (open_lth `sparse_global`); the output layer still uses `rate.output`.',
        }),
        target_density: Type.Optional(
          Type.Number({
            exclusiveMinimum: 0,
            exclusiveMaximum: 1,
            description:
              'Optional: the fraction of weights you want LEFT at the end (0.05 = keep 5%). Checked against `rounds` and `rate`; it does not change how many rounds run.',
          }),
        ),
      },
      {
        description:
          'Iterative magnitude pruning: how many rounds, how much per round, and where survivors are reset to.',
      },
    ),
    controls: Type.Array(StringEnum(CONTROLS, { description: 'A control arm.' }), {
      uniqueItems: true,
      default: ['random_reinit'],
      description:
        "Baselines trained at every round beside the ticket. `random_reinit`: the same mask with freshly drawn initial weights (the paper's control, §2). `random_mask`: a random mask of the same per-layer density from the original initialisation.",
    }),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'A lottery-ticket experiment (Frankle & Carbin, ICLR 2019).',
  },
);

export type LotteryTicketConfig = Static<typeof lotteryTicketSchema>;
