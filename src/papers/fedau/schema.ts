/**
 * The fedau config (Wang & Ji, "A Lightweight Method for Tackling Unknown Participation Statistics in
 * Federated Averaging", ICLR 2024; official code IBM/fedau config.py). N clients hold Dirichlet(α)
 * label splits of the training set; each participates in a round with its own, unknown, probability
 * (correlated with its labels); participants run `local_steps` SGD steps from the global model and
 * send their update; the server averages the updates with the weights of each arm.
 *
 * Cost: per round, about N·mean(p) participants × local_steps SGD steps of `batch_size` examples, plus
 * copying the model in and out of each participant; evaluation on `data.test` every `eval_every` rounds.
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

export const WEIGHTINGS = ['fedau', 'average_participating', 'known_prob', 'average_all'] as const;
export const PARTICIPATIONS = ['bernoulli', 'markov', 'cyclic'] as const;

export const fedauSchema = Type.Object(
  {
    paper: paperKey('fedau'),
    name: nameKey('fedau vs fedavg, heterogeneous participation'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 60000, test: 10000 }),
    model: mlpModelBlock({ hidden: [100], init: 'he_normal', activation: 'relu' }),
    arms: Type.Array(StringEnum(WEIGHTINGS, { description: 'An aggregation weighting.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['fedau', 'average_participating', 'known_prob'],
      description:
        "`fedau`: weight = online mean interval between a client's participations (≈ 1/p). `average_participating`: FedAvg over the participants. `known_prob`: weight 1/p with p known (the oracle). `average_all`: weight 1, divided by all N.",
    }),
    fed: Block(
      {
        clients: Type.Integer({
          minimum: 2,
          maximum: 10_000,
          default: 250,
          description: 'Number of clients N (config.py: 250).',
        }),
        rounds: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 250,
          description: 'Communication rounds. The code counts iterations = rounds × local_steps (10,000 by default).',
        }),
        local_steps: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 5,
          description: 'SGD steps per participant per round (config.py: 5).',
        }),
        batch_size: trainKeys.batchSize(16),
        lr: trainKeys.lr(0.1),
        global_lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 1,
          description: 'Server step size η_g (config.py: 1.0).',
        }),
        data_alpha: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1000,
          default: 0.1,
          description: "Dirichlet concentration of each client's label mix (config.py: 0.1, very heterogeneous).",
        }),
        participation: StringEnum(PARTICIPATIONS, {
          default: 'bernoulli',
          description: 'How each client decides to participate, at its long-run rate p.',
        }),
        participation_alpha: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1000,
          default: 0.1,
          description: 'Dirichlet concentration of the per-class participation multiplier (config.py: 0.1).',
        }),
        participation_mean: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.1,
          description: 'Mean participation probability before the floor (config.py: 0.1).',
        }),
        participation_min: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.02,
          description: "Floor of each client's probability (config.py: 0.02).",
        }),
        markov_to_active: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.05,
          description: '`markov`: probability of an inactive client becoming active (config.py example markov-0.05).',
        }),
        cycle: Type.Integer({
          minimum: 2,
          maximum: 100_000,
          default: 100,
          description: '`cyclic`: cycle length in rounds (config.py example cyclic-100).',
        }),
        cutoff: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 100_000,
          description:
            "FedAU's K: an interval is closed after K rounds without participation (config.py: 100,000, i.e. none; the README also runs 50).",
        }),
        eval_every: Type.Integer({
          minimum: 1,
          default: 25,
          description: 'Evaluate the global model every this many rounds.',
        }),
      },
      { description: 'The federated simulation: clients, participation and aggregation.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'FedAU against FedAvg under unknown, heterogeneous participation (Wang & Ji, ICLR 2024).',
  },
);

export type FedauConfig = Static<typeof fedauSchema>;
