/**
 * The paper's own setting where its abstract says it. Its compander function could not be read, so
 * `compander.family` has no paper value (both families are ours; the scaleNote says so).
 */
import type { PaperSetting } from '../../core/paper';
import type { WeightCompanderConfig } from './schema';

export const weightCompanderSetting: PaperSetting<WeightCompanderConfig>[] = [
  {
    path: ['compander', 'arms'],
    value: ['wc_fixed', 'wc_learned'],
    source:
      'Cakaj, Mehnert & Yang 2023, abstract: "We extend our method to learn the hyperparameters of the introduced weight reparameterization function"',
  },
];
