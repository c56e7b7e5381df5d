/** A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning (NIW-Meta, 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { niwSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const hierarchicalBayesFewshot = definePaper({
  id: 'hierarchical-bayes-fewshot',
  title: 'A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning',
  tier: 'B',
  cluster: 'meta-learning',
  summary:
    'A Normal-Inverse-Wishart global prior with one-time, approximately closed-form episode posteriors meta-learns without backpropagating through inner loops as MAML does.',
  claims:
    'Episode-wise random variables model each task, governed by a global random variable that memorizes what past episodes taught and controls how much to adapt to a new one. With a Normal-Inverse-Wishart model the local posteriors have approximate closed forms, so each episode is a one-time iterate: no posterior is stored for later updates and, unlike MAML, no computational graph of the inner steps is kept. The hierarchy suits learning with many or infinitely many episodes.',
  citation:
    'Minyoung Kim, Timothy Hospedales. A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning. arXiv 2306.09702, 2023.',
  schema: niwSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    "Not trained yet. The planned setting is the README's SineLine regression with a small MLP, against first-order MAML (second-order MAML needs nested gradients tfjs does not give); the readout would be query MSE on held-out episodes.",
  needs: ['NIW', 'META'],
  arms: [
    { id: 'niw', label: 'NIW-Meta', role: 'method' },
    { id: 'fomaml', label: 'first-order MAML', role: 'control' },
  ],
  keySettings: [
    { label: 'shots', path: ['task', 'shots'] },
    { label: 'steps', path: ['niw', 'steps'] },
    { label: 'episodes', path: ['meta', 'episodes'] },
    { label: 'γ₀', path: ['niw', 'gam0_init'] },
  ],
});
