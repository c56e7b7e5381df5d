/**
 * `paper: eva-lora-init` (Paischer et al., "One Initialization to Rule them All: Fine-tuning via Explained
 * Variance Adaptation", 2024). Keys follow the official code (ml-jku/EVA): `--rank`, `--rho`,
 * `--batch_size` and `--early_stop_sim_thresh` of bash/run_svd_precompute.sh; `--learning_rate`,
 * `--warmup_ratio`, `--weight_decay` of bash/_run_train_eva_rho2.sh. The small setting is the research
 * notes' (next-batches.md B21): an MLP pretrained on Fashion-MNIST classes 0–4, adapted with LoRA to 5–9.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, mlpModelBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const EVA_ARMS = ['eva', 'lora_random', 'full_finetune'] as const;

const classes = (def: number[], what: string) =>
  Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), {
    minItems: 2,
    maxItems: 10,
    uniqueItems: true,
    default: def,
    description: what,
  });

export const evaSchema = Type.Object(
  {
    paper: paperKey('eva-lora-init'),
    name: nameKey('fmnist 0-4 → 5-9: EVA vs random LoRA'),
    seed: seedKey(),
    data: Block(
      {
        dataset: StringEnum(['mnist', 'fashion-mnist'] as const, {
          default: 'fashion-mnist',
          description: 'Image dataset (28×28 grey, 10 classes).',
        }),
        pretrain_classes: classes(
          [0, 1, 2, 3, 4],
          'Classes the base network is pretrained on (the "foundation model").',
        ),
        finetune_classes: classes([5, 6, 7, 8, 9], 'Classes of the downstream task the adapters learn.'),
        train: Type.Integer({
          minimum: 10,
          maximum: 60_000,
          default: 10_000,
          description: 'Training examples per phase.',
        }),
        test: Type.Integer({
          minimum: 10,
          maximum: 10_000,
          default: 2000,
          description: 'Test examples of the downstream task.',
        }),
      },
      { description: 'A pretraining task and a downstream task from one dataset.' },
    ),
    model: mlpModelBlock({ hidden: [256, 256], init: 'he_normal' }),
    pretrain: Block(
      { iterations: trainKeys.iterations(1500), lr: trainKeys.lr(1e-3), batch_size: trainKeys.batchSize(128) },
      { description: 'Training of the frozen base network (Adam).' },
    ),
    lora: Block(
      {
        rank: Type.Integer({
          minimum: 1,
          maximum: 512,
          default: 4,
          description: 'Adapter rank r per weight matrix (`--rank`; the code uses 16).',
        }),
        rho: Type.Number({
          minimum: 1,
          maximum: 10,
          default: 2,
          description:
            'Rank redistribution budget (`--rho`): a layer may receive up to rho·r components, taken by explained variance from the others; 1 = uniform ranks.',
        }),
        svd_batch_size: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 16,
          description: 'Examples per activation minibatch of the incremental SVD (`--batch_size` of svd_precompute).',
        }),
        early_stop_sim_thresh: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.99,
          description:
            'The SVD stops once the top components of two successive minibatches agree to this cosine similarity (`--early_stop_sim_thresh`).',
        }),
        alpha: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1024,
          default: 1,
          description: 'LoRA scale: the update is (alpha / r)·B·A.',
        }),
      },
      { description: 'The low-rank adapters and how EVA initializes them.' },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adamw'),
        lr: trainKeys.lr(5e-4),
        weight_decay: trainKeys.weightDecay(0),
        warmup_ratio: Type.Number({
          minimum: 0,
          maximum: 0.5,
          default: 0.03,
          description: 'Share of steps of linear warm-up before the cosine decay (`--warmup_ratio`).',
        }),
        batch_size: trainKeys.batchSize(64),
        iterations: trainKeys.iterations(500),
        eval_every: trainKeys.evalEvery(25),
      },
      { description: 'Fine-tuning of the adapters on the downstream task.' },
    ),
    arms: Type.Array(StringEnum(EVA_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...EVA_ARMS],
      description:
        '`eva`: adapters from activation SVD with redistributed ranks; `lora_random`: the usual random A, zero B; `full_finetune`: every weight trained.',
    }),
  },
  { additionalProperties: false },
);

export type EvaConfig = Static<typeof evaSchema>;
