/**
 * `paper: mvp-prompts` (Raman et al., "Model-tuning Via Prompts Makes NLP Models Adversarially Robust",
 * EMNLP 2023). MVP predicts through the pretrained output head (a prompt and a verbalizer) instead of a
 * new randomly initialized MLP head (MLP-FT). Word-substitution attacks on masked language models are out
 * of reach; the keys describe the research notes' stand-in (next-batches.md C2): an MLP pretrained on the
 * ten digits, adapted to a new binary task either through a verbalizer over its digit logits or through a
 * new head, attacked with FGSM.
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

export const MVP_ARMS = ['mvp', 'mlp_ft'] as const;

const phase = (iterations: number, lr: number, what: string) =>
  Block(
    { iterations: trainKeys.iterations(iterations), lr: trainKeys.lr(lr), batch_size: trainKeys.batchSize(64) },
    { description: what },
  );

export const mvpSchema = Type.Object(
  {
    paper: paperKey('mvp-prompts'),
    name: nameKey('digits → parity: verbalizer vs new head'),
    seed: seedKey(),
    data: imageDataBlock({ dataset: 'mnist', train: 6000, test: 2000 }),
    task: Block(
      {
        downstream: StringEnum(['parity', 'greater_than_4'] as const, {
          default: 'parity',
          description: 'The new binary task: even vs odd digits, or digits above 4 vs the rest.',
        }),
      },
      { description: 'The downstream task; its verbalizer maps each class to the digits that mean it.' },
    ),
    model: mlpModelBlock({ hidden: [256, 128], init: 'he_normal' }),
    pretrain: phase(1500, 1e-3, 'Pretraining on the ten digit classes (Adam).'),
    finetune: phase(500, 1e-4, 'Fine-tuning the whole network on the downstream task (Adam), for either head.'),
    mlp_head: Block(
      {
        hidden: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 64,
          description: 'Hidden units of the new, randomly initialized MLP head of MLP-FT.',
        }),
      },
      { description: 'The head MLP-FT appends.' },
    ),
    attack: Block(
      {
        epsilons: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), {
          minItems: 1,
          maxItems: 10,
          default: [0.05, 0.1, 0.2],
          description: 'ℓ∞ radii of the FGSM attack, in pixel units (pixels in [0, 1]).',
        }),
        max_clean_gap: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.01,
          description:
            'Largest clean-accuracy difference between the arms at which their robust accuracies are compared.',
        }),
      },
      { description: 'The adversarial evaluation (a stand-in for word substitutions).' },
    ),
    arms: Type.Array(StringEnum(MVP_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...MVP_ARMS],
      description:
        "`mvp`: predict through the pretrained head with a verbalizer (logsumexp of each class's digit logits); `mlp_ft`: a new MLP head.",
    }),
  },
  { additionalProperties: false },
);

export type MvpConfig = Static<typeof mvpSchema>;
