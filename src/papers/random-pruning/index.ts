/** The Unreasonable Effectiveness of Random Pruning (Liu et al., ICLR 2022). No tfjs here. */
import { definePaper } from '../../core/paper';
import { randomPruningSchema } from './schema';
import { randomPruningRules } from './rules';
import { randomPruningSetting } from './setting';
import { randomPruningExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { randomPruningWork } from './work';

export const randomPruning = definePaper({
  id: 'random-pruning',
  title: 'The Unreasonable Effectiveness of Random Pruning: Return of the Most Naive Baseline for Sparse Training',
  tier: 'A',
  cluster: 'pruning',
  summary:
    'Static random masks, with a sensible layerwise density (ER/ERK), match dense accuracy as networks get wider and deeper.',
  claims:
    'Training a randomly pruned network from scratch, with a static mask and no pruning criterion at all, can match the dense network — and does so more easily as the network grows wider or deeper. The layerwise sparsity ratio matters: Erdős–Rényi(-Kernel) ratios, which keep small layers denser, do better than uniform ones. A randomly pruned Wide ResNet-50 can match (README) or outperform (arXiv) the dense one on ImageNet.',
  citation:
    'Shiwei Liu, Tianlong Chen, Xiaohan Chen, Li Shen, Decebal Constantin Mocanu, Zhangyang Wang, Mykola Pechenizkiy. The Unreasonable Effectiveness of Random Pruning. ICLR 2022.',
  schema: randomPruningSchema,
  rules: randomPruningRules,
  paperSetting: randomPruningSetting,
  references,
  figures,
  exampleYaml: randomPruningExampleYaml,
  scaleNote:
    "The paper trains CIFAR ResNets and ImageNet Wide ResNets for 100–160 epochs; here MLPs on Fashion-MNIST (10,000 training images) for 3,000 iterations (38 epochs, the paper's learning-rate drops at 50% and 75%), at widths ×0.125–×1. Sparse nets converge more slowly than dense ones, so shorter runs measure training speed instead of the gap; even at 38 epochs our 5%-dense nets are still gaining about a point. For MLPs, ER and ERK are the same. The trend with width is the claim under test, not absolute accuracies.",
  work: randomPruningWork,
  arms: [
    { id: 'sparse', label: 'randomly pruned', role: 'method' },
    { id: 'dense', label: 'dense', role: 'control' },
  ],
  keySettings: [
    { label: 'densities', path: ['mask', 'densities'] },
    { label: 'ratios', path: ['mask', 'layerwise'] },
    { label: 'widths', path: ['widths'] },
    { label: 'iters', path: ['train', 'iterations'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
