/** Diffusion-Based Neural Network Weights Generation (D2NWG, ICLR 2025). Schema only. */
import { definePaper } from '../../core/paper';
import { d2nwgSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const d2nwgWeightDiffusion = definePaper({
  id: 'd2nwg-weight-diffusion',
  title: 'Diffusion-Based Neural Network Weights Generation',
  tier: 'C',
  cluster: 'weight generation',
  summary:
    'A diffusion model over a zoo of pretrained weights, conditioned on a dataset embedding, generates usable weights for new tasks without training.',
  claims:
    'D2NWG recasts latent diffusion for neural-network weights: it learns the distribution of weights of models pretrained on many datasets, conditioned on the target dataset, and samples weights that transfer to seen and unseen tasks, outperforming meta-learning methods and pretrained models. It scales to large language models, generating task-specific parameters without fine-tuning or large model collections.',
  citation:
    'Bedionita Soro, Bruno Andreis, Hayeon Lee, Wonyong Jeong, Song Chong, Frank Hutter, Sung Ju Hwang. Diffusion-Based Neural Network Weights Generation. ICLR 2025.',
  schema: d2nwgSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet, and only ever a stand-in: a zoo of ~1.6k-weight classifiers on binary digit tasks and a generator on flattened weights, not latent diffusion over large models; the readout would be held-out-task accuracy of generated weights against the nearest zoo model and random weights.',
  needs: ['GEN'],
  arms: [
    { id: 'generated', label: 'generated weights (no training)', role: 'method' },
    { id: 'zoo_nearest', label: "nearest seen task's model", role: 'control' },
    { id: 'random_init', label: 'random weights', role: 'control' },
  ],
  keySettings: [
    { label: 'tasks', path: ['zoo', 'tasks'] },
    { label: 'held out', path: ['zoo', 'held_out'] },
    { label: 'per task', path: ['zoo', 'models_per_task'] },
    { label: 'generator', path: ['generator', 'kind'] },
  ],
});
