/** Spurious Feature Diversification Improves Out-of-distribution Generalization (ICLR 2024). Schema only. */
import { definePaper } from '../../core/paper';
import { spuriousSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const spuriousDiversification = definePaper({
  id: 'spurious-diversification',
  title: 'Spurious Feature Diversification Improves Out-of-distribution Generalization (WiSE-FT, BANG)',
  tier: 'B',
  cluster: 'OOD',
  summary:
    'Weight-space ensembling of a pretrained and a fine-tuned model fixes many OOD points both endpoints get wrong; balanced averaging (BANG) improves it further.',
  claims:
    "WiSE-FT, which interpolates a pretrained and a fine-tuned model, corrects many OOD cases where each endpoint is wrong. In a multi-class setting with many spurious features, the theory says ensembles use a more diverse set of spurious features, weakening each one's contribution, which improves OOD generalization. The fine-tuned model's over-confidence out of distribution magnifies its errors in the average; BANG (balanced averaging) remedies it and significantly improves WiSE-FT.",
  citation:
    'Yong Lin, Lu Tan, Yifan Hao, Honam Wong, Hanze Dong, Weizhong Zhang, Yujiu Yang, Tong Zhang. Spurious Feature Diversification Improves Out-of-distribution Generalization. ICLR 2024.',
  schema: spuriousSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    "Not trained yet. The planned stand-in is a MultiColorMNIST-like set built from the mnist package's digits with an MLP, instead of CLIP models on ImageNet shifts; the readout would be OOD accuracy along α and the share of OOD points both endpoints miss and the average gets right.",
  needs: ['OOD'],
  arms: [
    { id: 'bang', label: 'BANG (balanced averaging)', role: 'method' },
    { id: 'wise_ft', label: 'WiSE-FT', role: 'method' },
  ],
  keySettings: [
    { label: 'features', path: ['data', 'spurious_features'] },
    { label: 'p train', path: ['data', 'train_correlation'] },
    { label: 'smoothing', path: ['bang', 'label_smoothing'] },
    { label: 'ft iters', path: ['finetune', 'iterations'] },
  ],
});
