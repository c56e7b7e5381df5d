/**
 * `paper: d2nwg-weight-diffusion` (Soro et al., "Diffusion-Based Neural Network Weights Generation",
 * ICLR 2025). D2NWG learns the distribution of weights of models pretrained on many datasets with a latent
 * diffusion model conditioned on a dataset embedding, and samples weights for new datasets. The keys
 * describe the research notes' stand-in (next-batches.md C4): a zoo of small classifiers on binary digit
 * tasks, a generative model over their ~1.5k weights conditioned on each task's class means.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const D2NWG_ARMS = ['generated', 'zoo_nearest', 'random_init'] as const;

export const d2nwgSchema = Type.Object(
  {
    paper: paperKey('d2nwg-weight-diffusion'),
    name: nameKey('binary digit tasks: generated weights'),
    seed: seedKey(),
    zoo: Block(
      {
        tasks: Type.Integer({
          minimum: 2,
          maximum: 90,
          default: 30,
          description:
            'Binary tasks (pairs of classes from MNIST and Fashion-MNIST), each with its own small classifier.',
        }),
        held_out: Type.Integer({
          minimum: 1,
          maximum: 45,
          default: 6,
          description: 'Tasks kept out of the zoo: weights are generated for them without training.',
        }),
        models_per_task: Type.Integer({
          minimum: 1,
          maximum: 50,
          default: 5,
          description: "Classifiers trained per task (different seeds): the generator's training samples.",
        }),
        input_side: Type.Integer({
          minimum: 4,
          maximum: 28,
          default: 14,
          description: 'Images are average-pooled to input_side × input_side before the classifier.',
        }),
        hidden: Type.Integer({
          minimum: 1,
          maximum: 256,
          default: 8,
          description: 'Hidden units of each zoo classifier (one hidden layer, 2 outputs).',
        }),
        iterations: trainKeys.iterations(300),
      },
      { description: 'The model zoo: what the generator learns from.' },
    ),
    generator: Block(
      {
        kind: StringEnum(['diffusion', 'interpolant'] as const, {
          default: 'interpolant',
          description:
            'Generative model over flattened weights: a denoising diffusion or a stochastic interpolant (the paper: latent diffusion).',
        }),
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 6,
          default: [512, 512],
          description: 'Hidden widths of the conditional denoiser / velocity network.',
        }),
        iterations: trainKeys.iterations(3000),
        lr: trainKeys.lr(1e-3),
        samples_per_task: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 10,
          description: 'Weight vectors sampled for each held-out task; the best on a few labelled examples is kept.',
        }),
      },
      { description: 'The dataset-conditioned weight generator.' },
    ),
    arms: Type.Array(StringEnum(D2NWG_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...D2NWG_ARMS],
      description:
        '`generated`: sampled weights, no training; `zoo_nearest`: the zoo model of the most similar seen task; `random_init`: untrained weights.',
    }),
  },
  { additionalProperties: false },
);

export type D2nwgConfig = Static<typeof d2nwgSchema>;

/** Weights of one zoo classifier: input² × hidden + hidden, then hidden × 2 + 2. */
export function zooWeights(z: { input_side: number; hidden: number }): number {
  return z.input_side * z.input_side * z.hidden + z.hidden + z.hidden * 2 + 2;
}
