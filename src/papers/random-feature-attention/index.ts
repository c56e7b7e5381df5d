/** What can a Single Attention Layer Learn? A Study Through the Random Features Lens (Fu et al., NeurIPS 2023). No tfjs here. */
import { definePaper } from '../../core/paper';
import { RfaSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { rfaWork } from './work';

export const randomFeatureAttention = definePaper({
  id: 'random-feature-attention',
  title: 'What can a Single Attention Layer Learn? A Study Through the Random Features Lens',
  tier: 'A',
  cluster: 'random weights',
  summary:
    'One attention layer with random frozen query–key matrices and trained values learns key-permutation-invariant targets with fewer samples than a random-feature MLP; a non-zero-mean W_QK helps for some targets.',
  claims:
    'A multi-head attention layer with many heads, randomly sampled frozen query and key matrices and trainable value matrices can express a broad class of targets that are permutation invariant in the keys. With finitely many heads it has quantitative excess-risk bounds that give sample-complexity advantages over two-layer random-feature networks, identify natural function classes it learns efficiently, and show that Gaussian query–key weights with a non-zero mean beat the zero-mean ones for certain natural targets. Simulations corroborate this and show the interplay of sample size and target complexity.',
  citation:
    'Hengyu Fu, Tianyu Guo, Yu Bai, Song Mei. What can a Single Attention Layer Learn? A Study Through the Random Features Lens. NeurIPS 2023.',
  schema: RfaSchema,
  rules,
  paperSetting: [
    {
      path: ['model', 'qk_mean'],
      value: 1,
      source: 'Fu et al. 2023, abstract (a non-zero mean for the query–key weights; the value of the mean is ours)',
      why: 'The zero-mean and non-zero-mean distributions are the two the paper compares.',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper's simulation settings (dimensions, heads, targets, activation, the exact W_QK distributions) could not be read: d = 8, N = 8, 64 heads, ReLU scores, W_QK ~ N(0, 0.5²) or √d·I + N(0, 0.5²) and the targets are ours, so the orderings are compared, not values.",
  arms: [
    { id: 'rfa', label: 'random-feature attention (zero-mean W_QK)', role: 'method' },
    { id: 'rfa_biased', label: 'random-feature attention (non-zero-mean W_QK)', role: 'method' },
    { id: 'rf_mlp', label: 'random-feature MLP (same feature count)', role: 'control' },
  ],
  keySettings: [
    { label: 'd', path: ['data', 'dim'] },
    { label: 'N', path: ['data', 'keys'] },
    { label: 'heads', path: ['model', 'heads'] },
  ],
  work: rfaWork,
});
