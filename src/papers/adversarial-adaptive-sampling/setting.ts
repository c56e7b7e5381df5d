/** The planned problem's settings (the paper's own tables were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { AasConfig } from './schema';

export const setting: PaperSetting<AasConfig>[] = [
  {
    path: ['model', 'activation'],
    value: 'tanh',
    source: 'research notes next-batches.md B15 (tanh MLP 2-32-32-32-1)',
    noteDeparture: true,
    why: 'The Laplacian needs a smooth network.',
  },
  { path: ['model', 'hidden'], value: [32, 32, 32], source: 'research notes next-batches.md B15' },
  {
    path: ['collocation', 'interior'],
    value: 1000,
    source: 'research notes next-batches.md B15 (1,000 points, 5k steps)',
  },
];
