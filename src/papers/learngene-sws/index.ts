/** Learngene via Stage-wise Weight Sharing (Xia et al., IJCAI 2024). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { learngeneSwsSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const learngeneSws = definePaper({
  id: 'learngene-sws',
  title: 'Exploring Learngene via Stage-wise Weight Sharing for Initializing Variable-sized Models',
  tier: 'B',
  cluster: 'initialization',
  summary:
    'Layers learned with weight sharing inside the stages of a distilled auxiliary model initialise models of any depth better than random init.',
  claims:
    'An auxiliary model of several stages, whose layer weights are shared within each stage, is trained by distillation from a large well-trained model; its per-stage layers (the learngene) are expanded at their stage to initialise models of variable depth. On ImageNet-1K this beats many models trained from scratch at about 6.6× lower total training cost, sometimes after one epoch of tuning, and initialises variable-sized models with about 20× fewer stored parameters and 10× less pre-training than pre-training and fine-tuning.',
  citation:
    'Shi-Yu Xia, Wenxuan Zhu, Xu Yang, Xin Geng. Exploring Learngene via Stage-wise Weight Sharing for Initializing Variable-sized Models. IJCAI 2024.',
  schema: learngeneSwsSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    'A stand-in: the paper distils ViT/DeiT models on ImageNet-1K; here residual MLPs (pre-LayerNorm blocks of width 256) on 12,000 Fashion-MNIST images, a 512-512-512 MLP teacher, an auxiliary net of 3 stages × 3 tied blocks, descendants of 3, 6 and 9 blocks tuned one epoch. Only the abstract could be read and no code was found, so the residual form, the KD loss (τ²·KL at τ = 1) and the untied-learngene control are our choices.',
  arms: [
    { id: 'sws', label: 'SWS learngene init', role: 'method' },
    { id: 'scratch', label: 'random init, same epochs', role: 'control' },
    { id: 'learngene_untied', label: 'learngene learned without sharing', role: 'control' },
    { id: 'scratch_long', label: 'random init, longer training', role: 'control' },
    // The stages before the descendants, each one summary: the teacher, the auxiliary nets the learngene
    // is distilled into (tied and untied), and the parameter count stored for descendants.
    { id: 'teacher', label: 'teacher (distilled from)', role: 'control' },
    { id: 'aux', label: 'auxiliary net, stage-tied (holds the learngene)', role: 'control' },
    { id: 'aux_untied', label: 'auxiliary net, untied', role: 'control' },
    { id: 'storage', label: 'parameters stored (learngene vs one model per size)', role: 'control' },
  ],
  keySettings: [
    { label: 'aux', path: ['aux', 'blocks_per_stage'] },
    { label: 'tuning', path: ['descendants', 'epochs'] },
    { label: 'width', path: ['width'] },
  ],
  work,
});
