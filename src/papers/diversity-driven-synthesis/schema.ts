/**
 * `paper: diversity-driven-synthesis` (Du et al., "Diversity-Driven Synthesis: Enhancing Dataset
 * Distillation through Directed Weight Adjustment", NeurIPS 2024). Synthetic images are optimized to match a
 * teacher's batch-norm statistics (as in SRe2L); before each batch, the teacher's weights are perturbed in a
 * direction found by a few ascent steps (DWA), so successive batches differ. Keys follow the official script
 * (AngusDujw/Diversity-Driven-Synthesis, scripts/run_cifar.sh): `--iteration`, `--lr`, `--r-bn`,
 * `--steps`, `--rho`, `--ipc-end`. The small setting is the research notes' (next-batches.md B23).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const DDS_ARMS = ['dwa', 'no_dwa', 'random_real'] as const;

export const ddsSchema = Type.Object(
  {
    paper: paperKey('diversity-driven-synthesis'),
    name: nameKey('fmnist 10 ipc: DWA vs plain synthesis'),
    seed: seedKey(),
    data: Block(
      {
        dataset: StringEnum(['mnist', 'fashion-mnist'] as const, {
          default: 'fashion-mnist',
          description: 'The dataset distilled (28×28 grey, 10 classes).',
        }),
        ipc: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 10,
          description: 'Synthetic images per class (`--ipc-end`).',
        }),
        train: Type.Integer({
          minimum: 100,
          maximum: 60_000,
          default: 20_000,
          description: 'Real images the teacher trains on.',
        }),
        test: Type.Integer({ minimum: 100, maximum: 10_000, default: 2000, description: 'Test images.' }),
      },
      { description: 'Real data and the size of the synthetic set.' },
    ),
    teacher: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 4,
          default: [256, 256],
          description: 'Hidden widths of the teacher MLP, batch norm after each.',
        }),
        iterations: trainKeys.iterations(1500),
      },
      { description: 'The pretrained teacher whose batch-norm statistics the images match.' },
    ),
    synthesis: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 300,
          description: 'Optimization steps per synthetic batch (`--iteration`; the script: 1,000).',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 0.25,
          description: 'Learning rate of the synthetic pixels (`--lr`).',
        }),
        r_bn: Type.Number({
          minimum: 0,
          maximum: 100,
          default: 0.01,
          description: 'Weight of the batch-norm statistic matching loss (`--r-bn`).',
        }),
      },
      { description: 'Synthesis of the images from the teacher.' },
    ),
    dwa: Block(
      {
        steps: Type.Integer({
          minimum: 0,
          maximum: 1000,
          default: 12,
          description: 'Ascent steps that find the direction of the weight adjustment (`--steps`).',
        }),
        rho: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.015,
          description: 'Size of the weight adjustment, relative to the weights (`--rho`).',
        }),
      },
      { description: 'Directed weight adjustment of the teacher before each batch.' },
    ),
    student: Block(
      {
        iterations: trainKeys.iterations(1000),
        lr: trainKeys.lr(1e-3),
        temperature: Type.Number({
          exclusiveMinimum: 0,
          maximum: 20,
          default: 4,
          description: "Temperature of the teacher's soft labels for the student.",
        }),
      },
      { description: "The student trained on the synthetic images with the teacher's soft labels." },
    ),
    arms: Type.Array(StringEnum(DDS_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...DDS_ARMS],
      description:
        '`dwa`: synthesis with directed weight adjustment; `no_dwa`: the same synthesis from the fixed teacher; `random_real`: ipc random real images per class.',
    }),
  },
  { additionalProperties: false },
);

export type DdsConfig = Static<typeof ddsSchema>;
