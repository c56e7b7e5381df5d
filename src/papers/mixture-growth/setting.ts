/** MixtureGrowth's own setting from its code (chaudatascience/mixturegrowth README and main.py). */
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
  {
    path: ['growth', 'member_iterations'],
    value: '200 epochs per member',
    source: 'README (CIFAR-100): --growth_epochs 200 --ensemble_train_epochs 200 --epochs 440 (epochs, not steps)',
    why: 'The paper trains each WRN-28-5 member 200 epochs and the grown WRN-28-10 40 more; ours trains MLPs for a few epochs.',
  },
  {
    path: ['model', 'hidden'],
    value: 'WRN-28-10 (members WRN-28-5)',
    source: 'README: "grows to a WRN-28-10" from two WRN-28-5',
  },
];
