/**
 * `paper: locality-weight-sharing` (Lahoti, Karp, Winston, Singh, Li, "Role of Locality and Weight
 * Sharing in Image-Based Tasks: A Sample Complexity Separation between CNNs, LCNs, and FCNs", ICLR
 * 2024). The Dynamic Signal Distribution: k patches of dimension d, a signed signal in one random patch.
 * CNN (shared filters), LCN (per-patch filters) and FCN (dense) two-layer ReLU networks, trained by
 * full-batch Adam; the samples each needs to reach a target test accuracy, swept over k. Widths, noise,
 * optimizer and the accuracy target are ours (the paper is a theory paper; its constants were not read).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const LocalitySchema = Type.Object(
  {
    paper: paperKey('locality-weight-sharing'),
    name: nameKey('DSD: CNN vs LCN vs FCN sample complexity'),
    seed: seedKey(),
    task: Block(
      {
        patch_dim: Type.Integer({
          minimum: 1,
          maximum: 256,
          default: 16,
          description: 'd, dimension of a patch (and of the signal).',
        }),
        patches: Type.Array(Type.Integer({ minimum: 1, maximum: 64 }), {
          minItems: 1,
          default: [4, 8, 16],
          description: 'k values swept: patches per input.',
        }),
        noise: Type.Number({
          minimum: 0,
          default: 1,
          description: 'σ: each patch carries N(0, σ²/d) noise per coordinate (norm ≈ σ) against a unit signal.',
        }),
        samples: Type.Array(Type.Integer({ minimum: 2, maximum: 100_000 }), {
          minItems: 2,
          default: [25, 50, 100, 200, 400, 800, 1600, 3200],
          description: 'The n sweep: training examples.',
        }),
        test: Type.Integer({ minimum: 100, maximum: 100_000, default: 2000, description: 'Test examples.' }),
        target_accuracy: Type.Number({
          exclusiveMinimum: 0.5,
          exclusiveMaximum: 1,
          default: 0.9,
          description: 'The accuracy whose sample size n* is compared (interpolated in log n between sweep points).',
        }),
      },
      { description: "The Dynamic Signal Distribution (the paper's task)." },
    ),
    models: Type.Array(StringEnum(['cnn', 'lcn', 'fcn'] as const, { description: 'A model.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['cnn', 'lcn', 'fcn'],
      description: 'Which networks to train: shared filters, per-patch filters, dense.',
    }),
    model: Block(
      {
        channels: Type.Integer({
          minimum: 1,
          maximum: 1024,
          default: 16,
          description: 'Filters per patch (CNN, LCN) and hidden units (FCN).',
        }),
      },
      { description: 'Two-layer ReLU networks with sum pooling over patches (src/trainer/patchLayers.ts).' },
    ),
    train: Block(
      {
        lr: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.01, description: 'Adam learning rate.' }),
        steps: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 300,
          description: 'Full-batch Adam steps per training.',
        }),
      },
      { description: 'Full-batch training (the paper analyses gradient descent).' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Sample complexity of CNN, LCN and FCN on the Dynamic Signal Distribution.',
  },
);

export type LocalityConfig = Static<typeof LocalitySchema>;
