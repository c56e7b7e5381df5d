/** Shrinking Class Space for Enhanced Certainty in Semi-Supervised Learning (ICCV 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { shrinkmatchSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const shrinkmatch = definePaper({
  id: 'shrinkmatch',
  title: 'Shrinking Class Space for Enhanced Certainty in Semi-Supervised Learning',
  tier: 'B',
  cluster: 'semi-supervised',
  summary:
    'Removing the confusion classes of an uncertain unlabelled sample until its top-1 clears the threshold turns it into training signal: more unlabelled samples used, higher accuracy than FixMatch.',
  claims:
    'Fixed confidence thresholds (FixMatch) discard uncertain unlabelled samples. ShrinkMatch keeps them: for each uncertain sample it finds a shrunk class space — the top-1 class plus the less likely classes — in which the top-1 clears the threshold (e.g. 0.95), and applies consistency regularization there, reweighted by reliability and training progress. It beats FixMatch, FlexMatch and SimMatch on CIFAR-10/100, STL-10, SVHN and ImageNet.',
  citation:
    'Lihe Yang, Zhen Zhao, Lei Qi, Yu Qiao, Yinghuan Shi, Hengshuang Zhao. Shrinking Class Space for Enhanced Certainty in Semi-Supervised Learning. ICCV 2023.',
  schema: shrinkmatchSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned stand-in is an MLP on Fashion-MNIST with 4 labels per class and host-side augmentations, instead of Wide ResNets on CIFAR/SVHN/STL-10; its readout would be the share of unlabelled samples used and the accuracy gap to FixMatch.',
  needs: ['SEMI'],
  arms: [
    { id: 'shrinkmatch', label: 'ShrinkMatch (shrunk class space)', role: 'method' },
    { id: 'fixmatch', label: 'FixMatch (threshold only)', role: 'control' },
    { id: 'supervised', label: 'labelled loss only', role: 'control' },
  ],
  keySettings: [
    { label: 'labels/class', path: ['data', 'labels_per_class'] },
    { label: 'τ', path: ['semi', 'threshold'] },
    { label: 'uratio', path: ['semi', 'uratio'] },
    { label: 'λu', path: ['semi', 'lambda_u'] },
  ],
});
