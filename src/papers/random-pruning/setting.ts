/** The paper's setting (VITA-Group/Random_Pruning, CIFAR/main.py and sparselearning/core.py). */
import type { RandomPruningConfig } from './schema';
import type { PaperSetting } from '../../core/paper';

const CODE = 'Random_Pruning CIFAR/main.py';

export const randomPruningSetting: PaperSetting<RandomPruningConfig>[] = [
  {
    path: ['mask', 'layerwise'],
    value: ['erk'],
    source: 'Random_Pruning sparselearning/core.py (sparse_init default ERK)',
    why: "ER/ERK beats uniform: the paper's point about layerwise ratios.",
  },
  {
    path: ['mask', 'erk_power_scale'],
    value: 1,
    source: 'Random_Pruning sparselearning/core.py (erk_power_scale 1.0)',
    noteDeparture: true,
  },
  {
    path: ['mask', 'rescale_init'],
    value: false,
    source:
      'Random_Pruning sparselearning/core.py (masks are applied to the normally initialised weights, without rescaling)',
    why: "Rescaling to the masked fan-in is a sparsity-aware init (as in Evci et al. 2022), not the paper's.",
    noteDeparture: true,
  },
  { path: ['train', 'optimizer'], value: 'sgd', source: CODE, noteDeparture: true },
  { path: ['train', 'momentum'], value: 0.9, source: CODE, noteDeparture: true },
  { path: ['train', 'weight_decay'], value: 5e-4, source: `${CODE} (l2)`, noteDeparture: true },
  { path: ['train', 'batch_size'], value: 128, source: CODE, noteDeparture: true },
  {
    path: ['train', 'lr_drops'],
    value: [0.5, 0.75],
    source: `${CODE}: LR ×0.1 at epochs 80 and 120 of 160`,
    noteDeparture: true,
  },
  { path: ['train', 'lr'], value: 0.1, source: `${CODE} (for CIFAR ResNets; 0.05 trains this MLP stably)` },
  { path: ['seed'], value: 17, source: CODE },
];
