/** Settings of the planned experiment (the paper's own tables were not read: the notes mark its numbers ✗). */
import type { PaperSetting } from '../../core/paper';
import type { ContinualConfig } from './schema';

export const setting: PaperSetting<ContinualConfig>[] = [
  {
    path: ['model', 'hidden'],
    value: [512],
    source: 'research notes next-batches.md B9 (binary 784-512-10; not checked against the paper)',
  },
  { path: ['data', 'tasks'], value: 3, source: 'research notes next-batches.md B9 (3-task permuted MNIST)' },
];
