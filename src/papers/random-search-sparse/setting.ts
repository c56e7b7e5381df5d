/** The paper's setting as far as its abstract says (the parent, criterion and budget are not given). */
import type { PaperSetting } from '../../core/paper';
import type { RandomSearchSparseConfig } from './schema';

export const randomSearchSparseSetting: PaperSetting<RandomSearchSparseConfig>[] = [
  {
    path: ['search', 'criterion'],
    value: 'not stated in the abstract',
    source:
      'Farahani 2024, abstract: "finding better initialized sub-networks that are positioned more advantageously in the loss landscape"',
    why: 'Our criterion (validation loss at initialisation) is a reading of that sentence; the paper’s may differ.',
  },
  {
    path: ['model', 'hidden'],
    value: 'an "overparameterized network" (parent not given in the abstract)',
    source: 'Farahani 2024, abstract',
  },
];
