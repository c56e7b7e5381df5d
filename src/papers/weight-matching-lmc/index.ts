/** `paper: weight-matching-lmc` — Ito et al., LMC via permutation-based weight matching. No tfjs here. */
import { definePaper } from '../../core/paper';
import { weightMatchingSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { weightMatchingWork } from './work';

export const weightMatchingLmc = definePaper({
  id: 'weight-matching-lmc',
  title: 'Analysis of Linear Mode Connectivity via Permutation-Based Weight Matching',
  tier: 'A',
  cluster: 'pruning',
  summary:
    "Permuting one network's hidden units to match another's removes the loss barrier between them, though it barely shortens the distance.",
  claims:
    'Two networks trained from different seeds are usually separated by a loss barrier on the straight line between them. Because hidden units ' +
    'can be permuted without changing the function, one network can be permuted to line up with the other; weight matching picks the permutation ' +
    'that maximises the inner product of the weights, one linear assignment per layer. Ito et al. find that after matching the barrier largely ' +
    'vanishes although the L2 distance between the models drops only a little, and explain it through singular values: a permutation changes a ' +
    "layer's singular vectors but not its singular values, and weight matching aligns the directions with large singular values, which dominate " +
    'what the network computes.',
  citation:
    'Ito, Yamada, Kumagai. "Analysis of Linear Mode Connectivity via Permutation-Based Weight Matching" (2024); weight matching from Ainsworth, Hayase, Srinivasa, "Git Re-Basin", ICLR 2023.',
  schema: weightMatchingSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    'Two 784-256-256-10 MLPs trained 2,000 iterations on 8,000 MNIST digits (the paper: 512-512-512 for 100 epochs on 60,000). Narrower and ' +
    "shorter-trained networks have smaller naive barriers, so the contrast is smaller than the paper's; the paper's numbers could not be " +
    'confirmed, and the reference marks are directions, labelled unconfirmed. Losses along the path are measured on the training subset and the test set.',
  work: weightMatchingWork,
  arms: [
    { id: 'permuted', label: 'after weight matching', role: 'method' },
    { id: 'naive', label: 'naive interpolation', role: 'control' },
    // The two endpoint networks while they train (their own curves, not a comparison).
    { id: 'model_a', label: 'model A', role: 'method' },
    { id: 'model_b', label: 'model B', role: 'method' },
  ],
  keySettings: [
    { label: 'seed A', path: ['seeds', 'a'] },
    { label: 'seed B', path: ['seeds', 'b'] },
    { label: 'model', path: ['model', 'hidden'] },
    { label: 'iters', path: ['train', 'iterations'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
