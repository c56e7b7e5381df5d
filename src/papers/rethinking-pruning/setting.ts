/** The paper's own setting (notes §2(a): the reference code's CIFAR defaults). */
import type { RethinkingConfig } from './schema';
import type { PaperSetting } from '../../core/paper';

const CODE = 'rethinking-network-pruning weight-level/cifar_B.py (notes §2(a))';

export const setting: PaperSetting<RethinkingConfig>[] = [
  { path: ['train', 'optimizer'], value: 'sgd', source: CODE, noteDeparture: true },
  {
    path: ['train', 'lr'],
    value: 0.1,
    source: CODE,
    noteDeparture: true,
    why: "The paper's rate for CIFAR ResNets/VGGs; for this MLP we default to 0.05, which trains it stably.",
  },
  { path: ['train', 'momentum'], value: 0.9, source: CODE, noteDeparture: true },
  { path: ['train', 'weight_decay'], value: 1e-4, source: CODE, noteDeparture: true },
  { path: ['train', 'batch_size'], value: 64, source: CODE, noteDeparture: true },
  {
    path: ['train', 'lr_drops'],
    value: [0.5, 0.75],
    source: `${CODE}: LR ×0.1 at epochs 80 and 120 of 160`,
    noteDeparture: true,
  },
  {
    path: ['prune', 'ratios'],
    value: [0.5],
    source: 'rethinking-network-pruning network-slimming/vggprune.py (percent 0.5)',
    why: "The code's default prune percentage; we add 0.75 to see a trend.",
  },
  { path: ['scratch_init'], value: 'fresh', source: 'Liu et al. 2019, §4', noteDeparture: true },
];
