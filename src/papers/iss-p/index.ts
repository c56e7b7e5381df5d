/** ISS-P (Wang et al., ICCV 2023), transplanted to classification. No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { issPSchema } from './schema';
import { issPRules } from './rules';
import { issPSetting } from './setting';
import { issPExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { issPWork } from './work';

export const issP = definePaper({
  id: 'iss-p',
  title: 'Iterative Soft Shrinkage Learning for Efficient Image Super-Resolution',
  tier: 'A',
  cluster: 'pruning',
  summary:
    'Shrinking small weights softly each step, instead of zeroing them, trains better sparse networks (transplanted to classification).',
  claims:
    'Training a sparse network from scratch, ISS-P multiplies the smallest-magnitude fraction of every layer by a factor close to 1 at each iteration instead of zeroing it, so the sparse structure keeps adapting to the optimization; this preserves the sparse model’s trainability with a more regularized gradient throughput and beats iterative hard thresholding and other pruning methods on super-resolution benchmarks.',
  citation:
    'Jiamian Wang, Huan Wang, Yulun Zhang, Yun Fu, Zhiqiang Tao. Iterative Soft Shrinkage Learning for Efficient Image Super-Resolution. ICCV 2023.',
  schema: issPSchema,
  rules: issPRules,
  paperSetting: issPSetting,
  references,
  figures,
  exampleYaml: issPExampleYaml,
  scaleNote:
    'Transplanted: the paper prunes super-resolution networks (SwinIR, EDSR) and reports PSNR; here the same rule (shrink the smallest fraction of each layer by α after every step, then fix the hard mask) trains a sparse LeNet-300-100 on Fashion-MNIST for 1,500 steps, and accuracy stands in for PSNR.',
  arms: [
    { id: 'iss_p', label: 'ISS-P (soft shrinkage)', role: 'method' },
    { id: 'iht', label: 'IHT (hard thresholding)', role: 'control' },
    { id: 'static', label: 'static random mask', role: 'control' },
  ],
  keySettings: [
    { label: 'ratios', path: ['prune', 'ratios'] },
    { label: 'alphas', path: ['prune', 'alphas'] },
    { label: 'prune iters', path: ['prune', 'prune_iterations'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work: issPWork,
});
