/**
 * The paper's own setting, as far as it could be read: only the abstract was reachable (the notes,
 * shared/papers/next-batches.md A11, list no table value), so these are its qualitative choices.
 */
import type { PaperSetting } from '../../core/paper';
import type { AdversarialPowerLawConfig } from './schema';

const ABS = 'Cubuk et al. 2017, abstract';

export const setting: PaperSetting<AdversarialPowerLawConfig>[] = [
  {
    path: ['data', 'dataset'],
    value: 'mnist',
    source: ABS,
    why: 'MNIST is one of the four datasets (with CIFAR10, ImageNet and random data) on which the power law is shown.',
  },
  {
    path: ['arms'],
    value: ['linear', 'mlp', 'mlp_shuffled', 'lenet5'],
    source: ABS,
    why: 'The universality covers deep networks, linear models and networks trained on randomly shuffled labels.',
  },
  {
    path: ['attack', 'universality'],
    value: ['step_ll', 'pgd'],
    source: ABS,
    noteDeparture: true,
    why: 'The same scaling is shown for FGSM, step l.l. and PGD.',
  },
];
