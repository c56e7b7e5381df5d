/** The paper's own setting (Frankle & Carbin 2019, §2 and Figure 2), for hover, fixes and departure notes. */
import type { PaperSetting } from '../../core/paper';
import type { LotteryTicketConfig } from './schema';

const S2 = 'Frankle & Carbin 2019, §2 (Figure 2 table: LeNet-300-100)';

export const lotterySetting: PaperSetting<LotteryTicketConfig>[] = [
  {
    path: ['model', 'hidden'],
    value: [300, 100],
    source: S2,
    why: "LeNet-300-100: 266K weights, the paper's fully connected network.",
  },
  {
    path: ['model', 'init'],
    value: 'glorot_normal',
    source: S2,
    noteDeparture: true,
    why: 'The tickets are found relative to Gaussian Glorot initialisation (open_lth uses kaiming_normal instead).',
  },
  { path: ['train', 'optimizer'], value: 'adam', source: S2, noteDeparture: true },
  {
    path: ['train', 'lr'],
    value: 1.2e-3,
    source: S2,
    noteDeparture: true,
    why: 'Winning tickets are sensitive to the learning rate (§4 finds none for VGG-19 at lr 0.1).',
  },
  { path: ['train', 'batch_size'], value: 60, source: S2, noteDeparture: true },
  {
    path: ['train', 'iterations'],
    value: 50_000,
    source: S2,
    // No departure note: the short run is our deliberate scale (said in scaleNote and on hover).
    why: 'The paper trains 50K iterations on 55K MNIST digits; our default of 1,500 on 7,000 digits finishes on a laptop in minutes. Early-stop iterations are comparable as fractions, not in absolute terms.',
  },
  { path: ['data', 'dataset'], value: 'mnist', source: S2 },
  {
    path: ['prune', 'rate', 'hidden'],
    value: 0.2,
    source: 'Frankle & Carbin 2019, §2 ("pruning rates": hidden layers 20% per round)',
    noteDeparture: true,
  },
  {
    path: ['prune', 'rate', 'output'],
    value: 0.1,
    source:
      'Frankle & Carbin 2019, §2 (output layer at half the hidden rate); google-research/lottery-ticket-hypothesis mnist_fc/constants.py PRUNE_PERCENTS',
    noteDeparture: true,
  },
  {
    path: ['prune', 'rewind_to'],
    value: 0,
    source: 'Frankle & Carbin 2019, §2 (reset to θ₀, Algorithm 1 step 4)',
    noteDeparture: true,
    why: 'Resetting to θ₀ is what makes a winning ticket; later rewinding is a follow-up technique.',
  },
  {
    path: ['prune', 'scope'],
    value: 'layerwise',
    source: 'Frankle & Carbin 2019, §2 (per-layer pruning); open_lth prunes globally (pruning/sparse_global.py)',
    noteDeparture: true,
  },
  {
    path: ['controls'],
    value: ['random_reinit'],
    source: 'Frankle & Carbin 2019, §2 (Figure 4: winning tickets vs randomly reinitialised)',
  },
];
