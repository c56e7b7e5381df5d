/** The stand-in's settings that stand for the paper's (its NLP settings do not carry over). */
import type { PaperSetting } from '../../core/paper';
import type { MvpConfig } from './schema';

export const setting: PaperSetting<MvpConfig>[] = [
  {
    path: ['attack', 'max_clean_gap'],
    value: 0.01,
    source: 'research notes next-batches.md C2 (equal clean accuracy ± 1 pp)',
    noteDeparture: true,
  },
  {
    path: ['attack', 'epsilons'],
    value: [0.05, 0.1, 0.2],
    source: 'research notes next-batches.md C2 (ε = 0.1 and around it; our choice)',
  },
];
