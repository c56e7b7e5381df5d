/** Grokking Tickets: Lottery Tickets Accelerate Grokking. No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { grokkingTicketsSchema } from './schema';
import { grokkingRules } from './rules';
import { grokkingSetting } from './setting';
import { grokkingExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';

export const grokkingTickets = definePaper({
  id: 'grokking-tickets',
  title: 'Grokking Tickets: Lottery Tickets Accelerate Grokking',
  tier: 'A',
  cluster: 'pruning',
  summary: 'A lottery ticket taken from a generalized network makes modular arithmetic generalize (grok) much sooner.',
  claims:
    'Subnetworks found by magnitude pruning after perfect generalization ("grokking tickets"), reset to their initialisation, grok much faster than the dense network, for MLPs and Transformers on modular arithmetic and on images. They also beat dense networks with the same L1/L2 weight norm, so the weight norm does not explain grokking; at the right pruning rate a ticket groks even without weight decay. Tickets from the memorization or transition phase, and pruning at initialisation (random, GraSP, SNIP, SynFlow), give no speedup.',
  citation:
    'Gouki Minegishi, Yusuke Iwasawa, Yutaka Matsuo. Grokking Tickets: Lottery Tickets Accelerate Grokking. arXiv preprint, 2023.',
  schema: grokkingTicketsSchema,
  rules: grokkingRules,
  paperSetting: grokkingSetting,
  references,
  figures,
  exampleYaml: grokkingExampleYaml,
  scaleNote:
    "The paper's task (p = 67, symmetric pairs, full batch), model (the code's OnlyMLP, d_model 48), optimizer, lr 1e-3 and weight decay 1, but a 128-wide embedding (paper 500) and 60% of the pairs for training (paper 40%), so the dense net groks in ~3,500 epochs instead of ~25,000. The mask keeps 40% of every layer (the code's `local` scope): a global ranking kept ~1% of the unembedding here, and that ticket could not even fit the training pairs. The dense run trains all `iterations` (the mask comes from its final weights, as in the paper's code); every other arm stops once it generalizes, or at 1.5× the dense generalization epoch. Only the MLP is offered, not the Transformer. Not implemented from the official code: its `relive_neurons()`, which before retraining re-enables whole rows of units that kept any weight (denser tickets than the nominal density); its dense-run L1 penalty is `train.l1_penalty`, off in the example. Headline numbers are read off the repository's figure (approximate): compare ratios, not epochs.",
  arms: [
    { id: 'ticket', label: 'grokking ticket', role: 'method' },
    { id: 'dense', label: 'dense', role: 'control' },
    { id: 'random_mask', label: 'random mask (same density)', role: 'control' },
    { id: 'norm_matched_dense', label: 'dense, L2 norm matched', role: 'control' },
    { id: 'norm_matched_dense_l1', label: 'dense, L1 norm matched', role: 'control' },
    { id: 'ticket_no_weight_decay', label: 'ticket without weight decay', role: 'control' },
  ],
  keySettings: [
    { label: 'density', path: ['prune', 'density'] },
    { label: 'mask from', path: ['prune', 'mask_from'] },
    { label: 'wd', path: ['train', 'weight_decay'] },
    { label: 'train frac', path: ['data', 'train_fraction'] },
    { label: 'p', path: ['data', 'modulus'] },
    { label: 'epochs', path: ['train', 'iterations'] },
  ],
});
