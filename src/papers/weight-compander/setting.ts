/** The paper's own setting where its abstract says it; the function and its values are unconfirmed. */
import type { PaperSetting } from '../../core/paper';
import type { WeightCompanderConfig } from './schema';

export const weightCompanderSetting: PaperSetting<WeightCompanderConfig>[] = [
  {
    path: ['compander', 'arms'],
    value: ['wc_fixed', 'wc_learned'],
    source:
      'Cakaj, Mehnert & Yang 2023, abstract: "We extend our method to learn the hyperparameters of the introduced weight reparameterization function"',
  },
  {
    path: ['compander', 'family'],
    value: 'the paper’s own function (not readable here)',
    source: 'next-batches.md §A9: only the abstract could be read; no code was found',
    why: 'Both families are ours; the paper’s compander may differ, so this run is a stand-in.',
  },
];
