/** Rich Feature Construction for the Optimization-Generalization Dilemma (Bonsai, ICML 2022). Schema only. */
import { definePaper } from '../../core/paper';
import { rfcSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const richFeatureConstruction = definePaper({
  id: 'rich-feature-construction',
  title: 'Rich Feature Construction for the Optimization-Generalization Dilemma (Bonsai)',
  tier: 'B',
  cluster: 'OOD',
  summary:
    'Initializing from a rich representation (features found in successive discovery episodes, distilled into one network) lets OOD methods such as IRMv1 succeed where ERM initialization fails.',
  claims:
    'OOD penalties are either too strong to optimize or too weak to matter. Starting from a rich representation — a palette of features, built by discovery episodes that each avoid the features found before and a synthesis episode that distills them all — gives both a good initialization and a useful inductive bias. Bonsai initialization consistently helps six OOD methods reach top performance on ColoredMNIST and substantially improves results on Camelyon17.',
  citation:
    'Jianyu Zhang, David Lopez-Paz, Léon Bottou. Rich Feature Construction for the Optimization-Generalization Dilemma. ICML 2022.',
  schema: rfcSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is ColoredMNIST from the 10,000 digits of the mnist package with a one-hidden-layer MLP; the readout would be test accuracy of IRMv1 from the RFC initialization against IRMv1 from ERM.',
  needs: ['OOD', 'KD'],
  arms: [
    { id: 'irm_rfc', label: 'IRMv1 from the RFC representation', role: 'method' },
    { id: 'irm_erm', label: 'IRMv1 from ERM', role: 'control' },
    { id: 'erm', label: 'ERM', role: 'control' },
  ],
  keySettings: [
    { label: 'envs', path: ['data', 'train_envs'] },
    { label: 'rounds', path: ['rfc', 'discovery_rounds'] },
    { label: 'penalty', path: ['irm', 'penalty_weight'] },
    { label: 'anneal', path: ['irm', 'anneal_iters'] },
  ],
});
