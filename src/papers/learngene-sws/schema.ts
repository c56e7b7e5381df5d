/**
 * The learngene-sws config (Xia, Zhu, Yang & Geng, "Exploring Learngene via Stage-wise Weight Sharing
 * for Initializing Variable-sized Models", IJCAI 2024) as a stand-in on Fashion-MNIST with residual
 * MLPs for its ViTs on ImageNet-1K:
 *   1. train a teacher (a plain MLP) with labels;
 *   2. distil it into an auxiliary net of `aux.stages` stages whose blocks share one weight set per
 *      stage (the learngene: stem, one block per stage, head);
 *   3. initialise descendants of several depths by copying each stage's learngene block into every
 *      block of that stage, fine-tune them `descendants.epochs` epoch(s), and compare with random inits
 *      trained as long (and longer) and with a learngene learned WITHOUT sharing.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, imageDataBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const SWS_ARMS = ['sws', 'scratch', 'learngene_untied', 'scratch_long'] as const;

const stageList = (def: number[], description: string) =>
  Type.Array(Type.Integer({ minimum: 1, maximum: 16 }), { minItems: 1, maxItems: 8, default: def, description });

export const learngeneSwsSchema = Type.Object(
  {
    paper: paperKey('learngene-sws'),
    name: nameKey('stage-wise weight sharing, descendants of depth 3/6/9'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 12000, test: 2000 }),
    teacher: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 8,
          default: [512, 512, 512],
          description: 'The teacher MLP (the paper distils from a trained ViT/LeViT teacher).',
        }),
        epochs: Type.Integer({ minimum: 1, maximum: 200, default: 5, description: 'Teacher training epochs.' }),
      },
      { description: 'The large well-trained model the learngene is distilled from.' },
    ),
    width: Type.Integer({
      minimum: 8,
      maximum: 2048,
      default: 256,
      description: 'Width of the auxiliary net and of every descendant (the learngene fixes it).',
    }),
    aux: Block(
      {
        blocks_per_stage: stageList(
          [3, 3, 3],
          'Blocks per stage of the auxiliary net; a stage applies its one shared block this many times.',
        ),
        epochs: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 5,
          description: 'Distillation epochs of the auxiliary net.',
        }),
        temperature: Type.Number({ exclusiveMinimum: 0, maximum: 100, default: 1, description: 'KD temperature τ.' }),
      },
      { description: 'The auxiliary model whose stage-tied layers become the learngene.' },
    ),
    descendants: Block(
      {
        depths: Type.Array(stageList([1, 1, 1], 'Blocks per stage of one descendant.'), {
          minItems: 1,
          maxItems: 6,
          default: [
            [1, 1, 1],
            [2, 2, 2],
            [3, 3, 3],
          ],
          description: 'Descendants to initialise, as blocks per stage (same number of stages as the auxiliary net).',
        }),
        epochs: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 1,
          description: 'Fine-tuning epochs of every descendant ("1 epoch tuning").',
        }),
        reference_epochs: Type.Integer({
          minimum: 1,
          maximum: 200,
          default: 4,
          description: '`scratch_long`: epochs of the from-scratch reference.',
        }),
      },
      { description: 'The variable-sized models the learngene initialises.' },
    ),
    arms: Type.Array(StringEnum(SWS_ARMS, { description: 'An initialisation of the descendants.' }), {
      minItems: 1,
      uniqueItems: true,
      default: ['sws', 'scratch', 'learngene_untied', 'scratch_long'],
      description:
        '`sws`: from the stage-tied learngene. `scratch`: random init, same epochs. `learngene_untied`: from an auxiliary net with one untied block per stage (no sharing during learning). `scratch_long`: random init, `reference_epochs`.',
    }),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(128),
        activation: StringEnum(['gelu', 'relu'] as const, {
          default: 'gelu',
          description: 'Nonlinearity of the residual blocks (ViT MLPs use GELU).',
        }),
        init: StringEnum(['he_normal', 'glorot_normal', 'torch_linear'] as const, {
          default: 'he_normal',
          description: 'Random init of every net.',
        }),
      },
      { description: 'One optimiser setting for teacher, auxiliary net and descendants.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Learngene via stage-wise weight sharing (Xia et al., IJCAI 2024), as a residual-MLP stand-in.',
  },
);

export type LearngeneSwsConfig = Static<typeof learngeneSwsSchema>;
