/** The paper's choices that carry over (its tables and code were not read: the notes mark them ✗). */
import type { PaperSetting } from '../../core/paper';
import type { SpuriousConfig } from './schema';

export const setting: PaperSetting<SpuriousConfig>[] = [
  {
    path: ['wise', 'alphas'],
    value: [0, 0.25, 0.5, 0.75, 1],
    source: 'WiSE-FT evaluates the whole path between the endpoints; these points are our choice',
    why: 'The endpoints are the baselines of the claim.',
  },
  {
    path: ['data', 'ood_correlation'],
    value: 0,
    source: 'research notes next-batches.md B12 (our stand-in: no colour–label agreement out of distribution)',
  },
  {
    path: ['bang', 'label_smoothing'],
    value: 0.1,
    source: 'research notes next-batches.md B12 (label smoothing / mixup; values ours)',
  },
];
