/** The official code's defaults (IBM/fedau config.py), for hover and departure notes. */
import type { PaperSetting } from '../../core/paper';
import type { FedauConfig } from './schema';

const CODE = 'IBM/fedau config.py';

export const setting: PaperSetting<FedauConfig>[] = [
  { path: ['fed', 'clients'], value: 250, source: `${CODE}: -total-workers 250`, noteDeparture: true },
  { path: ['fed', 'local_steps'], value: 5, source: `${CODE}: -iters-per-round 5`, noteDeparture: true },
  { path: ['fed', 'batch_size'], value: 16, source: `${CODE}: -minibatch 16`, noteDeparture: true },
  { path: ['fed', 'lr'], value: 0.1, source: `${CODE}: -lr 0.1 (README: FedAU at 0.1)`, noteDeparture: true },
  { path: ['fed', 'global_lr'], value: 1, source: `${CODE}: -lr-global 1.0`, noteDeparture: true },
  { path: ['fed', 'data_alpha'], value: 0.1, source: `${CODE}: -data-dirichlet-alpha 0.1`, noteDeparture: true },
  {
    path: ['fed', 'participation_alpha'],
    value: 0.1,
    source: `${CODE}: -participation-dirichlet-alpha 0.1`,
    noteDeparture: true,
  },
  {
    path: ['fed', 'participation_mean'],
    value: 0.1,
    source: `${CODE}: -participation-prob-mean 0.1`,
    noteDeparture: true,
  },
  {
    path: ['fed', 'participation_min'],
    value: 0.02,
    source: `${CODE}: -participation-prob-min 0.02`,
    noteDeparture: true,
  },
  { path: ['fed', 'participation'], value: 'bernoulli', source: `${CODE}: -participation bernoulli` },
  { path: ['fed', 'cutoff'], value: 100000, source: `${CODE}: -k-adaptive 100000 (README also runs 50)` },
  {
    path: ['fed', 'rounds'],
    value: 2000,
    source: `${CODE}: -iters-total 10000 at 5 iterations per round (CIFAR-10 in the README: 50,000)`,
    why: 'Our default runs 250 rounds so the example finishes in minutes on one core.',
  },
  { path: ['data', 'dataset'], value: 'fashion-mnist', source: `${CODE}: -data fashion (ModelCNNMnist)` },
];
