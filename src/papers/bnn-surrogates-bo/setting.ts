/** The planned study's settings (the paper's own were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { BoConfig } from './schema';

export const setting: PaperSetting<BoConfig>[] = [
  {
    path: ['bo', 'evaluations'],
    value: 40,
    source: "research notes next-batches.md B13 (40 evaluations; not the paper's budget)",
  },
  {
    path: ['ensemble', 'members'],
    value: 5,
    source: 'research notes next-batches.md B13 (deep ensemble of 5 small MLPs)',
  },
  {
    path: ['bo', 'candidates'],
    value: 2000,
    source: 'research notes next-batches.md B13 (EI on 2k random candidates)',
  },
];
