/** The planned experiment's settings (the paper's own were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { MonotoneDbmConfig } from './schema';

export const setting: PaperSetting<MonotoneDbmConfig>[] = [
  {
    path: ['meanfield', 'tol'],
    value: 1e-4,
    source: 'research notes next-batches.md B17 (residual < 1e-4)',
    noteDeparture: true,
  },
  {
    path: ['meanfield', 'max_iters'],
    value: 50,
    source: 'research notes next-batches.md B17 (within 50 damped iterations)',
  },
  { path: ['data', 'occlusion'], value: 0.5, source: 'research notes next-batches.md B17 (50%-occluded digits)' },
];
