/** Diversity-Driven Synthesis: Enhancing Dataset Distillation through Directed Weight Adjustment (NeurIPS 2024). Schema only. */
import { definePaper } from '../../core/paper';
import { ddsSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const diversityDrivenSynthesis = definePaper({
  id: 'diversity-driven-synthesis',
  title: 'Diversity-Driven Synthesis: Enhancing Dataset Distillation through Directed Weight Adjustment',
  tier: 'B',
  cluster: 'data',
  summary:
    "Perturbing the teacher's weights in a directed way before synthesizing each batch makes distilled data more diverse and the student better.",
  claims:
    "In batch-wise synthesis of distilled datasets (matching a teacher's batch-norm statistics), each synthetic instance should carry unique features. The paper analyses diversity theoretically and empirically and introduces dynamic, directed weight adjustment of the teacher during synthesis, so that each batch mirrors a large, varying subset of the original data. It improves on prior methods on CIFAR, Tiny-ImageNet and ImageNet-1K at minimal extra cost.",
  citation:
    'Jiawei Du, Xin Zhang, Juncheng Hu, Wenxin Huang, Joey Tianyi Zhou. Diversity-Driven Synthesis: Enhancing Dataset Distillation through Directed Weight Adjustment. NeurIPS 2024.',
  schema: ddsSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    "Not trained yet. The planned setting is Fashion-MNIST at 10 images per class from a batch-norm MLP teacher instead of ResNets on CIFAR and ImageNet; the readout would be the diversity of the synthetic images and the student's test accuracy.",
  needs: ['META', 'KD'],
  arms: [
    { id: 'dwa', label: 'synthesis with directed weight adjustment', role: 'method' },
    { id: 'no_dwa', label: 'synthesis from the fixed teacher', role: 'control' },
    { id: 'random_real', label: 'random real images', role: 'control' },
  ],
  keySettings: [
    { label: 'ipc', path: ['data', 'ipc'] },
    { label: 'ρ', path: ['dwa', 'rho'] },
    { label: 'steps', path: ['dwa', 'steps'] },
    { label: 'r_bn', path: ['synthesis', 'r_bn'] },
  ],
});
