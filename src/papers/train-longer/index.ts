/** Train longer, generalize better (Hoffer, Hubara & Soudry, NeurIPS 2017). No tfjs here. */
import { definePaper } from '../../core/paper';
import { trainLongerSchema } from './schema';
import { trainLongerRules } from './rules';
import { trainLongerSetting } from './setting';
import { trainLongerExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { trainLongerWork } from './work';

export const trainLonger = definePaper({
  id: 'train-longer',
  title: 'Train longer, generalize better: closing the generalization gap in large batch training of neural networks',
  tier: 'A',
  cluster: 'optimization',
  summary:
    'The large-batch generalization gap closes with √ learning-rate scaling, ghost batch norm and as many updates as small-batch training.',
  claims:
    'The "generalization gap" of large-batch training comes from making fewer weight updates, not from the batch size itself: the distance of the weights from their initialisation grows logarithmically with the number of updates. Scaling the learning rate by √(B/b), Ghost Batch Normalization (batch-norm statistics over small slices of the batch) and adapting the training regime to make as many updates as small-batch training close the gap on MNIST, CIFAR-10/100 and ImageNet.',
  citation:
    'Elad Hoffer, Itay Hubara, Daniel Soudry. Train longer, generalize better: closing the generalization gap in large batch training of neural networks. NeurIPS 2017.',
  schema: trainLongerSchema,
  rules: trainLongerRules,
  paperSetting: trainLongerSetting,
  references,
  figures,
  exampleYaml: trainLongerExampleYaml,
  scaleNote:
    "The paper's MNIST model F1 (5 × 512 with BN) trains with B = 4096 for 50 epochs on 60,000 digits; here a 3 × 256 MLP with BN on 10,000 Fashion-MNIST images, B = 1024 (about 10 steps per epoch), 10 epochs. The paper's Table 1 numbers are unconfirmed recollections (research notes).",
  work: trainLongerWork,
  arms: [
    { id: 'lb_lr_gbn_ra', label: 'large batch + lr + GBN + regime adaptation', role: 'method' },
    { id: 'lb_lr_gbn', label: 'large batch + lr + GBN', role: 'method' },
    { id: 'lb_lr', label: 'large batch + lr scaling', role: 'method' },
    { id: 'lb', label: 'large batch', role: 'control' },
    { id: 'sb', label: 'small batch', role: 'control' },
  ],
  keySettings: [
    { label: 'B', path: ['large_batch', 'batch_size'] },
    { label: 'b', path: ['large_batch', 'small_batch'] },
    { label: 'ghost', path: ['large_batch', 'ghost_batch'] },
    { label: 'epochs', path: ['train', 'epochs'] },
    { label: 'lr', path: ['train', 'lr'] },
    { label: 'lr scaling', path: ['large_batch', 'lr_scaling'] },
  ],
});
