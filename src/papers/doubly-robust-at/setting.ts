/**
 * Only the abstract of Sow et al. could be read (no released code: "Codes will be available soon"), so
 * the values here are those of the adversarial-training protocol the paper builds on (Madry et al.
 * 2018), labelled as such.
 */
import type { PaperSetting } from '../../core/paper';
import type { DoublyRobustAtConfig } from './schema';

const MADRY = 'Madry et al. 2018 (the PGD adversarial training DONE reweights)';

export const setting: PaperSetting<DoublyRobustAtConfig>[] = [
  {
    path: ['attack', 'random_start'],
    value: true,
    source: MADRY,
    noteDeparture: true,
    why: 'PGD from a random point of the ε-ball; without it the attack starts at the clean input.',
  },
  {
    path: ['attack', 'steps'],
    value: 10,
    source: `${MADRY}; PGD-10 is the usual training attack`,
    noteDeparture: true,
  },
  {
    path: ['attack', 'eps'],
    value: 0.3,
    source: `${MADRY}: MNIST at ε = 0.3 (with a conv net)`,
    why: 'Our LeNet-300-100 learns little at 0.3, so the example uses 0.1.',
  },
];
