/**
 * `paper: prithvi-geospatial` (Jakubik et al., "Foundation Models for Generalist Geospatial Artificial
 * Intelligence", 2023): Prithvi, a 100M-parameter masked autoencoder (ViT) pretrained on more than 1 TB of
 * HLS satellite imagery, fine-tuned for flood mapping, burn scars, crops and cloud imputation. None of that
 * is in reach; the keys describe the research notes' stand-in (next-batches.md C1): Fashion-MNIST tiles as
 * "satellite tiles", an encoder over 7×7 patches pretrained by masked reconstruction, fine-tuned with a
 * shrinking share of labels.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const PRITHVI_ARMS = ['mae', 'scratch'] as const;

export const prithviSchema = Type.Object(
  {
    paper: paperKey('prithvi-geospatial'),
    name: nameKey('fmnist tiles: MAE pretraining vs scratch'),
    seed: seedKey(),
    data: Block(
      {
        unlabeled: Type.Integer({
          minimum: 100,
          maximum: 60_000,
          default: 20_000,
          description: 'Tiles for masked-autoencoder pretraining (labels unused).',
        }),
        label_fractions: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), {
          minItems: 1,
          maxItems: 8,
          default: [0.01, 0.1, 1],
          description: 'Shares of the labelled fine-tuning set to fine-tune with, one run each.',
        }),
        labeled: Type.Integer({
          minimum: 10,
          maximum: 60_000,
          default: 10_000,
          description: 'The full labelled fine-tuning set (before a fraction is taken).',
        }),
        test: Type.Integer({ minimum: 10, maximum: 10_000, default: 2000, description: 'Test tiles.' }),
      },
      { description: 'Fashion-MNIST as a stand-in for HLS tiles (nothing downloaded).' },
    ),
    model: Block(
      {
        patch_size: Type.Integer({
          minimum: 1,
          maximum: 28,
          default: 7,
          description: 'Side of the square patches the 28×28 tile is cut into (Prithvi: 16 on 224×224).',
        }),
        embed_dim: Type.Integer({
          minimum: 4,
          maximum: 1024,
          default: 64,
          description: 'Width of each patch embedding.',
        }),
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 6,
          default: [256],
          description: 'Hidden widths of the encoder over the visible patch embeddings.',
        }),
      },
      { description: 'A small patch encoder standing in for the ViT.' },
    ),
    mae: Block(
      {
        mask_ratio: Type.Number({
          minimum: 0,
          exclusiveMaximum: 1,
          default: 0.75,
          description: 'Share of patches hidden from the encoder during pretraining; the decoder reconstructs them.',
        }),
        iterations: trainKeys.iterations(2000),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(128),
      },
      { description: 'Masked-autoencoder pretraining.' },
    ),
    finetune: Block(
      {
        iterations: trainKeys.iterations(500),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(64),
        eval_every: trainKeys.evalEvery(50),
      },
      { description: 'Fine-tuning encoder + a linear classifier on the labelled share.' },
    ),
    arms: Type.Array(StringEnum(PRITHVI_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...PRITHVI_ARMS],
      description: '`mae`: fine-tune the pretrained encoder; `scratch`: the same encoder from random weights.',
    }),
  },
  { additionalProperties: false },
);

export type PrithviConfig = Static<typeof prithviSchema>;
