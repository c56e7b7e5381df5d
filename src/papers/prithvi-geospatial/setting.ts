/** The stand-in's settings that stand for Prithvi's (its HLS settings do not carry over). */
import type { PaperSetting } from '../../core/paper';
import type { PrithviConfig } from './schema';

export const setting: PaperSetting<PrithviConfig>[] = [
  {
    path: ['mae', 'mask_ratio'],
    value: 0.75,
    source: 'research notes next-batches.md C1 (75% masking; not checked against the Prithvi config)',
    noteDeparture: true,
  },
  {
    path: ['data', 'label_fractions'],
    value: [0.01, 0.1, 1],
    source:
      'research notes next-batches.md C1 (1% and 100% labels); abstract ("we gradually reduce the quantity of available labeled data")',
  },
];
