/** `paper: rethinking-pruning` — Liu et al., Rethinking the Value of Network Pruning. No tfjs here. */
import { definePaper } from '../../core/paper';
import { rethinkingSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { rethinkingWork } from './work';

export const rethinkingPruning = definePaper({
  id: 'rethinking-pruning',
  title: 'Rethinking the Value of Network Pruning',
  tier: 'A',
  cluster: 'pruning',
  summary:
    'A pruned architecture trained from scratch matches fine-tuning the pruned weights: the architecture, not the inherited weights, is what pruning finds.',
  claims:
    "The usual pipeline trains a large model, prunes it, and fine-tunes the survivors, on the belief that the trained large model's weights are " +
    'valuable. For structured pruning methods with a predefined target architecture, Liu et al. find that training the small architecture from ' +
    'a random initialisation gives comparable or better accuracy than fine-tuning — given as many epochs (Scratch-E) or, more clearly, the same ' +
    'compute (Scratch-B). With the optimal learning rate, a lottery-ticket initialisation brings no improvement over a random one.',
  citation: 'Liu, Sun, Zhou, Huang, Darrell. "Rethinking the Value of Network Pruning", ICLR 2019.',
  schema: rethinkingSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    'LeNet-300-100 on 8,000 MNIST digits with neuron (not filter) pruning, 2,000 iterations (16 epochs) instead of 160 CIFAR epochs, one seed. MNIST ' +
    "accuracies sit close together, so differences of a few tenths of a percent are within seed noise; the paper's per-table numbers could not " +
    'be confirmed and the reference marks show its claim (Scratch-B at or above fine-tuned) placed on our own fine-tuned accuracy.',
  work: rethinkingWork,
  arms: [
    { id: 'scratch_b', label: 'scratch-B', role: 'method' },
    { id: 'scratch_e', label: 'scratch-E', role: 'method' },
    { id: 'finetune', label: 'fine-tuned', role: 'control' },
    { id: 'full', label: 'full model', role: 'control' },
  ],
  keySettings: [
    { label: 'pruned', path: ['prune', 'ratios'] },
    { label: 'iters', path: ['train', 'iterations'] },
    { label: 'ft iters', path: ['finetune', 'iterations'] },
    { label: 'lr', path: ['train', 'lr'] },
    { label: 'scratch init', path: ['scratch_init'] },
  ],
});
