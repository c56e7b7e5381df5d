/** Role of Locality and Weight Sharing in Image-Based Tasks (Lahoti, Karp, Winston, Singh, Li, ICLR 2024). No tfjs here. */
import { definePaper } from '../../core/paper';
import { LocalitySchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { localityWork } from './work';

export const localityWeightSharing = definePaper({
  id: 'locality-weight-sharing',
  title:
    'Role of Locality and Weight Sharing in Image-Based Tasks: A Sample Complexity Separation between CNNs, LCNs, and FCNs',
  tier: 'A',
  cluster: 'inductive bias',
  summary:
    'On the Dynamic Signal Distribution (k patches, a signal in one of them) CNNs need O(k + d) samples, LCNs Ω(kd), FCNs Ω(k²d): weight sharing and locality each buy sample efficiency.',
  claims:
    'For the Dynamic Signal Distribution — an image of k patches of dimension d whose label is set by a d-sparse signal that can sit in any one patch — any orthogonally equivariant algorithm such as gradient descent needs O(k + d) samples with a CNN but Ω(kd) with a locally connected network (weight sharing helps in translation-invariant tasks), and an LCN needs O(k(k + d)) against Ω(k²d) for a fully connected network (locality helps in local tasks).',
  citation:
    'Aakash Lahoti, Stefani Karp, Ezra Winston, Aarti Singh, Yuanzhi Li. Role of Locality and Weight Sharing in Image-Based Tasks: A Sample Complexity Separation between CNNs, LCNs, and FCNs. ICLR 2024.',
  schema: LocalitySchema,
  rules,
  paperSetting: [
    {
      path: ['train', 'steps'],
      value: 300,
      source:
        'Lahoti et al. 2024, abstract (gradient descent as the equivariant algorithm; full-batch steps and Adam are ours)',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper is a theory paper: bounds without constants. The DSD's noise level, the networks' widths, the optimizer (full-batch Adam, 300 steps) and the 90% accuracy target are ours, so the orderings and slopes in k are compared, not sample counts.",
  arms: [
    { id: 'cnn', label: 'CNN (shared filters)', role: 'method' },
    { id: 'lcn', label: 'LCN (per-patch filters)', role: 'control' },
    { id: 'fcn', label: 'FCN (dense)', role: 'control' },
  ],
  keySettings: [
    { label: 'd', path: ['task', 'patch_dim'] },
    { label: 'k', path: ['task', 'patches'] },
    { label: 'target', path: ['task', 'target_accuracy'] },
  ],
  work: localityWork,
});
