/**
 * The random-teachers config (Sarnthein, Bachmann, Anagnostidis & Hofmann, "Random Teachers are Good
 * Teachers", ICML 2023; code safelix/dinopl, configs/mnist_distillation.json). A student is distilled
 * from a FROZEN, RANDOMLY INITIALISED teacher with the DINO loss — no labels, no augmentation (one crop,
 * the same view for both) — and its embedding is probed with k-NN (and a linear classifier) on a few
 * labelled examples. Arms differ in the student's initialisation: (1 − α)·teacher + α·fresh draw.
 *
 * Data roles: `data.train` = the unlabelled distillation set; `data.val` = the labelled examples the
 * probes fit; `data.test` = the examples the probes are scored on.
 * Cost: per step, the student's forward + backward and the teacher's forward over a batch through
 * encoder + head (≈ 1.65 M MACs per example at the defaults).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, imageDataBlock, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

const widths = (def: number[], description: string, minItems = 1) =>
  Type.Array(Type.Integer({ minimum: 1, maximum: 8192 }), { minItems, maxItems: 8, default: def, description });

export const randomTeachersSchema = Type.Object(
  {
    paper: paperKey('random-teachers'),
    name: nameKey('distilling a random teacher'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'fashion-mnist', train: 20000, val: 1000, test: 2000 }),
    model: Block(
      {
        encoder: widths(
          [256, 256],
          'Encoder MLP widths; the last is the embedding the probes read (dinopl: mlp_512_* … or a ResNet).',
        ),
        head_hidden: widths([256], 'DINO head MLP widths before the L2 bottleneck (dinopl: [2048, 2048]).', 0),
        bottleneck: Type.Integer({
          minimum: 2,
          maximum: 4096,
          default: 64,
          description: 'L2-bottleneck width (dinopl: 256).',
        }),
        out_dim: Type.Integer({
          minimum: 2,
          maximum: 65536,
          default: 1024,
          description: 'Projection dimension the softmax runs over (dinopl: 65,536).',
        }),
        activation: StringEnum(['gelu', 'relu'] as const, {
          default: 'gelu',
          description: 'Nonlinearity (dinopl: GELU).',
        }),
        init: StringEnum(['torch_linear', 'he_normal', 'glorot_normal'] as const, {
          default: 'torch_linear',
          description:
            "Encoder init (`torch_linear` = PyTorch nn.Linear's default, U(±1/√fan_in)); the head draws N(0, 0.02²) as DINO's trunc_normal.",
        }),
      },
      { description: 'Student and teacher share this architecture.' },
    ),
    distill: Block(
      {
        steps: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 600,
          description: 'Distillation steps per student.',
        }),
        batch_size: trainKeys.batchSize(256),
        optimizer: trainKeys.optimizer('adamw'),
        lr: trainKeys.lr(1e-3),
        weight_decay: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0.01,
          description: 'AdamW decoupled weight decay (mnist_distillation.json: 0.01).',
        }),
        teacher_temp: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.04,
          description: 'τ_t of the teacher softmax (t_temp 0.04).',
        }),
        student_temp: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.1,
          description: 'τ_s of the student softmax (s_temp 0.1).',
        }),
        center_momentum: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.9,
          description: "Momentum of the teacher's centre (dinopl t_cmom 0.9); 1 = no centring.",
        }),
        alphas: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), {
          minItems: 1,
          maxItems: 8,
          uniqueItems: true,
          default: [0, 0.3, 1],
          description:
            'Student inits (1 − α)·teacher + α·fresh draw, one arm each. α = 0: a copy of the teacher (dinopl s_init `teacher`, its default); α = 1: an independent random student.',
        }),
      },
      { description: 'Label-free self-distillation from the frozen random teacher.' },
    ),
    probe: Block(
      {
        every: Type.Integer({ minimum: 1, default: 100, description: 'Probe the student every this many steps.' }),
        k: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 20,
          description: 'Neighbours of the k-NN probe (dinopl probing_k 20).',
        }),
        linear_steps: Type.Integer({
          minimum: 0,
          maximum: 100_000,
          default: 300,
          description: 'Steps of the final linear probe (AdamW, lr 1e-3, batch 100); 0 = k-NN only.',
        }),
      },
      { description: 'How the embeddings are scored: standardised features, k-NN and a linear classifier.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Self-distillation from a random teacher (Sarnthein et al., ICML 2023).',
  },
);

export type RandomTeachersConfig = Static<typeof randomTeachersSchema>;
