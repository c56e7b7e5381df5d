/**
 * `paper: rich-feature-construction` (Zhang, Lopez-Paz & Bottou, "Rich Feature Construction for the
 * Optimization-Generalization Dilemma", ICML 2022). Bonsai/RFC builds a rich representation by discovery
 * episodes (each trained so as not to use the features found before) and synthesis episodes (distilling all
 * of them into one network), then initializes OOD methods such as IRMv1 from it. The small setting is the
 * research notes' (next-batches.md B5): ColoredMNIST from the mnist package's digits.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const RFC_ARMS = ['irm_rfc', 'irm_erm', 'erm'] as const;

const agreement = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const rfcSchema = Type.Object(
  {
    paper: paperKey('rich-feature-construction'),
    name: nameKey('coloredmnist: IRMv1 from RFC vs from ERM'),
    seed: seedKey(),
    data: Block(
      {
        train_envs: Type.Array(agreement('Colour–label agreement in one training environment.'), {
          minItems: 2,
          maxItems: 4,
          default: [0.9, 0.8],
          description: 'Training environments, by how often the colour agrees with the (noisy) label.',
        }),
        test_env: {
          ...agreement('Colour–label agreement in the test environment (low: colour misleads).'),
          default: 0.1,
        },
        label_noise: Type.Number({
          minimum: 0,
          maximum: 0.5,
          default: 0.25,
          description: 'Share of labels flipped, which caps what the digit shape can predict at 1 − label_noise.',
        }),
        train: Type.Integer({
          minimum: 100,
          maximum: 8000,
          default: 4000,
          description: 'Training digits, split over the environments.',
        }),
        test: Type.Integer({ minimum: 100, maximum: 5000, default: 2000, description: 'Test digits.' }),
      },
      { description: 'ColoredMNIST: digits 0–4 vs 5–9, coloured red or green, 2×14×14 inputs.' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 4,
          default: [128],
          description: 'Hidden widths of the MLP.',
        }),
      },
      { description: 'The network every arm trains (full batch).' },
    ),
    rfc: Block(
      {
        discovery_rounds: Type.Integer({
          minimum: 1,
          maximum: 10,
          default: 2,
          description: 'Discovery episodes, each finding features the earlier ones did not use.',
        }),
        iterations: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 500,
          description: 'Full-batch steps per discovery episode and for the synthesis (distillation) episode.',
        }),
      },
      { description: 'Rich Feature Construction (Bonsai).' },
    ),
    irm: Block(
      {
        penalty_weight: Type.Number({
          minimum: 0,
          maximum: 1e7,
          default: 1e4,
          description: 'Weight of the IRMv1 penalty once annealing is over.',
        }),
        anneal_iters: Type.Integer({
          minimum: 0,
          maximum: 100_000,
          default: 100,
          description: 'Steps with penalty weight 1 before it jumps to `penalty_weight`.',
        }),
        iterations: trainKeys.iterations(500),
        lr: trainKeys.lr(5e-4),
        weight_decay: trainKeys.weightDecay(1e-3),
      },
      { description: 'IRMv1, the OOD method initialized from RFC or from ERM (its penalty in closed form).' },
    ),
    arms: Type.Array(StringEnum(RFC_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...RFC_ARMS],
      description:
        '`irm_rfc`: IRMv1 from the RFC representation; `irm_erm`: IRMv1 from an ERM-trained network; `erm`: ERM alone.',
    }),
  },
  { additionalProperties: false },
);

export type RfcConfig = Static<typeof rfcSchema>;
