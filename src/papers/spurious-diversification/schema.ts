/**
 * `paper: spurious-diversification` (Lin et al., "Spurious Feature Diversification Improves
 * Out-of-distribution Generalization", ICLR 2024). WiSE-FT interpolates a pretrained and a fine-tuned
 * model in weight space; BANG (balanced averaging) first makes the fine-tuned model less over-confident.
 * The small setting is the research notes' (next-batches.md B12): a MultiColorMNIST-like stand-in, digits
 * with many coloured patches that agree with the label in training and not out of distribution.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, mlpModelBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const SPURIOUS_ARMS = ['wise_ft', 'bang'] as const;

const phase = (iterations: number, lr: number, what: string) =>
  Block(
    { iterations: trainKeys.iterations(iterations), lr: trainKeys.lr(lr), batch_size: trainKeys.batchSize(128) },
    { description: what },
  );

export const spuriousSchema = Type.Object(
  {
    paper: paperKey('spurious-diversification'),
    name: nameKey('multicolor digits: WiSE-FT vs BANG'),
    seed: seedKey(),
    data: Block(
      {
        spurious_features: Type.Integer({
          minimum: 1,
          maximum: 64,
          default: 16,
          description: 'Coloured patches per image, each a spurious feature tied to the label in training.',
        }),
        train_correlation: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.9,
          description: "Probability that a patch shows its label's colour in training (fine-tuning) data.",
        }),
        ood_correlation: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0,
          description: 'The same probability in the out-of-distribution test data.',
        }),
        train: Type.Integer({
          minimum: 100,
          maximum: 9000,
          default: 6000,
          description: "Training images (from the mnist package's 10,000).",
        }),
        test: Type.Integer({ minimum: 100, maximum: 4000, default: 2000, description: 'OOD test images.' }),
      },
      { description: 'Coloured digits; pretraining sees them grey, fine-tuning with spurious colours.' },
    ),
    model: mlpModelBlock({ hidden: [256, 128], init: 'he_normal' }),
    pretrain: phase(1000, 1e-3, 'Pretraining on grey digits (Adam): the "zero-shot" endpoint.'),
    finetune: phase(1000, 1e-3, 'Fine-tuning on coloured digits (Adam): the other endpoint.'),
    bang: Block(
      {
        label_smoothing: Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          default: 0.1,
          description: 'Label smoothing of the BANG fine-tuning: less over-confident outputs.',
        }),
        mixup_alpha: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0.2,
          description: 'Mixup Beta(α, α) parameter of the BANG fine-tuning; 0 turns mixup off.',
        }),
      },
      { description: 'How BANG fine-tunes before averaging.' },
    ),
    wise: Block(
      {
        alphas: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), {
          minItems: 2,
          maxItems: 21,
          default: [0, 0.25, 0.5, 0.75, 1],
          description: 'Mixing weights α of θ = (1 − α)·θ_pretrained + α·θ_finetuned to evaluate.',
        }),
      },
      { description: 'The weight-space ensemble.' },
    ),
    arms: Type.Array(StringEnum(SPURIOUS_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...SPURIOUS_ARMS],
      description:
        '`wise_ft`: average with the plainly fine-tuned model; `bang`: average with the BANG fine-tuned model.',
    }),
  },
  { additionalProperties: false },
);

export type SpuriousConfig = Static<typeof spuriousSchema>;
