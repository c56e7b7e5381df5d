/** One Initialization to Rule them All: Fine-tuning via Explained Variance Adaptation (2024). Schema only. */
import { definePaper } from '../../core/paper';
import { evaSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const evaLoraInit = definePaper({
  id: 'eva-lora-init',
  title: 'One Initialization to Rule them All: Fine-tuning via Explained Variance Adaptation',
  tier: 'B',
  cluster: 'fine-tuning',
  summary:
    'Initializing LoRA from right-singular vectors of activation minibatches, with ranks redistributed by explained variance, converges faster than random LoRA init.',
  claims:
    "LoRA adapters are usually initialized at random with the same rank in every layer. EVA computes an incremental SVD of minibatches of each layer's input activations, initializes A with the top right-singular vectors, and redistributes ranks across layers to explain the most variance, then fine-tunes as LoRA does. It converges faster and scores higher on average across language, vision and reinforcement-learning tasks.",
  citation:
    'Fabian Paischer, Lukas Hauzenberger, Thomas Schmied, Benedikt Alkin, Marc Peter Deisenroth, Sepp Hochreiter. One Initialization to Rule them All: Fine-tuning via Explained Variance Adaptation. arXiv 2410.07170, 2024.',
  schema: evaSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    "Not trained yet. The planned stand-in is an MLP pretrained on five Fashion-MNIST classes and adapted with rank-4 LoRA to the other five, instead of billion-parameter language models; the readout would be the steps to reach random LoRA's final training loss.",
  needs: ['LORA'],
  arms: [
    { id: 'eva', label: 'EVA (activation-SVD init, redistributed ranks)', role: 'method' },
    { id: 'lora_random', label: 'LoRA, random init', role: 'control' },
    { id: 'full_finetune', label: 'full fine-tuning', role: 'control' },
  ],
  keySettings: [
    { label: 'r', path: ['lora', 'rank'] },
    { label: 'ρ', path: ['lora', 'rho'] },
    { label: 'lr', path: ['train', 'lr'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
});
