/** ISS-P's own setting from its code (Jiamian-Wang/Iterative-Soft-Shrinkage-SR). */
import type { PaperSetting } from '../../core/paper';
import type { IssPConfig } from './schema';

const CODE = 'Jiamian-Wang/Iterative-Soft-Shrinkage-SR';

export const issPSetting: PaperSetting<IssPConfig>[] = [
  {
    path: ['prune', 'alphas'],
    value: [0.99],
    source: `${CODE} basicsr/utils/options.py: --ist_ratio default 0.99 (README commands: 0.95)`,
  },
  {
    path: ['prune', 'ratios'],
    value: [0.5, 0.9, 0.95, 0.99],
    source: `${CODE} README: N:M table for pr 0.5, 0.9, 0.95, 0.99`,
  },
  {
    path: ['prune', 'shrink_every'],
    value: 1,
    source: `${CODE} ist_pruner.py: _iht() after every optimizer step`,
    noteDeparture: true,
  },
  {
    path: ['train', 'lr'],
    value: 2e-4,
    source: `${CODE} options/train/SwinIR/*_lr0.0002.yml: Adam 2e-4, batch 16 per GPU (super-resolution)`,
    why: 'The SR setting; our classification transplant uses Adam 1e-3.',
  },
  { path: ['prune', 'skip_output'], value: true, source: `${CODE} README (SwinIR): --skip_layers *mean* *tail*` },
];
