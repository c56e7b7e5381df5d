/** Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories (2023). Schema only. */
import { definePaper } from '../../core/paper';
import { ddSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const datasetDistillationTrajectories = definePaper({
  id: 'dataset-distillation-trajectories',
  title: 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories',
  tier: 'B',
  cluster: 'data',
  summary:
    'Trajectory-matching distillation works better with smoother experts (clipping loss + gradient penalty), representative initialization and a balanced inner loss.',
  claims:
    'Dataset distillation by trajectory matching depends on the experts as much as on the student. Smoother expert trajectories — obtained with a clipping loss and a gradient penalty that regulate how fast parameters change — are better targets; representative initialization of the synthetic images and a balanced inner-loop loss reduce sensitivity to the random start; intermediate matching and weight perturbation limit accumulated errors. The method significantly outperforms prior distillation methods.',
  citation:
    'Jiyuan Shen, Wenzhuo Yang, Kwok-Yan Lam. Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories. arXiv 2310.10541, 2023.',
  schema: ddSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is MNIST at 10 images per class with a one-hidden-layer MLP instead of ConvNets on CIFAR and Tiny ImageNet; the readout would be test accuracy of networks trained on the distilled images.',
  needs: ['META'],
  arms: [
    { id: 'smooth_experts', label: "smoothed experts + the paper's additions", role: 'method' },
    { id: 'plain_experts', label: 'plain trajectory matching', role: 'control' },
    { id: 'random_real', label: 'random real images', role: 'control' },
  ],
  keySettings: [
    { label: 'ipc', path: ['data', 'ipc'] },
    { label: 'N', path: ['distill', 'syn_steps'] },
    { label: 'M', path: ['distill', 'expert_epochs'] },
    { label: 'GP', path: ['experts', 'gradient_penalty'] },
  ],
});
