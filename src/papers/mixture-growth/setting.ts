/**
 * MixtureGrowth's own setting from its code (chaudatascience/mixturegrowth README and main.py). Its
 * networks (two WRN-28-5 grown to a WRN-28-10) and budgets (200 + 200 + 40 epochs) are no values of
 * our MLP keys: the scaleNote gives them.
 */
import type { PaperSetting } from '../../core/paper';
import type { MixtureGrowthConfig } from './schema';

const CODE = 'chaudatascience/mixturegrowth main.py defaults';

export const mixtureGrowthSetting: PaperSetting<MixtureGrowthConfig>[] = [
  { path: ['model', 'templates'], value: 2, source: `${CODE}: --num_templates_each_set [2, 2]`, noteDeparture: true },
  { path: ['growth', 'lr_growing'], value: 1e-4, source: `${CODE}: --lr_growing 0.0001`, noteDeparture: true },
  {
    path: ['growth', 'coefficients'],
    value: 'orthogonal',
    source: `${CODE}: --coefs_growing orthogonal`,
    noteDeparture: true,
    why: 'The new blocks recombine trained templates along directions the members did not use.',
  },
];
